package markup

import (
	"bytes"
	"strings"

	"github.com/yuin/goldmark/ast"
	"golang.org/x/net/html"
)

// rawURLAttrs are the attributes through which raw HTML makes a browser
// link to or fetch a file (srcset is handled apart: it holds a list).
var rawURLAttrs = map[string]bool{"href": true, "src": true, "poster": true, "data": true}

// rawHTML records the destinations a piece of raw HTML links or embeds.
// They are not rewritten (raw HTML is the author's, as written), but the
// build must know them: a bundle file is published only when something on
// the page refers to it.
func (p *postParse) rawHTML(n ast.Node) {
	var raw []byte
	var start int
	switch n := n.(type) {
	case *ast.RawHTML:
		if n.Segments.Len() == 0 {
			return
		}
		start = n.Segments.At(0).Start
		for i := 0; i < n.Segments.Len(); i++ {
			seg := n.Segments.At(i)
			raw = append(raw, seg.Value(p.src)...)
		}
	case *ast.HTMLBlock:
		lines := n.Lines()
		if lines.Len() == 0 {
			return
		}
		start = lines.At(0).Start
		for i := 0; i < lines.Len(); i++ {
			seg := lines.At(i)
			raw = append(raw, seg.Value(p.src)...)
		}
		if n.HasClosure() {
			raw = append(raw, n.ClosureLine.Value(p.src)...)
		}
	}
	first := p.lines.line(start)
	for _, u := range rawURLs(raw) {
		// Every line of a block ends in a newline, so counting them finds
		// the tag's line even where a list or quote indents the block.
		line := first + bytes.Count(raw[:u.off], []byte("\n"))
		p.links = append(p.links, Link{Dest: u.dest, Line: line, Raw: true})
	}
}

type rawURL struct {
	dest string
	off  int // of the tag in the raw HTML
}

// rawURLs returns the destinations of the tags in raw, entities decoded.
func rawURLs(raw []byte) []rawURL {
	var out []rawURL
	z := html.NewTokenizer(bytes.NewReader(raw))
	off := 0
	for {
		tt := z.Next()
		tag := off
		off += len(z.Raw())
		switch tt {
		case html.ErrorToken:
			return out
		case html.StartTagToken, html.SelfClosingTagToken:
			for more := true; more; {
				var k, v []byte
				k, v, more = z.TagAttr()
				switch key := string(k); {
				case rawURLAttrs[key]:
					out = append(out, rawURL{strings.TrimSpace(string(v)), tag})
				case key == "srcset":
					for _, d := range srcset(string(v)) {
						out = append(out, rawURL{d, tag})
					}
				}
			}
		}
	}
}

// srcset returns the addresses of a srcset list ("a.jpg 1x, b.jpg 2x").
func srcset(v string) []string {
	var out []string
	for _, c := range strings.Split(v, ",") {
		if f := strings.Fields(c); len(f) > 0 {
			out = append(out, f[0])
		}
	}
	return out
}

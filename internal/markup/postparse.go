package markup

import (
	"strings"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	extast "github.com/yuin/goldmark/extension/ast"
)

// alignClass names the classes the theme styles for aligned table columns.
var alignClass = map[extast.Alignment]string{
	extast.AlignLeft:   "align-left",
	extast.AlignCenter: "align-center",
	extast.AlignRight:  "align-right",
}

// postParse is the pass between parsing and rendering: it gives headings
// their ids, rewrites and collects destinations, and marks images lazy. It
// walks the tree once, in document order, so ids and links come out in the
// order a reader meets them.
type postParse struct {
	src    []byte
	lines  lineIndex
	ids    *headingIDs
	rw     Rewriter
	unsafe bool

	toc   []Heading
	links []Link
}

func (p *postParse) run(doc ast.Node) error {
	var scripts []*ast.AutoLink
	err := ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		if !entering {
			return ast.WalkContinue, nil
		}
		switch n := n.(type) {
		case *ast.Heading:
			p.heading(n)
		case *ast.Text:
			joinWideLines(n, p.src)
		case *ast.Link:
			n.Destination = p.destination(n, n.Destination, false)
		case *ast.AutoLink:
			if ScriptURL(string(n.URL(p.src))) {
				scripts = append(scripts, n)
			}
		case *ast.RawHTML, *ast.HTMLBlock:
			if p.unsafe {
				p.rawHTML(n)
			}
		case *extast.TableCell:
			if class, ok := alignClass[n.Alignment]; ok {
				n.SetAttributeString("class", []byte(class))
			}
		case *ast.Image:
			n.Destination = p.destination(n, n.Destination, true)
			// Pages of showcases carry dozens of photos; the browser should
			// fetch only those that come into view.
			n.SetAttributeString("loading", []byte("lazy"))
		}
		return ast.WalkContinue, nil
	})
	// An autolink to a script (<javascript:…>, which goldmark's renderer
	// lets through once raw HTML is allowed) stays as text. Replaced after
	// the walk, which would lose its place in a list it is changing.
	for _, a := range scripts {
		text := ast.NewString(a.Label(p.src))
		a.Parent().ReplaceChild(a.Parent(), a, text)
	}
	return err
}

func (p *postParse) heading(h *ast.Heading) {
	text := plainText(h, p.src)
	var id string
	if v, ok := h.AttributeString("id"); ok {
		if b, _ := v.([]byte); len(b) > 0 {
			id = string(b)
		}
	}
	if id == "" {
		id = p.ids.unique(text)
		h.SetAttributeString("id", []byte(id))
	}
	p.toc = append(p.toc, Heading{Level: h.Level, ID: id, Text: text, Line: p.lineOf(h)})
}

// destination records dest, passes it through the Rewriter and returns what
// goes into the HTML.
func (p *postParse) destination(n ast.Node, dest []byte, image bool) []byte {
	line := p.lineOf(n)
	written := string(dest)
	p.links = append(p.links, Link{Dest: written, Line: line, Image: image})
	out := written
	if p.rw != nil {
		out = p.rw(written, image, line)
	}
	// goldmark's renderer already empties most of these, but lets
	// data:image/… through; a site that does not trust raw HTML has no
	// reason to trust inline data either.
	if ScriptURL(out) || !p.unsafe && dangerousURL(out) {
		return nil
	}
	return []byte(out)
}

// lineOf returns the line of n's first text. Without text of its own (an
// empty link text, an empty heading) it takes the text just before n in the
// same block, or else the first line of the nearest block around it.
func (p *postParse) lineOf(n ast.Node) int {
	if off, ok := firstOffset(n); ok {
		return p.lines.line(off)
	}
	for x := n; x != nil; x = x.Parent() {
		if x != n && x.Type() == ast.TypeBlock && x.Lines().Len() > 0 {
			return p.lines.line(x.Lines().At(0).Start)
		}
		if x.Type() != ast.TypeInline {
			continue
		}
		for s := x.PreviousSibling(); s != nil; s = s.PreviousSibling() {
			if off, ok := lastOffset(s); ok {
				return p.lines.line(off)
			}
		}
	}
	return 1
}

// firstOffset finds the source offset of the first text in or under n.
func firstOffset(n ast.Node) (int, bool) {
	if t, ok := n.(*ast.Text); ok {
		return t.Segment.Start, true
	}
	if n.Type() == ast.TypeBlock && n.Lines().Len() > 0 {
		return n.Lines().At(0).Start, true
	}
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if off, ok := firstOffset(c); ok {
			return off, true
		}
	}
	return 0, false
}

// lastOffset finds the source offset of the last text in or under inline n.
func lastOffset(n ast.Node) (int, bool) {
	if t, ok := n.(*ast.Text); ok {
		return t.Segment.Start, true
	}
	for c := n.LastChild(); c != nil; c = c.PreviousSibling() {
		if off, ok := lastOffset(c); ok {
			return off, true
		}
	}
	return 0, false
}

// plainText is the text a reader sees in n, without markup, raw HTML or
// footnote markers.
func plainText(n ast.Node, src []byte) string {
	var b strings.Builder
	var walk func(ast.Node)
	walk = func(n ast.Node) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch c := c.(type) {
			case *ast.Text:
				b.Write(c.Segment.Value(src))
				if c.SoftLineBreak() || c.HardLineBreak() {
					b.WriteByte('\n')
				}
			case *ast.String:
				b.Write(c.Value)
			case *ast.AutoLink:
				b.Write(c.Label(src))
			case *ast.RawHTML:
			default:
				walk(c)
			}
		}
	}
	walk(n)
	return joinLines(strings.TrimSpace(b.String()))
}

// joinLines joins the lines of a multi-line (setext) heading the way the CJK
// renderer does: no space between two wide characters, one space otherwise.
func joinLines(s string) string {
	if !strings.Contains(s, "\n") {
		return s
	}
	var b strings.Builder
	for i, line := range strings.Split(s, "\n") {
		line = strings.TrimSpace(line)
		if i > 0 && line != "" {
			prev, _ := utf8.DecodeLastRuneInString(b.String())
			next, _ := utf8.DecodeRuneInString(line)
			if !joinsWithoutSpace(prev, next) {
				b.WriteByte(' ')
			}
		}
		b.WriteString(line)
	}
	return b.String()
}

// dangerousURL reports destinations that run code or embed content when
// followed. It looks at the scheme as a browser parses it: ASCII tabs and
// newlines removed, leading spaces and control characters ignored, any case.
func dangerousURL(u string) bool {
	switch scheme, _ := schemeOf(u); scheme {
	case "javascript", "vbscript", "data", "file":
		return true
	}
	return false
}

// ScriptURL reports destinations that are never right in a Markdown link or
// image, whatever the settings: javascript:, vbscript:, and data: other than
// an image. (markdown.unsafe admits raw HTML and inline images, not script.)
func ScriptURL(u string) bool {
	switch scheme, rest := schemeOf(u); scheme {
	case "javascript", "vbscript":
		return true
	case "data":
		return !strings.HasPrefix(strings.ToLower(rest), "image/")
	}
	return false
}

// schemeOf returns a URL's scheme, lower-cased, and the rest after the
// colon, as a browser parses it: ASCII tabs and newlines removed, leading
// spaces and control characters ignored.
func schemeOf(u string) (scheme, rest string) {
	u = strings.TrimLeft(u, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
	u = strings.NewReplacer("\t", "", "\n", "", "\r", "").Replace(u)
	scheme, rest, ok := strings.Cut(u, ":")
	if !ok {
		return "", ""
	}
	return strings.ToLower(scheme), rest
}

package textfile

import (
	"strings"

	"golang.org/x/net/html"
)

// shown is an HTML page's text as a browser shows it, plus its attribute
// values (a tel: link, a title): character references are replaced, tags
// inside a word are dropped (138<b>1234</b>5678 shows one number), and a
// tag that starts a block or a table cell is set off by a tab, so that two
// cells never read as one number. Attribute values follow, each between
// tabs, at the next such tag (not inside a word an inline tag splits). The
// file's line breaks are kept wherever they were, so a line of the result
// is the line of the file (attribute values aside).
func shown(src string) string {
	var b strings.Builder
	var attrs []string
	z := html.NewTokenizer(strings.NewReader(src))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			// A tag left open at the end of the file still had lines.
			b.WriteString(strings.Repeat("\n", strings.Count(string(z.Raw()), "\n")))
			flush(&b, attrs)
			return b.String()
		}
		raw := string(z.Raw())
		switch tt {
		case html.TextToken:
			// Line by line, so that a reference to a line break (&#10;)
			// does not move the lines after it.
			for i, ln := range strings.Split(raw, "\n") {
				if i > 0 {
					b.WriteByte('\n')
				}
				b.WriteString(strings.ReplaceAll(html.UnescapeString(ln), "\n", " "))
			}
			continue
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			for hasAttr {
				var val []byte
				_, val, hasAttr = z.TagAttr()
				attrs = append(attrs, strings.ReplaceAll(string(val), "\n", " "))
			}
			if !inline[string(name)] {
				b.WriteByte('\t')
				attrs = flush(&b, attrs)
			}
		}
		// Comments, doctypes and tags: only their line breaks stay.
		b.WriteString(strings.Repeat("\n", strings.Count(raw, "\n")))
	}
}

// inline are the elements that do not end a word: a number split by them
// reads as one.
var inline = map[string]bool{
	"a": true, "abbr": true, "b": true, "bdi": true, "bdo": true, "cite": true, "code": true, "data": true,
	"del": true, "dfn": true, "em": true, "font": true, "i": true, "ins": true, "kbd": true, "mark": true,
	"q": true, "s": true, "samp": true, "small": true, "span": true, "strike": true, "strong": true,
	"sub": true, "sup": true, "time": true, "tt": true, "u": true, "var": true, "wbr": true,
}

// flush writes the attribute values held back, each between tabs.
func flush(b *strings.Builder, attrs []string) []string {
	for _, v := range attrs {
		b.WriteString(v)
		b.WriteByte('\t')
	}
	return attrs[:0]
}

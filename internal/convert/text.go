package convert

import (
	"bytes"
	"strings"

	"golang.org/x/net/html"
)

// PlainText extracts the readable text of converted Markdown, for search,
// reading time and the privacy scan. Block boundaries become spaces so words of adjacent
// paragraphs (and table cells) do not run together into false bigrams, and
// runs of white space collapse to one.
func PlainText(doc []byte) string {
	z := html.NewTokenizer(bytes.NewReader(doc))
	var b strings.Builder
	for {
		switch z.Next() {
		case html.ErrorToken:
			return strings.Join(strings.Fields(b.String()), " ")
		case html.TextToken:
			b.Write(z.Text())
		case html.StartTagToken, html.EndTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "br", "div", "blockquote", "pre":
				b.WriteByte('\n')
			}
		}
	}
}

package markup

import (
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
)

// joinWideLines drops the soft line break after t when the characters on
// both sides of it are wide (Chinese), as a browser would show a space there.
// goldmark's CJK option does the same, but only between two plain text runs:
// a line that ends in a link or in bold, or a line that starts with one,
// still got a newline, so "见[附件](a.pdf)\n和说明" read "附件 和说明".
func joinWideLines(t *ast.Text, src []byte) {
	if !t.SoftLineBreak() || t.HardLineBreak() {
		return
	}
	before, ok := edgeRune(t, src, false)
	if !ok {
		before, ok = neighbourRune(t, src, false)
	}
	if !ok {
		return
	}
	after, ok := neighbourRune(t, src, true)
	if ok && joinsWithoutSpace(before, after) {
		t.SetSoftLineBreak(false)
	}
}

// joinsWithoutSpace follows the CSS rule for segment breaks (removed between
// two wide characters) with two differences for Chinese: full-width
// punctuation such as "，；：（" counts as wide, which goldmark's own check
// misses, and so do the quotation marks, dash and ellipsis of Chinese text
// when the other side is a Chinese character.
func joinsWithoutSpace(before, after rune) bool {
	wideB, wideA := isCJK(before), isCJK(after)
	switch {
	case wideB && wideA:
		return true
	case wideB:
		return isChinesePunct(after)
	case wideA:
		return isChinesePunct(before)
	}
	return false
}

// isChinesePunct lists the punctuation of Chinese text that Unicode calls
// ambiguous in width: “ ” ‘ ’ — … ·
func isChinesePunct(r rune) bool {
	switch r {
	case '\u201C', '\u201D', '\u2018', '\u2019', '\u2014', '\u2026', '\u00B7':
		return true
	}
	return false
}

// neighbourRune finds the rune a reader sees right after (forward) or right
// before n within its block, looking into and out of links and emphasis.
func neighbourRune(n ast.Node, src []byte, forward bool) (rune, bool) {
	for x := n; x != nil && x.Type() == ast.TypeInline; x = x.Parent() {
		for s := sibling(x, forward); s != nil; s = sibling(s, forward) {
			if r, ok := edgeRune(s, src, forward); ok {
				return r, true
			}
		}
	}
	return 0, false
}

func sibling(n ast.Node, forward bool) ast.Node {
	if forward {
		return n.NextSibling()
	}
	return n.PreviousSibling()
}

// edgeRune is the first (forward) or last rune of the text in inline n.
func edgeRune(n ast.Node, src []byte, forward bool) (rune, bool) {
	var b []byte
	switch n := n.(type) {
	case *ast.Text:
		b = n.Segment.Value(src)
	case *ast.String:
		b = n.Value
	case *ast.RawHTML, *ast.AutoLink:
		// Markup or a URL: neither is wide text that the break sits in.
		return 0, false
	default:
		first, next := n.FirstChild(), ast.Node.NextSibling
		if !forward {
			first, next = n.LastChild(), ast.Node.PreviousSibling
		}
		for c := first; c != nil; c = next(c) {
			if r, ok := edgeRune(c, src, forward); ok {
				return r, true
			}
		}
		return 0, false
	}
	if len(b) == 0 {
		return 0, false
	}
	if forward {
		r, _ := utf8.DecodeRune(b)
		return r, true
	}
	r, _ := utf8.DecodeLastRune(b)
	return r, true
}

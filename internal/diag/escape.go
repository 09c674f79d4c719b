package diag

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Escape returns s with every character that could act on a terminal, or
// hide what a line says, written as a visible escape: C0 controls (ESC,
// newline, CR, …), DEL and C1 controls as \x1b, \n, \u009b; the Unicode line
// and paragraph separators and the bidi embeddings, overrides, isolates and
// marks as \u2028, \u202e, …; a byte that is not UTF-8 as \xff (a lone 0x9b
// is CSI to an 8-bit terminal). Titles, field names and file names come
// from authors, so without this a title could retitle or clear the
// operator's terminal and a file name holding a newline could print a line
// of its own, such as a forged "ok:". Everything else, Chinese included, is
// kept as it is; backslashes are kept too, so escaping twice changes nothing
// and %q inside a message stays readable.
func Escape(s string) string {
	i := strings.IndexFunc(s, func(r rune) bool { return r == utf8.RuneError || unsafeRune(r) })
	if i < 0 {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 8)
	b.WriteString(s[:i])
	for s = s[i:]; len(s) > 0; {
		r, size := utf8.DecodeRuneInString(s)
		switch {
		case r == utf8.RuneError && size == 1:
			fmt.Fprintf(&b, `\x%02x`, s[0])
		case unsafeRune(r):
			writeEscape(&b, r)
		default:
			b.WriteString(s[:size])
		}
		s = s[size:]
	}
	return b.String()
}

// unsafeRune reports whether r is a control character or one of the
// invisible characters that break or reorder a line.
func unsafeRune(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0:
		return true
	case r == 0x061c, r == 0x200e, r == 0x200f: // bidi marks
		return true
	case r == 0x2028, r == 0x2029: // line and paragraph separators
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069: // bidi embeddings, overrides, isolates
		return true
	}
	return false
}

func writeEscape(b *strings.Builder, r rune) {
	switch r {
	case '\n':
		b.WriteString(`\n`)
	case '\r':
		b.WriteString(`\r`)
	case '\t':
		b.WriteString(`\t`)
	default:
		if r < 0x80 {
			fmt.Fprintf(b, `\x%02x`, r)
		} else {
			fmt.Fprintf(b, `\u%04x`, r)
		}
	}
}

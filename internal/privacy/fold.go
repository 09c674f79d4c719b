package privacy

import (
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// folded is text with the forms a reader cannot tell apart made alike, so
// that a number cannot hide behind how it is typed: NFKC folds full-width
// and other compatibility forms (１３８ → 138, ＋ → +), every space
// (NBSP, U+3000 …) becomes an ASCII space and every dash an ASCII hyphen,
// and invisible format characters (U+200B, U+2060, U+FEFF, the soft
// hyphen) are dropped. at[i] is the offset in the original text of the
// character that gave folded byte i; at[len(s)] is the text's length.
type folded struct {
	s  string
	at []int32
}

// The block of full-width forms of the printable ASCII characters ! to ~.
const fullwidthFirst, fullwidthLast = '\uFF01', '\uFF5E'

// The block of CJK Unified Ideographs.
const hanFirst, hanLast = '\u4E00', '\u9FFF'

func fold(text string) folded {
	b := make([]byte, 0, len(text))
	at := make([]int32, 0, len(text)+1)
	for i := 0; i < len(text); {
		if c := text[i]; c < utf8.RuneSelf {
			b = append(b, c)
			at = append(at, int32(i))
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(text[i:])
		n := len(b)
		switch {
		case r >= hanFirst && r <= hanLast:
			// The CJK Unified Ideographs, most characters of a page: none
			// is a space, a dash or invisible, and NFKC leaves each as it
			// is, so the three table look-ups below are spared.
			b = append(b, text[i:i+size]...)
		case unicode.Is(unicode.Cf, r) || r == utf8.RuneError:
			// Invisible: the reader sees the digits on either side as one
			// number.
		case unicode.Is(unicode.Zs, r):
			b = append(b, ' ')
		case unicode.Is(unicode.Pd, r) || r == '\u2212': // dashes and the minus sign
			b = append(b, '-')
		case r >= fullwidthFirst && r <= fullwidthLast:
			// The full-width forms of ASCII (，：（ １３８…), which Chinese
			// text is full of: NFKC maps each to its ASCII twin, and doing
			// that here spares the normaliser's work, which was most of a
			// page's scan.
			b = append(b, byte(r-fullwidthFirst+'!'))
		case norm.NFKC.PropertiesString(text[i:i+size]).Decomposition() == nil:
			// Most of a Chinese text (every Han character): NFKC leaves a
			// character without a decomposition as it is, so it is copied
			// without the normaliser's work.
			b = append(b, text[i:i+size]...)
		default:
			b = norm.NFKC.AppendString(b, text[i:i+size])
		}
		for range len(b) - n {
			at = append(at, int32(i))
		}
		i += size
	}
	return folded{s: string(b), at: append(at, int32(len(text)))}
}

// span returns the original text's byte range of folded bytes [i, j),
// i < j: from the character that gave byte i to the end of the one that
// gave byte j-1, so that nothing dropped after a number is part of it.
func (f folded) span(text string, i, j int) (start, end int) {
	start, last := int(f.at[i]), int(f.at[j-1])
	_, size := utf8.DecodeRuneInString(text[last:])
	return start, last + size
}

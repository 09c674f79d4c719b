package privacy

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TestFoldCopiesOnlyStableCharacters: the shortcut in fold (a character
// without a decomposition is copied as it is) gives what NFKC gives, for
// every character.
func TestFoldCopiesOnlyStableCharacters(t *testing.T) {
	for r := rune(0x80); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		s := string(r)
		if norm.NFKC.PropertiesString(s).Decomposition() == nil && norm.NFKC.String(s) != s {
			t.Errorf("U+%04X has no decomposition but NFKC makes it %q", r, norm.NFKC.String(s))
		}
	}
}

// BenchmarkScan measures Scan on a megabyte of text.
func BenchmarkScan(b *testing.B) {
	// A list as a disclosure's attachment has it: Chinese, dates and a
	// number on every line.
	line := "1,张三明,男,1996年3月,技术研究院智能运维研究所 工程师,2024-04-01,13812345678\n"
	text := strings.Repeat(line, 1<<20/len(line))
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Scan(text)
	}
}

// TestFoldFullwidthIsNFKC: fold's own mapping of the full-width forms of
// ASCII is what NFKC gives for each of them.
func TestFoldFullwidthIsNFKC(t *testing.T) {
	for r := fullwidthFirst; r <= fullwidthLast; r++ {
		if got, want := fold(string(r)).s, norm.NFKC.String(string(r)); got != want {
			t.Errorf("fold(U+%04X) = %q, NFKC gives %q", r, got, want)
		}
	}
}

// TestFoldHanIsNFKC: fold copies the CJK Unified Ideographs without asking
// the normaliser; NFKC, the folding it stands for, leaves every one of
// them as it is, and none is a space, a dash or a format character.
func TestFoldHanIsNFKC(t *testing.T) {
	for r := hanFirst; r <= hanLast; r++ {
		s := string(r)
		if got, want := fold(s).s, norm.NFKC.String(s); got != want {
			t.Errorf("fold(U+%04X) = %q, NFKC gives %q", r, got, want)
		}
		if unicode.In(r, unicode.Cf, unicode.Zs, unicode.Pd) {
			t.Errorf("U+%04X is a format character, a space or a dash", r)
		}
	}
}

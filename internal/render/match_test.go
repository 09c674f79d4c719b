package render

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/pubgen/pubgen/internal/corpus"
)

// finders are the finders of this package, each with the regexp it
// stands for.
var finders = map[string]finder{"dates": dates, "contacts": contacts}

// sameMatches fails unless f finds in s exactly what its regexp finds.
func sameMatches(t *testing.T, name string, f finder, s string) {
	t.Helper()
	want := regexp.MustCompile(f.pattern()).FindAllStringIndex(s, -1)
	var got [][]int
	for start, end := range f.all(s) {
		got = append(got, []int{start, end})
	}
	if slices.EqualFunc(got, want, slices.Equal) {
		return
	}
	i := 0
	for i < min(len(got), len(want)) && slices.Equal(got[i], want[i]) {
		i++
	}
	at := len(s)
	for _, m := range [][][]int{got, want} {
		if i < len(m) {
			at = min(at, m[i][0])
		}
	}
	from, to := max(0, at-40), min(len(s), at+40)
	t.Fatalf("%s: from byte %d of a text of %d, in …%q…:\ngot  %v\nwant %v (the regexp)", name, at, len(s), s[from:to], got[i:], want[i:])
}

// TestFindersMatchTheirRegexps holds each finder to its pattern as regexp
// reads it, on the corpus's pages and on random text drawn from the
// characters the patterns turn on (digits, separators, brackets, the
// date words, an address's characters) mixed with Han and Latin text.
func TestFindersMatchTheirRegexps(t *testing.T) {
	var texts []string
	for _, f := range corpus.Generate(200, 7) {
		texts = append(texts, string(f))
	}
	pieces := []string{"0", "1", "3", "4", "8", "9", "05", "138", "0571", "2026", "+86", "+", "-", " ", ":", "(", ")", "（", "）",
		"年", "月", "日", "@", ".", "_", "%", "com", "a", "Z", "&amp;", "电话", "，", "\n", "x@y.cn", "12:30", "2025-03"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range 1 + r.IntN(24) {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		texts = append(texts, b.String())
	}
	for name, f := range finders {
		for _, s := range texts {
			sameMatches(t, name, f, s)
		}
	}
}

func FuzzFinders(f *testing.F) {
	f.Add("电话 0571-8765 2100，2026年12月3日 14:30 dw@example.com")
	f.Fuzz(func(t *testing.T, s string) {
		for name, fd := range finders {
			sameMatches(t, name, fd, s)
		}
	})
}

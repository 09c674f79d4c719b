package search

import (
	"slices"
	"strings"
	"testing"
	"unicode"
)

// FuzzAnalyze holds what the browser's port of the analyser relies on:
// query keys are non-empty, unique, free of spaces except the prefix that
// marks a single character, and the same for full-width and ASCII forms.
func FuzzAnalyze(f *testing.F) {
	for _, s := range []string{"党建", "2024年党费", "ＰＤＦ 学习", "党", "a b c", "<script>alert(1)</script>", "「三会一课」", "\u00ad\u200b"} {
		f.Add(s)
	}
	m, err := newMapping()
	if err != nil {
		f.Fatal(err)
	}
	a := analyzer(m)
	f.Fuzz(func(t *testing.T, q string) {
		// Broken UTF-8 once gave a key ending in a space ("\ufffd "), which
		// collided with charKeyPrefix (corpus 42ff459ffc538962).
		keys := queryKeys(a, q)
		seen := map[string]bool{}
		for _, k := range keys {
			term := strings.TrimPrefix(k, charKeyPrefix)
			if term == "" || strings.ContainsFunc(term, unicode.IsSpace) {
				t.Fatalf("queryKeys(%q) has key %q", q, k)
			}
			if seen[k] {
				t.Fatalf("queryKeys(%q) repeats %q", q, k)
			}
			seen[k] = true
		}
		if folded := queryKeys(a, foldWidth(q)); !slices.Equal(folded, keys) {
			t.Fatalf("queryKeys(%q) = %q, but of its ASCII form %q", q, keys, folded)
		}
	})
}

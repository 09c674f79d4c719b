package page

import "testing"

// FuzzYAMLAliases holds the promise of the alias budget: whatever the front
// matter, the tree handed on holds at most maxValues values, and a front
// matter refused for its aliases comes with the problem that says why.
// The seeds in testdata/fuzz are the bombs of TestBombs. The budget is
// smaller than maxValues so that a bomb costs microseconds, not a tenth of
// a second; the code that enforces it is the same.
func FuzzYAMLAliases(f *testing.F) {
	f.Add([]byte("title: &a x\ndate: *a\ntags: [*a, *a]\n"))
	f.Fuzz(func(t *testing.T, fm []byte) {
		if len(fm) > maxFrontMatter {
			return
		}
		const limit = 1000
		v, probs := parseYAMLWithin(fm, 2, limit)
		if v == nil {
			if len(probs) == 0 {
				t.Fatal("no tree and no problem")
			}
			return
		}
		if n := count(v); n > limit {
			t.Fatalf("tree holds %d values, more than %d", n, limit)
		}
		for _, p := range probs {
			if p.pos.Line < 2 {
				t.Fatalf("problem before the front matter: %+v", p)
			}
		}
	})
}

func count(v *value) int {
	if v == nil {
		return 0
	}
	n := 1
	for _, c := range v.list {
		n += count(c)
	}
	for _, c := range v.fields {
		n += count(c)
	}
	return n
}

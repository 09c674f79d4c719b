package page

import "testing"

// FuzzYAMLAliases holds the promise of the alias budget: whatever the front
// matter, the tree handed on holds at most maxValues values, and a front
// matter refused for its aliases comes with the problem that says why.
// The seeds in testdata/fuzz are the bombs of TestBombs.
func FuzzYAMLAliases(f *testing.F) {
	f.Add([]byte("title: &a x\ndate: *a\ntags: [*a, *a]\n"))
	f.Fuzz(func(t *testing.T, fm []byte) {
		if len(fm) > maxFrontMatter {
			return
		}
		v, probs := parseYAML(fm, 2)
		if v == nil {
			if len(probs) == 0 {
				t.Fatal("no tree and no problem")
			}
			return
		}
		if n := count(v); n > maxValues {
			t.Fatalf("tree holds %d values, more than %d", n, maxValues)
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

package pipeline

import (
	"slices"
	"testing"
)

// TestChangedFiles: the paths added, changed or removed between two
// builds' sorted files, sorted.
func TestChangedFiles(t *testing.T) {
	f := func(pairs ...string) []outFile {
		var out []outFile
		for i := 0; i < len(pairs); i += 2 {
			out = append(out, outFile{pairs[i], []byte(pairs[i+1])})
		}
		return out
	}
	for _, c := range []struct {
		name      string
		prev, cur []outFile
		want      []string
	}{
		{"first build", nil, f("a", "1", "b", "2"), []string{"a", "b"}},
		{"nothing changed", f("a", "1", "b", "2"), f("a", "1", "b", "2"), nil},
		{"one changed", f("a", "1", "b", "2", "c", "3"), f("a", "1", "b", "X", "c", "3"), []string{"b"}},
		{"added in the middle", f("a", "1", "c", "3"), f("a", "1", "b", "2", "c", "3"), []string{"b"}},
		{"removed at both ends", f("a", "1", "b", "2", "c", "3"), f("b", "2"), []string{"a", "c"}},
		{"all replaced", f("a", "1", "c", "3"), f("b", "2", "d", "4"), []string{"a", "b", "c", "d"}},
		{"everything removed", f("a", "1"), nil, []string{"a"}},
	} {
		if got := changedFiles(c.prev, c.cur); !slices.Equal(got, c.want) {
			t.Errorf("%s: changedFiles = %q, want %q", c.name, got, c.want)
		}
	}
}

package search

import (
	"strings"
	"testing"
)

// TestUnnumberedNamesAreUnique: two record shards whose 35-bit hashes are
// the same (found by a birthday search, once) are named apart by a longer
// hash, and the family goes back to the short one when they no longer meet.
func TestUnnumberedNamesAreUnique(t *testing.T) {
	script := func(url string) []byte {
		js, err := shardScript("r", [][]string{{url}})
		if err != nil {
			t.Fatal(err)
		}
		return js
	}
	a, b := script("p33236"), script("p284870")
	if nameHash(a) != nameHash(b) {
		t.Fatalf("the two scripts no longer meet: %s, %s", nameHash(a), nameHash(b))
	}
	s := shardSet{prefix: "r", group: 2, unnumbered: true}
	names := func() (shardNames, map[string][]byte) {
		sn, err := s.names()
		if err != nil {
			t.Fatal(err)
		}
		files := map[string][]byte{}
		s.addTo(files, sn)
		return sn, files
	}
	s.resize(3)
	s.set(0, a)
	s.set(1, script("other"))
	s.set(2, b)
	sn, files := names()
	if sn.Width != nameHashLen+1 || len(files) != 3+2 {
		t.Fatalf("width %d, files %v", sn.Width, fileKeys(files))
	}
	for name, js := range files {
		if strings.HasPrefix(name, exportDir+"r.") && !strings.Contains(name, "."+contentHash(js, sn.Width)+".") {
			t.Errorf("%s does not name its content", name)
		}
	}
	s.set(2, script("third"))
	if sn, files = names(); sn.Width != 0 || len(files) != 3+2 {
		t.Fatalf("width %d once they no longer meet, files %v", sn.Width, fileKeys(files))
	}
}

func fileKeys(m map[string][]byte) []string {
	var out []string
	for k := range m {
		out = append(out, k)
	}
	return out
}

package search

import (
	"errors"
	"testing"
)

// TestOpenInUse: while one pubgen (serve) holds the index, another (build)
// is told so after a short wait, instead of hanging on the lock or deleting
// the index under the first one.
func TestOpenInUse(t *testing.T) {
	dir := t.TempDir()
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if _, err := ix.Update(genCorpus(3)); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(dir); !errors.Is(err, ErrInUse) {
		t.Fatalf("second Open: %v, want ErrInUse", err)
	}
	hits, err := ix.Search(genCorpus(3)[0].Title, Query{Limit: 1})
	if err != nil || len(hits) == 0 {
		t.Errorf("the first index was disturbed: %v, %v", hits, err)
	}
}

package search

import (
	"errors"
	"os"
	"path/filepath"
	"testing"
)

func TestGuardRecoversPanic(t *testing.T) {
	err := guard(func() error { var s []byte; _ = s[3]; return nil })
	if !errors.Is(err, ErrDamaged) {
		t.Fatalf("guard = %v, want ErrDamaged", err)
	}
}

// closedIndex writes a three-document index in a new folder and closes it.
func closedIndex(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ix.Update(genCorpus(3)); err != nil {
		t.Fatal(err)
	}
	if err := ix.Close(); err != nil {
		t.Fatal(err)
	}
	return dir
}

func reopen(t *testing.T, dir string) *Index {
	t.Helper()
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() }) // a second Close is harmless
	return ix
}

func TestOpenSeesFlippedSegmentByte(t *testing.T) {
	dir := closedIndex(t)
	ix := reopen(t, dir)
	if ix.Damage() != nil {
		t.Fatalf("a clean index reports damage: %v", ix.Damage())
	}
	ix.Close()
	zaps, _ := filepath.Glob(filepath.Join(dir, "bleve", "store", "*.zap"))
	if len(zaps) == 0 {
		t.Fatal("no zap segment on disk")
	}
	b, err := os.ReadFile(zaps[0])
	if err != nil {
		t.Fatal(err)
	}
	b[len(b)/2] ^= 1
	if err := os.WriteFile(zaps[0], b, 0o644); err != nil {
		t.Fatal(err)
	}
	if ix := reopen(t, dir); ix.Damage() == nil {
		t.Error("Open did not notice a flipped bit in a segment")
	}
}

func TestOpenSeesRollback(t *testing.T) {
	dir := closedIndex(t)
	// As if scorch had fallen back to an older snapshot than the last
	// Update wrote.
	if err := os.WriteFile(generationFile(filepath.Join(dir, "bleve")), []byte("7"), 0o644); err != nil {
		t.Fatal(err)
	}
	if ix := reopen(t, dir); ix.Damage() == nil {
		t.Error("Open did not notice the index went back a generation")
	}
}

func TestRebuildEmptiesTheIndex(t *testing.T) {
	ix := reopen(t, closedIndex(t))
	if err := ix.Rebuild(); err != nil {
		t.Fatal(err)
	}
	st, err := ix.Update(genCorpus(3))
	if err != nil || st.Added != 3 {
		t.Fatalf("Update after Rebuild = %+v, %v; want 3 added", st, err)
	}
}

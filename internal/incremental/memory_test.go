package incremental

import (
	"github.com/pubgen/pubgen/internal/memo"
	"testing"
	"testing/fstest"
	"time"
)

// TestCopiedTrustsOnlyOldStats: a copied file is read again unless its
// stat, taken outside the racy window, is the one it was read with (memo's
// rule 5); a fresh file is read every time.
func TestCopiedTrustsOnlyOldStats(t *testing.T) {
	old := time.Now().Add(-time.Hour)
	fsys := fstest.MapFS{"static/a.txt": {Data: []byte("one"), ModTime: old}}
	var c Copied
	read := func(want string) {
		t.Helper()
		got, err := c.Read(fsys, "static/a.txt")
		if err != nil || string(got) != want {
			t.Fatalf("Read = %q, %v; want %q", got, err, want)
		}
	}
	read("one")
	fsys["static/a.txt"].Data = []byte("two") // same size, same time: the stat proves nothing changed
	read("one")
	fsys["static/a.txt"].ModTime = old.Add(time.Second)
	read("two")
	fsys["static/a.txt"].ModTime = time.Now() // within the racy window
	fsys["static/a.txt"].Data = []byte("333")
	read("333")
	fsys["static/a.txt"].Data = []byte("444")
	read("444")
	c.Sweep()
	c.Sweep()
	if c.t.Len() != 0 {
		t.Errorf("a file no build copied is still held")
	}
}

// TestNilMemoryRemembersNothing: a clean build's nil *Memory hands out
// nil tables, which parse and read every time.
func TestNilMemoryRemembersNothing(t *testing.T) {
	var m *Memory
	if m.Pages() != nil || m.Convert() != nil || m.Privacy() != nil || m.Files() != nil || m.Render() != nil || m.Copied() != nil || m.Related() != nil || m.Prints() != nil {
		t.Error("a nil Memory handed out a table")
	}
	if m.Attach("") == nil {
		t.Error("a clean build has no attachment cache")
	}
	fsys := fstest.MapFS{"content/a.md": {Data: []byte("---\ntitle: 甲\ndate: 2024-07-01\n---\n")}}
	if _, _, _, ok := m.Pages().Unchanged(fsys, "content/a.md", time.UTC); ok {
		t.Error("a nil page table claims a page is unchanged")
	}
	if p, _ := m.Pages().Parse("content/a.md", fsys["content/a.md"].Data, time.UTC, memo.Stat{}); p == nil || p.Title != "甲" {
		t.Errorf("Parse through a nil table = %+v", p)
	}
}

package memo

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"
)

func TestTable(t *testing.T) {
	var tb Table[string]
	v1, v2 := Sum([]byte("a")), Sum([]byte("b"))
	if _, ok := tb.Get("x", v1); ok {
		t.Fatal("an empty table answered")
	}
	tb.Put("x", v1, "one")
	if got, ok := tb.Get("x", v1); !ok || got != "one" {
		t.Errorf("Get(x, v1) = %q, %v; want one", got, ok)
	}
	if _, ok := tb.Get("x", v2); ok {
		t.Error("an entry made from v1 answered for v2")
	}
	tb.Put("y", v1, "two")
	tb.Sweep() // both used in this round
	if tb.Len() != 2 {
		t.Fatalf("after a round using both, %d entries, want 2", tb.Len())
	}
	tb.Get("x", v1)
	tb.Sweep() // y was not asked for
	if _, ok := tb.Get("y", v1); ok || tb.Len() != 1 {
		t.Errorf("y survived a round that did not ask for it (%d entries)", tb.Len())
	}
	var none *Table[string]
	none.Put("x", v1, "one")
	if _, ok := none.Get("x", v1); ok {
		t.Error("a nil table remembered")
	}
	none.Sweep()
}

func TestSumLengthPrefixed(t *testing.T) {
	if Sum([]byte("ab"), []byte("c")) == Sum([]byte("a"), []byte("bc")) {
		t.Error("Sum(ab, c) == Sum(a, bc)")
	}
}

func TestStat(t *testing.T) {
	old := time.Now().Add(-time.Hour)
	fsys := fstest.MapFS{
		"old":   {Data: []byte("12345"), ModTime: old},
		"fresh": {Data: []byte("12345"), ModTime: time.Now()},
	}
	st := func(name string) Stat {
		fi, err := fs.Stat(fsys, name)
		if err != nil {
			t.Fatal(err)
		}
		return StatOf(fi)
	}
	if !st("old").Proves(st("old")) {
		t.Error("an old file's unchanged stat does not prove it unchanged")
	}
	if st("fresh").Proves(st("fresh")) {
		t.Error("a file written within the racy window is trusted on its stat")
	}
	fsys["old"] = &fstest.MapFile{Data: []byte("12345"), ModTime: old.Add(time.Second)}
	if (Stat{Size: 5, MTime: old.UnixNano()}).Proves(st("old")) {
		t.Error("a new modification time of the same size is trusted")
	}
}

// TestStatSeesTimesSetBack: a file whose modification time a program set
// back to an hour ago (cp -p, rsync -t, tar) is not trusted on it while
// its change time, which the system stamps, is within the racy window;
// and a stat differing only in change time or identity proves nothing.
func TestStatSeesTimesSetBack(t *testing.T) {
	p := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(p, []byte("12345"), 0o644); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(p, old, old); err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(p)
	if err != nil {
		t.Fatal(err)
	}
	if c, _, _ := sysStat(fi); c == 0 {
		t.Log("this system reports no change time; size and modification time decide alone")
	} else if st := StatOf(fi); st.MTime != 0 {
		t.Errorf("a file whose times were set a moment ago is trusted on its stat: %+v", st)
	}
	was := Stat{Size: 5, MTime: old.UnixNano(), CTime: old.UnixNano(), Dev: 1, Ino: 2}
	for _, now := range []Stat{
		{Size: 5, MTime: old.UnixNano(), CTime: old.Add(time.Second).UnixNano(), Dev: 1, Ino: 2},
		{Size: 5, MTime: old.UnixNano(), CTime: old.UnixNano(), Dev: 1, Ino: 3},
	} {
		if was.Proves(now) {
			t.Errorf("%+v proves %+v unchanged", was, now)
		}
	}
}

//go:build unix

package publish

import (
	"maps"
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// TestPublishUpdateLinksUnchangedFiles checks the watch mode's publish:
// the result is exactly what Publish would write, unchanged files are the
// published files themselves (hard links, not copies), and changed files
// are new files, so the site being replaced never changed under a reader.
func TestPublishUpdateLinksUnchangedFiles(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	first := []Entry{
		{Path: "index.html", Data: []byte("首页 v1")},
		{Path: "notices/a/index.html", Data: []byte("通知 a")},
		{Path: "assets/style.css", Data: []byte("body{}")},
	}
	if _, err := Publish(dest, first); err != nil {
		t.Fatal(err)
	}
	inode := func(p string) uint64 {
		fi, err := os.Stat(filepath.Join(dest, p))
		if err != nil {
			t.Fatal(err)
		}
		return fi.Sys().(*syscall.Stat_t).Ino
	}
	before := map[string]uint64{}
	for _, e := range first {
		before[e.Path] = inode(e.Path)
	}
	oldIndex, err := os.Open(filepath.Join(dest, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	defer oldIndex.Close()

	second := []Entry{
		{Path: "index.html", Data: []byte("首页 v2")},
		{Path: "notices/a/index.html", Data: []byte("通知 a")},
		{Path: "assets/style.css", Data: []byte("body{}")},
		{Path: "notices/b/index.html", Data: []byte("通知 b")},
	}
	changed := map[string]bool{"index.html": true, "notices/b/index.html": true}
	rep, err := PublishUpdate(dest, second, func(p string) bool { return !changed[p] })
	if err != nil {
		t.Fatal(err)
	}
	if rep.Files != 4 {
		t.Errorf("report counts %d files, want 4", rep.Files)
	}
	want := t.TempDir() + "/want"
	if _, err := Publish(want, second); err != nil {
		t.Fatal(err)
	}
	if got, exp := tree(t, dest), tree(t, want); !maps.Equal(got, exp) {
		t.Errorf("PublishUpdate wrote\n%v\nPublish writes\n%v", got, exp)
	}
	for _, p := range []string{"notices/a/index.html", "assets/style.css"} {
		if inode(p) != before[p] {
			t.Errorf("%s was copied; want the published file linked", p)
		}
	}
	if inode("index.html") == before["index.html"] {
		t.Error("index.html changed in place")
	}
	// A reader who opened the old index.html still reads the old site.
	buf := make([]byte, 64)
	n, _ := oldIndex.ReadAt(buf, 0)
	if string(buf[:n]) != "首页 v1" {
		t.Errorf("the replaced site changed under a reader: %q", buf[:n])
	}
	if l := leftovers(t, dest); len(l) != 0 {
		t.Errorf("left behind: %v", l)
	}
}

package source

import (
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
)

// countingFS counts the folder listings asked of it.
type countingFS struct {
	fstest.MapFS
	lists map[string]int
}

func (c countingFS) ReadDir(name string) ([]fs.DirEntry, error) {
	c.lists[name]++
	return c.MapFS.ReadDir(name)
}

// TestListedListsOnce: the three walks of a build (links, kinds, Walk) list
// each folder once between them and see the same files, while a file's
// bytes are still read afresh.
func TestListedListsOnce(t *testing.T) {
	inner := countingFS{fstest.MapFS{
		"content/a.md":       {Data: []byte("a")},
		"content/b/index.md": {Data: []byte("b")},
		"static/x.css":       {Data: []byte("x")},
	}, map[string]int{}}
	fsys := Listed(inner)
	if l := CheckLinks(fsys); len(l) > 0 {
		t.Fatal(l)
	}
	if l := CheckKinds(fsys); len(l) > 0 {
		t.Fatal(l)
	}
	s, err := Walk(fsys)
	if err != nil {
		t.Fatal(err)
	}
	if len(s.Pages) != 2 || len(s.Static) != 1 {
		t.Errorf("Walk through Listed found pages %q, static %q", s.Pages, s.Static)
	}
	for dir, n := range inner.lists {
		if n != 1 {
			t.Errorf("%s listed %d times, want once", dir, n)
		}
	}
	inner.MapFS["content/a.md"] = &fstest.MapFile{Data: []byte("changed")}
	if data, _ := fs.ReadFile(fsys, "content/a.md"); string(data) != "changed" {
		t.Errorf("read %q through Listed, want the file's current bytes", data)
	}
}

// TestListedKeepsLinks: over a file system that reads links, Listed still
// lets CheckLinks see a link out of the site.
func TestListedKeepsLinks(t *testing.T) {
	dir := t.TempDir()
	os.MkdirAll(filepath.Join(dir, "content"), 0o755)
	if err := os.Symlink("/etc/passwd", filepath.Join(dir, "content", "p.md")); err != nil {
		t.Skip(err)
	}
	if l := CheckLinks(Listed(DirFS(dir))); len(l) != 1 {
		t.Errorf("CheckLinks through Listed: %v, want the link out of the site", l)
	}
}

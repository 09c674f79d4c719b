package source

import (
	"io/fs"
	"slices"
	"testing"
	"testing/fstest"
)

// askingFS counts what is asked of the disk: listings and stats.
type askingFS struct {
	fstest.MapFS
	asked map[string]int
}

func (a askingFS) ReadDir(name string) ([]fs.DirEntry, error) {
	a.asked["list "+name]++
	return a.MapFS.ReadDir(name)
}

func (a askingFS) Lstat(name string) (fs.FileInfo, error) {
	a.asked["lstat "+name]++
	return a.MapFS.Lstat(name)
}

func (a askingFS) Stat(name string) (fs.FileInfo, error) {
	a.asked["stat "+name]++
	return a.MapFS.Stat(name)
}

func names(t *testing.T, fsys fs.FS, dir string) []string {
	t.Helper()
	es, err := fs.ReadDir(fsys, dir)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range es {
		out = append(out, e.Name())
	}
	return out
}

func size(t *testing.T, fsys fs.FS, name string) int64 {
	t.Helper()
	fi, err := fs.Stat(fsys, name)
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}

// TestKnownAsksOnlyAboutChanges: once told of changes, a build lists and
// stats only the paths reported since the last, and sees every change
// reported: a file written, a file added (its folder's listing), a folder
// removed with what was in it.
func TestKnownAsksOnlyAboutChanges(t *testing.T) {
	disk := askingFS{fstest.MapFS{
		"content/a.md":      {Data: []byte("a")},
		"content/b.md":      {Data: []byte("b")},
		"content/sub/c.md":  {Data: []byte("c")},
		"static/style.css":  {Data: []byte("x")},
		"content/sub/d.png": {Data: []byte("d")},
	}, map[string]int{}}
	var k Known
	// Not told yet: everything is asked every build.
	names(t, k.FS(disk), "content")
	names(t, k.FS(disk), "content")
	if n := disk.asked["list content"]; n != 2 {
		t.Fatalf("before Changed, content was listed %d times in two builds, want 2", n)
	}
	k.Changed(nil) // the watcher's first batch: from now on, trusted
	fsys := k.FS(disk)
	names(t, fsys, "content")
	size(t, fsys, "content/a.md")
	size(t, fsys, "content/b.md")
	size(t, fsys, "content/sub/c.md")
	clear(disk.asked)

	fsys = k.FS(disk) // a build with nothing reported
	names(t, fsys, "content")
	size(t, fsys, "content/a.md")
	size(t, fsys, "content/sub/c.md")
	if len(disk.asked) != 0 {
		t.Errorf("with nothing reported, the disk was asked %v", disk.asked)
	}

	disk.MapFS["content/a.md"] = &fstest.MapFile{Data: []byte("aa")}
	disk.MapFS["content/e.md"] = &fstest.MapFile{Data: []byte("e")}
	delete(disk.MapFS, "content/sub/c.md")
	delete(disk.MapFS, "content/sub/d.png")
	k.Changed([]string{"content/a.md", "content/e.md", "content/sub"})
	fsys = k.FS(disk)
	if got, want := names(t, fsys, "content"), []string{"a.md", "b.md", "e.md"}; !slices.Equal(got, want) {
		t.Errorf("content lists %v after the changes, want %v", got, want)
	}
	if got := size(t, fsys, "content/a.md"); got != 2 {
		t.Errorf("content/a.md has size %d after its write, want 2", got)
	}
	if _, err := fs.Stat(fsys, "content/sub/c.md"); err == nil {
		t.Error("a file in a removed folder is still there")
	}
	size(t, fsys, "content/b.md")
	if disk.asked["stat content/b.md"]+disk.asked["lstat content/b.md"] != 0 {
		t.Errorf("an unreported file was asked about again: %v", disk.asked)
	}

	k.Forget()
	clear(disk.asked)
	size(t, k.FS(disk), "content/b.md")
	if disk.asked["stat content/b.md"] == 0 {
		t.Error("after Forget, a file was not asked about again")
	}
}

// TestKnownAsksThroughLinksEveryTime: what lies behind a symbolic link
// changes under the target's path, which the watcher reports instead of
// the link's: a link, and anything through a linked folder, is asked
// about on every build.
func TestKnownAsksThroughLinksEveryTime(t *testing.T) {
	disk := askingFS{fstest.MapFS{
		"content/real/a.md": {Data: []byte("a")},
		"content/linked":    {Data: []byte("real"), Mode: fs.ModeSymlink},
		"content/b.md":      {Data: []byte("real/a.md"), Mode: fs.ModeSymlink},
	}, map[string]int{}}
	var k Known
	k.Changed(nil)
	for range 2 {
		fsys := k.FS(disk)
		names(t, fsys, "content/linked")
		size(t, fsys, "content/linked/a.md")
		size(t, fsys, "content/b.md")
	}
	disk.MapFS["content/real/a.md"] = &fstest.MapFile{Data: []byte("aaa")}
	disk.MapFS["content/real/z.md"] = &fstest.MapFile{Data: []byte("z")}
	k.Changed([]string{"content/real/a.md", "content/real/z.md"})
	fsys := k.FS(disk)
	if got, want := names(t, fsys, "content/linked"), []string{"a.md", "z.md"}; !slices.Equal(got, want) {
		t.Errorf("the linked folder lists %v, want %v", got, want)
	}
	if got := size(t, fsys, "content/linked/a.md"); got != 3 {
		t.Errorf("a file through a linked folder has size %d, want 3", got)
	}
	if got := size(t, fsys, "content/b.md"); got != 3 {
		t.Errorf("a linked file has size %d, want its target's 3", got)
	}
}

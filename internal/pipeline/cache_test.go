package pipeline

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

// TestSessionForgetsDeletedPages: every memo of a session holds the pages
// of the last build and no others, so a long serve session in which
// authors add, rename and delete pages does not grow without bound, and no
// entry outlives the file it was made from.
func TestSessionForgetsDeletedPages(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{"pubgen.toml": "title = \"t\"\n"}
	for i := range 6 {
		files[fmt.Sprintf("content/notices/n%d.md", i)] = fmt.Sprintf("---\ntitle: 通知%d\ndate: 2026-05-0%d\n---\n正文%d。\n", i, i+1, i)
	}
	writeSite(t, dir, files)
	sess := NewSession(os.DirFS(dir), Options{Now: demoNow, NoSearch: true})
	held := func() map[string]int {
		m := sess.caches.mem()
		return map[string]int{"parsed": m.Pages().Len(), "converted": m.Convert().Len(),
			"privacy": m.Privacy().Len(), "fingerprints": m.Prints().Len()}
	}
	// The home page and the section index have no file but are converted,
	// scanned and hashed like pages.
	check := func(what string, files int) {
		t.Helper()
		if _, _, _, err := sess.Build(); err != nil {
			t.Fatal(err)
		}
		want := map[string]int{"parsed": files, "converted": files + 2, "privacy": files + 2, "fingerprints": files + 2}
		for k, n := range held() {
			if n != want[k] {
				t.Errorf("%s: the %s memo holds %d entries, want %d", what, k, n, want[k])
			}
		}
	}
	check("first build", 6)
	for i := range 4 {
		if err := os.Remove(filepath.Join(dir, fmt.Sprintf("content/notices/n%d.md", i))); err != nil {
			t.Fatal(err)
		}
	}
	check("after deleting four pages", 2)
	if err := os.Rename(filepath.Join(dir, "content/notices/n4.md"), filepath.Join(dir, "content/notices/renamed.md")); err != nil {
		t.Fatal(err)
	}
	check("after a rename", 2)
}

package publish

import (
	"path"
	"path/filepath"
	"strings"
	"testing"
)

// FuzzCheckPath holds checkPath to its promise: every path it accepts is
// clean, relative and lands inside the destination on this system.
func FuzzCheckPath(f *testing.F) {
	for _, s := range []string{"index.html", "notices/a/index.html", "../x", "a/../b", "/abs", `a\b`, "a//b", "./a", "a/", "\x00", "通知/索引.html"} {
		f.Add(s)
	}
	root := filepath.FromSlash("/site/public")
	f.Fuzz(func(t *testing.T, p string) {
		if checkPath(p) != nil {
			return
		}
		if path.Clean(p) != p || path.IsAbs(p) {
			t.Fatalf("accepted %q, which is not a clean relative path", p)
		}
		full := filepath.Join(root, filepath.FromSlash(p))
		if !strings.HasPrefix(full, root+string(filepath.Separator)) {
			t.Fatalf("accepted %q, which lands at %s outside %s", p, full, root)
		}
	})
}

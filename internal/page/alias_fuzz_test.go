package page

import (
	"path"
	"strings"
	"testing"
)

// FuzzCleanAlias holds the promise aliases rely on: an accepted alias is a
// clean relative folder path that stays inside the site, so its redirect
// page can never be written outside public/.
func FuzzCleanAlias(f *testing.F) {
	for _, s := range []string{"/old/notice-1/", "old/a.html", "../../etc", "/a/./b", "https://x/", "/通知/旧/", "a/index.html", "/", "..", "a\\..\\b", " /x/ "} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, a string) {
		c, ok := CleanAlias(a)
		if !ok {
			return
		}
		if c == "" || c == "." || strings.HasPrefix(c, "/") || path.Clean(c) != c || strings.ContainsAny(c, "\\\x00?#") || strings.Contains(c, "://") {
			t.Fatalf("CleanAlias(%q) = %q, not a clean relative path", a, c)
		}
		for _, seg := range strings.Split(c, "/") {
			if seg == ".." || seg == "." {
				t.Fatalf("CleanAlias(%q) = %q climbs", a, c)
			}
		}
		if c2, ok := CleanAlias(c); !ok || c2 != c {
			t.Fatalf("CleanAlias(%q) = %q, but CleanAlias(%q) = %q, %v", a, c, c, c2, ok)
		}
	})
}

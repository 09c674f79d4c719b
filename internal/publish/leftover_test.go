package publish

import (
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pubgen/pubgen/internal/msg"
)

// stuckRemove removes dir as removeTree does, except when it holds a file
// named "stuck": then it fails the way os.RemoveAll does on a root-owned
// file in a read-only folder, naming that file, and removes nothing. It
// makes the leftover logic testable whatever user runs the tests.
func stuckRemove(dir string) error {
	var stuck string
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && d.Name() == "stuck" {
			stuck = p
		}
		return nil
	})
	if stuck == "" {
		return removeTree(dir)
	}
	return &fs.PathError{Op: "unlinkat", Path: stuck, Err: fs.ErrPermission}
}

// TestUnremovableLeftoverIsAWarning: a file another tool put into the
// published site that cannot be removed (certbot's root-owned
// .well-known/) stays behind when the old site is retired; that publish
// and every later one succeed and name the file in a warning.
func TestUnremovableLeftoverIsAWarning(t *testing.T) {
	for name, p := range publishers() {
		t.Run(name, func(t *testing.T) {
			p.remove = stuckRemove
			dest := filepath.Join(t.TempDir(), "public")
			if _, err := p.publish(dest, []Entry{{Path: "index.html", Data: []byte("v1")}}); err != nil {
				t.Fatal(err)
			}
			seed(t, dest, map[string]string{".well-known/acme-challenge/stuck": "token"})
			for _, v := range []string{"v2", "v3", "v4"} {
				rep, err := p.publish(dest, []Entry{{Path: "index.html", Data: []byte(v)}})
				if err != nil {
					t.Fatalf("publish %s: %v", v, err)
				}
				if want := map[string]string{"index.html": "-rw-r--r-- " + v}; !maps.Equal(tree(t, dest), want) {
					t.Errorf("dest after publish %s = %v, want %v", v, tree(t, dest), want)
				}
				if len(rep.Warnings) == 0 {
					t.Fatalf("publish %s: no warning about the leftover", v)
				}
				for _, w := range rep.Warnings {
					if w := (msg.Printer{Lang: msg.English}).Text(w); !strings.Contains(w, filepath.Join(".well-known", "acme-challenge", "stuck")) || !strings.Contains(w, "permission denied") {
						t.Errorf("publish %s: warning %q does not name the stuck file and why", v, w)
					}
				}
			}
		})
	}
}

// TestReadOnlyLeftoverOnDisk is the same with a real read-only folder:
// 0555 for an ordinary user, the immutable attribute for root.
func TestReadOnlyLeftoverOnDisk(t *testing.T) {
	parent := t.TempDir()
	dest := filepath.Join(parent, "public")
	if _, err := Publish(dest, []Entry{{Path: "index.html", Data: []byte("v1")}}); err != nil {
		t.Fatal(err)
	}
	seed(t, dest, map[string]string{".well-known/acme-challenge/token": "x"})
	thaw(t, parent) // the folder moves out of dest; undo it wherever it ends
	makeReadOnly(t, filepath.Join(dest, ".well-known", "acme-challenge"))
	for _, v := range []string{"v2", "v3"} {
		rep, err := Publish(dest, []Entry{{Path: "index.html", Data: []byte(v)}})
		if err != nil {
			t.Fatalf("publish %s: %v", v, err)
		}
		if len(rep.Warnings) == 0 || !strings.Contains(rep.Warnings[0].String(), filepath.Join("acme-challenge", "token")) {
			t.Errorf("publish %s: warnings %q do not name the leftover", v, rep.Warnings)
		}
		if data, _ := os.ReadFile(filepath.Join(dest, "index.html")); string(data) != v {
			t.Errorf("publish %s: index.html = %q", v, data)
		}
	}
}

// thaw makes everything below dir removable again when the test ends.
func thaw(t *testing.T, dir string) {
	t.Cleanup(func() {
		exec.Command("chattr", "-R", "-i", dir).Run()
		filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
			if err == nil && d.IsDir() {
				os.Chmod(p, 0o755)
			}
			return nil
		})
	})
}

package deniedfs

import (
	"errors"
	"io/fs"
	"testing"
	"testing/fstest"
)

// TestRefusesOnlyTheDeniedFile: the denied file is refused with a
// permission error both ways; another file reads as it is.
func TestRefusesOnlyTheDeniedFile(t *testing.T) {
	d := FS{MapFS: fstest.MapFS{"a.txt": {Data: []byte("a")}, "b.txt": {Data: []byte("b")}}, Denied: "a.txt"}
	if _, err := d.Open("a.txt"); !errors.Is(err, fs.ErrPermission) {
		t.Errorf("Open of the denied file: %v, want a permission error", err)
	}
	if _, err := fs.ReadFile(d, "a.txt"); !errors.Is(err, fs.ErrPermission) {
		t.Errorf("ReadFile of the denied file: %v, want a permission error", err)
	}
	if b, err := fs.ReadFile(d, "b.txt"); err != nil || string(b) != "b" {
		t.Errorf("ReadFile of another file: %q, %v", b, err)
	}
}

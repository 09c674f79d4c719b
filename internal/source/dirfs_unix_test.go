//go:build unix

package source

import (
	"errors"
	"github.com/pubgen/pubgen/internal/msg"
	"io/fs"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// within fails the test if f has not returned after a few seconds: opening
// a named pipe the ordinary way waits for a writer forever.
func within(t *testing.T, f func()) {
	t.Helper()
	done := make(chan struct{})
	go func() { defer close(done); f() }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("still blocked after 10s: a named pipe was opened for reading")
	}
}

func mkfifo(t *testing.T, p string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skipf("cannot make a named pipe here: %v", err)
	}
}

// TestDirFSRefusesPipes opens a real FIFO through DirFS, as the build would
// if one replaced a checked file just before the open: the open returns at
// once with an error naming the file, and ordinary files still read.
func TestDirFSRefusesPipes(t *testing.T) {
	dir := t.TempDir()
	mkfifo(t, filepath.Join(dir, "content", "x.md"))
	if err := os.WriteFile(filepath.Join(dir, "content", "ok.md"), []byte("正文"), 0o644); err != nil {
		t.Fatal(err)
	}
	fsys := DirFS(dir)
	want := "open content/x.md: is a named pipe (FIFO), not a regular file (expected an ordinary file; delete or move it)"
	within(t, func() {
		f, err := fsys.Open("content/x.md")
		if err == nil {
			f.Close()
			t.Error("Open of a named pipe succeeded")
		} else if err.Error() != want || !errors.As(err, new(NotRegular)) {
			t.Errorf("Open: got %q, want %q", err, want)
		}
		if _, err := fs.ReadFile(fsys, "content/x.md"); err == nil || err.Error() != want {
			t.Errorf("ReadFile: got %v, want %q", err, want)
		}
	})
	if b, err := fs.ReadFile(fsys, "content/ok.md"); err != nil || string(b) != "正文" {
		t.Errorf("ReadFile of an ordinary file: %q, %v", b, err)
	}
	if _, err := fsys.Open("../etc/passwd"); !errors.Is(err, fs.ErrInvalid) {
		t.Errorf("Open outside the root: got %v, want fs.ErrInvalid", err)
	}
	if _, err := fsys.Open("content/missing.md"); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("Open of a missing file: got %v, want fs.ErrNotExist", err)
	}
	if got := CheckKinds(fsys); len(got) != 1 || got[0].In(msg.Printer{Lang: msg.English}) != "content/x.md: is a named pipe (FIFO), not a regular file (expected an ordinary file; delete or move it)" {
		t.Errorf("CheckKinds on the real folder: %v", got)
	}
}

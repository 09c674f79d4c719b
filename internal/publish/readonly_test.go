package publish

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// makeReadOnly makes dir unwritable for this process. Root ignores 0555, so
// as root it also sets the immutable attribute, and skips if neither works.
func makeReadOnly(t *testing.T, dir string) {
	t.Helper()
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	if !writable(dir) {
		return
	}
	if exec.Command("chattr", "+i", dir).Run() == nil {
		t.Cleanup(func() { exec.Command("chattr", "-i", dir).Run() })
	}
	if writable(dir) {
		t.Skip("cannot make a folder read-only for this user")
	}
}

func writable(dir string) bool {
	probe := filepath.Join(dir, "probe")
	f, err := os.Create(probe)
	if err != nil {
		return false
	}
	f.Close()
	os.Remove(probe)
	return true
}

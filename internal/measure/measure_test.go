package measure

import (
	"os"
	"path/filepath"
	"testing"
)

// TestDirSize: the files of nested folders add up; folders add nothing.
func TestDirSize(t *testing.T) {
	dir := t.TempDir()
	if err := os.MkdirAll(filepath.Join(dir, "a", "b"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, n := range map[string]int{"x": 3, "a/y": 40, "a/b/z": 500} {
		if err := os.WriteFile(filepath.Join(dir, name), make([]byte, n), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	got, err := DirSize(dir)
	if err != nil || got != 543 {
		t.Fatalf("DirSize = %d, %v; want 543", got, err)
	}
	if _, err := DirSize(filepath.Join(dir, "missing")); err == nil {
		t.Error("DirSize of a missing folder: no error")
	}
}

// TestCPUTimeGrows: work done in this process shows in its CPU time.
func TestCPUTimeGrows(t *testing.T) {
	before := CPUTime()
	x := 0
	for i := range 50_000_000 {
		x ^= i * i
	}
	after := CPUTime()
	if after == 0 {
		t.Skip("CPU time is not measured on this system")
	}
	if after <= before {
		t.Errorf("CPUTime did not grow over a busy loop (%v → %v, %d)", before, after, x)
	}
}

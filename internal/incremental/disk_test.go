package incremental

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
	"maps"
	"os"
	"path/filepath"
	"testing"

	"github.com/pubgen/pubgen/internal/memo"
)

// TestMemoryOnDiskKey: a memory is loaded back only under the key it was
// saved with, and a second Save of the same memory writes nothing.
func TestMemoryOnDiskKey(t *testing.T) {
	dir := t.TempDir()
	var m Memory
	if err := m.Save(dir, "pubgen A", Stamp{}); err != nil {
		t.Fatal(err)
	}
	var back Memory
	was, err := back.Load(dir, "pubgen A")
	if err != nil {
		t.Fatalf("load under its own key: %v", err)
	}
	if _, err := back.Load(dir, "pubgen B"); err == nil {
		t.Error("loaded under another key")
	}
	name := filepath.Join(dir, diskName)
	old, _ := os.Stat(name)
	if err := m.Save(dir, "pubgen A", was); err != nil {
		t.Fatal(err)
	}
	if now, _ := os.Stat(name); !os.SameFile(old, now) {
		t.Error("the same memory was written again")
	}
}

// TestMemoryOnDiskLarge: a memory holding files larger than the
// encoder's buffer is written, read back whole, and not written again when
// it is the same.
func TestMemoryOnDiskLarge(t *testing.T) {
	dir := t.TempDir()
	files := map[string][]byte{"search/a.js": bytes.Repeat([]byte("党建"), 100000), "search/b.js": []byte("b")}
	var m Memory
	m.Exported().Put(memo.Version{9}, files)
	if err := m.Save(dir, "k", Stamp{}); err != nil {
		t.Fatal(err)
	}
	var back Memory
	was, err := back.Load(dir, "k")
	if err != nil {
		t.Fatal(err)
	}
	got, ok := back.Exported().Get(memo.Version{9})
	if !ok || !maps.EqualFunc(got, files, bytes.Equal) {
		t.Fatal("the export did not come back whole")
	}
	name := filepath.Join(dir, diskName)
	old, _ := os.Stat(name)
	if err := back.Save(dir, "k", was); err != nil {
		t.Fatal(err)
	}
	if now, _ := os.Stat(name); !os.SameFile(old, now) {
		t.Error("the same memory was written again")
	}
	back.Exported().Put(memo.Version{9}, map[string][]byte{"search/a.js": []byte("changed")})
	if err := back.Save(dir, "k", was); err != nil {
		t.Fatal(err)
	}
	if now, _ := os.Stat(name); os.SameFile(old, now) {
		t.Error("a changed memory was not written")
	}
}

// FuzzLoadMemory: whatever bytes a memory file holds — with a right
// checksum, so that the decoders behind it are what is fuzzed — Load's
// decoding returns an error or a memory, never a panic.
func FuzzLoadMemory(f *testing.F) {
	dir := f.TempDir()
	var m Memory
	if err := m.Save(dir, "k", Stamp{}); err != nil {
		f.Fatal(err)
	}
	seed, err := os.ReadFile(filepath.Join(dir, diskName))
	if err != nil {
		f.Fatal(err)
	}
	f.Add(seed[len(diskMagic) : len(seed)-4])
	f.Add([]byte{1, 1, 'k', 2, 3, 0, 'a', 0, 1, 0, 0, 0})
	f.Fuzz(func(t *testing.T, body []byte) {
		data := append([]byte(diskMagic), body...)
		data = binary.LittleEndian.AppendUint32(data, crc32.Checksum(data, castagnoli))
		var m Memory
		m.decode(data, "k")
	})
}

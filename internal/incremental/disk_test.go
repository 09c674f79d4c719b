package incremental

import (
	"encoding/binary"
	"hash/crc32"
	"os"
	"path/filepath"
	"testing"
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

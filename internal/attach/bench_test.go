package attach

import (
	"os"
	"testing"
	"testing/fstest"
)

// The demo's PDF: what one Chinese study PDF costs to read, and what the
// same file costs on a rebuild (a new process: hash and one JSON file).
const demoPDF = "../../content/study/zhibu-shiwu-2-fazhan-dangyuan/fazhan-dangyuan-liucheng.pdf"

func BenchmarkExtractDemoPDF(b *testing.B) {
	data, err := os.ReadFile(demoPDF)
	if err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Extract("a.pdf", data, Limits{}); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkCachedRebuild(b *testing.B) {
	data, err := os.ReadFile(demoPDF)
	if err != nil {
		b.Fatal(err)
	}
	fsys := fstest.MapFS{"a.pdf": {Data: data}}
	dir := b.TempDir()
	if _, ex, err := NewCache(dir, Limits{}).Text(fsys, "a.pdf"); err != nil || !ex {
		b.Fatal(err)
	}
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		if _, ex, err := NewCache(dir, Limits{}).Text(fsys, "a.pdf"); err != nil || ex {
			b.Fatal("not a hit", err)
		}
	}
}

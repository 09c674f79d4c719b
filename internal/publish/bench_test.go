package publish

import (
	"bytes"
	"fmt"
	"path/filepath"
	"testing"
)

// BenchmarkPublish10000 publishes a site of 10,000 small pages over the
// previous one, the steady state of `pubgen build` on a large portal.
func BenchmarkPublish10000(b *testing.B) {
	page := bytes.Repeat([]byte("<p>党建 notice</p>\n"), 100) // ~2 KB
	entries := make([]Entry, 10000)
	for i := range entries {
		entries[i] = Entry{Path: fmt.Sprintf("notices/s%02d/p%04d/index.html", i%100, i), Data: page}
	}
	dest := filepath.Join(b.TempDir(), "public")
	if _, err := Publish(dest, entries); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := Publish(dest, entries); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(entries)*b.N)/b.Elapsed().Seconds(), "files/s")
}

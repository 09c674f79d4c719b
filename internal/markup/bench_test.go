package markup

import (
	"os"
	"testing"
)

// BenchmarkConvert converts a realistic branch notice of about 3 KB.
func BenchmarkConvert(b *testing.B) {
	src, err := os.ReadFile("testdata/notice.md")
	if err != nil {
		b.Fatal(err)
	}
	c := New(Options{})
	rw := func(dest string, image bool, line int) string { return dest }
	b.SetBytes(int64(len(src)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := c.Convert(src, rw); err != nil {
			b.Fatal(err)
		}
	}
}

package minify

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/pubgen/pubgen/internal/memo"
)

// TestMemoEncodesTheSameBytes: the same minified files make the same bytes
// on disk, however the memory holds them — written twice, and written
// again after a fresh process reads them back. The memory file is skipped
// when its checksum is unchanged, so bytes that varied with map order
// rewrote some hundred megabytes after every build.
func TestMemoEncodesTheSameBytes(t *testing.T) {
	m := New()
	var c Memo
	for i := range 200 {
		name := fmt.Sprintf("p%03d/index.html", i)
		if _, err := c.file(m, name, []byte(fmt.Sprintf("<p>  第%d页  </p>", i))); err != nil {
			t.Fatal(err)
		}
	}
	encode := func(c *Memo) []byte {
		var buf bytes.Buffer
		e := memo.NewEncoder(&buf)
		c.Encode(e)
		if err := e.Flush(); err != nil {
			t.Fatal(err)
		}
		return buf.Bytes()
	}
	first := encode(&c)
	for range 5 {
		if again := encode(&c); !bytes.Equal(again, first) {
			t.Fatal("the same memory encoded twice made different bytes")
		}
	}
	var back Memo
	if err := back.Decode(memo.NewDecoder(first)); err != nil {
		t.Fatal(err)
	}
	if again := encode(&back); !bytes.Equal(again, first) {
		t.Fatal("the memory read back encodes to other bytes than it was read from")
	}
	if back.t.Len() != 200 {
		t.Fatalf("read back %d files; want 200", back.t.Len())
	}
}

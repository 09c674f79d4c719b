package memo

import (
	"bytes"
	"errors"
	"testing"
)

// encodeSample writes values of every kind, large slices among them (one
// of them twice, which the second time is a reference).
func encodeSample(e *Encoder) {
	big := bytes.Repeat([]byte("页"), flushAt)
	e.Uint(7)
	e.String("content/notices/a.md")
	e.Version(Version{1, 2, 3})
	e.Bytes(big)
	e.Bytes([]byte("small"))
	e.Bytes(big)
	e.String(string(bytes.Repeat([]byte("x"), 3*flushAt)))
	e.Bytes(nil)
	for i := range 20000 {
		e.Uint(uint64(i))
	}
}

// TestEncoderStreams: an Encoder writing to a writer writes the bytes one
// holding them would, and they decode back.
func TestEncoderStreams(t *testing.T) {
	var held Encoder
	encodeSample(&held)
	var out bytes.Buffer
	streamed := NewEncoder(&out)
	encodeSample(streamed)
	if err := streamed.Flush(); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(out.Bytes(), held.Data()) {
		t.Fatalf("streamed %d bytes differ from the %d held", out.Len(), len(held.Data()))
	}
	d := NewDecoder(out.Bytes())
	if d.Uint() != 7 || d.String() != "content/notices/a.md" || d.Version() != (Version{1, 2, 3}) {
		t.Fatal("the first values do not decode back")
	}
	a, small, b := d.Bytes(), d.Bytes(), d.Bytes()
	if len(a) != 3*flushAt || string(small) != "small" || !bytes.Equal(a, b) {
		t.Fatal("the slices do not decode back")
	}
	if s := d.String(); len(s) != 3*flushAt || d.Bytes() != nil || d.Err() != nil {
		t.Fatalf("the last values do not decode back (%v)", d.Err())
	}
}

type failingWriter struct{ n int }

func (w *failingWriter) Write(p []byte) (int, error) {
	if w.n += len(p); w.n > flushAt {
		return 0, errors.New("disk full")
	}
	return len(p), nil
}

// TestEncoderReportsWriteError: the first error of the writer is Flush's.
func TestEncoderReportsWriteError(t *testing.T) {
	e := NewEncoder(&failingWriter{})
	encodeSample(e)
	if err := e.Flush(); err == nil || err.Error() != "disk full" {
		t.Fatalf("Flush = %v, want disk full", err)
	}
}

package memo

import (
	"encoding/binary"
	"errors"
	"io"
	"unsafe"
)

// Encoder writes a memory table into bytes for a memory kept on disk
// between processes (package incremental). The stage that owns a table
// writes it, since only it knows its entries; an Encoder gives them one
// wire shape: unsigned varints, and byte strings with their length.
//
// A byte slice written twice (a rendered file that the minify table keeps
// too, as its input) is written once and then referred to: two slices
// with the same start and length hold the same bytes. That identity only
// saves space in the file; nothing is ever looked up by it.
//
// An Encoder made by NewEncoder streams into its writer instead of
// holding everything written: a memory of 10,000 pages is hundreds of
// megabytes, and held whole it was copied as it grew and once more to put
// the file's header before it, at the end of a build that still holds
// all its outputs.
type Encoder struct {
	buf   []byte
	w     io.Writer // nil: buf holds everything written (Data)
	err   error     // the first error of w
	blobs map[blobID]uint64
}

// flushAt is how much an Encoder with a writer holds before it writes.
const flushAt = 64 << 10

// NewEncoder returns an Encoder writing to w; Flush writes what it still
// holds.
func NewEncoder(w io.Writer) *Encoder {
	return &Encoder{w: w, buf: make([]byte, 0, flushAt+binary.MaxVarintLen64)}
}

type blobID struct {
	p *byte
	n int
}

// Uint writes n.
func (e *Encoder) Uint(n uint64) {
	e.buf = binary.AppendUvarint(e.buf, n)
	e.spill()
}

// String writes s.
func (e *Encoder) String(s string) {
	e.Uint(uint64(len(s)))
	e.raw(unsafe.Slice(unsafe.StringData(s), len(s)))
}

// Version writes v.
func (e *Encoder) Version(v Version) { e.raw(v[:]) }

// Bytes writes b, or a reference to where the same slice was written.
func (e *Encoder) Bytes(b []byte) {
	if len(b) == 0 {
		e.Uint(0)
		return
	}
	id := blobID{unsafe.SliceData(b), len(b)}
	if i, ok := e.blobs[id]; ok {
		e.Uint(1)
		e.Uint(i)
		return
	}
	if e.blobs == nil {
		e.blobs = map[blobID]uint64{}
	}
	e.blobs[id] = uint64(len(e.blobs))
	e.Uint(2)
	e.Uint(uint64(len(b)))
	e.raw(b)
}

// raw writes b as it is: a large b straight to the writer, not through
// buf (a rendered page, a shard).
func (e *Encoder) raw(b []byte) {
	if e.w == nil || len(b) < flushAt {
		e.buf = append(e.buf, b...)
		e.spill()
		return
	}
	e.Flush()
	e.write(b)
}

// spill writes buf out once it holds flushAt bytes.
func (e *Encoder) spill() {
	if e.w != nil && len(e.buf) >= flushAt {
		e.Flush()
	}
}

// Flush writes what the Encoder holds to its writer, and returns the
// first error the writer gave. Without a writer it does nothing.
func (e *Encoder) Flush() error {
	if e.w != nil && len(e.buf) > 0 {
		e.write(e.buf)
		e.buf = e.buf[:0]
	}
	return e.err
}

func (e *Encoder) write(b []byte) {
	if e.err == nil {
		_, e.err = e.w.Write(b)
	}
}

// Data is what was written so far by an Encoder without a writer.
func (e *Encoder) Data() []byte { return e.buf }

// ErrCorrupt is what a Decoder says of bytes no Encoder wrote.
var ErrCorrupt = errors.New("corrupt memory data")

// Decoder reads what an Encoder wrote. It never trusts the bytes: a
// length beyond the end, a reference to no earlier slice or a varint that
// does not end make Err report ErrCorrupt, and every later read returns
// zero values, so a table's reader checks Err once at its end.
// Byte slices are the Decoder's input itself, not copies: the input must
// not change while they are in use.
type Decoder struct {
	buf   []byte
	off   int
	err   error
	blobs [][]byte
}

// NewDecoder reads data.
func NewDecoder(data []byte) *Decoder { return &Decoder{buf: data} }

// Err is the first problem met, nil if none.
func (d *Decoder) Err() error { return d.err }

// Done reports whether all input was read, without a problem.
func (d *Decoder) Done() bool { return d.err == nil && d.off == len(d.buf) }

// Corrupt marks the input as corrupt, for a reader that finds a value no
// Encoder of its table writes.
func (d *Decoder) Corrupt() { d.fail() }

func (d *Decoder) fail() {
	if d.err == nil {
		d.err = ErrCorrupt
	}
	d.off = len(d.buf)
}

// Uint reads an unsigned varint.
func (d *Decoder) Uint() uint64 {
	if d.err != nil {
		return 0
	}
	n, k := binary.Uvarint(d.buf[d.off:])
	if k <= 0 {
		d.fail()
		return 0
	}
	d.off += k
	return n
}

// Len reads a count of things each at least min bytes long, refusing one
// the remaining input cannot hold, so that a corrupt count never makes
// the reader allocate for it.
func (d *Decoder) Len(min int) int {
	n := d.Uint()
	if n > uint64(len(d.buf)-d.off)/uint64(max(min, 1)) {
		d.fail()
		return 0
	}
	return int(n)
}

func (d *Decoder) take(n int) []byte {
	if d.err != nil {
		return nil
	}
	if n < 0 || n > len(d.buf)-d.off {
		d.fail()
		return nil
	}
	b := d.buf[d.off : d.off+n : d.off+n]
	d.off += n
	return b
}

// String reads a string.
func (d *Decoder) String() string { return string(d.take(d.Len(1))) }

// Version reads a Version.
func (d *Decoder) Version() Version {
	var v Version
	copy(v[:], d.take(len(v)))
	return v
}

// Bytes reads a byte slice.
func (d *Decoder) Bytes() []byte {
	switch d.Uint() {
	case 0:
		return nil
	case 1:
		i := d.Uint()
		if i >= uint64(len(d.blobs)) {
			d.fail()
			return nil
		}
		return d.blobs[i]
	case 2:
		b := d.take(d.Len(1))
		d.blobs = append(d.blobs, b)
		return b
	}
	d.fail()
	return nil
}

package memo

import (
	"crypto/sha256"
	"encoding/binary"
	"hash"
)

// Hasher makes one Version of many small parts, such as every page's
// path and address, without a slice per part. Like Sum it writes each
// string with its length, so no two lists of parts write the same bytes;
// fmt's quoting or JSON, used before, cost as much as the work a memo
// saves.
type Hasher struct {
	h   hash.Hash
	buf []byte
}

// NewHasher returns an empty Hasher.
func NewHasher() *Hasher { return &Hasher{h: sha256.New()} }

// String adds v, with its length.
func (h *Hasher) String(v string) {
	h.buf = binary.AppendUvarint(h.buf, uint64(len(v)))
	h.buf = append(h.buf, v...)
	h.flush()
}

// Int adds n (a count, so that a list's end is marked).
func (h *Hasher) Int(n int) {
	h.buf = binary.AppendUvarint(h.buf, uint64(n))
	h.flush()
}

// Bool adds b.
func (h *Hasher) Bool(b bool) {
	if b {
		h.Int(1)
	} else {
		h.Int(0)
	}
}

// flush hands the buffer to the hash once it holds a few kilobytes, so a
// long list costs one buffer and few hash calls.
func (h *Hasher) flush() {
	if len(h.buf) >= 4096 {
		h.h.Write(h.buf)
		h.buf = h.buf[:0]
	}
}

// Sum is the Version of everything added so far.
func (h *Hasher) Sum() Version {
	h.h.Write(h.buf)
	h.buf = h.buf[:0]
	var v Version
	h.h.Sum(v[:0])
	return v
}

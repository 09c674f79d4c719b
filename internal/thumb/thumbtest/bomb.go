// Package thumbtest makes hostile photos for tests in any package, so a
// whole-site test feeds a build the same bomb as thumb's own tests.
package thumbtest

import (
	"bytes"
	"encoding/binary"
	"hash/crc32"
)

// BombPNG is a valid PNG header declaring w×h 8-bit RGBA pixels followed by
// an empty IDAT and IEND: 69 bytes that a decoder without a size check
// would try to allocate w×h×4 bytes for.
func BombPNG(w, h uint32) []byte {
	var b bytes.Buffer
	b.WriteString("\x89PNG\r\n\x1a\n")
	chunk := func(typ string, data []byte) {
		binary.Write(&b, binary.BigEndian, uint32(len(data)))
		crc := crc32.NewIEEE()
		crc.Write([]byte(typ))
		crc.Write(data)
		b.WriteString(typ)
		b.Write(data)
		binary.Write(&b, binary.BigEndian, crc.Sum32())
	}
	ihdr := make([]byte, 13)
	binary.BigEndian.PutUint32(ihdr[0:], w)
	binary.BigEndian.PutUint32(ihdr[4:], h)
	ihdr[8], ihdr[9] = 8, 6
	chunk("IHDR", ihdr)
	chunk("IDAT", []byte("\x78\x9c\x03\x00\x00\x00\x00\x01"))
	chunk("IEND", nil)
	return b.Bytes()
}

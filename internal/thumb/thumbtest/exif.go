package thumbtest

import (
	"bytes"
	"encoding/binary"
)

// WithOrientation returns a copy of the JPEG src with an EXIF APP1
// segment right after its start marker, saying the photo is stored as
// EXIF orientation o (6: a phone held upright, the sensor's top on the
// right). The TIFF data is big-endian when bigEndian is set, as some
// cameras write it, little-endian (as phones do) otherwise. A few tags
// come before the orientation, as in a phone's file.
func WithOrientation(src []byte, o uint16, bigEndian bool) []byte {
	var bo binary.AppendByteOrder = binary.LittleEndian
	tiff := []byte("II*\x00")
	if bigEndian {
		bo, tiff = binary.BigEndian, []byte("MM\x00*")
	}
	tiff = bo.AppendUint32(tiff, 8) // IFD0 right after the header
	entries := []struct {
		tag, typ uint16
		value    uint32
	}{
		{0x010F, 2, 0},         // Make, an empty string (count 0)
		{0x0112, 3, uint32(o)}, // Orientation
		{0x011A, 5, 0},         // XResolution, offset unused here
	}
	tiff = bo.AppendUint16(tiff, uint16(len(entries)))
	for _, e := range entries {
		tiff = bo.AppendUint16(tiff, e.tag)
		tiff = bo.AppendUint16(tiff, e.typ)
		count := uint32(1)
		if e.typ == 2 {
			count = 0
		}
		tiff = bo.AppendUint32(tiff, count)
		if e.typ == 3 { // a SHORT sits in the first two bytes of the value field
			tiff = bo.AppendUint16(tiff, uint16(e.value))
			tiff = append(tiff, 0, 0)
		} else {
			tiff = bo.AppendUint32(tiff, e.value)
		}
	}
	tiff = bo.AppendUint32(tiff, 0) // no IFD1
	seg := append([]byte("Exif\x00\x00"), tiff...)
	var b bytes.Buffer
	b.Write(src[:2]) // SOI
	b.Write([]byte{0xFF, 0xE1})
	binary.Write(&b, binary.BigEndian, uint16(len(seg)+2))
	b.Write(seg)
	b.Write(src[2:])
	return b.Bytes()
}

package thumb

import (
	"encoding/binary"
	"image"
)

// Phones store a photo as the sensor saw it and write in its EXIF data
// how to turn it upright (the Orientation tag, 0x0112). Browsers apply
// the tag to an original they show, but a re-encoded photo carries no
// EXIF, so Make turns the pixels itself.
//
// Reading that one tag is done here instead of with an EXIF library: the
// one the module proxy serves (dsoprea/go-exif/v3, last released 2022)
// brings five modules and a full IFD walker for a value that lives at a
// fixed place in IFD0, and a few bounded lines are easier to fuzz and to
// trust on authors' files than a large parser of every maker note.

// maxSegments bounds the JPEG markers walked before the image data: EXIF
// comes right after the start marker, and a file of a million empty
// segments must not cost a million steps.
const maxSegments = 64

// Orientation returns the EXIF orientation of a JPEG, 1 (upright) through
// 8, or 1 when src has none or it cannot be read. It reads only the
// segments before the image data, each within its declared length.
func Orientation(src []byte) int {
	if len(src) < 4 || src[0] != 0xFF || src[1] != 0xD8 {
		return 1
	}
	for i, n := 2, 0; n < maxSegments && i+4 <= len(src); n++ {
		if src[i] != 0xFF {
			return 1
		}
		marker := src[i+1]
		switch {
		case marker == 0xFF: // fill byte before a marker
			i++
			continue
		case marker == 0xDA || marker == 0xD9: // image data or end: no EXIF before it
			return 1
		case marker == 0x01 || marker >= 0xD0 && marker <= 0xD7: // no length
			i += 2
			continue
		}
		size := int(binary.BigEndian.Uint16(src[i+2:]))
		if size < 2 || i+2+size > len(src) {
			return 1
		}
		seg := src[i+4 : i+2+size]
		if marker == 0xE1 && len(seg) >= 6 && string(seg[:6]) == "Exif\x00\x00" {
			return tiffOrientation(seg[6:])
		}
		i += 2 + size
	}
	return 1
}

// tiffOrientation reads the Orientation tag from IFD0 of the TIFF
// structure EXIF data is, or returns 1.
func tiffOrientation(t []byte) int {
	if len(t) < 8 {
		return 1
	}
	var bo binary.ByteOrder
	switch string(t[:2]) {
	case "II":
		bo = binary.LittleEndian
	case "MM":
		bo = binary.BigEndian
	default:
		return 1
	}
	if bo.Uint16(t[2:]) != 42 {
		return 1
	}
	// In 64 bits: an offset near 2³² must not wrap on a 32-bit build.
	off := uint64(bo.Uint32(t[4:]))
	if off+2 > uint64(len(t)) {
		return 1
	}
	entries := t[off+2:]
	count := min(int(bo.Uint16(t[off:])), len(entries)/12)
	for k := range count {
		e := entries[12*k : 12*k+12]
		if bo.Uint16(e) != 0x0112 {
			continue
		}
		var v uint32
		switch typ, n := bo.Uint16(e[2:]), bo.Uint32(e[4:]); {
		case typ == 3 && n == 1: // SHORT, as the standard says
			v = uint32(bo.Uint16(e[8:]))
		case typ == 4 && n == 1: // LONG, as a few writers have it
			v = bo.Uint32(e[8:])
		}
		if v >= 1 && v <= 8 {
			return int(v)
		}
		return 1
	}
	return 1
}

// swapsSides reports whether orientation o turns the photo a quarter,
// so that its upright width is its stored height.
func swapsSides(o int) bool { return o >= 5 && o <= 8 }

// upright returns img, whose pixels are stored as orientation o says,
// turned upright. img is not changed; for o = 1 it is returned as is.
func upright(img *image.RGBA, o int) *image.RGBA {
	if o < 2 || o > 8 {
		return img
	}
	w, h := img.Rect.Dx(), img.Rect.Dy()
	ow, oh := w, h
	if swapsSides(o) {
		ow, oh = h, w
	}
	out := image.NewRGBA(image.Rect(0, 0, ow, oh))
	for y := range oh {
		for x := range ow {
			sx, sy := storedAt(o, x, y, w, h)
			s := img.PixOffset(img.Rect.Min.X+sx, img.Rect.Min.Y+sy)
			d := out.PixOffset(x, y)
			copy(out.Pix[d:d+4], img.Pix[s:s+4])
		}
	}
	return out
}

// storedAt is the stored pixel (of a w×h stored image) shown at (x, y) of
// the upright photo, for each orientation as EXIF 2.3 §4.6.4 defines it
// ("the 0th row is the visual right-hand side" for 6, and so on).
func storedAt(o, x, y, w, h int) (int, int) {
	switch o {
	case 2: // mirrored
		return w - 1 - x, y
	case 3: // upside down
		return w - 1 - x, h - 1 - y
	case 4: // mirrored upside down
		return x, h - 1 - y
	case 5: // mirrored, turned a quarter
		return y, x
	case 6: // turned a quarter clockwise to be upright (a phone held upright)
		return y, h - 1 - x
	case 7:
		return w - 1 - y, h - 1 - x
	case 8: // turned a quarter anticlockwise
		return w - 1 - y, x
	}
	return x, y
}

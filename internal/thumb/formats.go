package thumb

import (
	"bytes"
	"path"
	"strings"

	"github.com/pubgen/pubgen/internal/msg"
)

// Unviewable is a photo format that the browsers readers use (WeChat's
// among them) cannot show, with what the author does to get a JPEG. Phones
// save HEIC by default, scanners TIFF and old Windows tools BMP; such a
// file published as is shows a broken image, so it is an error, never a
// warning an author scrolls past.
type Unviewable struct {
	Name string // as the author's tools call it
	Fix  string // how to make a JPEG or PNG of it
}

// Text says what is wrong with a file in this format, after its name.
func (u Unviewable) Text() msg.Text { return msg.New(msg.PhotoUnviewable, u.Name, u.Fix) }

// Msg is Text in English.
func (u Unviewable) Msg() string { return msg.Printer{Lang: msg.English}.Text(u.Text()) }

// Fixes, in the words of the tools the authors have. The HEIC one is the
// iPhone's own setting: after it the phone saves JPEGs from then on.
const (
	fixHEIC   = `在手机上选"设置→相机→格式→兼容性最佳"后重拍，或把照片另存为 JPG`
	fixSaveAs = "用画图或看图软件另存为 JPG"
	fixRAW    = "用相机软件导出为 JPG"
	fixPSD    = "在 Photoshop 中导出为 JPG 或 PNG"
)

// UnviewableName reports whether a file's name says it is in a format
// browsers cannot show, so the check needs no read of the file.
func UnviewableName(name string) (Unviewable, bool) {
	switch strings.ToLower(path.Ext(name)) {
	case ".heic", ".heif", ".hif":
		return Unviewable{"HEIC", fixHEIC}, true
	case ".tif", ".tiff":
		return Unviewable{"TIFF", fixSaveAs}, true
	case ".bmp", ".dib":
		return Unviewable{"BMP", fixSaveAs}, true
	case ".dng", ".cr2", ".cr3", ".nef", ".arw", ".raf", ".orf", ".rw2":
		return Unviewable{"camera RAW", fixRAW}, true
	case ".psd":
		return Unviewable{"Photoshop", fixPSD}, true
	case ".jxl":
		return Unviewable{"JPEG XL", fixSaveAs}, true
	}
	return Unviewable{}, false
}

// sniffUnviewable recognises those formats from a file's first bytes, for a
// file whose name does not say it: an iPhone photo sent on as "照片.jpg" is
// still HEIC inside.
func sniffUnviewable(src []byte) (Unviewable, bool) {
	switch {
	case len(src) >= 12 && string(src[4:8]) == "ftyp" && heifBrand(string(src[8:12])):
		return Unviewable{"HEIC", fixHEIC}, true
	case bytes.HasPrefix(src, []byte("II*\x00")), bytes.HasPrefix(src, []byte("MM\x00*")):
		return Unviewable{"TIFF", fixSaveAs}, true // camera RAW files are TIFF inside too
	case len(src) >= 18 && string(src[:2]) == "BM" && bmpHeaderSize(src[14:18]):
		return Unviewable{"BMP", fixSaveAs}, true
	case bytes.HasPrefix(src, []byte("8BPS")):
		return Unviewable{"Photoshop", fixPSD}, true
	}
	return Unviewable{}, false
}

// heifBrand reports whether an ISO media file's major brand is one of
// HEIF's (still images and sequences, HEVC-coded or not).
func heifBrand(b string) bool {
	switch b {
	case "heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1":
		return true
	}
	return false
}

// bmpHeaderSize reports whether the 4 little-endian bytes after a BMP's
// file header are one of the DIB header sizes Windows writes; "BM" alone
// is too likely at the start of any file.
func bmpHeaderSize(b []byte) bool {
	switch uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24 {
	case 12, 40, 52, 56, 108, 124:
		return true
	}
	return false
}

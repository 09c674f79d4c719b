package textfile

import (
	"bytes"
	"path"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// exts are the names Text reads, by lower-case extension; true marks HTML.
var exts = map[string]bool{
	".txt": false, ".csv": false, ".tsv": false, ".md": false, ".markdown": false,
	".html": true, ".htm": true, ".xhtml": true,
}

// Readable reports whether Text reads files of this name.
func Readable(name string) bool {
	_, ok := exts[strings.ToLower(path.Ext(name))]
	return ok
}

// Text returns the text of the file name holding data, as its editor or a
// browser shows it. ok is false when the name is not Readable or the data
// is not text (a NUL byte outside UTF-16: a binary renamed .txt).
func Text(name string, data []byte) (text string, ok bool) {
	isHTML, known := exts[strings.ToLower(path.Ext(name))]
	if !known {
		return "", false
	}
	text, ok = Decode(data)
	if !ok {
		return "", false
	}
	if isHTML {
		text = shown(text)
	}
	return text, true
}

// Decode returns data as a string of UTF-8, read from UTF-8, UTF-16 with
// a byte-order mark, or GB18030; ok is false for data holding a NUL byte
// (binary) outside UTF-16.
func Decode(data []byte) (string, bool) {
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		data = data[3:]
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}):
		return utf16Text(data[2:], false), true
	case bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		return utf16Text(data[2:], true), true
	}
	if bytes.IndexByte(data, 0) >= 0 {
		return "", false
	}
	if utf8.Valid(data) {
		return string(data), true
	}
	// GB18030 maps every byte sequence to some text (bytes it cannot read
	// become U+FFFD), and it is a superset of GBK and GB2312: a Chinese
	// file that is not UTF-8 is read in the encoding it was saved in.
	out, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil {
		return strings.ToValidUTF8(string(data), "\uFFFD"), true
	}
	return string(out), true
}

// utf16Text decodes UTF-16 code units (an odd last byte is dropped).
func utf16Text(b []byte, bigEndian bool) string {
	u := make([]uint16, len(b)/2)
	for i := range u {
		if bigEndian {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		} else {
			u[i] = uint16(b[2*i+1])<<8 | uint16(b[2*i])
		}
	}
	return string(utf16.Decode(u))
}

package page

import (
	"bytes"
	"unicode/utf8"

	"github.com/pubgen/pubgen/internal/msg"
)

// text problems found before the front matter is read.
type textError struct {
	line, col int
	msg       msg.Text
}

// normalize accepts a leading BOM and CRLF line endings (Windows editors and
// WPS write both) and rejects what cannot be Chinese text: invalid UTF-8
// (usually a GBK file) and NUL bytes (usually a binary file with .md).
func normalize(src []byte) ([]byte, *textError) {
	src = bytes.TrimPrefix(src, []byte("\xef\xbb\xbf"))
	if bytes.IndexByte(src, '\r') >= 0 {
		src = bytes.ReplaceAll(src, []byte("\r\n"), []byte("\n"))
	}
	line, col := 1, 1
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return nil, &textError{line, col, msg.New(msg.FileNotUTF8)}
		case r == 0:
			return nil, &textError{line, col, msg.New(msg.FileNUL)}
		case r == '\n':
			line, col = line+1, 1
		default:
			col++
		}
		i += size
	}
	return src, nil
}

// split separates front matter from the body. format is "yaml" or "toml";
// fmLine is the file line of the first front-matter line.
func split(src []byte) (format string, fm []byte, fmLine int, body []byte, bodyLine int, err *textError) {
	var delim string
	switch {
	case bytes.HasPrefix(src, []byte("---\n")) || bytes.Equal(src, []byte("---")):
		format, delim = "yaml", "---"
	case bytes.HasPrefix(src, []byte("+++\n")) || bytes.Equal(src, []byte("+++")):
		format, delim = "toml", "+++"
	default:
		return "", nil, 0, nil, 0, &textError{1, 1, msg.New(msg.FrontMatterMissing)}
	}
	rest := src[len(delim):]
	if len(rest) > 0 {
		rest = rest[1:]
	}
	off := 0
	line := 2
	for off <= len(rest) {
		end := bytes.IndexByte(rest[off:], '\n')
		var l []byte
		if end < 0 {
			l = rest[off:]
		} else {
			l = rest[off : off+end]
		}
		if string(bytes.TrimRight(l, " \t")) == delim {
			fm = rest[:off]
			if end < 0 {
				body = nil
			} else {
				body = rest[off+end+1:]
			}
			return format, fm, 2, body, line + 1, nil
		}
		if end < 0 {
			break
		}
		off += end + 1
		line++
	}
	return "", nil, 0, nil, 0, &textError{1, 1, msg.New(msg.FrontMatterNotClosed, delim)}
}

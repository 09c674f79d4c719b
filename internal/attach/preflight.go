package attach

import (
	"bytes"
	"fmt"
	"regexp"
	"strconv"
)

// preflight refuses the structures the PDF library trusts without reading
// further, which no budget can stop because they cost memory or loops,
// not reads: a cross-reference section claiming objects numbered in the
// billions (the library allocates a table that long, and running out of
// memory ends the process, past any recover), an xref stream with zero-
// width entries (it loops over its count without consuming anything),
// and an object stream claiming billions of objects (it reads past its
// end that many times). The xref sections are found from startxref and
// their /Prev chain; object stream dictionaries are never compressed,
// so they are found in the raw bytes.
func preflight(data []byte) error {
	off, ok := lastStartxref(data)
	seen := map[int]bool{}
	for ok && len(seen) < 64 && !seen[off] {
		seen[off] = true
		prev, err := checkXref(data, off)
		if err != nil {
			return err
		}
		off, ok = prev, prev > 0
	}
	return checkObjStms(data)
}

// maxObjects bounds the object numbers of a PDF: a 64 MB file holds at
// most a few million objects, and the library keeps ~40 bytes for each.
const maxObjects = 1 << 22

var (
	startxrefRe = regexp.MustCompile(`startxref\s+(\d+)`)
	sizeRe      = regexp.MustCompile(`/Size\s+(\d+)`)
	prevRe      = regexp.MustCompile(`/Prev\s+(\d+)`)
	indexRe     = regexp.MustCompile(`/Index\s*\[([\d\s]*)\]`)
	wRe         = regexp.MustCompile(`/W\s*\[([\d\s]*)\]`)
	nRe         = regexp.MustCompile(`/N\s+(\d+)(\s+\d+\s+R)?`)
	subsection  = regexp.MustCompile(`^\s*(\d+)\s+(\d+)\s*[\r\n]`)
)

func lastStartxref(data []byte) (int, bool) {
	tail := data[max(0, len(data)-1024):]
	m := startxrefRe.FindAllSubmatch(tail, -1)
	if len(m) == 0 {
		return 0, false
	}
	n, err := strconv.Atoi(string(m[len(m)-1][1]))
	return n, err == nil && n >= 0 && n < len(data)
}

func refuse(format string, args ...any) error {
	return problem(WhyNotPDF, fmt.Sprintf(format, args...))
}

// checkXref checks the section at off and returns its /Prev, 0 if none.
func checkXref(data []byte, off int) (int, error) {
	rest := data[off:]
	if i := bytes.IndexFunc(rest, func(r rune) bool { return !isSpace(byte(r)) }); i > 0 {
		rest = rest[i:]
	}
	var dict []byte
	if bytes.HasPrefix(rest, []byte("xref")) {
		rest = rest[4:]
		// Subsection headers "first count", each followed by count
		// 20-byte entries, up to the trailer.
		for i := 0; i < 1<<16; i++ {
			m := subsection.FindSubmatch(rest)
			if m == nil {
				break
			}
			first, _ := strconv.Atoi(string(m[1]))
			count, _ := strconv.Atoi(string(m[2]))
			if len(m[1]) > 9 || len(m[2]) > 9 || first+count > maxObjects {
				return 0, refuse("its cross-reference table claims objects up to %s", string(m[1]))
			}
			skip := len(m[0]) + 20*count
			if skip > len(rest) {
				break
			}
			rest = rest[skip:]
		}
		t := bytes.Index(rest, []byte("trailer"))
		if t < 0 {
			return 0, nil
		}
		dict = rest[t:min(len(rest), t+4096)]
	} else {
		// An xref stream: its dictionary, up to the stream keyword.
		end := bytes.Index(rest[:min(len(rest), 8192)], []byte("stream"))
		if end < 0 {
			return 0, nil
		}
		dict = rest[:end]
		if m := sizeRe.FindSubmatch(dict); m != nil && (len(m[1]) > 9 || atoi(m[1]) > maxObjects) {
			return 0, refuse("its cross-reference stream claims %s objects", string(m[1]))
		}
		if m := indexRe.FindSubmatch(dict); m != nil {
			f := bytes.Fields(m[1])
			for i := 0; i+1 < len(f); i += 2 {
				if len(f[i]) > 9 || len(f[i+1]) > 9 || atoi(f[i])+atoi(f[i+1]) > maxObjects {
					return 0, refuse("its cross-reference stream claims objects up to %s", string(f[i]))
				}
			}
		}
		if m := wRe.FindSubmatch(dict); m != nil {
			sum := 0
			for _, w := range bytes.Fields(m[1]) {
				if len(w) > 2 || atoi(w) > 8 {
					return 0, refuse("its cross-reference stream has entries of %s bytes", string(w))
				}
				sum += atoi(w)
			}
			if sum == 0 {
				return 0, refuse("its cross-reference stream has empty entries")
			}
		}
	}
	if m := prevRe.FindSubmatch(dict); m != nil && len(m[1]) <= 12 {
		if p := atoi(m[1]); p < len(data) {
			return p, nil
		}
	}
	return 0, nil
}

// maxObjStm bounds the objects one object stream may claim; producers put
// a few hundred in each.
const maxObjStm = 1 << 20

func checkObjStms(data []byte) error {
	for at := 0; ; {
		i := bytes.Index(data[at:], []byte("/ObjStm"))
		if i < 0 {
			return nil
		}
		i += at
		window := data[max(0, i-512):min(len(data), i+512)]
		for _, m := range nRe.FindAllSubmatch(window, -1) {
			if len(m[2]) > 0 {
				return refuse("an object stream's count is an indirect object")
			}
			if len(m[1]) > 9 || atoi(m[1]) > maxObjStm {
				return refuse("an object stream claims %s objects", string(m[1]))
			}
		}
		at = i + len("/ObjStm")
	}
}

func atoi(b []byte) int {
	n, _ := strconv.Atoi(string(b))
	return n
}

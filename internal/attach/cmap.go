package attach

import (
	"sort"
	"unicode/utf16"
)

// cmap is a ToUnicode CMap: how a font's glyph codes map back to text.
// PDF producers that embed subset fonts (Chromium, LibreOffice, Word, WPS)
// number the glyphs of each subset arbitrarily, so without this map the
// page's strings are meaningless numbers.
type cmap struct {
	space  []codeRange       // codespace ranges: how many bytes a code takes
	single map[uint64]string // key(code, n) → text (bfchar, array bfrange)
	ranges []bfRange         // bfrange with a string destination, by lo
}

// codeRange is a codespace range: codes of len(lo) bytes, each byte
// within lo[i]..hi[i].
type codeRange struct{ lo, hi string }

type bfRange struct {
	n      int    // bytes per code
	lo, hi uint32 // codes
	dst    []uint16
}

// Bounds for one CMap: a real one maps at most the 65,536 glyphs a font
// can have; more is a file made to exhaust memory.
const (
	maxCMapEntries = 1 << 17
	maxCMapRanges  = 1 << 16
)

func key(code uint32, n int) uint64 { return uint64(n)<<32 | uint64(code) }

func codeOf(s string) uint32 {
	var c uint32
	for i := 0; i < len(s) && i < 4; i++ {
		c = c<<8 | uint32(s[i])
	}
	return c
}

// parseCMap reads the bfchar, bfrange and codespacerange sections of a
// CMap; everything else in it (the PostScript around them) is ignored.
func parseCMap(data []byte, b *budget) *cmap {
	m := &cmap{single: map[uint64]string{}}
	l := &lexer{b: data, bud: b}
	var args []operand
	for {
		t := l.next()
		switch t.kind {
		case tEOF:
			sort.Slice(m.ranges, func(i, j int) bool {
				a, b := m.ranges[i], m.ranges[j]
				return a.n < b.n || a.n == b.n && a.lo < b.lo
			})
			return m
		case tStr, tNum, tName:
			if len(args) < 3*maxCMapRanges {
				args = append(args, operand{kind: t.kind, s: t.s, num: t.num})
			}
		case tArrOpen:
			if len(args) < 3*maxCMapRanges {
				args = append(args, operand{kind: tArrOpen, arr: l.array(0)})
			}
		case tDictOpen:
			l.skipDict(0)
		case tOp:
			switch t.s {
			case "endcodespacerange":
				for i := 0; i+1 < len(args); i += 2 {
					lo, hi := args[i].s, args[i+1].s
					if len(lo) >= 1 && len(lo) <= 4 && len(lo) == len(hi) {
						m.space = append(m.space, codeRange{lo, hi})
					}
				}
			case "endbfchar":
				for i := 0; i+1 < len(args); i += 2 {
					src, dst := args[i], args[i+1]
					if n := len(src.s); n >= 1 && n <= 4 && dst.kind == tStr && len(m.single) < maxCMapEntries {
						m.single[key(codeOf(src.s), n)] = utf16Text(units(dst.s))
					}
				}
			case "endbfrange":
				for i := 0; i+2 < len(args); i += 3 {
					m.addRange(args[i].s, args[i+1].s, args[i+2])
				}
			}
			args = args[:0]
		}
	}
}

func (m *cmap) addRange(los, his string, dst operand) {
	n := len(los)
	if n < 1 || n > 4 || len(his) != n {
		return
	}
	lo, hi := codeOf(los), codeOf(his)
	if hi < lo {
		return
	}
	switch dst.kind {
	case tStr:
		if len(m.ranges) < maxCMapRanges {
			m.ranges = append(m.ranges, bfRange{n: n, lo: lo, hi: hi, dst: units(dst.s)})
		}
	case tArrOpen:
		for i, d := range dst.arr {
			c := lo + uint32(i)
			if c > hi || len(m.single) >= maxCMapEntries {
				break
			}
			if d.kind == tStr {
				m.single[key(c, n)] = utf16Text(units(d.s))
			}
		}
	}
}

// units reads UTF-16BE code units from raw bytes.
func units(s string) []uint16 {
	u := make([]uint16, 0, len(s)/2)
	for i := 0; i+1 < len(s); i += 2 {
		u = append(u, uint16(s[i])<<8|uint16(s[i+1]))
	}
	if len(s)%2 == 1 { // a one-byte destination: a Latin-1 character
		u = append(u, uint16(s[len(s)-1]))
	}
	return u
}

func utf16Text(u []uint16) string { return string(utf16.Decode(u)) }

// codeLen returns how many bytes the code at the start of s takes by the
// codespace ranges, or 0 when none matches.
func (m *cmap) codeLen(s string) int {
	for _, r := range m.space {
		n := len(r.lo)
		if n > len(s) {
			continue
		}
		ok := true
		for i := 0; i < n; i++ {
			if s[i] < r.lo[i] || s[i] > r.hi[i] {
				ok = false
				break
			}
		}
		if ok {
			return n
		}
	}
	return 0
}

// lookup returns the text of the n-byte code, and whether it has one.
func (m *cmap) lookup(code uint32, n int) (string, bool) {
	if t, ok := m.single[key(code, n)]; ok {
		return t, true
	}
	// Ranges are sorted by code length, then start: the last one starting
	// at or before code is the one that can hold it (producers do not
	// overlap ranges).
	i := sort.Search(len(m.ranges), func(i int) bool {
		r := m.ranges[i]
		return r.n > n || r.n == n && r.lo > code
	}) - 1
	if i < 0 {
		return "", false
	}
	r := m.ranges[i]
	if r.n != n || code > r.hi || len(r.dst) == 0 {
		return "", false
	}
	// The destination's last code unit counts up with the code; done on
	// the unit, not the byte, so a range crossing xxFF stays right.
	u := append([]uint16(nil), r.dst...)
	u[len(u)-1] += uint16(code - r.lo)
	return utf16Text(u), true
}

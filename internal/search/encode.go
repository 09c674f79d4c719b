package search

import (
	"crypto/sha256"
	"math/bits"
	"slices"
	"unicode/utf16"
)

// digits is the alphabet of the varint encoding used in shards: 64 symbols
// that need no escaping inside a JSON string.
const digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"

// appendVarint appends v in 5-bit groups, low group first; a symbol with
// value ≥ 32 means another group follows. Small numbers, the usual case
// for doc-number gaps and frequencies, take one or two bytes.
func appendVarint(b []byte, v uint64) []byte {
	for v >= 32 {
		b = append(b, digits[32|v&31])
		v >>= 5
	}
	return append(b, digits[v])
}

// textPosting is one document of a text key's list: its export position,
// the key's frequency in its body, and its static weight (staticWeight).
type textPosting struct {
	doc    int
	body   int32
	static int64
}

// A list is written one of two ways, whichever is shorter: as gaps, each
// document's distance from the one before, which suits a rare key; or, for
// a key most pages have, as a bitmap, a digit per six documents (bit j of
// digit k is document 6k+j), marked by a leading bitmapMark. The bitmap
// ends at the list's last document, so a page added after it leaves the
// list as it is.
const bitmapMark = '*'

// appendBitmap appends the bitmap of docs, sorted and not empty.
func appendBitmap(b []byte, docs []int) []byte {
	bits := make([]byte, docs[len(docs)-1]/6+1)
	for _, d := range docs {
		bits[d/6] |= 1 << (d % 6)
	}
	for _, v := range bits {
		b = append(b, digits[v])
	}
	return b
}

// encodeTextPostings writes a list sorted by doc. As gaps: per document
// the gap, then 2·body + (static > 0), then static if it is not 0. As a
// bitmap: the mark, the bitmap's length, the bitmap, then per document
// its code and static the same way. Most postings are body-only, so they
// cost the gap (or a sixth of a digit) and one digit.
func encodeTextPostings(ps []textPosting) string {
	if len(ps) == 0 {
		return ""
	}
	var codes, gaps []byte
	docs := make([]int, len(ps))
	prev := -1
	for i, p := range ps {
		gaps = appendVarint(gaps, uint64(p.doc-prev-1))
		gaps = appendCode(gaps, p)
		codes = appendCode(codes, p)
		docs[i], prev = p.doc, p.doc
	}
	bm := appendBitmap(nil, docs)
	if 1+len(appendVarint(nil, uint64(len(bm))))+len(bm)+len(codes) >= len(gaps) {
		return string(gaps)
	}
	out := appendVarint([]byte{bitmapMark}, uint64(len(bm)))
	return string(append(append(out, bm...), codes...))
}

func appendCode(b []byte, p textPosting) []byte {
	code := uint64(p.body) << 1
	if p.static > 0 {
		code |= 1
	}
	b = appendVarint(b, code)
	if p.static > 0 {
		b = appendVarint(b, uint64(p.static))
	}
	return b
}

// decodeTextPostings reads what encodeTextPostings wrote.
func decodeTextPostings(enc string) []textPosting {
	var docs []int
	i := 0
	if enc != "" && enc[0] == bitmapMark {
		n, j := nextVarint(enc, 1)
		docs, i = readBitmap(enc[j:j+int(n)]), j+int(n)
	}
	var out []textPosting
	prev := -1
	for k := 0; i < len(enc); k++ {
		var doc int
		if docs != nil {
			doc = docs[k]
		} else {
			var gap uint64
			gap, i = nextVarint(enc, i)
			doc = prev + int(gap) + 1
		}
		var code, static uint64
		code, i = nextVarint(enc, i)
		if code&1 != 0 {
			static, i = nextVarint(enc, i)
		}
		out = append(out, textPosting{doc: doc, body: int32(code >> 1), static: int64(static)})
		prev = doc
	}
	return out
}

// encodeDocs writes a char or phrase key's documents, sorted, as gaps or
// as a bitmap after bitmapMark, whichever is shorter.
func encodeDocs(docs []int) string {
	b := make([]byte, 0, len(docs)*2)
	prev := -1
	for _, d := range docs {
		b = appendVarint(b, uint64(d-prev-1))
		prev = d
	}
	if len(docs) > 0 {
		if bm := appendBitmap([]byte{bitmapMark}, docs); len(bm) < len(b) {
			return string(bm)
		}
	}
	return string(b)
}

// decodeDocs reads what encodeDocs wrote.
func decodeDocs(enc string) []int {
	if enc != "" && enc[0] == bitmapMark {
		return readBitmap(enc[1:])
	}
	var out []int
	prev := -1
	for i := 0; i < len(enc); {
		var gap uint64
		gap, i = nextVarint(enc, i)
		prev += int(gap) + 1
		out = append(out, prev)
	}
	return out
}

// readBitmap is the documents of a bitmap's digits.
func readBitmap(bm string) []int {
	out := []int{}
	for k := range len(bm) {
		v := digitValues[bm[k]]
		for j := range 6 {
			if v&(1<<j) != 0 {
				out = append(out, 6*k+j)
			}
		}
	}
	return out
}

// packLevels writes levels (each below 64) as the lowest, the bits w that
// the difference of the highest from it needs, and then each level's
// difference from the lowest in w bits, low bit first, six bits a digit:
// the pages of a site are mostly of similar length, so a level shard takes
// about two thirds of a digit per page instead of one.
func packLevels(levels []int) string {
	if len(levels) == 0 {
		return ""
	}
	lo, hi := slices.Min(levels), slices.Max(levels)
	w := bits.Len(uint(hi - lo))
	out := []byte{digits[lo], digits[w]}
	var acc, n uint
	for _, l := range levels {
		acc |= uint(l-lo) << n
		for n += uint(w); n >= 6; n -= 6 {
			out = append(out, digits[acc&63])
			acc >>= 6
		}
	}
	if n > 0 {
		out = append(out, digits[acc&63])
	}
	return string(out)
}

// unpackLevel is the i-th level of what packLevels wrote.
func unpackLevel(enc string, i int) int {
	lo, w := int(digitValues[enc[0]]), int(digitValues[enc[1]])
	v := 0
	for k := range w {
		bit := i*w + k
		if digitValues[enc[2+bit/6]]&(1<<(bit%6)) != 0 {
			v |= 1 << k
		}
	}
	return lo + v
}

// keyHash is 32-bit FNV-1a over the UTF-16 code units of key: engine.js
// computes it with the same units, which JavaScript strings are made of.
func keyHash(key string) uint32 {
	h := uint32(2166136261)
	for _, u := range utf16.Encode([]rune(key)) {
		h ^= uint32(u)
		h *= 16777619
	}
	return h
}

// nameHashLen is the characters of a content hash in a shard's name: 35
// bits, which no two versions of one shard name will share in practice.
const nameHashLen = 7

// nameHash is the content hash that names a file: the first 35 bits of
// its SHA-256 in lower-case base 32, which no file system reads as
// another name.
func nameHash(content []byte) string {
	const alphabet = "abcdefghijklmnopqrstuvwxyz234567"
	sum := sha256.Sum256(content)
	v := uint64(sum[0])<<32 | uint64(sum[1])<<24 | uint64(sum[2])<<16 | uint64(sum[3])<<8 | uint64(sum[4])
	b := make([]byte, nameHashLen)
	for i := range b {
		b[i] = alphabet[(v>>(35-5*(i+1)))&31]
	}
	return string(b)
}

// shardHash is the hash that picks the shard of a key: the key's own, or
// its group's for a phrase key (phraseGroup).
func shardHash(key string) uint32 {
	if isGramKey(key) {
		return keyHash(phraseGroup(key))
	}
	return keyHash(key)
}

// contentName is name with a short content hash, so the file can be cached
// forever: a change of content is a change of name.
func contentName(name string, content []byte) string {
	return name + "." + nameHash(content) + ".js"
}

// digitValues maps a byte of digits to its value: digitValues[digits[i]]
// is i (other bytes, which never occur, read as 63).
const digitValues = "\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3e\x3f\x3f\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x0a\x0b\x0c\x0d\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\x20\x21\x22\x23\x3f\x3f\x3f\x3f\x3f\x3f\x24\x25\x26\x27\x28\x29\x2a\x2b\x2c\x2d\x2e\x2f\x30\x31\x32\x33\x34\x35\x36\x37\x38\x39\x3a\x3b\x3c\x3d\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f\x3f"

// nextVarint reads the varint at enc[i:] and returns it and where the next
// one starts.
func nextVarint(enc string, i int) (uint64, int) {
	var v uint64
	for shift := 0; ; shift += 5 {
		d := uint64(digitValues[enc[i]])
		i++
		v |= (d & 31) << shift
		if d < 32 {
			return v, i
		}
	}
}

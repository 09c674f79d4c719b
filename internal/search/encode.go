package search

import (
	"cmp"
	"crypto/sha256"
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

// encodeTextPostings writes a list sorted by doc. Each document has a
// code, 2·body + (static > 0), and after it static if that is not 0. As
// gaps: per document the gap, the code, the static. As a bitmap: the
// mark, the bitmap's length, the bitmap, then the codes packed (packCodes)
// and after them, per document, what packCodes left over and the static.
// Most postings are body-only with a small frequency, so a rare key costs
// its gaps and a digit per document, and a key most pages have a sixth of
// a digit per page and a few bits per document.
func encodeTextPostings(ps []textPosting) string {
	if len(ps) == 0 {
		return ""
	}
	var gaps []byte
	docs := make([]int, len(ps))
	codes := make([]uint64, len(ps))
	prev := -1
	for i, p := range ps {
		gaps = appendVarint(gaps, uint64(p.doc-prev-1))
		gaps = appendCode(gaps, p)
		docs[i], prev, codes[i] = p.doc, p.doc, postingCode(p)
	}
	bm := appendBitmap(nil, docs)
	out := appendVarint([]byte{bitmapMark}, uint64(len(bm)))
	out = append(out, bm...)
	if len(out) >= len(gaps) {
		return string(gaps)
	}
	w, packed := packCodes(codes)
	out = append(append(out, digits[w]), packed...)
	if len(out) >= len(gaps) {
		return string(gaps)
	}
	for i, p := range ps {
		if codes[i] >= escape(w) {
			out = appendVarint(out, codes[i]-escape(w))
		}
		if p.static > 0 {
			out = appendVarint(out, uint64(p.static))
		}
		if len(out) >= len(gaps) {
			return string(gaps)
		}
	}
	return string(out)
}

func postingCode(p textPosting) uint64 {
	code := uint64(p.body) << 1
	if p.static > 0 {
		code |= 1
	}
	return code
}

func appendCode(b []byte, p textPosting) []byte {
	b = appendVarint(b, postingCode(p))
	if p.static > 0 {
		b = appendVarint(b, uint64(p.static))
	}
	return b
}

// escape is the packed value that stands for w bits' worth of code or
// more; the rest follows the packed codes as a varint.
func escape(w int) uint64 { return 1<<w - 1 }

// packCodes packs codes in w bits each, low bit first, six bits a digit,
// w chosen (1 to 6) for the fewest digits counting the varints of the
// codes that do not fit (escape).
func packCodes(codes []uint64) (int, []byte) {
	best, bestLen := 0, 0
	for w := 1; w <= 6; w++ {
		n := (len(codes)*w + 5) / 6
		for _, c := range codes {
			if c >= escape(w) {
				n += len(appendVarint(nil, c-escape(w)))
			}
		}
		if best == 0 || n < bestLen {
			best, bestLen = w, n
		}
	}
	return best, packBits(codes, best)
}

// packBits writes each value's low w bits, low bit first, six bits a
// digit (values of w bits or more as all ones).
func packBits(values []uint64, w int) []byte {
	out := make([]byte, 0, (len(values)*w+5)/6)
	var acc uint64
	var n uint
	for _, v := range values {
		acc |= min(v, escape(w)) << n
		for n += uint(w); n >= 6; n -= 6 {
			out = append(out, digits[acc&63])
			acc >>= 6
		}
	}
	if n > 0 {
		out = append(out, digits[acc&63])
	}
	return out
}

// unpackBits reads n values of w bits from enc (packBits).
func unpackBits(enc string, n, w int) []uint64 {
	out := make([]uint64, n)
	for i := range out {
		var v uint64
		for k := range w {
			bit := i*w + k
			if digitValues[enc[bit/6]]&(1<<(bit%6)) != 0 {
				v |= 1 << k
			}
		}
		out[i] = v
	}
	return out
}

// decodeTextPostings reads what encodeTextPostings wrote.
func decodeTextPostings(enc string) []textPosting {
	if enc != "" && enc[0] == bitmapMark {
		n, j := nextVarint(enc, 1)
		docs := readBitmap(enc[j : j+int(n)])
		i := j + int(n)
		w := int(digitValues[enc[i]])
		i++
		codes := unpackBits(enc[i:], len(docs), w)
		i += (len(docs)*w + 5) / 6
		out := make([]textPosting, len(docs))
		for k, doc := range docs {
			code := codes[k]
			if code == escape(w) {
				var rest uint64
				rest, i = nextVarint(enc, i)
				code += rest
			}
			var static uint64
			if code&1 != 0 {
				static, i = nextVarint(enc, i)
			}
			out[k] = textPosting{doc: doc, body: int32(code >> 1), static: int64(static)}
		}
		return out
	}
	var out []textPosting
	prev := -1
	for i := 0; i < len(enc); {
		var gap, code, static uint64
		gap, i = nextVarint(enc, i)
		code, i = nextVarint(enc, i)
		if code&1 != 0 {
			static, i = nextVarint(enc, i)
		}
		doc := prev + int(gap) + 1
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

// A phrase key's documents are a subset of its parent's (phraseParent):
// written as the positions of its documents in the parent's list, after
// subsetMark, or as sameMark alone when they are all of them, whichever is
// shorter than the documents themselves. Neither mark is a digit or
// bitmapMark, so the first character tells the three apart.
const (
	subsetMark = '/'
	sameMark   = '='
)

// encodeSubset is the shorter of encodeDocs(docs) and docs written as a
// subset of parent, both sorted.
func encodeSubset(docs, parent []int) string {
	if len(docs) == 0 {
		return "" // no documents in this part: no entry, whatever the parent's
	}
	if len(docs) == len(parent) {
		return string(sameMark)
	}
	abs := encodeDocs(docs)
	at := make([]int, 0, len(docs))
	j := 0
	for _, d := range docs {
		for j < len(parent) && parent[j] < d {
			j++
		}
		if j == len(parent) || parent[j] != d {
			panic("search: a phrase key's documents are not its parent's")
		}
		at = append(at, j)
	}
	if rel := string(subsetMark) + encodeDocs(at); len(rel) < len(abs) {
		return rel
	}
	return abs
}

// decodeSubset reads what encodeSubset wrote, given the parent's documents.
func decodeSubset(enc string, parent []int) []int {
	switch {
	case enc == string(sameMark):
		return parent
	case enc != "" && enc[0] == subsetMark:
		at := decodeDocs(enc[1:])
		out := make([]int, len(at))
		for i, j := range at {
			out[i] = parent[j]
		}
		return out
	}
	return decodeDocs(enc)
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

// packLevels writes levels (each below 64) in a canonical Huffman code:
// the number of distinct levels, each level with its code's length (two
// digits), then the codes of the levels in order, bits packed low bit
// first, six a digit. The pages of a site are mostly of similar length,
// so the few common levels take two or three bits: 10,000 pages of the
// generated corpus take 5.2 KiB instead of the 6.5 of four bits a page.
func packLevels(levels []int) string {
	if len(levels) == 0 {
		return ""
	}
	var count [numLevels]int
	for _, l := range levels {
		count[l]++
	}
	lens := huffmanLengths(count[:])
	codes := canonicalCodes(lens)
	var out []byte
	var syms []int
	for l, n := range lens {
		if n > 0 {
			syms = append(syms, l)
		}
	}
	out = appendVarint(out, uint64(len(syms)))
	for _, l := range syms {
		out = append(out, digits[l], digits[lens[l]])
	}
	var acc uint64
	var n uint
	for _, l := range levels {
		// The code's bits go out first bit first.
		for k := lens[l] - 1; k >= 0; k-- {
			acc |= (codes[l] >> k & 1) << n
			if n++; n == 6 {
				out = append(out, digits[acc])
				acc, n = 0, 0
			}
		}
	}
	if n > 0 {
		out = append(out, digits[acc])
	}
	return string(out)
}

// huffmanLengths is the code length of each symbol with a count above 0,
// from the usual pairing of the two lightest subtrees (ties by the
// smallest symbol, so the lengths depend on the counts alone); a lone
// symbol takes one bit. Lengths past 24 bits, which need millions of
// pages, fall back to six bits for every symbol.
func huffmanLengths(count []int) []int {
	type tree struct {
		weight, first int
		syms          []int
	}
	var trees []tree
	for sym, c := range count {
		if c > 0 {
			trees = append(trees, tree{c, sym, []int{sym}})
		}
	}
	lens := make([]int, len(count))
	if len(trees) == 1 {
		lens[trees[0].first] = 1
		return lens
	}
	for len(trees) > 1 {
		slices.SortFunc(trees, func(a, b tree) int { return cmp.Or(a.weight-b.weight, a.first-b.first) })
		a, b := trees[0], trees[1]
		for _, s := range a.syms {
			lens[s]++
		}
		for _, s := range b.syms {
			lens[s]++
		}
		trees = append(trees[2:], tree{a.weight + b.weight, min(a.first, b.first), append(a.syms, b.syms...)})
	}
	if slices.Max(lens) > 24 {
		for s, c := range count {
			if c > 0 {
				lens[s] = 6
			}
		}
	}
	return lens
}

// canonicalCodes is the canonical code of each symbol of the given
// lengths: by length, then by symbol, each code the next number.
func canonicalCodes(lens []int) []uint64 {
	codes := make([]uint64, len(lens))
	var code uint64
	for n := 1; n <= slices.Max(lens); n++ {
		for s, l := range lens {
			if l == n {
				codes[s] = code
				code++
			}
		}
		code <<= 1
	}
	return codes
}

// unpackLevels reads the n levels of what packLevels wrote.
func unpackLevels(enc string, n int) []int {
	if n == 0 {
		return nil
	}
	m, i := nextVarint(enc, 0)
	lens := make([]int, numLevels)
	for range m {
		lens[digitValues[enc[i]]] = int(digitValues[enc[i+1]])
		i += 2
	}
	codes := canonicalCodes(lens)
	type key struct {
		len  int
		code uint64
	}
	sym := map[key]int{}
	for s, l := range lens {
		if l > 0 {
			sym[key{l, codes[s]}] = s
		}
	}
	out := make([]int, 0, n)
	var code uint64
	l := 0
	for bit := 0; len(out) < n; bit++ {
		code = code<<1 | uint64(digitValues[enc[i+bit/6]]>>(bit%6)&1)
		l++
		if s, ok := sym[key{l, code}]; ok {
			out = append(out, s)
			code, l = 0, 0
		}
	}
	return out
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

// nameHash is the content hash that names a file: 35 bits of its SHA-256
// in lower-case base 32, which no file system reads as another name.
func nameHash(content []byte) string { return contentHash(content, nameHashLen) }

// contentHash is 5·n bits (n at most 49) of content's SHA-256, from its
// sixth bit on, in lower-case base 32.
func contentHash(content []byte, n int) string {
	const alphabet = "abcdefghijklmnopqrstuvwxyz234567"
	sum := sha256.Sum256(content)
	b := make([]byte, n)
	for i := range b {
		bit := 5 + 5*i
		v := uint(sum[bit/8])<<8 | uint(sum[bit/8+1])
		b[i] = alphabet[(v>>(11-bit%8))&31]
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

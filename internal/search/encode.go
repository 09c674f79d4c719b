package search

import (
	"crypto/sha256"
	"encoding/hex"
	"unicode/utf16"
)

// digits is the alphabet of the varint encoding used in shards: 64 symbols
// that need no escaping inside a JSON string.
const digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_"

// appendVarint appends v in 5-bit groups, low group first; a symbol with
// value ≥ 32 means another group follows. Small numbers, the usual case
// for doc-number gaps and scores, take one or two bytes.
func appendVarint(b []byte, v uint64) []byte {
	for v >= 32 {
		b = append(b, digits[32|v&31])
		v >>= 5
	}
	return append(b, digits[v])
}

// posting is one document of a term's list with its quantised score.
type posting struct {
	doc   int
	score int64
}

// encodePostings writes a list sorted by doc as (gap, score) varints.
func encodePostings(ps []posting) string {
	b := make([]byte, 0, len(ps)*3)
	prev := -1
	for _, p := range ps {
		b = appendVarint(b, uint64(p.doc-prev-1))
		b = appendVarint(b, uint64(p.score))
		prev = p.doc
	}
	return string(b)
}

// encodeDocs writes a phrase key's documents, sorted, as gap varints.
func encodeDocs(docs []int) string {
	b := make([]byte, 0, len(docs)*2)
	prev := -1
	for _, d := range docs {
		b = appendVarint(b, uint64(d-prev-1))
		prev = d
	}
	return string(b)
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

// contentName is name with a short content hash, so the file can be cached
// forever: a change of content is a change of name.
func contentName(name string, content []byte) string {
	sum := sha256.Sum256(content)
	return name + "." + hex.EncodeToString(sum[:5]) + ".js"
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

// replaceScore rewrites the score of the document at position doc in an
// encoded list, leaving the rest of the bytes as they are; ok is false
// when the list has no such document.
func replaceScore(enc string, doc int, score int64) (string, bool) {
	prev := -1
	for i := 0; i < len(enc); {
		gap, j := nextVarint(enc, i)
		d := prev + 1 + int(gap)
		_, k := nextVarint(enc, j)
		if d == doc {
			return enc[:j] + string(appendVarint(nil, uint64(score))) + enc[k:], true
		}
		if d > doc {
			return enc, false
		}
		prev, i = d, k
	}
	return enc, false
}

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

// keyHash is 32-bit FNV-1a over the UTF-16 code units of key: search.js
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

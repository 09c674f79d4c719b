package search

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/crc32"
	"os"
	"path/filepath"
	"strings"
)

// ErrDamaged says bleve panicked inside zapx or bbolt on a damaged file.
// Any error from Update, Export or Search is as much a sign of damage; the
// index is a cache of the pages, so the remedy is always Rebuild.
var ErrDamaged = errors.New("the index is damaged")

// guard runs f, turning a panic inside bleve into an error wrapping
// ErrDamaged.
// bleve and zapx trust their files: a truncated or overwritten segment
// panics on a slice bound deep inside a read, and without this boundary
// that panic would end a build, `pubgen search` or the dev server.
func guard(f func() error) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("search: %w: panic: %v", ErrDamaged, r)
		}
	}()
	return f()
}

// Damage returns why Open found the index it opened unreadable and created
// it afresh, or nil when it opened the existing index (or none existed, or
// one made by another analysis version was replaced, which is routine).
func (ix *Index) Damage() error { return ix.damage }

// Rebuild deletes the index files and creates an empty index in their
// place, for a caller that found the index damaged; the next Update
// indexes every document again. ix stays usable by those holding it.
func (ix *Index) Rebuild() error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	ix.biMu.Lock()
	defer ix.biMu.Unlock()
	_ = guard(ix.bi.Close) // a damaged index may fail or panic on close too
	ix.docs, ix.exp, ix.since, ix.fresh, ix.gen = nil, nil, nil, nil, 0
	if err := removeIndex(ix.path); err != nil {
		return err
	}
	bi, err := create(ix.path)
	if err != nil {
		return err
	}
	ix.bi = bi
	return nil
}

// zapFooterSize is the size of a zap segment's footer, whose last four
// bytes are the CRC-32 (IEEE) of everything before them.
const zapFooterSize = 4 + 4 + 4 + 8 + 8 + 8 + 8 + 8

// verifySegments checks the checksum of every zap segment of the index at
// path. zapx writes it but never reads it back, so an overwritten posting
// list would otherwise answer wrongly without any error. Open calls it
// while holding the index lock, so no other process is writing a segment.
func verifySegments(path string) error {
	zaps, err := filepath.Glob(filepath.Join(path, "store", "*.zap"))
	if err != nil {
		return err
	}
	for _, z := range zaps {
		b, err := os.ReadFile(z)
		if err != nil {
			return err
		}
		if len(b) < zapFooterSize {
			return fmt.Errorf("%s: %d bytes, shorter than a segment footer", filepath.Base(z), len(b))
		}
		n := len(b) - 4
		if crc32.ChecksumIEEE(b[:n]) != binary.BigEndian.Uint32(b[n:]) {
			return fmt.Errorf("%s: checksum mismatch", filepath.Base(z))
		}
	}
	return nil
}

// DamageReason says in one line why an index was found damaged: bleve's
// errors may carry a JSON decoder's multi-line dump after the first line,
// which says nothing an operator can act on.
func DamageReason(err error) string {
	first, _, _ := strings.Cut(err.Error(), "\n")
	return strings.Join(strings.Fields(first), " ")
}

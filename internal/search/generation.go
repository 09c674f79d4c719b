package search

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// scorch, finding a snapshot whose segment it cannot read, logs and falls
// back to an older snapshot or to none: the index opens without an error
// but answers from the past. To notice, every Update that changes the
// index stamps it with the next generation number, inside bleve and in a
// file beside it; Open compares the two.

// generationKey is the bleve internal key holding the generation.
const generationKey = "pubgen.generation"

// generationFile is the file beside the bleve folder holding the same.
func generationFile(path string) string { return path + ".generation" }

// checkGeneration says why the opened index at path is not the one the
// last Update left, or nil when it is (or when no Update has stamped it).
func checkGeneration(path string, stored []byte) (uint64, error) {
	var have uint64
	if len(stored) > 0 {
		var err error
		if have, err = strconv.ParseUint(string(stored), 10, 64); err != nil {
			return 0, fmt.Errorf("generation %q is not a number", stored)
		}
	}
	b, err := os.ReadFile(generationFile(path))
	if os.IsNotExist(err) {
		return have, nil
	}
	if err != nil {
		return 0, err
	}
	want, err := strconv.ParseUint(strings.TrimSpace(string(b)), 10, 64)
	if err != nil {
		return 0, fmt.Errorf("%s: %q is not a number", filepath.Base(generationFile(path)), b)
	}
	if have != want {
		return 0, fmt.Errorf("bleve reopened generation %d of the index, the last update wrote %d", have, want)
	}
	return have, nil
}

// stampGeneration records the next generation in bleve, then in the file:
// a crash between the two leaves them different, which the next Open
// treats as damage and rebuilds — the safe side for a cache.
func (ix *Index) stampGeneration() error {
	next := ix.gen + 1
	v := []byte(strconv.FormatUint(next, 10))
	if err := ix.bi.SetInternal([]byte(generationKey), v); err != nil {
		return fmt.Errorf("search: recording the index generation: %w", err)
	}
	tmp := generationFile(ix.path) + ".tmp"
	if err := os.WriteFile(tmp, v, 0o644); err != nil {
		return fmt.Errorf("search: %w", err)
	}
	if err := os.Rename(tmp, generationFile(ix.path)); err != nil {
		return fmt.Errorf("search: %w", err)
	}
	ix.gen = next
	return nil
}

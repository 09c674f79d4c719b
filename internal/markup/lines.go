package markup

import "sort"

// lineIndex maps byte offsets of a source to 1-based line numbers.
type lineIndex struct {
	starts []int // byte offset at which each line begins; starts[0] == 0
}

func newLineIndex(src []byte) lineIndex {
	starts := []int{0}
	for i, b := range src {
		if b == '\n' {
			starts = append(starts, i+1)
		}
	}
	return lineIndex{starts: starts}
}

// line returns the 1-based line that holds byte offset off.
func (x lineIndex) line(off int) int {
	// The number of line starts at or before off is the line number.
	return sort.SearchInts(x.starts, off+1)
}

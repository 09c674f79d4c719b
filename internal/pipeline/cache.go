package pipeline

import "github.com/pubgen/pubgen/internal/incremental"

// caches are what a Session keeps between builds: the stages' tables in
// package incremental's Memory, and the search text's masks (maskMemo),
// made where the search documents are. A nil *caches builds from scratch.
type caches struct {
	memory incremental.Memory
	masks  maskMemo
}

// mem is the session's memory; nil (remember nothing) for a clean build.
func (c *caches) mem() *incremental.Memory {
	if c == nil {
		return nil
	}
	return &c.memory
}

func (c *caches) maskMemo() *maskMemo {
	if c == nil {
		return nil
	}
	return &c.masks
}

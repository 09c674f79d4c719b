package pipeline

import "github.com/pubgen/pubgen/internal/incremental"

// caches are what a Session keeps between builds: the stages' tables, all
// in package incremental's Memory. A nil *caches builds from scratch.
type caches struct {
	memory incremental.Memory
}

// mem is the session's memory; nil (remember nothing) for a clean build.
func (c *caches) mem() *incremental.Memory {
	if c == nil {
		return nil
	}
	return &c.memory
}

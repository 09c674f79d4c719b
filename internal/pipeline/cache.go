package pipeline

import (
	"io/fs"

	"github.com/pubgen/pubgen/internal/incremental"
	"github.com/pubgen/pubgen/internal/source"
)

// caches are what a Session keeps between builds: the stages' tables, all
// in package incremental's Memory, and what is known of the site's
// folders while a watcher reports every change (source.Known). A nil
// *caches builds from scratch.
type caches struct {
	memory incremental.Memory
	known  source.Known
	// audit makes every build check the versions render keeps on a
	// page's owner version against versions worked out from scratch
	// (render.Versions.Audit), and fail on a difference. Tests set it.
	audit bool
}

// fs is fsys for one build: through what the session knows of it, or for
// a build from scratch with each folder listed once (source.Listed).
func (c *caches) fs(fsys fs.FS) fs.FS {
	if c == nil {
		return source.Listed(fsys)
	}
	return c.known.FS(fsys)
}

// mem is the session's memory; nil (remember nothing) for a clean build.
func (c *caches) mem() *incremental.Memory {
	if c == nil {
		return nil
	}
	return &c.memory
}

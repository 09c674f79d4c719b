package pipeline

import (
	"fmt"
	"io/fs"

	"github.com/pubgen/pubgen/internal/incremental"
)

// runRemembering is Run starting from the memory the last build left in
// opts.MemoCache, as a session's next build would, and leaving this
// build's there. A memory that cannot be trusted is ignored (Load says
// why): the build does a clean build's work, and its result is the same.
// One that cannot be written is only a slower next build.
func runRemembering(fsys fs.FS, opts Options) (*Result, error) {
	key, err := memoKey(opts)
	if err != nil {
		return run(fsys, opts, nil)
	}
	c := &caches{}
	was, _ := c.memory.Load(opts.MemoCache, key)
	res, err := run(fsys, opts, c)
	if err != nil {
		return nil, err
	}
	c.memory.Save(opts.MemoCache, key, was)
	return res, nil
}

// memoKey is what a memory on disk must have been written under to be
// used: the same program, and the same options that change outputs
// without any output recording them as a read (a session never changes
// them between its builds).
func memoKey(opts Options) (string, error) {
	id, err := incremental.ProgramID()
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("%s drafts=%t future=%t nominify=%t dev=%t nosearch=%t",
		id, opts.Drafts, opts.Future, opts.NoMinify, opts.Dev, opts.NoSearch), nil
}

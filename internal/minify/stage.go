package minify

import (
	"bytes"
	"sync/atomic"

	"github.com/pubgen/pubgen/internal/memo"
	"github.com/pubgen/pubgen/internal/parallel"
	"github.com/pubgen/pubgen/internal/publish"
)

// Outputs is the minify stage: every output a build made in memory, of a
// type Supports, is replaced by its minified bytes, on all cores. Files
// copied from the site (Src: static/, a page's bundle) are published as
// their authors wrote them. No producer minifies its own files, so what is
// minified, and how, is decided here once for all of them. With a nil m
// (pubgen build --no-minify) the entries are left as they are.
//
// With a Memo, a file whose path held the same bytes in the session's last
// build gets the bytes it got then, without minifying again.
func (m *Minifier) Outputs(entries []publish.Entry, c *Memo) error {
	if m == nil {
		return nil
	}
	errs := make([]error, len(entries))
	parallel.For(len(entries), func(i int) {
		e := &entries[i]
		if e.Src == nil && Supports(e.Path) {
			e.Data, errs[i] = c.file(m, e.Path, e.Data)
		}
	})
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// Memo remembers, under package memo's rules, each output's minified bytes
// by its path, used while that path holds the same bytes as when they
// were made: the entry keeps the input and compares it. Producers hand an
// unchanged file's bytes over again (render's cache, the search index's
// export), so the comparison usually finds the very same bytes and costs
// nothing, and is a plain memory compare otherwise; hashing every output
// to find its entry by content would cost a rebuild of 10,000 pages more
// than the minifying it saves on a one-page edit. It is safe for
// concurrent use; a nil *Memo minifies every time.
type Memo struct {
	t memo.Table[minified]
	// ran counts the files minified since the last Sweep, last the count
	// of the build before it: rebuild tests count the work (Ran).
	ran  atomic.Int64
	last int64
}

type minified struct {
	in, out []byte
}

func (c *Memo) file(m *Minifier, name string, data []byte) ([]byte, error) {
	if c != nil {
		if e, _, ok := c.t.Last(name); ok && bytes.Equal(e.in, data) {
			return e.out, nil
		}
	}
	// A copy: the minifier may write into its input, and the producer
	// keeps data (render's cache, the index's export) for the next build.
	out, err := m.File(name, bytes.Clone(data))
	if err != nil {
		return nil, err
	}
	if c != nil {
		c.ran.Add(1)
		c.t.Put(name, memo.Version{}, minified{in: data, out: out})
	}
	return out, nil
}

// Sweep forgets the files the last build did not minify; call it once a
// build's outputs have all been through the stage.
func (c *Memo) Sweep() {
	if c != nil {
		c.t.Sweep()
		c.last = c.ran.Swap(0)
	}
}

// Ran is how many files the last swept build minified: the rest were
// remembered.
func (c *Memo) Ran() int {
	if c == nil {
		return 0
	}
	return int(c.last)
}

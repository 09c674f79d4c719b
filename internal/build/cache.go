package build

import (
	"fmt"
	"io/fs"
	"time"

	"github.com/pubgen/pubgen/internal/attach"
	"github.com/pubgen/pubgen/internal/convert"
	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/memo"
	"github.com/pubgen/pubgen/internal/outputs"
	"github.com/pubgen/pubgen/internal/page"
	"github.com/pubgen/pubgen/internal/privacyscan"
	"github.com/pubgen/pubgen/internal/render"
	"github.com/pubgen/pubgen/internal/site"
)

// caches are what a Session keeps between builds, under the rules of
// package memo: every entry is found by name and used only while the
// version its inputs' owners supply is the one it was made from, so a
// stale entry is never used and a miss costs only what a clean build does
// anyway. A nil *caches builds from scratch.
type caches struct {
	pages   pageCache
	conv    convert.Memo
	render  render.Cache
	thumbs  outputs.PrepareMemo
	prints  render.PageMemo
	related site.RelatedMemo
	// attach holds attachments' text by content (package attach keeps its
	// own rules); made on first use with the session's folder.
	attach *attach.Cache
	// privacy holds each page's personal-data findings and those of each
	// published bundle text file.
	privacy privacyscan.Memo
	// masks holds the search index's text of every page and attachment
	// with its personal-data numbers masked (maskMemo).
	masks maskMemo
}

func (c *caches) maskMemo() *maskMemo {
	if c == nil {
		return nil
	}
	return &c.masks
}

func (c *caches) relatedMemo() *site.RelatedMemo {
	if c == nil {
		return nil
	}
	return &c.related
}

// attachCache returns the session's attachment cache, or for a build
// from scratch a fresh one on dir, swept at once by the caller's build
// (so a clean build forgets nothing it did not need).
func (c *caches) attachCache(dir string) *attach.Cache {
	if c == nil {
		return attach.NewCache(dir, attach.Limits{})
	}
	if c.attach == nil {
		c.attach = attach.NewCache(dir, attach.Limits{})
	}
	return c.attach
}

func (c *caches) privacyMemo() *privacyscan.Memo {
	if c == nil {
		return nil
	}
	return &c.privacy
}

func (c *caches) pageCache() *pageCache {
	if c == nil {
		return nil
	}
	return &c.pages
}

func (c *caches) convMemo() *convert.Memo {
	if c == nil {
		return nil
	}
	return &c.conv
}

func (c *caches) thumbMemo() *outputs.PrepareMemo {
	if c == nil {
		return nil
	}
	return &c.thumbs
}

// pageCache remembers parsed pages by path, made from page.Version (the
// file's bytes, path and time zone). A file whose stat proves it unchanged
// is not even read again.
type pageCache struct {
	t memo.Table[parsed]
}

type parsed struct {
	stat  memo.Stat // of the file when it was read, taken before reading
	zone  string    // the time zone dates were read in: a stat says nothing of it
	page  *page.Page
	diags diag.List
}

// unchanged returns the stat of file now and, when that stat proves the
// file unchanged since it was parsed in the zone loc, the remembered page.
func (pc *pageCache) unchanged(fsys fs.FS, file string, loc *time.Location) (memo.Stat, *page.Page, diag.List, bool) {
	if pc == nil {
		return memo.Stat{}, nil, nil, false
	}
	fi, err := fs.Stat(fsys, file)
	if err != nil {
		return memo.Stat{}, nil, nil, false
	}
	st := memo.StatOf(fi)
	e, _, ok := pc.t.Last(file)
	if !ok || !e.stat.Proves(st) || e.zone != loc.String() {
		return st, nil, nil, false
	}
	return st, e.page, e.diags, true
}

// parse is page.Parse, remembered. st is the file's stat taken before data
// was read, so a write during the read leaves a stale stat and the next
// build reads the file again. Pages are read-only after parsing, so a
// remembered one can be shared by the next build's site graph.
func (pc *pageCache) parse(file string, data []byte, loc *time.Location, st memo.Stat) (*page.Page, diag.List) {
	if pc == nil {
		return page.Parse(file, data, loc)
	}
	v := page.Version(file, data, loc)
	e, ok := pc.t.Get(file, v)
	if !ok {
		e.page, e.diags = page.Parse(file, data, loc)
		e.zone = loc.String()
	}
	e.stat = st
	pc.t.Put(file, v, e)
	return e.page, e.diags
}

// sweep forgets files that the last build did not read (deleted or moved).
func (pc *pageCache) sweep() {
	if pc != nil {
		pc.t.Sweep()
	}
}

// renderGlobal is what every rendered file depends on besides what its
// template reads (render.Versions): whether output is minified.
func renderGlobal(opts Options) [32]byte {
	return memo.Sum(fmt.Appendf(nil, "minify %v", !opts.NoMinify))
}

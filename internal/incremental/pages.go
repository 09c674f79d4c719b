package incremental

import (
	"io/fs"
	"time"

	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/memo"
	"github.com/pubgen/pubgen/internal/page"
)

// Pages remembers parsed pages by path, made from page.Version (the file's
// bytes, path and time zone). A file whose stat proves it unchanged is not
// even read again. It is safe for concurrent use; a nil *Pages parses
// every time.
type Pages struct {
	t memo.Table[parsed]
}

type parsed struct {
	stat  memo.Stat // of the file when it was read, taken before reading
	zone  string    // the time zone dates were read in: a stat says nothing of it
	page  *page.Page
	diags diag.List
}

// Unchanged returns the stat of file now and, when that stat proves the
// file unchanged since it was parsed in the zone loc, the remembered page.
func (pc *Pages) Unchanged(fsys fs.FS, file string, loc *time.Location) (memo.Stat, *page.Page, diag.List, bool) {
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

// Parse is page.Parse, remembered. st is the file's stat taken before data
// was read, so a write during the read leaves a stale stat and the next
// build reads the file again. Pages are read-only after parsing, so a
// remembered one can be shared by the next build's site graph.
func (pc *Pages) Parse(file string, data []byte, loc *time.Location, st memo.Stat) (*page.Page, diag.List) {
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

// Sweep forgets files that the last build did not read (deleted or moved).
func (pc *Pages) Sweep() { pc.table().Sweep() }

// Len is how many files the table holds.
func (pc *Pages) Len() int { return pc.table().Len() }

func (pc *Pages) table() *memo.Table[parsed] {
	if pc == nil {
		return nil
	}
	return &pc.t
}

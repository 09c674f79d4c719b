package pipeline

import (
	"crypto/sha256"
	"encoding/json"
	"errors"
	"io/fs"
	"os"

	"github.com/pubgen/pubgen/internal/attach"
	"github.com/pubgen/pubgen/internal/config"
	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/incremental"
	"github.com/pubgen/pubgen/internal/memo"
	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/publish"
	"github.com/pubgen/pubgen/internal/search"
	"github.com/pubgen/pubgen/internal/searchdoc"
	"github.com/pubgen/pubgen/internal/site"
)

// indexing is the search side of a build, running beside the render:
// the documents, the index brought up to date, and its export.
type indexing struct {
	done chan struct{}
	res  indexed
}

// indexed is what the search side gives the build.
type indexed struct {
	engine      []publish.Entry // the search engine, code the minify stage takes
	shards      []publish.Entry // the shards, data written compact, not minified
	stats       search.UpdateStats
	attachments attachmentReport
	warnings    diag.List // after the render's, as when the two ran in turn
	err         error
}

// startIndexing starts the search side of a build (none with
// opts.NoSearch). It reads s, which no stage changes once it is built, the
// attachments through ac, and the theme's strings t; of the memory it uses
// only the search's own tables.
func startIndexing(fsys fs.FS, s *site.Site, t func(string) string, opts Options, c *caches, ac *attach.Cache) *indexing {
	ix := &indexing{done: make(chan struct{})}
	if opts.NoSearch {
		close(ix.done)
		return ix
	}
	go func() {
		defer close(ix.done)
		r := &ix.res
		texts := searchdoc.ReadAttachments(fsys, s, ac, &r.warnings)
		r.attachments = newAttachmentReport(texts, ac.Extracted())
		pretty := s.Config.URLStyle == config.Pretty
		masks := c.mem().Masks()
		docs := append(searchdoc.Pages(s, pretty, masks), searchdoc.Attachments(s, texts, t, masks, pretty)...)
		masks.Sweep()
		// A session's open index exports only what changed; a fresh
		// process's would read the whole index back (Exported).
		x := c.mem().Exported()
		if opts.Index != nil {
			x = nil
		}
		var shards []publish.Entry
		if shards, r.stats, r.err = indexAndExport(docs, opts.Index, opts.SearchCache, &r.warnings, x); r.err != nil {
			return
		}
		// The engine is code, minified as the theme's scripts are; the
		// shards are data the encoder writes compact, which the minifier
		// would make 0.3% smaller for a third of the time all pages take.
		r.engine, r.shards = splitEngine(shards)
	}()
	return ix
}

// wait returns the search side's result once it is done. A build that
// fails elsewhere waits too, so that no index is left open behind it.
func (ix *indexing) wait() indexed {
	<-ix.done
	return ix.res
}

// indexAndExport brings the search index up to date with docs (the site's
// pages and attachments, package searchdoc) and exports the browser's
// shards from it. The index is ix when the caller
// keeps one open, else the persistent one in cacheDir, else (tests, check)
// a throwaway one. A damaged index is a warning in l, not a failed build:
// it is deleted and rebuilt from the pages. x, when set, is the last
// build's export, taken instead of exporting when docs are the same.
func indexAndExport(docs []search.Doc, ix *search.Index, cacheDir string, l *diag.List, x *incremental.Exported) ([]publish.Entry, search.UpdateStats, error) {
	if ix == nil {
		var done func()
		var err error
		ix, done, err = openIndex(cacheDir)
		if errors.Is(err, search.ErrInUse) {
			// pubgen serve or build --watch holds the site's index: build
			// from a throwaway one, which exports the same shards.
			ix, done, err = openIndex("")
		}
		if err != nil {
			return nil, search.UpdateStats{}, err
		}
		defer done()
		if err := ix.Damage(); err != nil {
			warnDamaged(l, err)
		}
	}
	v, ok := docsVersion(docs, x)
	if !ok {
		x = nil
	}
	files, stats, err := updateAndExport(ix, docs, x, v)
	if err != nil {
		// Whatever failed, bleve's files are the suspect: the pages are the
		// truth, so start the index over and try once more.
		warnDamaged(l, err)
		if err := ix.Rebuild(); err != nil {
			return nil, stats, indexWriteFailed(cacheDir, err)
		}
		if files, stats, err = updateAndExport(ix, docs, x, v); err != nil {
			return nil, stats, indexWriteFailed(cacheDir, err)
		}
	}
	entries := make([]publish.Entry, 0, len(files))
	for p, data := range files {
		entries = append(entries, publish.Entry{Path: p, Data: data})
	}
	return entries, stats, nil
}

// splitEngine parts the exported files into the search engine, which is
// code, and the shards, which are data.
func splitEngine(files []publish.Entry) (engine, data []publish.Entry) {
	// Named once: the name hashes the engine's whole text, and the loop
	// meets every shard (14% of a one-page rebuild's CPU on 10,000 pages
	// when it was asked for each).
	name := search.EnginePath()
	for _, f := range files {
		if f.Path == name {
			engine = append(engine, f)
		} else {
			data = append(data, f)
		}
	}
	return engine, data
}

// updateAndExport updates ix and exports its shards, or takes them from x
// when the documents' version v is the one x's were exported from: the
// index is brought up to date all the same, since pubgen search and the
// next builds read it. Its errors are search's own, which say which step
// failed; indexAndExport rebuilds the index once and words a second
// failure for the operator.
func updateAndExport(ix *search.Index, docs []search.Doc, x *incremental.Exported, v memo.Version) (map[string][]byte, search.UpdateStats, error) {
	stats, err := ix.Update(docs)
	if err != nil {
		return nil, stats, err
	}
	if files, ok := x.Get(v); ok {
		return files, stats, nil
	}
	files, err := ix.Export()
	if err == nil {
		x.Put(v, files)
	}
	return files, stats, err
}

// docsVersion is a version of every field of every document, in order:
// encoded by reflection, so that a field search.Doc gains is in it
// without a list here to keep up. Not worked out when there is no x to
// look it up in; false when the documents cannot be encoded (a date
// beyond year 9999), which then are exported.
func docsVersion(docs []search.Doc, x *incremental.Exported) (memo.Version, bool) {
	var v memo.Version
	if x == nil {
		return v, false
	}
	h := sha256.New()
	if err := json.NewEncoder(h).Encode(docs); err != nil {
		return v, false
	}
	h.Sum(v[:0])
	return v, true
}

// warnDamaged reports in one line that the index was damaged and rebuilt.
func warnDamaged(l *diag.List, err error) {
	l.Add(IndexDamage(".pubgen/search", err, diag.Warning, msg.IndexRebuilt))
}

// openIndex opens the index in cacheDir, or a throwaway one when cacheDir
// is empty; done closes it (and removes a throwaway one).
func openIndex(cacheDir string) (ix *search.Index, done func(), err error) {
	tmp := ""
	if cacheDir == "" {
		if tmp, err = os.MkdirTemp("", "pubgen-search-*"); err != nil {
			return nil, nil, msg.Fail(err, msg.IndexNoTemp, os.TempDir(), msg.Cause(err))
		}
		cacheDir = tmp
	}
	ix, err = search.Open(cacheDir)
	if err != nil {
		if tmp != "" {
			os.RemoveAll(tmp)
			return nil, nil, msg.Fail(err, msg.IndexNoTemp, os.TempDir(), msg.Cause(err))
		}
		return nil, nil, IndexOpenFailed(cacheDir, err)
	}
	return ix, func() {
		ix.Close()
		if tmp != "" {
			os.RemoveAll(tmp)
		}
	}, nil
}

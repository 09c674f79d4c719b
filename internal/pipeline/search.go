package pipeline

import (
	"crypto/sha256"
	"encoding/json"
	"errors"
	"os"

	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/incremental"
	"github.com/pubgen/pubgen/internal/memo"
	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/publish"
	"github.com/pubgen/pubgen/internal/search"
)

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

package pipeline

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync/atomic"

	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/memo"
	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/privacy"
	"github.com/pubgen/pubgen/internal/publish"
	"github.com/pubgen/pubgen/internal/search"
	"github.com/pubgen/pubgen/internal/site"
)

// searchDocs turns the published pages into what the index holds.
func searchDocs(s *site.Site, pretty bool, masks *maskMemo) []search.Doc {
	docs := make([]search.Doc, 0, len(s.Pages))
	for _, n := range s.Pages {
		d, _ := pageDoc(s, n, pretty, masks)
		docs = append(docs, d)
	}
	return docs
}

// maskMemo remembers privacy.MaskText's answers between a session's
// builds. Every page's text goes through the mask on every build, and that
// scan was most of a one-page edit's rebuild; with the memo only the
// edited page's text is scanned again. An entry is found by the place the
// text comes from (a page's field, an attachment's part) and used only
// while that place holds the same text under the same allow list, which
// the entry keeps and compares: hashing every text on every build to find
// it by content cost a one-page edit 80 ms on 10,000 pages, comparing it
// to the text it was made from costs next to nothing. A nil *maskMemo
// masks every time.
type maskMemo struct {
	t memo.Table[maskedText]
	// scans counts the texts scanned because the memo did not hold them.
	scans atomic.Int64
}

// maskedText is one text, the allow list it was masked under, and the
// result.
type maskedText struct {
	text, allow, masked string
}

// mask is privacy.MaskText(text, allow...), remembered under name: the
// place text comes from, unique within a build.
func (m *maskMemo) mask(name, text string, allow []string) string {
	if m == nil || text == "" {
		return privacy.MaskText(text, allow...)
	}
	key := strings.Join(allow, "\x00")
	if e, _, ok := m.t.Last(name); ok && e.text == text && e.allow == key {
		return e.masked
	}
	m.scans.Add(1)
	masked := privacy.MaskText(text, allow...)
	m.t.Put(name, memo.Version{}, maskedText{text: text, allow: key, masked: masked})
	return masked
}

// sweep forgets the texts this build did not mask.
func (m *maskMemo) sweep() {
	if m != nil {
		m.t.Sweep()
	}
}

// pageDoc is the page n as the index holds it, and the mask every text of
// it goes through (field names the text's place in the page, for the
// memo). Dates, years and statuses are the site's own: its
// calendar and its build's now. The index holds no whole personal-data
// number a page did not allow (privacy.allow): a page that publishes one
// with a warning still shows it, but the shards, which anyone can
// download whole and grep, and pubgen search hold it masked. Text added
// to a Doc later (attachments', attachmentDocs) goes through the same mask.
func pageDoc(s *site.Site, n *site.Node, pretty bool, masks *maskMemo) (search.Doc, func(field, text string) string) {
	loc := s.Config.Location
	url := n.File()
	if pretty {
		url = n.URL
	}
	var allow []string
	if n.Privacy != nil {
		allow = n.Privacy.Allow
	}
	mask := func(field, text string) string { return masks.mask(n.Path+"\x00"+field, text, allow) }
	var tags []string
	for i, t := range n.Tags {
		tags = append(tags, mask("tag"+strconv.Itoa(i), t))
	}
	return search.Doc{
		ID: n.Path, URL: url, Title: mask("title", n.Title), Summary: mask("summary", n.Summary), Body: mask("body", n.PlainText),
		Tags: tags, Branch: mask("branch", n.Branch), Type: n.Type, Category: mask("category", n.Category),
		Status: site.Status(n.Page, s.Now, loc),
		Date:   n.Date.In(loc), Day: site.DayOf(n.Date, loc), Year: site.YearOf(n.Date, loc),
	}, mask
}

// indexAndExport brings the search index up to date with the site (its
// pages, and extra: the attachments' documents) and exports the browser's
// shards from it. The index is ix when the caller
// keeps one open, else the persistent one in cacheDir, else (tests, check)
// a throwaway one. A damaged index is a warning in l, not a failed build:
// it is deleted and rebuilt from the pages.
func indexAndExport(s *site.Site, extra []search.Doc, masks *maskMemo, ix *search.Index, cacheDir string, pretty bool, l *diag.List) ([]publish.Entry, search.UpdateStats, error) {
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
	docs := append(searchDocs(s, pretty, masks), extra...)
	masks.sweep()
	files, stats, err := updateAndExport(ix, docs)
	if err != nil {
		// Whatever failed, bleve's files are the suspect: the pages are the
		// truth, so start the index over and try once more.
		warnDamaged(l, err)
		if err := ix.Rebuild(); err != nil {
			return nil, stats, err
		}
		if files, stats, err = updateAndExport(ix, docs); err != nil {
			return nil, stats, err
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
	for _, f := range files {
		if f.Path == search.EnginePath() {
			engine = append(engine, f)
		} else {
			data = append(data, f)
		}
	}
	return engine, data
}

func updateAndExport(ix *search.Index, docs []search.Doc) (map[string][]byte, search.UpdateStats, error) {
	stats, err := ix.Update(docs)
	if err != nil {
		return nil, stats, fmt.Errorf("search: indexing: %w", err)
	}
	files, err := ix.Export()
	if err != nil {
		return nil, stats, fmt.Errorf("search: exporting shards: %w", err)
	}
	return files, stats, nil
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
			return nil, nil, fmt.Errorf("search: %w", err)
		}
		cacheDir = tmp
	}
	ix, err = search.Open(cacheDir)
	if err != nil {
		if tmp != "" {
			os.RemoveAll(tmp)
		}
		return nil, nil, fmt.Errorf("search: opening the index in %s: %w", cacheDir, err)
	}
	return ix, func() {
		ix.Close()
		if tmp != "" {
			os.RemoveAll(tmp)
		}
	}, nil
}

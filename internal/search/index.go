package search

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/document"

	"github.com/pubgen/pubgen/internal/parallel"
)

// Doc is one published page as the search sees it.
type Doc struct {
	ID       string // stable key: the page's source path, e.g. "content/notices/a.md"
	URL      string // output path relative to the site root
	Title    string
	Summary  string
	Body     string // plain text, extracted by the build from the rendered HTML
	Tags     []string
	Branch   string // 支部 name
	Type     string // notice | disclosure | study | showcase | page
	Category string // disclosure category
	Status   string // disclosure status: upcoming | open | closed, "" for others
	// Date is the page's date in the site's zone, so that results carry
	// the site's offset (2026-12-03T00:00:00+08:00); it orders results.
	Date time.Time
	// Day and Year are the page's day (2026-12-03) and year in the site's
	// calendar, as site.DayOf and site.YearOf say: results show Day and the
	// year filter is Year, on both sides. The search never derives them
	// from Date itself, since an instant has a day only in some zone.
	Day, Year string
	// PageURL and PageTitle are, for a part of an attachment (a PDF page,
	// a sheet, a whole document), the page the file is attached to; ""
	// for a page. A result shows such a part under its page.
	PageURL, PageTitle string
}

// UpdateStats counts what Update did, so a rebuild can report its work.
type UpdateStats struct {
	Added, Changed, Removed, Unchanged int
}

// Index is the persistent bleve index of a site. Update and Export may be
// called from several goroutines (they take turns); Search runs alongside
// them.
type Index struct {
	// biMu guards bi for Search, which runs alongside Update and Export
	// (they hold mu); only Rebuild replaces bi, holding both.
	biMu   sync.RWMutex
	bi     bleve.Index
	path   string // the bleve folder, for Rebuild
	damage error  // why Open replaced an unreadable index, nil if it did not
	gen    uint64 // the generation last stamped, see generation.go
	unlock func() // releases the cache's lock file, see Open

	mu sync.Mutex // guards the fields below, used by Update and Export
	// docs is what bleve holds, as last given to Update. It is nil until the
	// first Update after Open, which compares stored hashes instead; after
	// it, an unchanged document is recognised without touching bleve.
	docs map[string]Doc
	// exp is what the last Export computed, nil when the next Export must
	// start from the index alone; since holds, for each document changed
	// after exp, its version in exp, so Export can redo only what the
	// changes affect.
	exp   *exportState
	since map[string]priorDoc
	// fresh is the phrase keys of the pages analysed while exp is nil,
	// for the Export that builds exp (see freshPhrases); nil otherwise.
	fresh *freshPhrases
	// tailBlock, when not 0, is the export's tail block instead of
	// tailBlock: the engine's fixture sets it to split its few pages.
	tailBlock int
}

// priorDoc is a document as the last Export saw it; present is false for
// a document added after it.
type priorDoc struct {
	doc     Doc
	present bool
}

// updateBatch is how many documents Update writes to bleve at a time.
const updateBatch = 500

// ErrInUse says another process has the index open.
var ErrInUse = errors.New("the index is in use by another pubgen (serve or build --watch)")

// lockWait is how long Open waits for another process to let go of the
// index before it reports ErrInUse.
const lockWait = 2 * time.Second

// lockFile is the file in the cache folder that a process holds locked
// while it has the index open. It is pubgen's own lock, not bleve's: it
// says exactly "another pubgen has this cache", whatever storage bleve
// uses underneath, and it is taken before bleve opens anything, so a
// second process never touches, or deletes, an index in use. It lives
// beside the bleve folder, which Open may delete and create again.
const lockFile = "bleve.lock"

// versionKey is the bleve internal key holding analysisVersion.
const versionKey = "pubgen.analysis"

// Open opens the index in cacheDir, creating it when absent. An index made
// with another analysisVersion, or one that cannot be opened, is deleted and
// created afresh: it is a cache, and its source of truth is the content.
// Damage says whether the latter happened.
func Open(cacheDir string) (*Index, error) {
	path := filepath.Join(cacheDir, "bleve")
	if err := os.MkdirAll(cacheDir, 0o755); err != nil {
		return nil, fmt.Errorf("search: creating %s: %w", cacheDir, err)
	}
	unlock, held, err := lockCache(filepath.Join(cacheDir, lockFile), lockWait)
	if err != nil {
		return nil, fmt.Errorf("search: locking %s: %w", cacheDir, err)
	}
	if held {
		// Another pubgen (serve, build --watch) has it open: waiting could
		// take forever, and deleting it would break that process's index.
		return nil, fmt.Errorf("search: %s: %w", path, ErrInUse)
	}
	ix, err := open(path)
	if err != nil {
		unlock()
		return nil, err
	}
	ix.unlock = unlock
	return ix, nil
}

func open(path string) (*Index, error) {
	var bi bleve.Index
	err := guard(func() (err error) {
		bi, err = bleve.OpenUsing(path, storeConfig())
		return err
	})
	var damage error
	if err == nil {
		var v, g []byte
		verr := guard(func() (err error) {
			if err := verifySegments(path); err != nil {
				return err
			}
			if v, err = bi.GetInternal([]byte(versionKey)); err != nil {
				return err
			}
			g, err = bi.GetInternal([]byte(generationKey))
			return err
		})
		if verr == nil && string(v) == analysisVersion {
			gen, gerr := checkGeneration(path, g)
			if gerr == nil {
				return &Index{bi: bi, path: path, gen: gen}, nil
			}
			verr = gerr
		} else if verr == nil && len(v) == 0 {
			// Every index pubgen made has its version: scorch lost it.
			verr = errors.New("bleve reopened it empty")
		}
		damage = verr
		_ = guard(bi.Close)
	} else if !errors.Is(err, bleve.ErrorIndexPathDoesNotExist) && !errors.Is(err, bleve.ErrorIndexMetaMissing) {
		damage = err
	}
	if err := removeIndex(path); err != nil {
		return nil, err
	}
	if bi, err = create(path); err != nil {
		return nil, err
	}
	return &Index{bi: bi, path: path, damage: damage}, nil
}

// storeConfig is the configuration of bleve's storage (scorch) for an
// index pubgen opens or creates.
//
// The bolt timeout keeps a process that is not pubgen, or a pubgen
// without the lock file, from hanging Open on bleve's own lock.
//
// The merge planner counts a segment smaller than FloorSegmentSize
// documents as that large, and allows about ten segments per tier of
// that size. At its default, 2,000, the segment a one-page edit writes
// (one document) counts as a whole 2,000-page site: every edit of such a
// site put its index over the planner's budget, and zapx merged the new
// segment into the large one, rewriting the whole index (48% of a body
// edit's CPU on 2,000 pages, more than the rebuild itself). With a floor
// of a few documents, the small segments gather in a tier of their own
// and are merged with each other, as a tiered merge policy means to; a
// large segment is rewritten only when enough segments of its size have
// gathered, or its deletions weigh (TestOneDocumentEditsDoNotRewriteTheIndex).
func storeConfig() map[string]any {
	return map[string]any{
		"bolt_timeout": lockWait.String(),
		"scorchMergePlanOptions": map[string]any{
			"FloorSegmentSize": mergeFloor,
		},
	}
}

// mergeFloor is the merge planner's FloorSegmentSize (see storeConfig).
const mergeFloor = 10

// removeIndex deletes the bleve folder at path and its generation file.
func removeIndex(path string) error {
	for _, p := range []string{path, generationFile(path)} {
		if err := os.RemoveAll(p); err != nil {
			return fmt.Errorf("search: removing stale index %s: %w", p, err)
		}
	}
	return nil
}

// create makes an empty index at path, stamped with analysisVersion.
func create(path string) (bleve.Index, error) {
	m, err := newMapping()
	if err != nil {
		return nil, fmt.Errorf("search: building the mapping: %w", err)
	}
	bi, err := bleve.NewUsing(path, m, bleve.Config.DefaultIndexType, bleve.Config.DefaultKVStore, storeConfig())
	if err != nil {
		return nil, fmt.Errorf("search: creating index %s: %w", path, err)
	}
	if err := bi.SetInternal([]byte(versionKey), []byte(analysisVersion)); err != nil {
		_ = bi.Close()
		return nil, fmt.Errorf("search: recording the analysis version: %w", err)
	}
	return bi, nil
}

// Close releases the index files and the cache's lock.
func (ix *Index) Close() error {
	err := guard(ix.bi.Close)
	if ix.unlock != nil {
		ix.unlock()
	}
	return err
}

// Update makes the index hold exactly docs: documents whose content hash
// differs from the stored one are (re)indexed, documents no longer present
// are deleted, the rest is left alone.
func (ix *Index) Update(docs []Doc) (UpdateStats, error) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	var st UpdateStats
	err := guard(func() (err error) { st, err = ix.update(docs); return err })
	if err != nil {
		// Part of the batch may be written: what is in memory can no
		// longer be trusted to match bleve.
		ix.docs, ix.exp, ix.since, ix.fresh = nil, nil, nil, nil
	}
	return st, err
}

func (ix *Index) update(docs []Doc) (UpdateStats, error) {
	var st UpdateStats
	var stored map[string]string
	if ix.docs == nil {
		var err error
		if stored, err = ix.storedHashes(); err != nil {
			return st, err
		}
		// Without the previous documents Export cannot tell what a
		// change removed from the index.
		ix.exp, ix.since = nil, nil
	}
	if ix.exp == nil && ix.fresh == nil {
		ix.fresh = newFreshPhrases()
	}
	w := batchWriter{bi: ix.bi, batch: ix.bi.NewBatch(), an: newAnalyser(ix.bi.Mapping())}
	if ix.exp == nil {
		w.fresh = ix.fresh
	}
	next := make(map[string]Doc, len(docs))
	for _, d := range docs {
		if d.ID == "" {
			return st, fmt.Errorf("search: a document for %q has no ID", d.URL)
		}
		if _, dup := next[d.ID]; dup {
			return st, fmt.Errorf("search: document %s given twice", d.ID)
		}
		d.Tags = slices.Clone(d.Tags)
		next[d.ID] = d
		prev, known := ix.docs[d.ID]
		if known && sameDoc(prev, d) {
			st.Unchanged++
			continue
		}
		rec := toRecord(d)
		prevHash, ok := stored[d.ID]
		if known {
			prevHash, ok = toRecord(prev).Hash, true
		}
		switch {
		case ok && prevHash == rec.Hash:
			st.Unchanged++
			continue
		case ok:
			st.Changed++
		default:
			st.Added++
		}
		ix.noteChange(d.ID, prev, known)
		if err := w.index(d.ID, rec); err != nil {
			return st, err
		}
	}
	gone := func(id string) bool { _, ok := next[id]; return !ok }
	for id := range stored {
		if gone(id) {
			w.delete(id)
			st.Removed++
		}
	}
	for id, prev := range ix.docs {
		if gone(id) {
			ix.noteChange(id, prev, true)
			w.delete(id)
			st.Removed++
		}
	}
	if err := w.flush(); err != nil {
		return st, err
	}
	if st.Added+st.Changed+st.Removed > 0 {
		if err := ix.stampGeneration(); err != nil {
			return st, err
		}
	}
	ix.docs = next
	return st, nil
}

// noteChange remembers the version of id that the last Export saw, unless
// an earlier change since that Export already did.
func (ix *Index) noteChange(id string, prev Doc, present bool) {
	if ix.exp == nil {
		return
	}
	if _, ok := ix.since[id]; !ok {
		ix.since[id] = priorDoc{doc: prev, present: present}
	}
}

// sameDoc reports whether a and b give the same record; comparing fields
// is much cheaper than hashing a record.
func sameDoc(a, b Doc) bool {
	return a.URL == b.URL && a.Title == b.Title && a.Summary == b.Summary && a.Body == b.Body &&
		slices.Equal(a.Tags, b.Tags) && a.Branch == b.Branch && a.Type == b.Type &&
		a.Category == b.Category && a.Status == b.Status && a.Day == b.Day && a.Year == b.Year &&
		sameRecordDate(a.Date, b.Date)
}

// sameRecordDate reports whether a and b are one date in a record, which
// keeps them as RFC 3339 text (seconds and offset). The same second at the
// same offset is the same text, found without formatting two dates for
// every page of every rebuild.
func sameRecordDate(a, b time.Time) bool {
	_, oa := a.Zone()
	_, ob := b.Zone()
	if a.Unix() == b.Unix() && oa == ob {
		return true
	}
	return a.Format(time.RFC3339) == b.Format(time.RFC3339)
}

// batchWriter writes documents to bleve in bounded batches: one batch of a
// whole site holds every analysed document in memory at once. A batch's
// documents are analysed on all cores before bleve is handed them; their
// phrase keys go to fresh when it is not nil.
type batchWriter struct {
	bi      bleve.Index
	batch   *bleve.Batch
	an      analyser
	fresh   *freshPhrases
	pending []pendingDoc // indexed by the next flush
}

type pendingDoc struct {
	id  string
	rec record
}

func (w *batchWriter) index(id string, rec record) error {
	w.pending = append(w.pending, pendingDoc{id, rec})
	if len(w.pending) >= updateBatch {
		return w.flush()
	}
	return nil
}

func (w *batchWriter) delete(id string) {
	w.batch.Delete(id)
	if w.fresh != nil {
		w.fresh.forget(id)
	}
}

func (w *batchWriter) flush() error {
	docs := make([]*document.Document, len(w.pending))
	runs := make([]phraseRuns, len(w.pending))
	errs := make([]error, len(w.pending))
	parallel.For(len(w.pending), func(i int) {
		docs[i], runs[i], errs[i] = w.an.document(w.pending[i].id, w.pending[i].rec)
	})
	w.pending = w.pending[:0]
	if err := errors.Join(errs...); err != nil {
		return err
	}
	if w.fresh != nil {
		for i, d := range docs {
			w.fresh.add(d.ID(), runs[i])
		}
	}
	for _, d := range docs {
		if err := w.batch.IndexAdvanced(d); err != nil {
			return fmt.Errorf("search: indexing %s: %w", d.ID(), err)
		}
	}
	if w.batch.Size() == 0 {
		return nil
	}
	if err := w.bi.Batch(w.batch); err != nil {
		return fmt.Errorf("search: writing the index: %w", err)
	}
	// A new batch, not Reset: scorch's feeder goroutine may still be
	// finishing its range over the old batch's map when Batch returns
	// (the race detector sees Reset replace it under that range).
	w.batch = w.bi.NewBatch()
	return nil
}

// storedHashes maps every indexed document ID to its stored content hash.
func (ix *Index) storedHashes() (map[string]string, error) {
	n, err := ix.bi.DocCount()
	if err != nil {
		return nil, fmt.Errorf("search: counting documents: %w", err)
	}
	out := make(map[string]string, n)
	if n == 0 {
		return out, nil
	}
	req := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), int(n), 0, false)
	req.Fields = []string{fieldHash}
	res, err := ix.bi.Search(req)
	if err != nil {
		return nil, fmt.Errorf("search: listing documents: %w", err)
	}
	for _, h := range res.Hits {
		s, _ := h.Fields[fieldHash].(string)
		out[h.ID] = s
	}
	return out, nil
}

// record is the document as bleve indexes it; the json names are the field
// names of the mapping.
type record struct {
	Title      string `json:"title"`
	Summary    string `json:"summary"`
	Body       string `json:"body"`
	Meta       string `json:"meta"`
	Chars      string `json:"chars"`
	Level      string `json:"level"` // not hashed: derived from the text fields, see analyser
	URL        string `json:"url"`
	Type       string `json:"type"`
	Branch     string `json:"branch"`
	Category   string `json:"category"`
	Status     string `json:"status"`
	Date       string `json:"date"`
	Day        string `json:"day"`
	Year       string `json:"year"`
	Hash       string `json:"hash"`
	SrcTitle   string `json:"src_title"`
	SrcSummary string `json:"src_summary"`
	SrcBody    string `json:"src_body"`
	SrcMeta    string `json:"src_meta"`
	PageURL    string `json:"page_url"`
	PageTitle  string `json:"page_title"`
}

func toRecord(d Doc) record {
	meta := strings.Join(append(append([]string{}, d.Tags...), d.Branch, d.Category), "\n")
	all := strings.Join([]string{d.Title, d.Summary, d.Body, meta}, "\n")
	r := record{
		Title:      foldWidth(d.Title),
		Summary:    foldWidth(d.Summary),
		Body:       foldWidth(d.Body),
		Meta:       foldWidth(meta),
		Chars:      foldWidth(all),
		URL:        d.URL,
		Type:       d.Type,
		Branch:     d.Branch,
		Category:   d.Category,
		Status:     d.Status,
		Date:       d.Date.Format(time.RFC3339),
		Day:        d.Day,
		Year:       d.Year,
		SrcTitle:   d.Title,
		SrcSummary: d.Summary,
		SrcBody:    d.Body,
		SrcMeta:    meta,
		PageURL:    d.PageURL,
		PageTitle:  d.PageTitle,
	}
	r.Hash = hashRecord(r)
	return r
}

// hashRecord hashes everything indexed and stored, together with the
// analysis version, so any change to what a search can see re-indexes.
func hashRecord(r record) string {
	r.Hash, r.Level = "", ""
	b, err := json.Marshal(r)
	if err != nil {
		panic(errors.New("search: a record of strings failed to marshal"))
	}
	sum := sha256.Sum256(append(b, analysisVersion...))
	return hex.EncodeToString(sum[:16])
}

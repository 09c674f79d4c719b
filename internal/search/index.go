package search

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
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
	Date     time.Time
}

// UpdateStats counts what Update did, so a rebuild can report its work.
type UpdateStats struct {
	Added, Changed, Removed, Unchanged int
}

// Index is the persistent bleve index of a site. It is not safe for
// concurrent Update calls; Search and Export may run concurrently with each
// other.
type Index struct {
	bi bleve.Index
}

// updateBatch is how many documents Update writes to bleve at a time.
const updateBatch = 500

// versionKey is the bleve internal key holding analysisVersion.
const versionKey = "pubgen.analysis"

// Open opens the index in cacheDir, creating it when absent. An index made
// with another analysisVersion, or one that cannot be opened, is deleted and
// created afresh: it is a cache, and its source of truth is the content.
func Open(cacheDir string) (*Index, error) {
	path := filepath.Join(cacheDir, "bleve")
	if bi, err := bleve.Open(path); err == nil {
		v, verr := bi.GetInternal([]byte(versionKey))
		if verr == nil && string(v) == analysisVersion {
			return &Index{bi: bi}, nil
		}
		_ = bi.Close()
	}
	if err := os.RemoveAll(path); err != nil {
		return nil, fmt.Errorf("search: removing stale index %s: %w", path, err)
	}
	if err := os.MkdirAll(cacheDir, 0o755); err != nil {
		return nil, fmt.Errorf("search: creating %s: %w", cacheDir, err)
	}
	m, err := newMapping()
	if err != nil {
		return nil, fmt.Errorf("search: building the mapping: %w", err)
	}
	bi, err := bleve.New(path, m)
	if err != nil {
		return nil, fmt.Errorf("search: creating index %s: %w", path, err)
	}
	if err := bi.SetInternal([]byte(versionKey), []byte(analysisVersion)); err != nil {
		_ = bi.Close()
		return nil, fmt.Errorf("search: recording the analysis version: %w", err)
	}
	return &Index{bi: bi}, nil
}

// Close releases the index files.
func (ix *Index) Close() error { return ix.bi.Close() }

// Update makes the index hold exactly docs: documents whose content hash
// differs from the stored one are (re)indexed, documents no longer present
// are deleted, the rest is left alone.
func (ix *Index) Update(docs []Doc) (UpdateStats, error) {
	var st UpdateStats
	old, err := ix.storedHashes()
	if err != nil {
		return st, err
	}
	batch := ix.bi.NewBatch()
	flush := func() error {
		if batch.Size() == 0 {
			return nil
		}
		if err := ix.bi.Batch(batch); err != nil {
			return fmt.Errorf("search: writing the index: %w", err)
		}
		batch.Reset()
		return nil
	}
	seen := make(map[string]bool, len(docs))
	for _, d := range docs {
		if d.ID == "" {
			return st, fmt.Errorf("search: a document for %q has no ID", d.URL)
		}
		if seen[d.ID] {
			return st, fmt.Errorf("search: document %s given twice", d.ID)
		}
		seen[d.ID] = true
		rec := toRecord(d)
		prev, ok := old[d.ID]
		switch {
		case ok && prev == rec.Hash:
			st.Unchanged++
			continue
		case ok:
			st.Changed++
		default:
			st.Added++
		}
		if err := batch.Index(d.ID, rec); err != nil {
			return st, fmt.Errorf("search: indexing %s: %w", d.ID, err)
		}
		// Bounded batches bound memory: one batch of a whole site holds
		// every analysed document at once.
		if batch.Size() >= updateBatch {
			if err := flush(); err != nil {
				return st, err
			}
		}
	}
	for id := range old {
		if !seen[id] {
			batch.Delete(id)
			st.Removed++
		}
	}
	return st, flush()
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
	URL        string `json:"url"`
	Type       string `json:"type"`
	Branch     string `json:"branch"`
	Category   string `json:"category"`
	Status     string `json:"status"`
	Date       string `json:"date"`
	Hash       string `json:"hash"`
	SrcTitle   string `json:"src_title"`
	SrcSummary string `json:"src_summary"`
	SrcBody    string `json:"src_body"`
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
		Date:       d.Date.UTC().Format(time.RFC3339),
		SrcTitle:   d.Title,
		SrcSummary: d.Summary,
		SrcBody:    d.Body,
	}
	r.Hash = hashRecord(r)
	return r
}

// hashRecord hashes everything indexed and stored, together with the
// analysis version, so any change to what a search can see re-indexes.
func hashRecord(r record) string {
	r.Hash = ""
	b, err := json.Marshal(r)
	if err != nil {
		panic(errors.New("search: a record of strings failed to marshal"))
	}
	sum := sha256.Sum256(append(b, analysisVersion...))
	return hex.EncodeToString(sum[:16])
}

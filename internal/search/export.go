package search

import (
	"context"
	"encoding/json"
	"fmt"
	"slices"
	"strconv"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	index "github.com/blevesearch/bleve_index_api"
)

// Shard sizes. A term shard holds the keys whose hash falls in it; the
// number of shards is chosen so that an average shard is termShardBytes.
// Records are recordsPerShard to a file, in export order (oldest first),
// and carry the first recordBodyRunes of the body for excerpts: one to a
// file, since the results a query shows are spread over the whole site,
// and a second record in the file was loaded for nothing.
const (
	termShardBytes  = 8 << 10
	gramShardBytes  = 8 << 10
	recordsPerShard = 1
	recordBodyRunes = 400
	exportDir       = ExportDir
	globalName      = "__pubgenSearch"
)

// ExportDir is the folder of public/ that the browser's shards are written
// to; the build keeps it for them, so that no input can collide with a
// shard whose name is known only once the index is exported.
const ExportDir = "search/"

// exportDoc is a stored document in export order.
type exportDoc struct {
	id, url, title, summary, body string
	meta                          string // the meta field's text (Doc's tags, branch and category)
	typ, branch, status           string
	date                          time.Time
	day, year                     string // the site's calendar: Doc.Day, Doc.Year
	pageURL, pageTitle            string // an attachment part's page: Doc.PageURL, Doc.PageTitle
	level                         int    // the page's length level, see the scorer
}

// Export returns the static files the browser client needs, keyed by path
// relative to the site root. Everything is derived from the indexed
// documents alone, in sorted order, so the same indexed documents always
// give the same bytes. After a first Export, the next one starts from what
// it computed and redoes only what the documents changed by Update since
// can affect; the result is the same as a full export's, byte for byte.
func (ix *Index) Export() (out map[string][]byte, err error) {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	err = guard(func() (err error) { out, err = ix.export(); return err })
	if err != nil {
		ix.exp, ix.since = nil, nil
	}
	return out, err
}

func (ix *Index) export() (map[string][]byte, error) {
	if ix.exp != nil && ix.docs != nil {
		if err := ix.exp.apply(ix.since, ix.docs); err != nil {
			ix.exp, ix.since = nil, nil
			return nil, err
		}
		clear(ix.since)
		return ix.exp.output(), nil
	}
	s, err := ix.fullState()
	if err != nil {
		return nil, err
	}
	ix.exp, ix.since = s, map[string]priorDoc{}
	return s.output(), nil
}

// fullState reads every document and posting from bleve and renders all.
func (ix *Index) fullState() (*exportState, error) {
	docs, err := ix.exportDocs()
	if err != nil {
		return nil, err
	}
	fresh := ix.fresh
	ix.fresh = nil
	s := newExportState(ix.bi.Mapping())
	if ix.tailBlock > 0 {
		s.tailBlock = ix.tailBlock
	}
	s.addPhrases(docs, fresh)
	s.sortOrder()
	adv, err := ix.bi.Advanced()
	if err != nil {
		return nil, fmt.Errorf("search: export: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, fmt.Errorf("search: export: opening a reader: %w", err)
	}
	defer r.Close()
	if err := s.read(r); err != nil {
		return nil, fmt.Errorf("search: export: %w", err)
	}
	if err := s.render(nil, true, nil, nil); err != nil {
		return nil, err
	}
	return s, nil
}

// exportDocs reads every document's stored fields, in export order
// (oldest first, see sortOrder).
func (ix *Index) exportDocs() ([]exportDoc, error) {
	n, err := ix.bi.DocCount()
	if err != nil {
		return nil, fmt.Errorf("search: export: %w", err)
	}
	req := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), int(n), 0, false)
	req.Fields = append(hitFields(), srcTitle, srcSummary, srcBody, srcMeta)
	res, err := ix.bi.Search(req)
	if err != nil {
		return nil, fmt.Errorf("search: export: listing documents: %w", err)
	}
	docs := make([]exportDoc, 0, len(res.Hits))
	for _, m := range res.Hits {
		h := toHit(m)
		str := func(f string) string { s, _ := m.Fields[f].(string); return s }
		docs = append(docs, exportDoc{
			id: h.ID, url: h.URL, title: str(srcTitle), summary: str(srcSummary), body: str(srcBody), meta: str(srcMeta),
			typ: h.Type, branch: h.Branch, status: h.Status, date: h.Date, day: h.Day, year: h.Year,
			pageURL: h.PageURL, pageTitle: h.PageTitle,
			level: hitLevel(m),
		})
	}
	slices.SortFunc(docs, func(a, b exportDoc) int {
		return docOrder(b.date, a.date, b.url, a.url, b.id, a.id)
	})
	return docs, nil
}

// read fills the statistics from bleve's dictionaries and postings: every
// key of the text fields, and every lone CJK character of charField (the
// only kind of key looked up there). The phrase keys are not in bleve
// (addPhrases).
func (s *exportState) read(r index.IndexReader) error {
	internal := map[string]int32{}
	for i, f := range textFields() {
		if err := s.readField(r, f.name, i, internal); err != nil {
			return err
		}
	}
	if err := s.readField(r, charField, charSlot, internal); err != nil {
		return err
	}
	for _, kr := range s.keys {
		for _, l := range kr.lists {
			slices.SortFunc(l, func(a, b rawPosting) int { return int(a.slot - b.slot) })
		}
	}
	return nil
}

func (s *exportState) readField(r index.IndexReader, field string, fs int, internal map[string]int32) error {
	terms, err := dictTerms(r, field)
	if err != nil {
		return err
	}
	for _, t := range terms {
		key, list := t, fs
		switch fs {
		case charSlot:
			if !s.isLone(t) {
				continue
			}
			key, list = charKeyPrefix+t, 0
		}
		ps, err := s.readPostings(r, t, field, fs, internal)
		if err != nil {
			return err
		}
		// A dictionary keeps terms whose documents were all deleted
		// until its segment is merged away.
		if len(ps) == 0 {
			continue
		}
		kr := s.keys[key]
		if kr == nil {
			kr = newKeyRaw(key)
			s.keys[key] = kr
		}
		kr.lists[list] = ps
	}
	return nil
}

// isLoneCJK reports whether a query of just t is a CJK unigram, the only
// kind of key looked up in charField.
func isLoneCJK(a analysis.Analyzer, t string) bool {
	toks := a.Analyze([]byte(t))
	return len(toks) == 1 && toks[0].Type == analysis.Single && string(toks[0].Term) == t
}

func dictTerms(r index.IndexReader, field string) ([]string, error) {
	d, err := r.FieldDict(field)
	if err != nil {
		return nil, fmt.Errorf("reading the %s dictionary: %w", field, err)
	}
	defer d.Close()
	var out []string
	for {
		e, err := d.Next()
		if err != nil {
			return nil, fmt.Errorf("reading the %s dictionary: %w", field, err)
		}
		if e == nil {
			return out, nil
		}
		if e.Count > 0 {
			out = append(out, e.Term)
		}
	}
}

// readPostings reads the documents having term in field, and the field's
// length in each.
func (s *exportState) readPostings(r index.IndexReader, term, field string, fs int, internal map[string]int32) ([]rawPosting, error) {
	tfr, err := r.TermFieldReader(context.Background(), []byte(term), field, true, true, false)
	if err != nil {
		return nil, fmt.Errorf("reading postings of %q in %s: %w", term, field, err)
	}
	defer tfr.Close()
	out := make([]rawPosting, 0, tfr.Count())
	var tfd index.TermFieldDoc
	for {
		m, err := tfr.Next(&tfd)
		if err != nil {
			return nil, fmt.Errorf("reading postings of %q in %s: %w", term, field, err)
		}
		if m == nil {
			return out, nil
		}
		slot, err := s.slotOfInternal(r, m.ID, internal)
		if err != nil {
			return nil, err
		}
		s.lens[fs][slot] = normLength(m.Norm)
		out = append(out, rawPosting{slot: slot, tf: int32(m.Freq)})
	}
}

func (s *exportState) slotOfInternal(r index.IndexReader, id index.IndexInternalID, internal map[string]int32) (int32, error) {
	if slot, ok := internal[string(id)]; ok {
		return slot, nil
	}
	ext, err := r.ExternalID(id)
	if err != nil {
		return 0, fmt.Errorf("resolving a document id: %w", err)
	}
	slot, ok := s.slotOf[ext]
	if !ok {
		return 0, fmt.Errorf("posting for unknown document %s", ext)
	}
	internal[string(id)] = slot
	return slot, nil
}

// entry is the unhashed search/index.js: what the UI needs to find the
// engine, and the engine every other file.
type entry struct {
	Version string     `json:"v"`
	Engine  string     `json:"engine"` // the engine's file, which reads this format
	Scale   int        `json:"scale"`  // scoreScale
	Static  int        `json:"static"` // staticScale
	Docs    int        `json:"docs"`
	Terms   shardNames `json:"terms"`
	Phrases shardNames `json:"phrases"`
	// The tail: the postings of the documents from position Tail on, in
	// families of their own, counted from Tail (splitOf).
	Tail        int        `json:"tail"`
	TailTerms   shardNames `json:"tterms"`
	TailPhrases shardNames `json:"tphrases"`
	Gram        [3]int     `json:"gram"` // the shortest and longest phrase key in characters, the longest in words
	Records     shardNames `json:"records"`
	PerShard    int        `json:"per"`
	Levels      string     `json:"levels"` // the level file (renderLevels)
	Meta        string     `json:"meta"`
	Types       []string   `json:"types"`
	Branches    []string   `json:"branches"`
	Statuses    []string   `json:"statuses"`
	Years       []string   `json:"years"`
}

// shardScript is the script of one shard: a call that hands its data to
// the page's loader under its logical name.
func shardScript(name string, data any) ([]byte, error) {
	b, err := json.Marshal(data)
	if err != nil {
		return nil, fmt.Errorf("search: export: encoding %s: %w", name, err)
	}
	return []byte(globalName + ".shard(" + strconv.Quote(name) + "," + string(b) + ");\n"), nil
}

// metaScript is the shard holding, for every document, the facets the
// filters count: the distinct (type, branch, status, year) tuples, and per
// document the index of its tuple in fixed-width varint digits.
func metaScript(docs []exportDoc, d dicts) ([]byte, error) {
	var combos [][4]int
	comboIdx := map[[4]int]int{}
	ids := make([]int, len(docs))
	for i, doc := range docs {
		c := [4]int{d.types.idx[doc.typ], d.branches.idx[doc.branch], d.statuses.idx[doc.status], d.years.idx[doc.year]}
		j, ok := comboIdx[c]
		if !ok {
			j = len(combos)
			comboIdx[c] = j
			combos = append(combos, c)
		}
		ids[i] = j
	}
	width := 1
	for 1<<(6*width) < len(combos) {
		width++
	}
	b := make([]byte, 0, len(ids)*width)
	for _, id := range ids {
		for k := width - 1; k >= 0; k-- {
			b = append(b, digits[(id>>(6*k))&63])
		}
	}
	return shardScript("meta", map[string]any{"combos": combos, "width": width, "docs": string(b)})
}

// dict numbers the distinct values of one facet in sorted order.
type dict struct {
	list []string
	idx  map[string]int
}

func newDict(values []string) dict {
	d := dict{idx: map[string]int{}}
	for _, v := range values {
		d.idx[v] = 0
	}
	for v := range d.idx {
		d.list = append(d.list, v)
	}
	slices.Sort(d.list)
	for i, v := range d.list {
		d.idx[v] = i
	}
	return d
}

type dicts struct{ types, branches, statuses, years dict }

// same reports whether d and e number the same values.
func (d dicts) same(e dicts) bool {
	return slices.Equal(d.types.list, e.types.list) && slices.Equal(d.branches.list, e.branches.list) &&
		slices.Equal(d.statuses.list, e.statuses.list) && slices.Equal(d.years.list, e.years.list)
}

func newDicts(docs []exportDoc) dicts {
	var t, b, s, y []string
	for _, d := range docs {
		t, b, s, y = append(t, d.typ), append(b, d.branch), append(s, d.status), append(y, d.year)
	}
	return dicts{newDict(t), newDict(b), newDict(s), newDict(y)}
}

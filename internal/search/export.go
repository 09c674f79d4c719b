package search

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strconv"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	index "github.com/blevesearch/bleve_index_api"
)

// Shard sizes. A term shard holds the keys whose hash falls in it; the
// number of shards is chosen so that an average shard is termShardBytes.
// Records are grouped recordsPerShard to a file, in export order (newest
// first), and carry the first recordBodyRunes of the body for excerpts.
const (
	termShardBytes  = 12 << 10
	recordsPerShard = 2
	recordBodyRunes = 400
	exportDir       = "search/"
	globalName      = "__pubgenSearch"
)

// exportDoc is a stored document in export order.
type exportDoc struct {
	id, url, title, summary, body string
	typ, branch, status           string
	date                          time.Time
}

// Export returns the static files the browser client needs, keyed by path
// relative to the site root. Everything is derived from the index alone, in
// sorted order, so the same indexed documents always give the same bytes.
func (ix *Index) Export() (map[string][]byte, error) {
	docs, err := ix.exportDocs()
	if err != nil {
		return nil, err
	}
	adv, err := ix.bi.Advanced()
	if err != nil {
		return nil, fmt.Errorf("search: export: %w", err)
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, fmt.Errorf("search: export: opening a reader: %w", err)
	}
	defer r.Close()
	pos := make(map[string]int, len(docs))
	for i, d := range docs {
		pos[d.id] = i
	}
	pl := postingLists{r: r, pos: pos, internal: map[string]int{}, n: float64(len(docs))}
	lists, err := pl.all(analyzer(ix.bi.Mapping()))
	if err != nil {
		return nil, fmt.Errorf("search: export: %w", err)
	}
	return buildFiles(docs, lists)
}

// exportDocs reads every document's stored fields, in export order.
func (ix *Index) exportDocs() ([]exportDoc, error) {
	n, err := ix.bi.DocCount()
	if err != nil {
		return nil, fmt.Errorf("search: export: %w", err)
	}
	req := bleve.NewSearchRequestOptions(bleve.NewMatchAllQuery(), int(n), 0, false)
	req.Fields = []string{fieldURL, fieldType, fieldBranch, fieldStatus, fieldDate, srcTitle, srcSummary, srcBody}
	res, err := ix.bi.Search(req)
	if err != nil {
		return nil, fmt.Errorf("search: export: listing documents: %w", err)
	}
	docs := make([]exportDoc, 0, len(res.Hits))
	for _, m := range res.Hits {
		h := toHit(m)
		str := func(f string) string { s, _ := m.Fields[f].(string); return s }
		docs = append(docs, exportDoc{
			id: h.ID, url: h.URL, title: str(srcTitle), summary: str(srcSummary), body: str(srcBody),
			typ: h.Type, branch: h.Branch, status: h.Status, date: h.Date,
		})
	}
	slices.SortFunc(docs, func(a, b exportDoc) int {
		return docOrder(a.date, b.date, a.url, b.url, a.id, b.id)
	})
	return docs, nil
}

// postingLists reads the index's dictionaries and postings and computes,
// for each key and document, what bleve's TF-IDF scorer adds to the
// document's score for that key, before the query norm: per field
// sqrt(tf)·norm·idf · boost·idf, summed over the fields and multiplied by
// the disjunction's coordination factor (matching fields / fields).
type postingLists struct {
	r        index.IndexReader
	pos      map[string]int // external ID → export position
	internal map[string]int // internal ID → export position, filled lazily
	n        float64        // document count, as bleve's idf uses it
}

func (p *postingLists) all(a analysis.Analyzer) (map[string][]posting, error) {
	terms, err := p.textTerms()
	if err != nil {
		return nil, err
	}
	lists := make(map[string][]posting, len(terms))
	for _, t := range terms {
		ps, err := p.keyPostings(t)
		if err != nil {
			return nil, err
		}
		// A dictionary keeps terms whose documents were all deleted
		// until its segment is merged away.
		if len(ps) > 0 {
			lists[t] = ps
		}
	}
	chars, err := p.dictTerms(charField)
	if err != nil {
		return nil, err
	}
	for _, t := range chars {
		if !isLoneCJK(a, t) {
			continue
		}
		ps, err := p.fieldPostings(t, []textField{{charField, 1}})
		if err != nil {
			return nil, err
		}
		if len(ps) > 0 {
			lists[charKeyPrefix+t] = ps
		}
	}
	return lists, nil
}

// isLoneCJK reports whether a query of just t is a CJK unigram, the only
// kind of key looked up in charField.
func isLoneCJK(a analysis.Analyzer, t string) bool {
	toks := a.Analyze([]byte(t))
	return len(toks) == 1 && toks[0].Type == analysis.Single && string(toks[0].Term) == t
}

// textTerms is the sorted union of the text fields' dictionaries.
func (p *postingLists) textTerms() ([]string, error) {
	set := map[string]bool{}
	for _, f := range textFields() {
		ts, err := p.dictTerms(f.name)
		if err != nil {
			return nil, err
		}
		for _, t := range ts {
			set[t] = true
		}
	}
	out := make([]string, 0, len(set))
	for t := range set {
		out = append(out, t)
	}
	slices.Sort(out)
	return out, nil
}

func (p *postingLists) dictTerms(field string) ([]string, error) {
	d, err := p.r.FieldDict(field)
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

func (p *postingLists) keyPostings(term string) ([]posting, error) {
	return p.fieldPostings(term, textFields())
}

// fieldPostings computes the key's contribution for every document that
// has term in any of fields.
func (p *postingLists) fieldPostings(term string, fields []textField) ([]posting, error) {
	sum := map[int]float64{}
	matched := map[int]int{}
	for _, f := range fields {
		err := p.eachPosting(term, f, func(doc int, w float64) {
			sum[doc] += w
			matched[doc]++
		})
		if err != nil {
			return nil, err
		}
	}
	out := make([]posting, 0, len(sum))
	for doc, s := range sum {
		coord := float64(matched[doc]) / float64(len(fields))
		out = append(out, posting{doc: doc, score: quantise(s * coord)})
	}
	slices.SortFunc(out, func(a, b posting) int { return a.doc - b.doc })
	return out, nil
}

func (p *postingLists) eachPosting(term string, f textField, fn func(doc int, w float64)) error {
	tfr, err := p.r.TermFieldReader(context.Background(), []byte(term), f.name, true, true, false)
	if err != nil {
		return fmt.Errorf("reading postings of %q in %s: %w", term, f.name, err)
	}
	defer tfr.Close()
	df := tfr.Count()
	if df == 0 {
		return nil
	}
	idf := idf(p.n, df)
	var tfd index.TermFieldDoc
	for {
		m, err := tfr.Next(&tfd)
		if err != nil {
			return fmt.Errorf("reading postings of %q in %s: %w", term, f.name, err)
		}
		if m == nil {
			return nil
		}
		doc, err := p.docPos(m.ID)
		if err != nil {
			return err
		}
		// The same products in the same order as bleve's TermQueryScorer.
		w := math.Sqrt(float64(m.Freq)) * m.Norm * idf
		fn(doc, w*(f.boost*idf))
	}
}

func (p *postingLists) docPos(id index.IndexInternalID) (int, error) {
	if i, ok := p.internal[string(id)]; ok {
		return i, nil
	}
	ext, err := p.r.ExternalID(id)
	if err != nil {
		return 0, fmt.Errorf("resolving a document id: %w", err)
	}
	i, ok := p.pos[ext]
	if !ok {
		return 0, fmt.Errorf("posting for unknown document %s", ext)
	}
	p.internal[string(id)] = i
	return i, nil
}

// entry is the unhashed search/index.js: what search.js needs to find
// every other file.
type entry struct {
	Version  string     `json:"v"`
	Scale    int        `json:"scale"`
	Docs     int        `json:"docs"`
	Terms    shardNames `json:"terms"`
	Records  shardNames `json:"records"`
	PerShard int        `json:"per"`
	Meta     string     `json:"meta"`
	Types    []string   `json:"types"`
	Branches []string   `json:"branches"`
	Statuses []string   `json:"statuses"`
	Years    []string   `json:"years"`
}

func buildFiles(docs []exportDoc, lists map[string][]posting) (map[string][]byte, error) {
	files := map[string][]byte{}
	e := entry{Version: analysisVersion, Scale: scoreScale, Docs: len(docs), PerShard: recordsPerShard}
	dict := newDicts(docs)
	e.Types, e.Branches, e.Statuses, e.Years = dict.types.list, dict.branches.list, dict.statuses.list, dict.years.list
	var err error
	if e.Terms, err = termShards(files, lists); err != nil {
		return nil, err
	}
	if e.Records, err = recordShards(files, docs, dict); err != nil {
		return nil, err
	}
	if e.Meta, err = metaShard(files, docs, dict); err != nil {
		return nil, err
	}
	b, err := json.Marshal(e)
	if err != nil {
		return nil, err
	}
	files[exportDir+"index.js"] = []byte(globalName + ".entry(" + string(b) + ");\n")
	return files, nil
}

// shardScript is the script of one shard: a call that hands its data to
// search.js under its logical name.
func shardScript(name string, data any) ([]byte, error) {
	b, err := json.Marshal(data)
	if err != nil {
		return nil, fmt.Errorf("search: export: encoding %s: %w", name, err)
	}
	return []byte(globalName + ".shard(" + strconv.Quote(name) + "," + string(b) + ");\n"), nil
}

// addShard writes one shard script under a content-hashed name and returns
// that name relative to search/.
func addShard(files map[string][]byte, name string, data any) (string, error) {
	js, err := shardScript(name, data)
	if err != nil {
		return "", err
	}
	file := contentName(name, js)
	files[exportDir+file] = js
	return file, nil
}

// shardGroup is how many numbered shards share one content hash.
const shardGroup = 64

// shardNames names the numbered shards prefix0 … prefix(N-1) compactly:
// shard i is prefix + i + "." + Hashes[i/Group] + ".js", where a hash
// covers the contents of its whole group. Listing a hash per shard would
// make the entry, which every query loads, grow with the site (5,000
// record shards cost 100 KB of names); a change anywhere in a group
// renames the group, so a name still never outlives its content.
type shardNames struct {
	Prefix string   `json:"p"`
	Count  int      `json:"n"`
	Group  int      `json:"g"`
	Hashes []string `json:"h"`
}

func (s shardNames) name(i int) string {
	return s.Prefix + strconv.Itoa(i) + "." + s.Hashes[i/s.Group] + ".js"
}

// addShards writes the numbered shards and returns their names.
func addShards(files map[string][]byte, prefix string, scripts [][]byte) shardNames {
	sn := shardNames{Prefix: prefix, Count: len(scripts), Group: shardGroup}
	for g := 0; g < len(scripts); g += shardGroup {
		h := sha256.New()
		for _, js := range scripts[g:min(g+shardGroup, len(scripts))] {
			h.Write(js)
		}
		sn.Hashes = append(sn.Hashes, hex.EncodeToString(h.Sum(nil)[:5]))
	}
	for i, js := range scripts {
		files[exportDir+sn.name(i)] = js
	}
	return sn
}

func termShards(files map[string][]byte, lists map[string][]posting) (shardNames, error) {
	enc := make(map[string]string, len(lists))
	total := 0
	for k, ps := range lists {
		enc[k] = encodePostings(ps)
		total += len(enc[k]) + len(k) + 6
	}
	n := max(1, (total+termShardBytes-1)/termShardBytes)
	shards := make([]map[string]string, n)
	for i := range shards {
		shards[i] = map[string]string{}
	}
	for k, v := range enc {
		shards[keyHash(k)%uint32(n)][k] = v
	}
	scripts := make([][]byte, n)
	for i, s := range shards {
		js, err := shardScript("t"+strconv.Itoa(i), s)
		if err != nil {
			return shardNames{}, err
		}
		scripts[i] = js
	}
	return addShards(files, "t", scripts), nil
}

func recordShards(files map[string][]byte, docs []exportDoc, d dicts) (shardNames, error) {
	var scripts [][]byte
	for start := 0; start < len(docs); start += recordsPerShard {
		var recs [][]any
		for _, doc := range docs[start:min(start+recordsPerShard, len(docs))] {
			body := []rune(doc.body)
			recs = append(recs, []any{
				doc.url, doc.title, d.types.idx[doc.typ], d.branches.idx[doc.branch],
				d.statuses.idx[doc.status], doc.date.Format(time.DateOnly),
				doc.summary, string(body[:min(len(body), recordBodyRunes)]),
			})
		}
		js, err := shardScript("r"+strconv.Itoa(len(scripts)), recs)
		if err != nil {
			return shardNames{}, err
		}
		scripts = append(scripts, js)
	}
	return addShards(files, "r", scripts), nil
}

// metaShard holds, for every document, the facets the filters count: the
// distinct (type, branch, status, year) tuples, and per document the index
// of its tuple in fixed-width varint digits.
func metaShard(files map[string][]byte, docs []exportDoc, d dicts) (string, error) {
	var combos [][4]int
	comboIdx := map[[4]int]int{}
	ids := make([]int, len(docs))
	for i, doc := range docs {
		c := [4]int{d.types.idx[doc.typ], d.branches.idx[doc.branch], d.statuses.idx[doc.status], d.years.idx[yearOf(doc.date)]}
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
	return addShard(files, "meta", map[string]any{"combos": combos, "width": width, "docs": string(b)})
}

func yearOf(t time.Time) string { return strconv.Itoa(t.Year()) }

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

func newDicts(docs []exportDoc) dicts {
	var t, b, s, y []string
	for _, d := range docs {
		t, b, s, y = append(t, d.typ), append(b, d.branch), append(s, d.status), append(y, yearOf(d.date))
	}
	return dicts{newDict(t), newDict(b), newDict(s), newDict(y)}
}

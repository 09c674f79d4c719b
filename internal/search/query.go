package search

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
)

// Query narrows and orders a search. Empty filters match everything.
type Query struct {
	Limit      int    // at most this many hits; 0 means all
	Type       string // notice | disclosure | study | showcase | page
	Branch     string
	Year       string // "2024"
	Status     string // upcoming | open | closed
	SortByDate bool   // newest first instead of most relevant first
}

// Hit is one result. Excerpt is HTML: the page's text escaped, with the
// matched terms wrapped in <mark>. Date has the site's offset; Day and
// Year are the site's calendar (Doc.Day, Doc.Year).
type Hit struct {
	ID, URL, Title string
	Score          float64
	Excerpt        string
	Type, Branch   string
	Status         string
	Date           time.Time
	Day, Year      string
	// PageURL and PageTitle are the page of an attachment's part (Doc).
	PageURL, PageTitle string `json:",omitempty"`
}

// scoreScale is how many integer units one unit of bleve score is worth.
// Both sides rank by sums of per-term integers, so their orders agree
// exactly; 1/1000 is finer than any difference a reader would notice.
const scoreScale = 1000

func quantise(c float64) int64 { return int64(math.Round(c * scoreScale)) }

// Search runs q against the index: every term of q must match (in any text
// field, or for a lone CJK character anywhere in the page). Hits are ordered
// by score, ties (and SortByDate) by date, newest first, then by URL.
func (ix *Index) Search(q string, opts Query) (hits []Hit, err error) {
	ix.biMu.RLock()
	defer ix.biMu.RUnlock()
	err = guard(func() (err error) { hits, err = ix.search(q, opts); return err })
	return hits, err
}

func (ix *Index) search(q string, opts Query) ([]Hit, error) {
	a := analyzer(ix.bi.Mapping())
	keys := queryKeys(a, q)
	if len(keys) == 0 {
		return nil, nil
	}
	n, err := ix.bi.DocCount()
	if err != nil || n == 0 {
		return nil, err
	}
	phrased, err := ix.phraseDocs(phraseKeys(a, q), int(n))
	if err != nil {
		return nil, fmt.Errorf("search: %q: %w", q, err)
	}
	req := bleve.NewSearchRequestOptions(keysQuery(keys), int(n), 0, true)
	req.Fields = hitFields()
	res, err := ix.bi.Search(req)
	if err != nil {
		return nil, fmt.Errorf("search: %q: %w", q, err)
	}
	qnorm, err := ix.queryNorm(keys)
	if err != nil {
		return nil, fmt.Errorf("search: %q: %w", q, err)
	}
	hits := make([]rankedHit, 0, len(res.Hits))
	for _, m := range res.Hits {
		h := toHit(m)
		if !opts.matches(h) || (phrased != nil && !phrased[m.ID]) {
			continue
		}
		score, err := termScores(m.Expl, len(keys), qnorm)
		if err != nil {
			return nil, fmt.Errorf("search: %q: document %s: %w", q, m.ID, err)
		}
		hits = append(hits, rankedHit{Hit: h, units: score})
	}
	sortHits(hits, opts.SortByDate)
	if opts.Limit > 0 && len(hits) > opts.Limit {
		hits = hits[:opts.Limit]
	}
	texts, err := ix.storedTexts(hits)
	if err != nil {
		return nil, fmt.Errorf("search: %q: %w", q, err)
	}
	terms := highlightTerms(keys)
	out := make([]Hit, len(hits))
	for i, rh := range hits {
		h := rh.Hit
		h.Score = float64(rh.units) / scoreScale
		t := texts[h.ID]
		h.Title = t[0]
		h.Excerpt = excerptHTML(t[1], t[2], terms)
		out[i] = h
	}
	return out, nil
}

// phraseDocs is the documents having every phrase key, nil when there
// are none: the phrases of a query narrow what its terms match, and leave
// the terms' scores alone.
func (ix *Index) phraseDocs(pkeys []string, n int) (map[string]bool, error) {
	if len(pkeys) == 0 {
		return nil, nil
	}
	conj := make([]query.Query, len(pkeys))
	for i, k := range pkeys {
		tq := bleve.NewTermQuery(strings.TrimPrefix(k, gramKeyPrefix))
		tq.SetField(gramField)
		conj[i] = tq
	}
	res, err := ix.bi.Search(bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(conj...), n, 0, false))
	if err != nil {
		return nil, err
	}
	out := make(map[string]bool, len(res.Hits))
	for _, m := range res.Hits {
		out[m.ID] = true
	}
	return out, nil
}

// storedTexts loads title, summary and body of the hits that are returned
// only: loading them for every match of a common word costs more than the
// search itself.
func (ix *Index) storedTexts(hits []rankedHit) (map[string][3]string, error) {
	out := make(map[string][3]string, len(hits))
	if len(hits) == 0 {
		return out, nil
	}
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	req := bleve.NewSearchRequestOptions(bleve.NewDocIDQuery(ids), len(ids), 0, false)
	req.Fields = []string{srcTitle, srcSummary, srcBody}
	res, err := ix.bi.Search(req)
	if err != nil {
		return nil, err
	}
	for _, m := range res.Hits {
		str := func(f string) string { s, _ := m.Fields[f].(string); return s }
		out[m.ID] = [3]string{str(srcTitle), str(srcSummary), str(srcBody)}
	}
	return out, nil
}

// keysQuery is the query the export's scores assume: a conjunction with, per
// key, a disjunction of term queries over the fields the key lives in.
func keysQuery(keys []string) query.Query {
	conj := make([]query.Query, 0, len(keys))
	for _, k := range keys {
		var dis []query.Query
		if term, ok := strings.CutPrefix(k, charKeyPrefix); ok {
			tq := bleve.NewTermQuery(term)
			tq.SetField(charField)
			dis = append(dis, tq)
		} else {
			for _, f := range textFields() {
				tq := bleve.NewTermQuery(k)
				tq.SetField(f.name)
				tq.SetBoost(f.boost)
				dis = append(dis, tq)
			}
		}
		conj = append(conj, bleve.NewDisjunctionQuery(dis...))
	}
	return bleve.NewConjunctionQuery(conj...)
}

// termScores takes bleve's explanation of a hit apart: the conjunction's
// children are the per-key scores, each scaled by the query norm, which
// depends on the whole query and so cannot be shipped with a posting.
// Dividing it out gives exactly what the export computed for the posting.
func termScores(e *search.Explanation, nkeys int, qnorm float64) (int64, error) {
	if e == nil || len(e.Children) != nkeys {
		return 0, fmt.Errorf("unexpected score explanation for %d terms", nkeys)
	}
	var sum int64
	for _, c := range e.Children {
		sum += quantise(c.Value / qnorm)
	}
	return sum, nil
}

// queryNorm recomputes the norm bleve's conjunction searcher applies,
// 1/sqrt(sum of (boost·idf)² over every term query), from the same
// statistics. bleve leaves it out of the explanation when it cancels.
func (ix *Index) queryNorm(keys []string) (float64, error) {
	adv, err := ix.bi.Advanced()
	if err != nil {
		return 0, err
	}
	r, err := adv.Reader()
	if err != nil {
		return 0, err
	}
	defer r.Close()
	n, err := r.DocCount()
	if err != nil {
		return 0, err
	}
	var sumSq float64
	for _, k := range keys {
		term, fields := k, textFields()
		if t, ok := strings.CutPrefix(k, charKeyPrefix); ok {
			term, fields = t, []textField{{charField, 1}}
		}
		for _, f := range fields {
			tfr, err := r.TermFieldReader(context.Background(), []byte(term), f.name, false, false, false)
			if err != nil {
				return 0, err
			}
			df := tfr.Count()
			_ = tfr.Close()
			w := f.boost * idf(float64(n), df)
			sumSq += w * w
		}
	}
	return 1 / math.Sqrt(sumSq), nil
}

// idf is bleve's TF-IDF inverse document frequency.
func idf(n float64, df uint64) float64 { return 1.0 + math.Log(n/float64(df+1)) }

type rankedHit struct {
	Hit
	units int64
}

// hitFields are the stored fields toHit reads.
func hitFields() []string {
	return []string{fieldURL, fieldType, fieldBranch, fieldStatus, fieldDate, fieldDay, fieldYear, fieldPageURL, fieldPageName}
}

func toHit(m *search.DocumentMatch) Hit {
	str := func(f string) string { s, _ := m.Fields[f].(string); return s }
	date, _ := time.Parse(time.RFC3339, str(fieldDate))
	return Hit{
		ID: m.ID, URL: str(fieldURL), Title: str(srcTitle),
		Type: str(fieldType), Branch: str(fieldBranch), Status: str(fieldStatus),
		Date: date, Day: str(fieldDay), Year: str(fieldYear),
		PageURL: str(fieldPageURL), PageTitle: str(fieldPageName),
	}
}

func (o Query) matches(h Hit) bool {
	return (o.Type == "" || o.Type == h.Type) &&
		(o.Branch == "" || o.Branch == h.Branch) &&
		(o.Status == "" || o.Status == h.Status) &&
		(o.Year == "" || o.Year == h.Year)
}

// docOrder is the order of documents in the export (newest first, then by
// URL, then ID); the browser breaks ties by export position, so this is the
// tie-break on both sides.
func docOrder(aDate, bDate time.Time, aURL, bURL, aID, bID string) int {
	if c := bDate.Compare(aDate); c != 0 {
		return c
	}
	return cmp.Or(strings.Compare(aURL, bURL), strings.Compare(aID, bID))
}

func sortHits(hits []rankedHit, byDate bool) {
	slices.SortFunc(hits, func(a, b rankedHit) int {
		if !byDate && a.units != b.units {
			return cmp.Compare(b.units, a.units)
		}
		return docOrder(a.Date, b.Date, a.URL, b.URL, a.ID, b.ID)
	})
}

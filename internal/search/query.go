package search

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
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
	phrases := newPhraseCheck(a, phraseKeys(a, q))
	stats, err := ix.keyStats(keys)
	if err != nil {
		return nil, fmt.Errorf("search: %q: %w", q, err)
	}
	req := bleve.NewSearchRequestOptions(keysQuery(keys), int(n), 0, false)
	req.Fields = hitFields()
	if phrases != nil {
		req.Fields = append(req.Fields, srcTitle, srcSummary, srcBody, srcMeta)
	}
	res, err := ix.bi.Search(req)
	if err != nil {
		return nil, fmt.Errorf("search: %q: %w", q, err)
	}
	hits := make([]rankedHit, 0, len(res.Hits))
	for _, m := range res.Hits {
		h := toHit(m)
		if !opts.matches(h) || (phrases != nil && !phrases.holds(storedText(m))) {
			continue
		}
		units, ok := stats.score(m.ID, hitLevel(m))
		if !ok {
			// Indexed after the statistics were read, by an Update
			// running alongside: the next search finds it.
			continue
		}
		hits = append(hits, rankedHit{Hit: h, units: units})
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

// storedText is the text fields of a match read with the stored text, in
// textFields order.
func storedText(m *search.DocumentMatch) [4]string {
	str := func(f string) string { s, _ := m.Fields[f].(string); return s }
	return [4]string{str(srcTitle), str(srcSummary), str(srcBody), str(srcMeta)}
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

// keysQuery is what a query matches: a conjunction with, per key, a
// disjunction of term queries over the fields the key lives in. Its
// scores are not used (see keyStats).
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

type rankedHit struct {
	Hit
	units int64
}

// hitFields are the stored fields toHit reads.
func hitFields() []string {
	return []string{fieldURL, fieldType, fieldBranch, fieldStatus, fieldDate, fieldDay, fieldYear, fieldPageURL, fieldPageName, fieldLevel}
}

// hitLevel is the stored length level of a hit read with hitFields.
func hitLevel(m *search.DocumentMatch) int {
	s, _ := m.Fields[fieldLevel].(string)
	l, _ := strconv.Atoi(s)
	return l
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

// docOrder is the order of results of equal score, and of results by date:
// newest first, then by URL, then ID. The export lists documents in the
// reverse order, and the browser breaks ties by the later position first,
// so this is the tie-break on both sides.
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

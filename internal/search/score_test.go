package search

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2/analysis"
)

func TestLengthLevels(t *testing.T) {
	if levelLength(0) != 1 || levelLength(9) != 10 || levelLength(numLevels-1) < 100000 {
		t.Fatalf("levels 0, 9, 63 stand for %d, %d, %d", levelLength(0), levelLength(9), levelLength(numLevels-1))
	}
	for n := 0; n < 200000; n += 1 + n/50 {
		l := lengthLevel(n)
		if levelLength(l) > max(n, 1) || (l+1 < numLevels && levelLength(l+1) <= n) {
			t.Fatalf("lengthLevel(%d) = %d, which stands for %d", n, l, levelLength(l))
		}
	}
	for l := 1; l < numLevels; l++ {
		if r := float64(levelLength(l)) / float64(levelLength(l-1)); r > 2 || (l > 12 && r > 1.25) {
			t.Errorf("level %d is %.2f× level %d", l, r, l-1)
		}
	}
}

// TestScoreOracle holds Search's scores to the formula computed from the
// pages' text alone, outside bleve: counts of each query key in each field
// by the same analysis, the page's characters, and the document counts.
func TestScoreOracle(t *testing.T) {
	docs := genCorpus(120)
	docs[3].Title = "党费收缴情况公示"
	docs[7].Summary = "党费"
	ix := openIndex(t, docs)
	a := analyzer(ix.bi.Mapping())
	chars := ix.bi.Mapping().AnalyzerNamed(charAnalyzer)
	count := func(text, key string) (tf, tokens int32) {
		for _, k := range analyseKeys(a, text) {
			if k == key {
				tf++
			}
			tokens++
		}
		return tf, tokens
	}
	byID := map[string]Doc{}
	for _, d := range docs {
		byID[d.ID] = d
	}
	checked := 0
	for _, q := range []string{"党费", "党建 学习", "支部", "党", "2024", "PDF", "三会一课"} {
		hits, err := ix.Search(q, Query{})
		if err != nil {
			t.Fatal(err)
		}
		keys := queryKeys(a, q)
		for _, h := range hits {
			d := byID[h.ID]
			r := toRecord(d)
			level := lengthLevel(len(chars.Analyze([]byte(r.Chars))))
			var want int64
			for _, k := range keys {
				df := 0
				for _, o := range docs {
					if holdsKey(a, o, k) {
						df++
					}
				}
				w := idf(len(docs), df)
				if isCharKey(k) {
					want += keyScore(w, 0, 0, levelNorm(level), true)
					continue
				}
				var tf, lens [4]int32
				for i, text := range []string{r.Title, r.Summary, r.Body, r.Meta} {
					tf[i], lens[i] = count(text, k)
				}
				want += keyScore(w, staticWeight(tf, lens), tf[bodySlot], levelNorm(level), false)
			}
			if got := int64(math.Round(h.Score * scoreScale)); got != want {
				t.Errorf("%q: %s scores %d, the text gives %d", q, h.ID, got, want)
			}
			checked++
		}
	}
	if checked < 100 {
		t.Errorf("only %d hits checked", checked)
	}
}

// holdsKey reports whether the document's text has the query key: a
// single character anywhere, another key among a text field's keys.
func holdsKey(a analysis.Analyzer, d Doc, k string) bool {
	r := toRecord(d)
	for _, text := range []string{r.Title, r.Summary, r.Body, r.Meta} {
		if c, ok := strings.CutPrefix(k, charKeyPrefix); ok {
			if strings.Contains(strings.ToLower(text), c) {
				return true
			}
			continue
		}
		if slices.Contains(analyseKeys(a, text), k) {
			return true
		}
	}
	return false
}

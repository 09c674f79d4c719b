package search

import (
	"context"
	"fmt"
	"maps"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis"
	index "github.com/blevesearch/bleve_index_api"
)

// TestSharedAnalysis holds the analyser's documents, whose text is
// analysed once and replayed to bleve, to what bleve makes of the record
// when it analyses the text itself, its level computed apart by the char
// analyser as before the analyser: every field's terms, with each
// document's frequency and norm, and every stored value are the same. The
// runs the analyser gives make the page's phrase keys, as grams makes them
// of the text.
func TestSharedAnalysis(t *testing.T) {
	docs := append(genCorpus(300), awkwardDocs()...)
	own := indexWith(t, docs, func(b *bleve.Batch, an analyser, id string, rec record) error {
		rec.Level = strconv.Itoa(lengthLevel(len(an.chars.Analyze([]byte(rec.Chars)))))
		return b.Index(id, rec)
	})
	keys := 0
	shared := indexWith(t, docs, func(b *bleve.Batch, an analyser, id string, rec record) error {
		d, runs, err := an.document(id, rec)
		if err != nil {
			return err
		}
		var got []string
		runs.each(func(k string) { got = append(got, k) })
		want := grams(an.text, rec.Title, rec.Summary, rec.Body, rec.Meta)
		if got = slices.Compact(slices.Sorted(slices.Values(got))); !slices.Equal(got, slices.Sorted(slices.Values(want))) {
			t.Errorf("%s: the analyser's runs make the phrase keys %q, grams %q", id, got, want)
		}
		keys += len(want)
		return b.IndexAdvanced(d)
	})
	want, got := indexedTerms(t, own), indexedTerms(t, shared)
	if keys == 0 || len(want[charField]) == 0 || len(want[fieldBody]) == 0 {
		t.Fatalf("the test indexed no phrase keys, chars or body terms: %d, %d, %d", keys, len(want[charField]), len(want[fieldBody]))
	}
	if !slices.Equal(slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want))) {
		t.Fatalf("fields: shared analysis %q, bleve's own %q", slices.Sorted(maps.Keys(got)), slices.Sorted(maps.Keys(want)))
	}
	for field, terms := range want {
		if !maps.Equal(got[field], terms) {
			for term, p := range terms {
				if got[field][term] != p {
					t.Errorf("%s %q: shared analysis %q, bleve's own %q", field, term, got[field][term], p)
				}
			}
			for term, p := range got[field] {
				if _, ok := terms[term]; !ok {
					t.Errorf("%s %q: shared analysis %q, not indexed by bleve's own", field, term, p)
				}
			}
		}
	}
	for _, d := range docs {
		if a, b := storedFields(t, own, d.ID), storedFields(t, shared, d.ID); !maps.Equal(a, b) {
			t.Errorf("%s stored: shared analysis %q, bleve's own %q", d.ID, b, a)
		}
	}
}

// awkwardDocs are texts at the edges of the analysis: empty fields, only
// Latin words, kana, hangul, full-width forms, ideographic spaces, line
// breaks and symbols.
func awkwardDocs() []Doc {
	texts := []string{
		"",
		"ISO 9001 quality-management e-mail: dangjian@example.com v1.2.3",
		"カタカナとひらがなの文章、한국어 문장도 있다",
		"ＡＢＣ　全角　２０２４年　第１季度",
		"党建\n工作\t要点：\r\n一、二、三……（完）",
		"😀 表情 ☆★ 符号 ①②③ 〇",
		"长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长长",
		"a",
		"龘",
	}
	var out []Doc
	for i, s := range texts {
		out = append(out, Doc{
			ID: fmt.Sprintf("content/awkward/%d.md", i), URL: fmt.Sprintf("awkward/%d/index.html", i),
			Title: s, Summary: s, Body: strings.Repeat(s+" ", i), Tags: []string{s}, Branch: s, Type: "page",
		})
	}
	return out
}

// indexWith indexes docs into a new index with add.
func indexWith(t *testing.T, docs []Doc, add func(b *bleve.Batch, an analyser, id string, rec record) error) bleve.Index {
	t.Helper()
	bi, err := create(filepath.Join(t.TempDir(), "bleve"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { bi.Close() })
	an := newAnalyser(bi.Mapping())
	b := bi.NewBatch()
	for _, d := range docs {
		if err := add(b, an, d.ID, toRecord(d)); err != nil {
			t.Fatal(err)
		}
	}
	if err := bi.Batch(b); err != nil {
		t.Fatal(err)
	}
	return bi
}

// indexedTerms is, per field and term, the documents holding it with
// their frequency and norm.
func indexedTerms(t *testing.T, bi bleve.Index) map[string]map[string]string {
	t.Helper()
	adv, err := bi.Advanced()
	if err != nil {
		t.Fatal(err)
	}
	r, err := adv.Reader()
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	fields, err := bi.Fields()
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]string{}
	for _, field := range fields {
		terms, err := dictTerms(r, field)
		if err != nil {
			t.Fatal(err)
		}
		out[field] = map[string]string{}
		for _, term := range terms {
			out[field][term] = postings(t, r, field, term)
		}
	}
	return out
}

// postings lists the documents having term in field, sorted, as
// "id:freq:norm".
func postings(t *testing.T, r index.IndexReader, field, term string) string {
	t.Helper()
	tfr, err := r.TermFieldReader(context.Background(), []byte(term), field, true, true, false)
	if err != nil {
		t.Fatal(err)
	}
	defer tfr.Close()
	var out []string
	var tfd index.TermFieldDoc
	for {
		m, err := tfr.Next(&tfd)
		if err != nil {
			t.Fatal(err)
		}
		if m == nil {
			break
		}
		id, err := r.ExternalID(m.ID)
		if err != nil {
			t.Fatal(err)
		}
		out = append(out, fmt.Sprintf("%s:%d:%g", id, m.Freq, m.Norm))
	}
	slices.Sort(out)
	return strings.Join(out, " ")
}

// storedFields is every stored field of the document id.
func storedFields(t *testing.T, bi bleve.Index, id string) map[string]string {
	t.Helper()
	d, err := bi.Document(id)
	if err != nil || d == nil {
		t.Fatalf("reading %s back: %v", id, err)
	}
	out := map[string]string{}
	d.VisitFields(func(f index.Field) { out[f.Name()] = string(f.Value()) })
	return out
}

// FuzzCharUnigrams: the tokens of two texts, as the text fields' analysis
// makes them before its bigrams, give charField the terms, and as many,
// that bleve's char analyser gives the two joined by a line break.
func FuzzCharUnigrams(f *testing.F) {
	for _, s := range []string{"党建工作", "ISO 9001 a b", "ＡＢＣ　全角", "カタカナ한국어", "😀 表情 ①", "x\r", ""} {
		f.Add(s, "第１季度 q")
	}
	m, err := newMapping()
	if err != nil {
		f.Fatal(err)
	}
	an := newAnalyser(m)
	if an.tokenizer == nil {
		f.Fatal("the text analyser is not the CJK analyser the unigrams are derived from")
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		a, b = foldWidth(a), foldWidth(b)
		if !utf8.ValidString(a + b) {
			t.Skip("analysed on its own (analyser.document)")
		}
		got := appendUnigrams(appendUnigrams(nil, an.folded(a)), an.folded(b))
		want := an.chars.Analyze([]byte(a + "\n" + b))
		count := func(ts []string) map[string]int {
			c := map[string]int{}
			for _, s := range ts {
				c[s]++
			}
			return c
		}
		terms := func(toks analysis.TokenStream) []string {
			var out []string
			for _, t := range toks {
				out = append(out, string(t.Term))
			}
			return out
		}
		if g, w := count(terms(got)), count(terms(want)); !maps.Equal(g, w) {
			t.Errorf("%q, %q: unigrams %v, bleve's char analyser %v", a, b, g, w)
		}
	})
}

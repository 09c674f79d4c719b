package search

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"

	"github.com/blevesearch/bleve/v2"

	"github.com/pubgen/pubgen/internal/browsertest"
)

// parityQueries generates the query set: titles and parts of titles, body
// phrases, branch names, mixed scripts, single characters and misses.
func parityQueries(docs []Doc) []string {
	rng := rand.New(rand.NewPCG(7, 7))
	var qs []string
	sub := func(s string, n int) string {
		r := []rune(s)
		if len(r) <= n {
			return s
		}
		i := rng.IntN(len(r) - n)
		return string(r[i : i+n])
	}
	for i := 0; i < 40; i++ {
		d := docs[rng.IntN(len(docs))]
		qs = append(qs, d.Title, sub(d.Title, 2+rng.IntN(5)))
	}
	for i := 0; i < 60; i++ {
		qs = append(qs, sub(docs[rng.IntN(len(docs))].Body, 2+rng.IntN(7)))
	}
	for i := 0; i < 30; i++ {
		qs = append(qs, string([]rune(sub(docs[rng.IntN(len(docs))].Body, 1))))
	}
	qs = append(qs, phraseQueries(docs, rng)...)
	qs = append(qs, corpusBranches...)
	qs = append(qs, corpusNames...)
	qs = append(qs, corpusTopics...)
	qs = append(qs,
		"2024年党费", "PDF 学习", "pdf", "Word文档", "excel", "e-mail", "dangjian@example.com", "ABC", "ａｂｃ",
		"２０２４", "2024", "010-12345678", "35名党员", "第一季度 学习计划", "党 建", "党", "费", "鲁", "欧阳",
		"党建 PDF", "学习 党费 2024", "三会一课", "三会一课 主题党日", "党建工作", "高质量发展", "（第3期）",
		"不存在的词", "量子计算", "xyzzy", "党建 xyzzy", "龘", "の", "！！！", "", "   ", "a", "1",
	)
	return qs
}

// TestParity builds the index, exports it, and checks in Chromium over
// file:// that search.js finds the same documents in the same order as
// Search, for every query of the generated set and a few filtered ones.
func TestParity(t *testing.T) {
	docs := genCorpus(400)
	ix := openIndex(t, docs)
	files, err := ix.Export()
	if err != nil {
		t.Fatal(err)
	}
	if forms := phraseForms(t, files); forms[sameMark] == 0 || forms[subsetMark] == 0 || forms[0] == 0 {
		t.Fatalf("phrase lists by form %v: the export does not exercise all three", forms)
	}
	ctx := browsertest.New(t)
	openPage(t, ctx, fileURL(writeSite(t, files), "index.html"))
	urls := eval[[]string](t, ctx, fmt.Sprintf(`__pubgenSearch.ready().then(s => s.records([...Array(s.docs).keys()])).then(rs => rs.map(r => r.url))`))
	if len(urls) != len(docs) {
		t.Fatalf("browser sees %d documents, want %d", len(urls), len(docs))
	}
	type job struct {
		q    string
		opts Query
	}
	var jobs []job
	for _, q := range parityQueries(docs) {
		jobs = append(jobs, job{q, Query{}})
	}
	for _, q := range []string{"党建", "党费", "党", "学习"} {
		jobs = append(jobs,
			job{q, Query{Type: "disclosure", Status: "open"}},
			job{q, Query{Year: "2023", SortByDate: true}},
			job{q, Query{Branch: corpusBranches[1]}})
	}
	if len(jobs) < 200 {
		t.Fatalf("only %d queries", len(jobs))
	}
	type jsOpts struct {
		Type   string `json:"type"`
		Branch string `json:"branch"`
		Year   string `json:"year"`
		Status string `json:"status"`
		ByDate bool   `json:"byDate"`
	}
	var qs []string
	var os []jsOpts
	for _, j := range jobs {
		qs = append(qs, j.q)
		os = append(os, jsOpts{j.opts.Type, j.opts.Branch, j.opts.Year, j.opts.Status, j.opts.SortByDate})
	}
	got := eval[[][]int](t, ctx, fmt.Sprintf(`__pubgenSearch.ready().then(s => Promise.all(%s.map((q, i) => s.search(q, %s[i]).then(r => r.docs))))`, jsLiteral(t, qs), jsLiteral(t, os)))
	nonEmpty, mismatches := 0, 0
	for i, j := range jobs {
		hits, err := ix.Search(j.q, j.opts)
		if err != nil {
			t.Fatalf("Search(%q): %v", j.q, err)
		}
		want := make([]string, len(hits))
		for k, h := range hits {
			want[k] = h.URL
		}
		browser := make([]string, len(got[i]))
		for k, d := range got[i] {
			browser[k] = urls[d]
		}
		if len(want) > 0 {
			nonEmpty++
		}
		if !slices.Equal(sorted(want), sorted(browser)) {
			mismatches++
			t.Errorf("%q %+v: bleve finds %d documents, the browser %d", j.q, j.opts, len(want), len(browser))
			continue
		}
		if top := min(10, len(want)); !slices.Equal(want[:top], browser[:top]) {
			mismatches++
			t.Errorf("%q %+v: top results differ:\nbleve   %s\nbrowser %s", j.q, j.opts, strings.Join(want[:top], " "), strings.Join(browser[:top], " "))
		} else if !slices.Equal(want, browser) {
			mismatches++
			t.Errorf("%q %+v: order beyond the top 10 differs", j.q, j.opts)
		}
	}
	t.Logf("%d queries, %d with results, %d mismatches", len(jobs), nonEmpty, mismatches)
	if nonEmpty < len(jobs)/2 {
		t.Errorf("only %d of %d queries found anything: the query set does not exercise ranking", nonEmpty, len(jobs))
	}
}

// phraseForms counts the exported phrase lists by form: written against
// the parent's (sameMark, subsetMark) or on their own (0).
func phraseForms(t *testing.T, files map[string][]byte) map[byte]int {
	t.Helper()
	e := parseEntry(t, files)
	forms := map[byte]int{}
	for name, js := range files {
		base := strings.TrimPrefix(name, exportDir)
		if !strings.HasPrefix(base, e.Phrases.Prefix) || strings.HasPrefix(base, e.Phrases.Prefix+"d") {
			continue
		}
		_, arg, _ := strings.Cut(strings.TrimSuffix(strings.TrimSpace(string(js)), ");"), ",")
		var lists map[string]string
		if err := json.Unmarshal([]byte(arg), &lists); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		for _, l := range lists {
			switch l[0] {
			case sameMark, subsetMark:
				forms[l[0]]++
			default:
				forms[0]++
			}
		}
	}
	return forms
}

func sorted(s []string) []string {
	c := slices.Clone(s)
	slices.Sort(c)
	return c
}

func openIndex(t testing.TB, docs []Doc) *Index {
	t.Helper()
	ix, err := Open(t.TempDir())
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ix.Close() })
	if _, err := ix.Update(docs); err != nil {
		t.Fatal(err)
	}
	return ix
}

// phraseQueries are runs of Han characters whose bigrams a page may hold
// apart: pieces of two texts joined on a shared character (党员 + 员工 is
// 党员工), runs longer than a phrase key (read as windows), pieces spanning
// punctuation, and runs beside Latin words and digits.
func phraseQueries(docs []Doc, rng *rand.Rand) []string {
	var qs []string
	piece := func(n int) []rune {
		r := []rune(docs[rng.IntN(len(docs))].Body)
		i := rng.IntN(max(1, len(r)-n))
		return r[i:min(i+n, len(r))]
	}
	for len(qs) < 80 {
		a, b := piece(2+rng.IntN(3)), piece(2+rng.IntN(3))
		if len(a) > 1 && len(b) > 1 && a[len(a)-1] == b[0] {
			qs = append(qs, string(a)+string(b[1:]))
		}
	}
	for i := 0; i < 20; i++ {
		qs = append(qs, string(piece(7+rng.IntN(6))))
	}
	qs = append(qs, "PDF格式的学习", "2024年党费收缴", "Word文档与Excel", "党员先锋 模范作用", "三会一课主题党日",
		"党费。2024", "党建工作与生产经营", "进一步增强四个意识", "请各位党员准时参加会议",
		`"e-mail dangjian"`, `"dangjian e-mail"`, `“mail: dangjian”`, `"010 12345678"`, `"12345678 010"`,
		`"dangjian example.com" 党建`, `e-mail "com example.com"`, `"Word文档"`, `"e mail dangjian example.com`)
	return qs
}

// TestPhraseOracle holds Search to the page text, outside the index: a
// query finds exactly the pages that hold every term of it and, for each
// run of Han characters in it, a field whose text holds the run.
func TestPhraseOracle(t *testing.T) {
	docs := genCorpus(400)
	ix := openIndex(t, docs)
	a := analyzer(ix.bi.Mapping())
	byID := map[string]Doc{}
	for _, d := range docs {
		byID[d.ID] = d
	}
	qs := phraseQueries(docs, rand.New(rand.NewPCG(9, 9)))
	phrases, narrowed := 0, 0
	for _, q := range qs {
		hits, err := ix.Search(q, Query{})
		if err != nil {
			t.Fatal(err)
		}
		keys := queryKeys(a, q)
		loose, err := ix.bi.Search(bleve.NewSearchRequestOptions(keysQuery(keys), len(docs), 0, false))
		if err != nil {
			t.Fatal(err)
		}
		qruns := runs(a.Analyze([]byte(foldWidth(q))))
		if len(qruns) > 0 || len(quoted(q)) > 0 {
			phrases++
		}
		var want, got []string
		for _, m := range loose.Hits {
			if holdsRuns(byID[m.ID], qruns) && holdsQuoted(byID[m.ID], quoted(q)) {
				want = append(want, m.ID)
			}
		}
		for _, h := range hits {
			got = append(got, h.ID)
		}
		if len(want) < len(loose.Hits) {
			narrowed++
		}
		if !slices.Equal(sorted(want), sorted(got)) {
			t.Errorf("%q (runs %q): Search finds %d pages, %d hold the text:\nsearch %q\ntext   %q", q, qruns, len(got), len(want), sorted(got), sorted(want))
		}
	}
	t.Logf("%d queries, %d with phrases, %d where a phrase left out pages holding its bigrams", len(qs), phrases, narrowed)
	if narrowed < 10 {
		t.Errorf("only %d queries had pages holding a phrase's bigrams apart: the set does not test adjacency", narrowed)
	}
}

// holdsRuns reports whether, for each run, one of d's text fields holds
// it, compared as the analysis compares text (width and case folded).
func holdsRuns(d Doc, rs []string) bool {
	meta := strings.Join(append(append([]string{}, d.Tags...), d.Branch, d.Category), "\n")
	for _, r := range rs {
		found := false
		for _, f := range []string{d.Title, d.Summary, d.Body, meta} {
			if strings.Contains(string(normalised([]rune(f))), r) {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// holdsQuoted reports whether, for each quoted part, one of d's text
// fields holds its words in order with nothing but punctuation and space
// between them.
func holdsQuoted(d Doc, parts []string) bool {
	notWord := func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsNumber(r) }
	meta := strings.Join(append(append([]string{}, d.Tags...), d.Branch, d.Category), "\n")
	for _, p := range parts {
		words := strings.FieldsFunc(strings.ToLower(p), func(r rune) bool { return notWord(r) && r != '.' })
		if len(words) < 2 {
			continue
		}
		for i, w := range words {
			words[i] = regexp.QuoteMeta(w)
		}
		// A word ends where a Latin letter or digit does not follow; a CJK
		// character between two words separates them.
		re := regexp.MustCompile(`(^|[^\p{Latin}\pN])` + strings.Join(words, `[^\pL\pN]+`) + `($|[^\p{Latin}\pN])`)
		found := false
		for _, f := range []string{d.Title, d.Summary, d.Body, meta} {
			if re.MatchString(strings.ToLower(f)) {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

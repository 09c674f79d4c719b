package search

import (
	"fmt"
	"maps"
	"slices"
	"testing"
	"time"

	"github.com/pubgen/pubgen/internal/browsertest"
)

// breakDocs are pages holding 主题党日 (and the quoted "iso 9001") once
// whole and otherwise split by each kind of break the analysis knows: the
// name of each page says whether the phrase is in it. Every page holds the
// bigrams 主题, 题党 and 党日 (and both words), so only adjacency decides.
func breakDocs() []Doc {
	day := time.Date(2025, 3, 1, 0, 0, 0, 0, time.FixedZone("CST", 8*3600))
	var docs []Doc
	add := func(name, title, body string, tags ...string) {
		d := Doc{ID: "content/" + name + ".md", URL: name + "/index.html", Title: title, Body: body,
			Tags: tags, Type: "notice", Branch: "第一党支部"}
		d.Date, d.Day, d.Year = dated(day.AddDate(0, 0, len(docs)))
		docs = append(docs, d)
	}
	// The bigrams of the phrase, apart, in every page that must not match.
	const bigrams = "主题。题党。党日。iso 标准。9001 号。"
	add("yes/body", "通知", "支部开展主题党日活动。ISO 9001 认证。")
	add("yes/title", "主题党日剪影", bigrams)
	add("yes/tag", "通知", bigrams, "主题党日")
	add("yes/wide", "通知", "开展主题党日活动，ＩＳＯ　９００１。")
	add("no/comma", "通知", bigrams+"本次主题，党日安排。")
	add("no/space", "通知", bigrams+"本次主题 党日安排。")
	add("no/wide-space", "通知", bigrams+"本次主题　党日安排。")
	add("no/newline", "通知", bigrams+"本次主题\n党日安排。")
	add("no/paragraph", "通知", bigrams+"本次主题\n\n党日安排。")
	add("no/latin", "通知", bigrams+"本次主题abc党日安排。ISO abc 9001。")
	add("no/digit", "通知", bigrams+"本次主题2党日安排。ISO 和 9001。")
	add("no/kana", "通知", bigrams+"本次主题の党日安排。")
	add("no/emoji", "通知", bigrams+"本次主题😀党日安排。")
	add("no/fields", "活动主题", "党日安排。"+bigrams)
	add("no/tags", "通知", bigrams, "主题", "党日")
	add("no/summary", "通知", bigrams)
	docs[len(docs)-1].Summary = "学习主题"
	docs[len(docs)-1].Body = "党日安排。" + bigrams
	return docs
}

// TestPhraseBreaks holds both sides, bleve's Search and the browser's
// engine over the export, to what the pages' text says: 主题党日 and
// "ISO 9001" are found where they are whole, never across a break of a
// run (punctuation, space, line break, a Latin word, a digit, kana, an
// emoji, a field, two tags).
func TestPhraseBreaks(t *testing.T) {
	docs := breakDocs()
	ix := openIndex(t, docs)
	files, err := ix.Export()
	if err != nil {
		t.Fatal(err)
	}
	cases := []struct {
		q    string
		want []string
	}{
		{"主题党日", []string{"yes/body", "yes/tag", "yes/title", "yes/wide"}},
		{"主题党日活动", []string{"yes/body", "yes/wide"}},
		{"开展主题党日", []string{"yes/body", "yes/wide"}},
		{"主题党", []string{"yes/body", "yes/tag", "yes/title", "yes/wide"}},
		{`"ISO 9001"`, []string{"yes/body", "yes/wide"}},
		{"主题 党日", []string{"no/comma", "no/digit", "no/emoji", "no/fields", "no/kana", "no/latin", "no/newline",
			"no/paragraph", "no/space", "no/summary", "no/tags", "no/wide-space", "yes/body", "yes/tag", "yes/title", "yes/wide"}},
	}
	ctx := browsertest.New(t)
	openPage(t, ctx, fileURL(writeSite(t, files), "index.html"))
	var qs []string
	for _, c := range cases {
		qs = append(qs, c.q)
	}
	got := eval[[][]string](t, ctx, fmt.Sprintf(`__pubgenSearch.ready().then(s => Promise.all(%s.map(q => s.search(q).then(r => s.records(r.docs)).then(rs => rs.map(r => r.url)))))`, jsLiteral(t, qs)))
	for i, c := range cases {
		hits, err := ix.Search(c.q, Query{})
		if err != nil {
			t.Fatal(err)
		}
		var bleve []string
		for _, h := range hits {
			bleve = append(bleve, h.URL)
		}
		var want []string
		for _, w := range c.want {
			want = append(want, w+"/index.html")
		}
		if s := sorted(bleve); !slices.Equal(s, want) {
			t.Errorf("Search(%q) finds %q, want %q", c.q, s, want)
		}
		if s := sorted(got[i]); !slices.Equal(s, want) {
			t.Errorf("the browser finds %q for %q, want %q", s, c.q, want)
		}
	}
}

// TestPhraseCheck holds Search's phrase check, made from a page's stored
// text, to the keys the export lists the page under (grams): for the keys
// of every test page, each page has a key exactly when its grams hold it,
// by the check's shortcut for Han keys and by its analysis alike.
func TestPhraseCheck(t *testing.T) {
	m, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	a := analyzer(m)
	docs := append(append(genCorpus(60), awkwardDocs()...), breakDocs()...)
	fields := func(d Doc) [4]string {
		r := toRecord(d)
		return [4]string{r.SrcTitle, r.SrcSummary, r.SrcBody, r.SrcMeta}
	}
	has := make([]map[string]bool, len(docs))
	analysed := make([]phraseRuns, len(docs))
	all := map[string]bool{}
	for i, d := range docs {
		f := fields(d)
		has[i] = map[string]bool{}
		for _, k := range grams(a, f[:]...) {
			has[i][k], all[k] = true, true
		}
		for _, text := range f {
			p := runsOf(a.Analyze([]byte(foldWidth(text))))
			analysed[i].chars = append(analysed[i].chars, p.chars...)
			analysed[i].words = append(analysed[i].words, p.words...)
		}
	}
	keys := slices.Sorted(maps.Keys(all))
	plain, yes := 0, 0
	for _, k := range keys {
		c := newPhraseCheck(a, []string{gramKeyPrefix + k})
		if c.plain[0] {
			plain++
		}
		for i, d := range docs {
			if got := c.holds(fields(d)); got != has[i][k] {
				t.Errorf("%s: the check says %v for %q, the page's keys %v", d.ID, got, k, has[i][k])
			}
			// The analysis the check falls back on, for every key.
			if got := analysed[i].has(k); got != has[i][k] {
				t.Errorf("%s: the runs have %q: %v, the page's keys %v", d.ID, k, got, has[i][k])
			}
			if has[i][k] {
				yes++
			}
		}
	}
	t.Logf("%d keys (%d by the shortcut) over %d pages, %d held", len(keys), plain, len(docs), yes)
	if plain == 0 || plain == len(keys) {
		t.Errorf("%d of %d keys take the shortcut: the test does not exercise both ways", plain, len(keys))
	}
}

// FuzzPhraseCheck holds the phrase check to grams on any text and query:
// a text has every phrase key of the query exactly when its keys hold
// them all.
func FuzzPhraseCheck(f *testing.F) {
	for _, s := range [][2]string{
		{"支部开展主题党日活动", "主题党日"}, {"主题，题党，党日", "主题党日"}, {"ab々主题党", "々主题党"},
		{"カタカナ党日活动", "ナ党日"}, {"ISO 9001 认证", `"iso 9001"`}, {"中\u302a国人民", "\u302a国人"},
		{"a\u302a国人民", "\u302a国人"}, {"党\xe4主题党日", "主题党"}, {"ﾃｽﾄ主题党", "ト主题"},
	} {
		f.Add(s[0], s[1])
	}
	m, err := newMapping()
	if err != nil {
		f.Fatal(err)
	}
	a := analyzer(m)
	f.Fuzz(func(t *testing.T, text, q string) {
		pkeys := phraseKeys(a, q)
		c := newPhraseCheck(a, pkeys)
		if c == nil {
			return
		}
		has := map[string]bool{}
		for _, k := range grams(a, text) {
			has[gramKeyPrefix+k] = true
		}
		want := true
		for _, k := range pkeys {
			want = want && has[k]
		}
		if got := c.holds([4]string{text}); got != want {
			t.Errorf("phrase check of %q in %q: %v, its keys say %v", q, text, got, want)
		}
	})
}

func TestPhraseParent(t *testing.T) {
	for _, c := range [][2]string{
		{"~主题党", ""}, {"~主题党日", ""}, {"~主题党日活", "~主题党日"}, {"~主题党日活动", "~主题党日活"},
		{"~iso~9001", ""}, {"~iso~9001~认证", "~iso~9001"}, {"~a~b~c", "~a~b"},
	} {
		if got := phraseParent(c[0]); got != c[1] {
			t.Errorf("phraseParent(%q) = %q, want %q", c[0], got, c[1])
		}
		if p := phraseParent(c[0]); p != "" && phraseGroup(p) != phraseGroup(c[0]) {
			t.Errorf("phraseParent(%q) = %q is in another shard's group", c[0], p)
		}
	}
}

// TestSubsetRoundTrip: a phrase key's documents written against its
// parent's read back, in whichever of the three forms is shortest.
func TestSubsetRoundTrip(t *testing.T) {
	var parent, every3, few []int
	for d := range 600 {
		if d%5 != 2 {
			parent = append(parent, d)
		}
	}
	for i, d := range parent {
		if i%3 == 0 {
			every3 = append(every3, d)
		}
	}
	few = []int{parent[7], parent[400]}
	forms := map[byte]bool{}
	for _, docs := range [][]int{parent, every3, few, {parent[0]}} {
		enc := encodeSubset(docs, parent)
		forms[enc[0]] = true
		if len(enc) > len(encodeDocs(docs)) {
			t.Errorf("encodeSubset(%v) = %q, longer than the documents themselves", docs, enc)
		}
		if got := decodeSubset(enc, parent); !slices.Equal(got, docs) {
			t.Errorf("decodeSubset(%q) = %v, want %v", enc, got, docs)
		}
	}
	if !forms[sameMark] || !forms[subsetMark] {
		t.Errorf("the cases wrote the forms %q: not all three", slices.Sorted(maps.Keys(forms)))
	}
}

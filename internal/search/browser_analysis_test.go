package search

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/pubgen/pubgen/internal/browsertest"
)

// TestBrowserAnalysis checks search.js's analyser against the shared table
// and, character by character, against bleve's analysis over the Unicode
// blocks that Chinese pages use (Latin, punctuation, CJK symbols, kana,
// ideographs, full-width forms), in mixed contexts.
func TestBrowserAnalysis(t *testing.T) {
	// The analyser is the engine's, which comes with an index.
	files, err := openIndex(t, genCorpus(1)).Export()
	if err != nil {
		t.Fatal(err)
	}
	ctx := browsertest.New(t)
	dir := writeSite(t, files)
	openPage(t, ctx, fileURL(dir, "index.html"))

	cases := loadAnalysisCases(t)
	ins := make([]string, len(cases))
	for i, c := range cases {
		ins[i] = c.In
	}
	got := eval[[][]string](t, ctx, `__pubgenSearch.ready().then(e => `+jsLiteral(t, ins)+`.map(s => e.analyse(s)))`)
	for i, c := range cases {
		if !slices.Equal(got[i], c.Out) && !(len(got[i]) == 0 && len(c.Out) == 0) {
			t.Errorf("%s: search.js analyse(%q) = %q, want %q", c.Name, c.In, got[i], c.Out)
		}
	}

	m, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	a := analyzer(m)
	probes := charProbes()
	js := eval[[][]string](t, ctx, `__pubgenSearch.ready().then(e => `+jsLiteral(t, probes)+`.map(s => e.analyse(s)))`)
	bad := 0
	for i, p := range probes {
		want := analyseKeys(a, p)
		if !slices.Equal(js[i], want) && !(len(js[i]) == 0 && len(want) == 0) {
			if bad++; bad <= 30 {
				t.Errorf("analyse(%+q): search.js %q, bleve %q", p, js[i], want)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d character probes differ", bad, len(probes))
	}

	// Phrase keys: each probe inside a run of Han characters and inside
	// a quoted part, with the limits the entry ships.
	var phrases []string
	for _, p := range probes {
		phrases = append(phrases, "主题"+p+"党日活动", `"ab `+p+` cd ef"`, "“"+p+" x”"+p+"学习贯彻党的二十大")
	}
	pjs := eval[[][]string](t, ctx, `__pubgenSearch.ready().then(e => `+jsLiteral(t, phrases)+`.map(s => e.phraseKeys(s)))`)
	bad = 0
	for i, p := range phrases {
		want := phraseKeys(a, p)
		if !slices.Equal(pjs[i], want) && !(len(pjs[i]) == 0 && len(want) == 0) {
			if bad++; bad <= 30 {
				t.Errorf("phraseKeys(%+q): search.js %q, Go %q", p, pjs[i], want)
			}
		}
	}
	if bad > 0 {
		t.Errorf("%d of %d phrase probes differ", bad, len(phrases))
	}
}

// probeRanges are the code point ranges compared exhaustively.
var probeRanges = [][2]rune{
	{0x20, 0x24F}, {0x370, 0x3FF}, {0x400, 0x45F}, {0x2000, 0x206F}, {0x2150, 0x218F},
	{0x3000, 0x30FF}, {0x31F0, 0x31FF}, {0x4E00, 0x4F00}, {0x9F00, 0x9FFF}, {0xAC00, 0xAC10},
	{0xFE10, 0xFE6F}, {0xFF00, 0xFFEF},
}

func charProbes() []string {
	var out []string
	for _, r := range probeRanges {
		for c := r[0]; c <= r[1]; c++ {
			s := string(c)
			out = append(out, s, s+s, "a"+s+"b", "1"+s+"2", "中"+s+"文", fmt.Sprintf("x%s中%s1", s, s))
		}
	}
	// U+0130 is left out: bleve's to_lower shortens it in place and writes
	// invalid UTF-8, which no query should try to reproduce.
	return slices.DeleteFunc(out, func(s string) bool { return strings.ContainsRune(s, 0x130) })
}

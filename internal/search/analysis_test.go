package search

import (
	"encoding/json"
	"os"
	"slices"
	"testing"
)

// analysisCase is one row of testdata/analysis.json, the table both the Go
// analysis and search.js's analyser are checked against. A key starting
// with a space is a lone CJK character (looked up among single characters).
type analysisCase struct {
	Name string   `json:"name"`
	In   string   `json:"in"`
	Out  []string `json:"out"`
}

func loadAnalysisCases(t *testing.T) []analysisCase {
	t.Helper()
	b, err := os.ReadFile("testdata/analysis.json")
	if err != nil {
		t.Fatal(err)
	}
	var cases []analysisCase
	if err := json.Unmarshal(b, &cases); err != nil {
		t.Fatal(err)
	}
	return cases
}

func TestAnalysisTable(t *testing.T) {
	m, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	a := analyzer(m)
	for _, c := range loadAnalysisCases(t) {
		got := analyseKeys(a, c.In)
		if !slices.Equal(got, c.Out) && !(len(got) == 0 && len(c.Out) == 0) {
			t.Errorf("%s: analyse(%q) = %q, want %q", c.Name, c.In, got, c.Out)
		}
	}
}

func TestCharFieldHoldsEveryCJKChar(t *testing.T) {
	m, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, tok := range m.AnalyzerNamed(charAnalyzer).Analyze([]byte("党建abc工作 学 2024年")) {
		got = append(got, string(tok.Term))
	}
	for _, want := range []string{"党", "建", "工", "作", "学", "年"} {
		if !slices.Contains(got, want) {
			t.Errorf("char field tokens %q lack %q", got, want)
		}
	}
}

func TestPhraseKeys(t *testing.T) {
	m, err := newMapping()
	if err != nil {
		t.Fatal(err)
	}
	a := analyzer(m)
	for _, c := range []struct {
		q    string
		want []string
	}{
		{"党建", nil},
		{"主题党日", []string{"~主题党日"}},
		{"主题 党日", nil},
		{"主题，党日活动", []string{"~党日活动"}},
		{"深入学习贯彻党的二十大精神", []string{"~深入学习贯彻", "~入学习贯彻党", "~学习贯彻党的", "~习贯彻党的二", "~贯彻党的二十", "~彻党的二十大", "~党的二十大精", "~的二十大精神"}},
		{"2025年党费", []string{"~年党费"}},
		{"ISO 9001", nil},
		{`"ISO 9001"`, []string{"~iso~9001"}},
		{`“ISO 9001 质量” HSE`, []string{"~iso~9001"}},
		{`"a b c d`, []string{"~a~b~c", "~b~c~d"}},
		{`"ＡＢＣ ｄｅ"`, []string{"~abc~de"}},
		{`"e-mail"`, []string{"~e~mail"}},
	} {
		if got := phraseKeys(a, c.q); !slices.Equal(got, c.want) {
			t.Errorf("phraseKeys(%q) = %q, want %q", c.q, got, c.want)
		}
	}
}

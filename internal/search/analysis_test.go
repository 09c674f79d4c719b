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

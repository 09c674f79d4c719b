package search

import (
	"strings"
	"testing"
)

// FuzzExcerpt checks that no page text and no query can put markup into
// an excerpt other than the <mark> elements around matches.
func FuzzExcerpt(f *testing.F) {
	f.Add("摘要", `<img src=x onerror=alert(1)>党建`, "党建")
	f.Add("", "a<b>c</b>&amp;", "b")
	f.Add("ＰＤＦ<script>", "", "pdf")
	m, err := newMapping()
	if err != nil {
		f.Fatal(err)
	}
	a := analyzer(m)
	f.Fuzz(func(t *testing.T, summary, body, q string) {
		out := excerptHTML(summary, body, highlightTerms(queryKeys(a, q)))
		rest := strings.NewReplacer("<mark>", "", "</mark>", "").Replace(out)
		if strings.ContainsAny(rest, "<>\"") {
			t.Errorf("excerpt(%q, %q, %q) = %q has markup", summary, body, q, out)
		}
	})
}

package site

import (
	"fmt"
	"slices"
	"testing"

	"github.com/pubgen/pubgen/internal/config"
	"github.com/pubgen/pubgen/internal/page"
)

// TestRelatedMemoAgreesWithRelated builds a sequence of graphs through one
// RelatedMemo — the same pages again (the memo's answer is used), a tag
// changed, a page added — and holds every page's related pages to those
// of a graph built without it.
func TestRelatedMemoAgreesWithRelated(t *testing.T) {
	tags := [][]string{{"党课"}, {"党课", "学习"}, {"学习"}, nil, {"廉洁", "党课"}, {"廉洁"}}
	pages := func(n int, retag int) []*page.Page {
		var out []*page.Page
		for i := range n {
			p := &page.Page{Path: fmt.Sprintf("content/notices/p%02d.md", i), Kind: page.KindPage, Section: "notices",
				Type: page.Notice, Title: fmt.Sprint(i), Date: day(2024, 1+i%12, 1+i%27), Tags: tags[i%len(tags)]}
			if i%4 == 0 {
				p.Branch = "第一支部"
			}
			if i == retag {
				p.Tags = []string{"学习", "廉洁"}
			}
			out = append(out, p)
		}
		return out
	}
	related := func(s *Site) map[string][]string {
		out := map[string][]string{}
		for _, n := range s.Pages {
			for _, r := range n.Related {
				out[n.Path] = append(out[n.Path], r.Path)
			}
		}
		return out
	}
	var rm RelatedMemo
	steps := []struct{ n, retag int }{{20, -1}, {20, -1}, {20, 3}, {20, 3}, {21, 3}, {21, 3}, {19, -1}}
	for i, st := range steps {
		s, _ := Build(config.Default(), pages(st.n, st.retag), nil, Options{Now: day(2025, 1, 1), Related: &rm})
		clean, _ := Build(config.Default(), pages(st.n, st.retag), nil, Options{Now: day(2025, 1, 1)})
		got, want := related(s), related(clean)
		if len(want) == 0 {
			t.Fatal("no page has related pages: the test shows nothing")
		}
		for path, w := range want {
			if !slices.Equal(got[path], w) {
				t.Errorf("step %d: %s: related %v, want %v", i, path, got[path], w)
			}
		}
		if len(got) != len(want) {
			t.Errorf("step %d: %d pages with related pages, want %d", i, len(got), len(want))
		}
		for _, n := range s.Pages {
			if n.Related != nil && len(n.Related) == 0 {
				t.Errorf("step %d: %s: an empty list of related pages instead of none", i, n.Path)
			}
		}
	}
}

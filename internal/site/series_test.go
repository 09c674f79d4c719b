package site

import (
	"testing"

	"github.com/pubgen/pubgen/internal/config"
	"github.com/pubgen/pubgen/internal/page"
)

func TestSeriesNav(t *testing.T) {
	p := func(path, series string, order, d int) *page.Page {
		return &page.Page{Path: path, Kind: page.KindPage, Section: "study", Type: page.Study, Title: path, Date: day(2026, 3, d), Series: series, Order: order}
	}
	pages := []*page.Page{
		p("content/study/c.md", "党章", 3, 1), // newest-looking date, but part 3
		p("content/study/a.md", "党章", 1, 20),
		p("content/study/b.md", "党章", 2, 10),
		p("content/study/other.md", "党规", 1, 5),
		p("content/study/alone.md", "", 0, 6),
	}
	s, l := Build(config.Default(), pages, nil, Options{Now: day(2026, 4, 1)})
	if len(l) != 0 {
		t.Fatal(l)
	}
	b := s.SeriesNav(s.BySource("content/study/b.md"))
	if b == nil || b.Name != "党章" || len(b.Pages) != 3 || b.Index != 1 {
		t.Fatalf("nav of part 2 = %+v", b)
	}
	if b.Prev.Path != "content/study/a.md" || b.Next.Path != "content/study/c.md" {
		t.Errorf("part 2: prev %s next %s, want a and c", b.Prev.Path, b.Next.Path)
	}
	if a := s.SeriesNav(s.BySource("content/study/a.md")); a.Prev != nil || a.Next.Path != "content/study/b.md" {
		t.Errorf("part 1: %+v", a)
	}
	if o := s.SeriesNav(s.BySource("content/study/other.md")); o == nil || len(o.Pages) != 1 || o.Prev != nil || o.Next != nil {
		t.Errorf("a series of one: %+v", o)
	}
	if s.SeriesNav(s.BySource("content/study/alone.md")) != nil {
		t.Error("a page without a series has a series nav")
	}
}

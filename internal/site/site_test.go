package site

import (
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/pubgen/pubgen/internal/config"
	"github.com/pubgen/pubgen/internal/page"
)

var shanghai, _ = time.LoadLocation("Asia/Shanghai")

func day(y, m, d int) time.Time { return time.Date(y, time.Month(m), d, 0, 0, 0, 0, shanghai) }

func TestOrdering(t *testing.T) {
	p := func(path string, date time.Time, pinned bool, weight int) *page.Page {
		return &page.Page{Path: path, Kind: page.KindPage, Section: "notices", Type: page.Notice, Title: path, Date: date, Pinned: pinned, Weight: weight}
	}
	pages := []*page.Page{
		p("content/notices/old.md", day(2024, 1, 1), false, 0),
		p("content/notices/new.md", day(2024, 6, 1), false, 0),
		p("content/notices/same-b.md", day(2024, 3, 1), false, 0),
		p("content/notices/same-a.md", day(2024, 3, 1), false, 0),
		p("content/notices/weighted.md", day(2020, 1, 1), false, 2),
		p("content/notices/weighted1.md", day(2020, 1, 1), false, 1),
		p("content/notices/pinned.md", day(2019, 1, 1), true, 0),
	}
	s, l := Build(config.Default(), pages, nil, Options{Now: day(2025, 1, 1)})
	if len(l) != 0 {
		t.Fatal(l)
	}
	want := []string{"pinned", "weighted1", "weighted", "new", "same-a", "same-b", "old"}
	sec := s.Section("notices")
	for i, n := range sec.Pages {
		if n.URL != "notices/"+want[i]+"/" {
			t.Errorf("position %d: %s, want %s", i, n.URL, want[i])
		}
	}
	if sec.Pages[1].Prev != sec.Pages[0] || sec.Pages[1].Next != sec.Pages[2] {
		t.Error("prev/next do not follow list order")
	}
}

func TestPaginate(t *testing.T) {
	nodes := make([]*Node, 5)
	for i := range nodes {
		nodes[i] = &Node{}
	}
	pagers := Paginate(nodes, 2, "notices/")
	if len(pagers) != 3 || pagers[0].URL != "notices/" || pagers[2].URL != "notices/page/3/" || len(pagers[2].Pages) != 1 {
		t.Fatalf("pagers: %+v", pagers)
	}
	if pagers[0].Prev != "" || pagers[0].Next != "notices/page/2/" || pagers[1].Prev != "notices/" {
		t.Errorf("links: %+v", pagers[1])
	}
	many := Paginate(make([]*Node, 100), 2, "l/")
	var nums []int
	for _, l := range many[24].Links {
		nums = append(nums, l.Number)
	}
	if fmt.Sprint(nums) != "[1 0 23 24 25 26 27 0 50]" {
		t.Errorf("pagination bar of page 25 of 50 = %v", nums)
	}
	if empty := Paginate(nil, 2, "x/"); len(empty) != 1 || len(empty[0].Pages) != 0 {
		t.Errorf("an empty list must still have one page: %+v", empty)
	}
}

// TestWindowFollowsItsRule holds the pagination bar to its rule as
// written, over every page of lists of up to 40 pages: page 1, the last
// page and those within two of this one, with one gap for each run of
// pages left out. PagerAt is checked against Paginate as well.
func TestWindowFollowsItsRule(t *testing.T) {
	url := func(i int) string { return fmt.Sprint(i) }
	for total := 1; total <= 40; total++ {
		for k := 1; k <= total; k++ {
			var want []PagerLink
			for i := 1; i <= total; i++ {
				if i == 1 || i == total || i >= k-2 && i <= k+2 {
					want = append(want, PagerLink{i, url(i)})
				} else if want[len(want)-1].Number != 0 {
					want = append(want, PagerLink{})
				}
			}
			if got := window(k, total, url); !slices.Equal(got, want) {
				t.Fatalf("window(%d, %d) = %v, want %v", k, total, got, want)
			}
		}
	}
	nodes := make([]*Node, 23)
	for i, p := range Paginate(nodes, 5, "l/") {
		if got := PagerAt(nodes, 5, "l/", i+1); !reflect.DeepEqual(got, p) {
			t.Errorf("PagerAt(%d) = %+v, Paginate has %+v", i+1, got, p)
		}
	}
}

func TestStatusBoundaries(t *testing.T) {
	p := &page.Page{Publicity: &page.Period{Start: day(2024, 7, 1), End: day(2024, 7, 5)}}
	cases := []struct {
		now  time.Time
		want string
	}{
		{day(2024, 6, 30).Add(23*time.Hour + 59*time.Minute), StatusUpcoming},
		{day(2024, 7, 1), StatusOpen},
		{day(2024, 7, 5).Add(23*time.Hour + 59*time.Minute), StatusOpen}, // the end day counts in full
		{day(2024, 7, 6), StatusClosed},
		// 2024-07-05 20:00 UTC is already 07-06 04:00 in Shanghai: closed.
		{time.Date(2024, 7, 5, 20, 0, 0, 0, time.UTC), StatusClosed},
		// 2024-06-30 17:00 UTC is 07-01 01:00 in Shanghai: open.
		{time.Date(2024, 6, 30, 17, 0, 0, 0, time.UTC), StatusOpen},
	}
	for _, c := range cases {
		if got := Status(p, c.now, shanghai); got != c.want {
			t.Errorf("Status at %v = %s, want %s", c.now, got, c.want)
		}
	}
	if Status(&page.Page{}, day(2024, 1, 1), shanghai) != "" {
		t.Error("a page without publicity has a status")
	}
}

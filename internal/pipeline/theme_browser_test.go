package pipeline

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/pubgen/pubgen/internal/browsertest"
	"github.com/pubgen/pubgen/internal/site"
)

// themePage is a page of the demo site opened in the browser under test.
type themePage struct {
	t   *testing.T
	ctx context.Context
}

func (p themePage) do(a chromedp.Action[chromedp.Void]) {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, a); err != nil {
		p.t.Fatal(err)
	}
}

func eval[T any](p themePage, js string) T {
	p.t.Helper()
	ctx, cancel := context.WithTimeout(p.ctx, 20*time.Second)
	defer cancel()
	v, err := chromedp.Run(ctx, chromedp.Evaluate[T](js))
	if err != nil {
		p.t.Fatalf("%s: %v", js, err)
	}
	return v
}

// TestStatusClock moves the page's clock past a disclosure's publicity
// period: status.js must turn the badge built as 公示中 into 已结束, and
// before the period into 即将公示, from the dates on the page alone. The
// clock is moved by calling the script's refresh with a date, which is
// what the script does with the real clock on load.
func TestStatusClock(t *testing.T) {
	ctx := browsertest.New(t)
	out := filepath.Join(t.TempDir(), "public")
	res := buildTo(t, demoSite(t, nil), out)
	var open *site.Node
	for _, n := range res.Site.Pages {
		if site.Status(n.Page, demoNow, res.Site.Config.Location) == site.StatusOpen {
			open = n
			break
		}
	}
	if open == nil {
		t.Fatal("the demo site has no disclosure 公示中 at its build date")
	}
	start, end := site.PublicityBounds(open.Publicity, res.Site.Config.Location)
	p := themePage{t, ctx}
	p.do(chromedp.Navigate("file://" + filepath.ToSlash(out) + "/" + open.File()))
	badge := func() string {
		return eval[string](p, `(function(){var b=document.querySelector(".disclosure .status");return b.className+"|"+b.textContent})()`)
	}
	refresh := func(at time.Time) int {
		return eval[int](p, fmt.Sprintf(`pubgenStatus.refresh(new Date(%d))`, at.UnixMilli()))
	}
	cases := []struct {
		at   time.Time
		want string
	}{
		{start.Add(time.Minute), "badge status status-open|公示中"},
		{end.Add(-time.Second), "badge status status-open|公示中"}, // the last day counts in full
		{end, "badge status status-closed|已结束"},
		{start.Add(-time.Second), "badge status status-upcoming|即将公示"},
		{start, "badge status status-open|公示中"},
	}
	for _, c := range cases {
		refresh(c.at)
		if got := badge(); got != c.want {
			t.Errorf("clock at %s: badge %q, want %q", c.at.In(res.Site.Config.Location), got, c.want)
		}
	}
	if n := refresh(start.Add(time.Hour)); n != 0 {
		t.Errorf("refresh at an unchanged state changed %d badges, want 0", n)
	}
}

// TestThemeLayout opens the home page and a page of each type at a 360 px
// phone's width and at 1280 px: none may scroll sideways. In print media
// the navigation must be gone and the page address shown.
func TestThemeLayout(t *testing.T) {
	ctx := browsertest.New(t)
	out := filepath.Join(t.TempDir(), "public")
	res := buildTo(t, demoSite(t, nil), out)
	files := []string{"index.html", "stats/index.html", "branches/jiguan-1/index.html"}
	for _, sec := range res.Site.Sections {
		if len(sec.Pages) > 0 {
			files = append(files, sec.Pages[0].File())
		}
	}
	p := themePage{t, ctx}
	for _, w := range []int64{360, 1280} {
		p.do(chromedp.EmulateViewport(w, 800))
		for _, f := range files {
			p.do(chromedp.Navigate("file://" + filepath.ToSlash(out) + "/" + f))
			if sw := eval[int64](p, `document.documentElement.scrollWidth`); sw > w {
				t.Errorf("%s at %d px: page is %d px wide (scrolls sideways)", f, w, sw)
			}
		}
	}
	p.do(chromedp.Navigate("file://" + filepath.ToSlash(out) + "/" + res.Site.Section("notices").Pages[0].File()))
	if _, err := chromedp.Call(ctx, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	for sel, want := range map[string]string{".site-nav": "none", ".site-header": "none", ".card-actions": "none", ".print-url": "block"} {
		if got := eval[string](p, `getComputedStyle(document.querySelector("`+sel+`")).display`); got != want {
			t.Errorf("print: %s display %q, want %q", sel, got, want)
		}
	}
	if got := eval[string](p, `document.querySelector(".print-location").textContent`); got[:7] != "file://" {
		t.Errorf("printed address %q, want the page's own address", got)
	}
}

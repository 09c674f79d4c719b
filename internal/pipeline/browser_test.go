package pipeline

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/pubgen/pubgen/internal/browsertest"
)

// TestFileURLBrowsing opens the built portal straight from disk, as an
// intranet user opening a file share would, follows the navigation into a
// page of each type and back home, and checks that the Chinese text reads
// correctly (no Content-Type header on file://: only <meta charset> saves it).
func TestFileURLBrowsing(t *testing.T) {
	ctx := browsertest.New(t)
	site := demoSite(t, nil)
	out := filepath.Join(t.TempDir(), "public")
	res := buildTo(t, site, out)

	step := func(a chromedp.Action[chromedp.Void]) {
		t.Helper()
		sctx, cancel := context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		if err := chromedp.Do(sctx, a); err != nil {
			t.Fatal(err)
		}
	}
	// follow clicks a link and waits until the page it leads to has
	// loaded. Waiting for an element instead raced: the home page has
	// ul.items too, so the wait could end on the page being left, and the
	// next click found its node gone with it ("Could not find node with
	// given id") once the machine was slow to navigate.
	follow := func(link string) {
		t.Helper()
		sctx, cancel := context.WithTimeout(ctx, 20*time.Second)
		defer cancel()
		if _, err := chromedp.RunResponse(sctx, chromedp.Click(link)); err != nil {
			t.Fatalf("following %s: %v", link, err)
		}
	}
	eval := func(js string) string {
		t.Helper()
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		return v
	}
	home := "file://" + filepath.ToSlash(out) + "/index.html"
	step(chromedp.Navigate(home))
	if cs := eval(`document.characterSet`); cs != "UTF-8" {
		t.Fatalf("characterSet = %q, want UTF-8", cs)
	}
	if title := eval(`document.title`); title != res.Site.Config.Title {
		t.Fatalf("home title = %q, want %q", title, res.Site.Config.Title)
	}
	for _, sec := range res.Site.Sections {
		if len(sec.Pages) == 0 {
			continue
		}
		first := sec.Pages[0]
		// Home → section (through the nav) → first page of the list → home.
		follow(`.site-nav a[href="` + sec.URL + `index.html"]`)
		step(chromedp.WaitVisible(`ul.items`))
		if h1 := eval(`document.querySelector("h1").textContent`); h1 != sec.Index.Title {
			t.Errorf("section page h1 = %q, want %q", h1, sec.Index.Title)
		}
		follow(`ul.items li:first-child a.item-title`)
		step(chromedp.WaitVisible(`article h1`))
		if h1 := eval(`document.querySelector("article h1").textContent`); h1 != first.Title {
			t.Errorf("%s: h1 = %q, want %q", sec.Name, h1, first.Title)
		}
		loc := eval(`location.href`)
		if !strings.HasPrefix(loc, "file://") || !strings.HasSuffix(loc, first.URL+"index.html") {
			t.Errorf("%s: location %q, want the file of %s", sec.Name, loc, first.URL)
		}
		if body := eval(`document.body.innerText`); strings.Contains(body, "\uFFFD") || strings.Contains(body, "å") {
			t.Errorf("%s: garbled text on %s", sec.Name, loc)
		}
		follow(`a.brand`)
		step(chromedp.WaitVisible(`.home-lead`))
	}
}

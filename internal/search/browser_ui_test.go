package search

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"
	"github.com/pubgen/pubgen/internal/browsertest"
)

// xssDoc is a page whose text contains markup that must stay text.
var xssDoc = Doc{
	ID: "content/notices/xss.md", URL: "notices/xss/index.html", Title: "测试转义的通知",
	Body: `暗号口令龘龘<img src=x onerror="window.__xss=1">必须显示为文字`, Type: "notice",
	Branch: corpusBranches[0], Date: time.Date(2024, 3, 1, 0, 0, 0, 0, time.UTC),
}

func run(t *testing.T, ctx context.Context, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(sctx, actions...); err != nil {
		t.Fatal(err)
	}
}

func poll(t *testing.T, ctx context.Context, what, expr string) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, 15*time.Second)
	defer cancel()
	if _, err := chromedp.Run(sctx, chromedp.Poll[bool](expr, chromedp.WithPollingInterval(50*time.Millisecond))); err != nil {
		t.Fatalf("waiting for %s (%s): %v", what, expr, err)
	}
}

// TestBrowserUI drives the client from file:// as a reader would: nothing
// loads before the search box is used, results appear while typing with the
// terms marked, keyboard selection opens a result, the search page reads
// ?q=, filters with counts narrow the list and go into the URL, a miss says
// so, and page text containing markup shows as text.
func TestBrowserUI(t *testing.T) {
	docs := append(genCorpus(200), xssDoc)
	ix := openIndex(t, docs)
	files, err := ix.Export()
	if err != nil {
		t.Fatal(err)
	}
	dir := writeSite(t, files)
	ctx := browsertest.New(t)
	openPage(t, ctx, fileURL(dir, "index.html"))

	if n := eval[int](t, ctx, `performance.getEntriesByType('resource').filter(e => e.name.includes('/search/')).length + __pubgenSearch.loaded.length`); n != 0 {
		t.Errorf("%d search files loaded before the search box was used", n)
	}

	want, _ := ix.Search("党费", Query{Limit: 8})
	// A headless page is not focused, and focus events only fire on a
	// focused page.
	if _, err := chromedp.Call(ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
		t.Fatal(err)
	}
	run(t, ctx, chromedp.Focus(`form.search-form input`))
	poll(t, ctx, "the entry after focus", `__pubgenSearch.loaded.includes('index.js')`)
	run(t, ctx, chromedp.SendKeys(`form.search-form input`, "党费"))
	poll(t, ctx, "dropdown results", `document.querySelectorAll('.search-dropdown .search-result').length > 0`)
	titles := eval[[]string](t, ctx, `[...document.querySelectorAll('.search-dropdown .search-result-title')].map(a => a.textContent)`)
	if len(titles) != len(want) || titles[0] != want[0].Title {
		t.Errorf("dropdown titles %q, want %d starting with %q", titles, len(want), want[0].Title)
	}
	if marks := eval[[]string](t, ctx, `[...document.querySelectorAll('.search-dropdown mark')].map(m => m.textContent)`); len(marks) == 0 || marks[0] != "党费" {
		t.Errorf("highlighted terms %q, want 党费", marks)
	}
	// The entry, the engine, one term shard and its directory, the level
	// shard of this small site and its directory, and a record shard per
	// result with at most a directory each.
	loaded := eval[[]string](t, ctx, `__pubgenSearch.loaded`)
	if len(loaded) > 6+2*len(want) {
		t.Errorf("a two-character query loaded %d files: %q", len(loaded), loaded)
	}

	run(t, ctx, chromedp.KeyEvent("\u0301")) // ArrowDown
	// The active option is the input's active descendant; an option holds
	// no link, so the page it opens is its data-href.
	if sel := eval[string](t, ctx, `(o => o && o.id === document.querySelector('form.search-form input').getAttribute('aria-activedescendant') ? o.dataset.href : 'not the active descendant')(document.querySelector('.search-dropdown [aria-selected=true]'))`); !strings.HasSuffix(sel, want[0].URL) {
		t.Errorf("ArrowDown selected %s, want %s", sel, want[0].URL)
	}
	target := filepath.Join(dir, filepath.FromSlash(want[0].URL))
	if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(target, []byte("<!doctype html><meta charset=utf-8><title>结果</title>"), 0o644); err != nil {
		t.Fatal(err)
	}
	run(t, ctx, chromedp.KeyEvent("\r"))
	waitLocation(t, ctx, want[0].URL)

	// The search page, opened with a shareable URL.
	all, _ := ix.Search("党费", Query{})
	openPage(t, ctx, fileURL(dir, "search/index.html")+"?q=%E5%85%9A%E8%B4%B9")
	poll(t, ctx, "search page results", `document.querySelectorAll('#search-results .search-result').length > 0`)
	if s := eval[string](t, ctx, `document.querySelector('.search-summary').textContent`); !strings.Contains(s, itoa(len(all))) {
		t.Errorf("summary %q, want %d results", s, len(all))
	}
	searchPageRequests(t, ctx, min(len(all), 20))
	disc, _ := ix.Search("党费", Query{Type: "disclosure"})
	label := eval[string](t, ctx, `document.querySelector('[data-facet=type][data-value=disclosure]').textContent`)
	if !strings.Contains(label, "党务公开") || !strings.Contains(label, "("+itoa(len(disc))+")") {
		t.Errorf("type facet label %q, want 党务公开 (%d)", label, len(disc))
	}
	run(t, ctx, chromedp.Click(`[data-facet=type][data-value=disclosure]`))
	poll(t, ctx, "filtered results", `document.querySelector('.search-summary').textContent.includes(`+jsLiteral(t, itoa(len(disc)))+`) && location.search.includes('type=disclosure')`)
	types := eval[[]string](t, ctx, `[...document.querySelectorAll('#search-results .search-result-meta span:first-child')].map(s => s.textContent)`)
	for _, ty := range types {
		if ty != "党务公开" {
			t.Errorf("a %s result under the 党务公开 filter", ty)
		}
	}

	// A miss, then the page whose text holds markup.
	run(t, ctx, chromedp.SetValue(`.search-page-form input`, "xyzzy不存在"), chromedp.SendKeys(`.search-page-form input`, " "))
	poll(t, ctx, "no results message", `!!document.querySelector('.search-empty') && document.querySelector('.search-empty').textContent.includes('没有找到')`)
	openPage(t, ctx, fileURL(dir, "search/index.html")+"?q=%E9%BE%98%E9%BE%98")
	poll(t, ctx, "the xss page as a result", `document.querySelectorAll('#search-results .search-result').length === 1`)
	text := eval[string](t, ctx, `document.querySelector('#search-results .search-excerpt').textContent`)
	if !strings.Contains(text, `<img src=x onerror="window.__xss=1">`) {
		t.Errorf("excerpt text %q does not show the markup as text", text)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('#search-results img').length + (window.__xss ? 100 : 0)`); n != 0 {
		t.Errorf("page text became markup (%d)", n)
	}
}

// searchPageRequests holds the requests of the search page showing shown
// results of a one-key query to what the format promises: the entry, the
// engine, the key's shard and its directory, its tail shard (named in the
// entry), the level file and the facet file, then a record file per result
// and at most a directory each. A
// record is its own file because the results a query shows are spread
// over the whole site: with records grouped n to a file, twenty results
// still meet about twenty files and load n times the bytes.
func searchPageRequests(t *testing.T, ctx context.Context, shown int) {
	t.Helper()
	loaded := eval[[]string](t, ctx, `__pubgenSearch.loaded`)
	var records, dirs, rest int
	for _, f := range loaded {
		switch {
		case strings.HasPrefix(f, "r."):
			records++
		case strings.HasPrefix(f, "rd"):
			dirs++
		default:
			rest++
		}
	}
	if records != shown || dirs > records || rest > 7 {
		t.Errorf("the search page showing %d results made %d requests (%d records, %d record directories, %d others): %q",
			shown, len(loaded), records, dirs, rest, loaded)
	}
}

// waitLocation waits until the page's URL ends with suffix; the page
// itself may be an error page, as the test site has no result pages.
func waitLocation(t *testing.T, ctx context.Context, suffix string) {
	t.Helper()
	var loc string
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		loc, _ = chromedp.Run(ctx, chromedp.Location())
		if strings.HasSuffix(loc, suffix) {
			return
		}
	}
	t.Fatalf("location %s, want one ending in %s", loc, suffix)
}

func itoa(n int) string { return strconv.Itoa(n) }

// TestBrowserRefusesOtherVersion: an index whose format is not the
// engine's (a stale search/index.js, say) is refused, and the box says so
// in the site's words instead of showing wrong results.
func TestBrowserRefusesOtherVersion(t *testing.T) {
	files, err := openIndex(t, genCorpus(20)).Export()
	if err != nil {
		t.Fatal(err)
	}
	stamp := `"v":"` + analysisVersion + `"`
	if !strings.Contains(string(files[exportDir+"index.js"]), stamp) {
		t.Fatalf("the entry has no %s", stamp)
	}
	files[exportDir+"index.js"] = []byte(strings.Replace(string(files[exportDir+"index.js"]), stamp, `"v":"pubgen-search-0"`, 1))
	ctx := browsertest.New(t)
	openPage(t, ctx, fileURL(writeSite(t, files), "index.html"))
	if _, err := chromedp.Call(ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
		t.Fatal(err)
	}
	run(t, ctx, chromedp.Focus(`form.search-form input`), chromedp.SendKeys(`form.search-form input`, "党费"))
	poll(t, ctx, "the refusal", `!!document.querySelector('.search-dropdown:not([hidden]) .search-error')`)
	want := eval[string](t, ctx, `document.querySelector('form.search-form').dataset.labelVersion`)
	if got := eval[string](t, ctx, `document.querySelector('.search-error').textContent`); got != want || !strings.Contains(got, "版本") {
		t.Errorf("the box says %q, want the version label %q", got, want)
	}
	if n := eval[int](t, ctx, `document.querySelectorAll('.search-dropdown .search-result').length`); n != 0 {
		t.Errorf("%d results from an index of another version", n)
	}
}

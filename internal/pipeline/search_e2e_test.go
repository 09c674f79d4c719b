package pipeline

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/pubgen/pubgen/internal/browsertest"
	"github.com/pubgen/pubgen/internal/publish"
	"github.com/pubgen/pubgen/internal/search"
)

// xssTitle and xssMarker make a page whose title and text carry markup that
// must reach the reader as text; the marker is a rare bigram so that a
// query finds this page alone.
const (
	xssMarkup = `<img src=x onerror="window.__xss=1">`
	xssMarker = "龘龘"
	xssTitle  = xssMarkup + "暗号" + xssMarker + "转义测试"
)

// xssPage is that page. Raw HTML is off, so the markup goes in a code span
// and as escaped text: both must come out as the characters of the tag.
const xssPage = `---
title: '` + xssTitle + `'
date: 2025-06-01
branch: 机关第一党支部
---

暗号` + xssMarker + `：` + "`" + xssMarkup + "`" + ` 与 &lt;img src=x onerror="window.__xss=1"&gt; 都必须显示为文字。
`

// searchDemo is the demo portal with xssPage, built with a persistent
// index that the test reopens to ask bleve the same questions as the
// browser.
type searchDemo struct {
	out string // the published site
	ix  *search.Index
	res *Result
}

func buildSearchDemo(t testing.TB) *searchDemo {
	t.Helper()
	site := demoSite(t, nil)
	if err := os.WriteFile(filepath.Join(site, "content", "notices", "xss-escape.md"), []byte(xssPage), 0o644); err != nil {
		t.Fatal(err)
	}
	cache := t.TempDir()
	res, err := Run(os.DirFS(site), Options{Now: demoNow, SearchCache: cache})
	if err != nil {
		t.Fatalf("build: %v", err)
	}
	out := filepath.Join(t.TempDir(), "public")
	if _, err := publish.Publish(out, res.Entries); err != nil {
		t.Fatalf("publish: %v", err)
	}
	ix, err := search.Open(cache)
	if err != nil {
		t.Fatalf("reopening the build's index: %v", err)
	}
	t.Cleanup(func() { ix.Close() })
	return &searchDemo{out: out, ix: ix, res: res}
}

// search asks bleve; the test is about the browser agreeing with it.
func (d *searchDemo) search(t testing.TB, q string, opts search.Query) []search.Hit {
	t.Helper()
	hits, err := d.ix.Search(q, opts)
	if err != nil {
		t.Fatalf("bleve Search(%q): %v", q, err)
	}
	return hits
}

// tab is a browser tab on the demo portal.
type tab struct {
	t   *testing.T
	ctx context.Context
}

func (b tab) do(actions ...chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Do(ctx, actions...); err != nil {
		b.t.Fatal(err)
	}
}

// value evaluates a JavaScript expression, awaiting a promise, into v.
func (b tab) value(expr string, v any) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 60*time.Second)
	defer cancel()
	raw, err := chromedp.Run(ctx, chromedp.Evaluate[string](`Promise.resolve(`+expr+`).then(v => JSON.stringify(v === undefined ? null : v))`, chromedp.EvalAwaitPromise))
	if err != nil {
		b.t.Fatalf("evaluating %.200s: %v", expr, err)
	}
	if err := json.Unmarshal([]byte(raw), v); err != nil {
		b.t.Fatalf("decoding %.200s: %v (%.300s)", expr, err, raw)
	}
}

func (b tab) str(expr string) string {
	b.t.Helper()
	var s string
	b.value(expr, &s)
	return s
}

func (b tab) strs(expr string) []string {
	b.t.Helper()
	var s []string
	b.value(expr, &s)
	return s
}

// wait polls expr until it is true.
func (b tab) wait(what, expr string) {
	b.t.Helper()
	ctx, cancel := context.WithTimeout(b.ctx, 15*time.Second)
	defer cancel()
	for {
		_, err := chromedp.Run(ctx, chromedp.Poll[bool](expr, chromedp.WithPollingInterval(50*time.Millisecond)))
		if err == nil {
			return
		}
		// A navigation destroys the page the poll ran in; poll the next.
		if ctx.Err() != nil {
			loc, _ := chromedp.Run(b.ctx, chromedp.Location())
			b.t.Fatalf("waiting for %s on %s (%s): %v", what, loc, expr, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// open navigates to u and waits until the search client has started:
// right after a navigation the old page can still answer.
func (b tab) open(u string) {
	b.t.Helper()
	b.do(chromedp.Navigate(u))
	b.waitClient()
}

func (b tab) waitClient() {
	b.t.Helper()
	b.wait("search.js to start", `document.readyState === 'complete' && !!(window.__pubgenSearch && window.__pubgenSearch.ready)`)
}

func js(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func titles(hits []search.Hit) []string {
	out := make([]string, len(hits))
	for i, h := range hits {
		out[i] = h.Title
	}
	return out
}

// shownTitles is the titles of hits as the search UI lists them: each page
// once, where its first hit (itself or a part of one of its attachments)
// is, followed by the parts of its attachments in their order.
func shownTitles(hits []search.Hit) []string {
	type group struct {
		title string
		parts []string
	}
	var order []*group
	at := map[string]*group{}
	for _, h := range hits {
		url, title := h.URL, h.Title
		if h.PageURL != "" {
			url, title = h.PageURL, h.PageTitle
		}
		g := at[url]
		if g == nil {
			g = &group{title: title}
			at[url] = g
			order = append(order, g)
		}
		if h.PageURL != "" {
			g.parts = append(g.parts, h.Title)
		}
	}
	var out []string
	for _, g := range order {
		out = append(append(out, g.title), g.parts...)
	}
	return out
}

// TestSearchDemoHTTPSubpath serves the built portal under a sub-path of a
// web server with a strict Content-Security-Policy, as an intranet server
// would, and searches it as a reader does; nothing may break the policy
// or reach the console.
func TestSearchDemoHTTPSubpath(t *testing.T) {
	d := buildSearchDemo(t)
	const policy = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:"
	var (
		mu      sync.Mutex
		reports []string
	)
	mux := http.NewServeMux()
	files := http.StripPrefix("/intranet/dangjian", staticFiles(d.out))
	mux.Handle("/intranet/dangjian/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", policy+"; report-uri /csp-report")
		files.ServeHTTP(w, r)
	}))
	mux.HandleFunc("/csp-report", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		body, _ := io.ReadAll(io.LimitReader(r.Body, 4096))
		reports = append(reports, string(body))
	})
	// The browser asks the server's root for an icon; the root is not the
	// portal's, so that request is no finding about the portal.
	mux.HandleFunc("/favicon.ico", func(w http.ResponseWriter, r *http.Request) { w.WriteHeader(http.StatusNoContent) })
	srv := httptest.NewServer(mux)
	defer srv.Close()

	ctx := browsertest.New(t)
	cctx, stop := context.WithCancel(ctx)
	var console []string
	done := make(chan struct{})
	messages := chromedp.Console(cctx)
	go func() {
		defer close(done)
		for m, err := range messages {
			if err != nil {
				return
			}
			// Policy violations are judged from their reports, which name
			// the document.
			if strings.Contains(m.Text, "Content Security Policy") {
				continue
			}
			if m.Type == chromedp.ConsoleType("error") || m.Type == chromedp.ConsoleType("warning") || m.IsException() || m.Source == "security" {
				mu.Lock()
				console = append(console, m.String())
				mu.Unlock()
			}
		}
	}()

	driveSearch(t, tab{t, ctx}, d, srv.URL+"/intranet/dangjian/")

	stop()
	<-done
	mu.Lock()
	defer mu.Unlock()
	for _, r := range reports {
		t.Errorf("CSP violation: %s", cspViolation(r))
	}
	if len(console) > 0 {
		t.Errorf("console errors and warnings:\n%s", strings.Join(console, "\n"))
	}
}

// cspViolation describes a violation report.
func cspViolation(body string) string {
	var r struct {
		Report struct {
			Document  string `json:"document-uri"`
			Directive string `json:"violated-directive"`
			Blocked   string `json:"blocked-uri"`
			Source    string `json:"source-file"`
			Line      int    `json:"line-number"`
		} `json:"csp-report"`
	}
	if err := json.Unmarshal([]byte(body), &r); err != nil {
		return body
	}
	v := r.Report
	return fmt.Sprintf("%s blocked %s on %s (%s:%d)", v.Directive, v.Blocked, v.Document, v.Source, v.Line)
}

// staticFiles serves dir as nginx or Apache would by default: a folder's
// index.html for a path ending in /, and the file itself when named,
// without http.FileServer's redirect of …/index.html to …/.
func staticFiles(dir string) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := path.Clean("/" + r.URL.Path)
		if strings.HasSuffix(r.URL.Path, "/") {
			p = path.Join(p, "index.html")
		}
		f, err := os.Open(filepath.Join(dir, filepath.FromSlash(p)))
		if err != nil {
			http.NotFound(w, r)
			return
		}
		defer f.Close()
		fi, err := f.Stat()
		if err != nil || fi.IsDir() {
			http.NotFound(w, r)
			return
		}
		http.ServeContent(w, r, p, fi.ModTime(), f)
	})
}

// TestSearchDemoFileURL searches the built portal opened straight from
// disk, as from a file share, where only <script> elements can load.
func TestSearchDemoFileURL(t *testing.T) {
	d := buildSearchDemo(t)
	ctx := browsertest.New(t)
	root := (&url.URL{Scheme: "file", Path: filepath.ToSlash(d.out) + "/"}).String()
	driveSearch(t, tab{t, ctx}, d, root)
}

// driveSearch is a reader's session on the portal at root (ending in /):
// results while typing, the search page by Enter, filters whose counts are
// bleve's, a result that opens its page, and markup in page text that
// stays text.
func driveSearch(t *testing.T, b tab, d *searchDemo, root string) {
	b.open(root + "index.html")
	var untouched int
	b.value(`performance.getEntriesByType('resource').filter(e => e.name.includes('/search/')).length + __pubgenSearch.loaded.length`, &untouched)
	if untouched != 0 {
		t.Errorf("%d search files loaded before the search box was used", untouched)
	}
	// A headless page has no focus, and the client wires the box on focus.
	if _, err := chromedp.Call(b.ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
		t.Fatal(err)
	}
	typeInHeader(t, b, d, "党费", []string{"党费"})
	// Text that only a PDF attachment holds: its page, then the PDF's
	// page as a sub-result linking to the file at that page.
	typeInHeader(t, b, d, pdfOnly, []string{"流程图"})
	if href := b.str(`document.querySelector('.search-dropdown:not([hidden]) [data-href]:not(.search-subresult)').dataset.href`); !strings.HasSuffix(href, "/"+path.Dir(pdfPage2URL)+"/index.html") && !strings.HasSuffix(href, "/"+path.Dir(pdfPage2URL)+"/") {
		t.Errorf("%q: the result links to %q, want the PDF's page", pdfOnly, href)
	}
	if href := b.str(`document.querySelector('.search-dropdown:not([hidden]) .search-subresult[data-href]').dataset.href`); !strings.HasSuffix(href, "/"+pdfPage2URL) {
		t.Errorf("%q: the sub-result links to %q, want the PDF's page 2", pdfOnly, href)
	}
	q := "2025年 党费"
	typeInHeader(t, b, d, q, []string{"2025", "党费"})

	// Enter with no result chosen submits the box to the search page.
	b.do(chromedp.KeyEvent("\r"))
	b.wait("the search page", `location.pathname.endsWith('/search/index.html')`)
	b.waitClient()
	if got := b.str(`new URLSearchParams(location.search).get('q')`); got != q {
		t.Errorf("search page q = %q, want %q", got, q)
	}
	all := d.search(t, q, search.Query{})
	b.wait("the search page's results", `(document.querySelector('.search-summary') || {}).textContent === `+js(t, "找到 "+strconv.Itoa(len(all))+" 条结果"))
	checkPage(t, b, d, q, search.Query{})

	// Narrow by type, then search for something else under that filter on
	// the page itself, then narrow by branch.
	filters := search.Query{}
	applyFacet(t, b, d, q, &filters, "type")
	q = "党费"
	b.do(chromedp.Focus(`.search-page-form input`), chromedp.KeyEvent(strings.Repeat("\b", 12)), chromedp.SendKeys(`.search-page-form input`, q))
	want := d.search(t, q, filters)
	b.wait("results for "+q+" under the type filter", `new URLSearchParams(location.search).get('q') === `+js(t, q)+` && document.querySelector('.search-summary').textContent === `+js(t, "找到 "+strconv.Itoa(len(want))+" 条结果"))
	checkPage(t, b, d, q, filters)
	applyFacet(t, b, d, q, &filters, "branch")

	// Open the first result.
	first := d.search(t, q, filters)[0]
	b.do(chromedp.Click(`#search-results .search-result-title`))
	b.wait("the result's page", `location.href === `+js(t, root+first.URL)+` && !!document.querySelector('article h1')`)
	if h1 := b.str(`document.querySelector('article h1').textContent`); h1 != first.Title {
		t.Errorf("opened %s: h1 %q, want %q", first.URL, h1, first.Title)
	}

	checkEscaped(t, b, d, root)
}

// typeInHeader types q into the header's box (replacing what is there) and
// checks the dropdown: bleve's top 8 in order, each term of marks
// highlighted, and a link to all of bleve's results.
func typeInHeader(t *testing.T, b tab, d *searchDemo, q string, marks []string) {
	t.Helper()
	want := shownTitles(d.search(t, q, search.Query{Limit: 8}))
	all := d.search(t, q, search.Query{})
	if len(want) == 0 {
		t.Fatalf("the demo has no page for %q: the test needs one", q)
	}
	var cleared bool
	b.value(`(document.querySelector('form.search-form input[name=q]').value = '') === ''`, &cleared)
	b.do(chromedp.Focus(`form.search-form input[name=q]`), chromedp.SendKeys(`form.search-form input[name=q]`, q))
	b.wait("dropdown results for "+q, `JSON.stringify([...document.querySelectorAll('.search-dropdown:not([hidden]) .search-result-title')].map(a => a.textContent)) === JSON.stringify(`+js(t, want)+`)`)
	if more := b.str(`document.querySelector('.search-dropdown:not([hidden]) .search-more').textContent`); !strings.Contains(more, " "+strconv.Itoa(len(all))+" ") {
		t.Errorf("%q: dropdown says %q, bleve finds %d", q, more, len(all))
	}
	got := b.strs(`[...document.querySelectorAll('.search-dropdown mark')].map(m => m.textContent)`)
	for _, m := range marks {
		if !slices.ContainsFunc(got, func(g string) bool { return strings.Contains(g, m) }) {
			t.Errorf("%q: highlighted %q, want %q among them", q, got, m)
		}
	}
}

// checkPage compares the search page with bleve: the listed results in
// order, and for every facet value the count bleve gives with that value in
// place of the facet's filter.
func checkPage(t *testing.T, b tab, d *searchDemo, q string, filters search.Query) {
	t.Helper()
	want := d.search(t, q, filters)
	got := b.strs(`[...document.querySelectorAll('#search-results .search-result-title')].map(a => a.textContent)`)
	if n := min(20, len(want)); !slices.Equal(got, shownTitles(want[:n])) {
		t.Errorf("%q %+v: results\n%q\nbleve:\n%q", q, filters, got, shownTitles(want[:n]))
	}
	var facets []struct{ Facet, Value, Label string }
	b.value(`[...document.querySelectorAll('.search-facet-value')].filter(e => e.dataset.value).map(e => ({Facet: e.dataset.facet, Value: e.dataset.value, Label: e.textContent}))`, &facets)
	seen := map[string]bool{}
	for _, f := range facets {
		seen[f.Facet] = true
		o := filters
		setFacet(&o, f.Facet, f.Value)
		n := len(d.search(t, q, o))
		if !strings.HasSuffix(f.Label, "("+strconv.Itoa(n)+")") {
			t.Errorf("%q %+v: facet %s=%s reads %q, bleve counts %d", q, filters, f.Facet, f.Value, f.Label, n)
		}
	}
	for _, f := range []string{"type", "branch", "year"} {
		if !seen[f] {
			t.Errorf("%q %+v: no %s facet", q, filters, f)
		}
	}
}

// applyFacet clicks the value of facet that pickFacet chooses and checks
// the page against bleve with that filter added to filters.
func applyFacet(t *testing.T, b tab, d *searchDemo, q string, filters *search.Query, facet string) {
	t.Helper()
	v := pickFacet(t, b, d, q, *filters, facet)
	setFacet(filters, facet, v)
	b.do(chromedp.Click(`[data-facet=` + facet + `][data-value="` + v + `"]`))
	want := d.search(t, q, *filters)
	b.wait(facet+" filter "+v, `new URLSearchParams(location.search).get(`+js(t, facet)+`) === `+js(t, v)+` && document.querySelector('.search-summary').textContent === `+js(t, "找到 "+strconv.Itoa(len(want))+" 条结果"))
	checkPage(t, b, d, q, *filters)
}

// pickFacet returns the value of facet that narrows the results least
// without emptying them: applying it must change what is shown, and leave
// the most for the next filter.
func pickFacet(t *testing.T, b tab, d *searchDemo, q string, filters search.Query, facet string) string {
	t.Helper()
	total := len(d.search(t, q, filters))
	best, most := "", 0
	for _, v := range b.strs(`[...document.querySelectorAll('[data-facet=` + facet + `]')].map(e => e.dataset.value).filter(Boolean)`) {
		o := filters
		setFacet(&o, facet, v)
		if n := len(d.search(t, q, o)); n > most && n < total {
			best, most = v, n
		}
	}
	if best == "" {
		t.Fatalf("%q %+v: no %s value narrows the %d results: the test needs one", q, filters, facet, total)
	}
	return best
}

func setFacet(q *search.Query, facet, v string) {
	switch facet {
	case "type":
		q.Type = v
	case "branch":
		q.Branch = v
	case "year":
		q.Year = v
	case "status":
		q.Status = v
	}
}

// checkEscaped finds the page whose title and text hold an <img onerror>
// tag, in the dropdown and on the search page, and opens it: the tag must
// show as text everywhere and never run.
func checkEscaped(t *testing.T, b tab, d *searchDemo, root string) {
	t.Helper()
	hits := d.search(t, xssMarker, search.Query{})
	if len(hits) != 1 || hits[0].Title != xssTitle {
		t.Fatalf("bleve finds %d pages for %s, want the escaping test page", len(hits), xssMarker)
	}
	b.open(root + "search/index.html?q=" + url.QueryEscape(xssMarker))
	b.wait("the escaping page as the one result", `document.querySelectorAll('#search-results .search-result').length === 1`)
	if got := b.str(`document.querySelector('#search-results .search-result-title').textContent`); got != xssTitle {
		t.Errorf("result title %q, want %q as text", got, xssTitle)
	}
	ex := b.str(`document.querySelector('#search-results .search-excerpt').textContent`)
	if strings.Count(ex, xssMarkup) < 2 {
		t.Errorf("excerpt %q does not show the tag as text twice", ex)
	}
	if marks := b.strs(`[...document.querySelectorAll('#search-results mark')].map(m => m.textContent)`); !slices.Contains(marks, xssMarker) {
		t.Errorf("excerpt highlights %q, want %s", marks, xssMarker)
	}
	typeInHeader(t, b, d, xssMarker, []string{xssMarker})
	b.do(chromedp.Click(`.search-dropdown [role=option]`))
	b.wait("the escaping page", `location.href === `+js(t, root+hits[0].URL)+` && document.readyState === 'complete'`)
	if h1 := b.str(`document.querySelector('article h1').textContent`); h1 != xssTitle {
		t.Errorf("page h1 %q, want %q", h1, xssTitle)
	}
	// An injected image with src=x fails at once; give its onerror a moment.
	b.do(chromedp.Sleep(300 * time.Millisecond))
	var n int
	b.value(`document.querySelectorAll('main img[src=x], #search-results img').length + (window.__xss === undefined ? 0 : 100)`, &n)
	if n != 0 {
		t.Errorf("page text became markup (%d)", n)
	}
}

// TestSearchDemoParity checks, in Chromium on the built demo's shards, that
// search.js finds the same pages as bleve for a few hundred queries made
// from the demo's own text, in the same order.
func TestSearchDemoParity(t *testing.T) {
	d := buildSearchDemo(t)
	ctx := browsertest.New(t)
	b := tab{t, ctx}
	b.open((&url.URL{Scheme: "file", Path: filepath.ToSlash(d.out) + "/search/index.html"}).String())
	var urls []string
	b.value(`__pubgenSearch.ready().then(s => s.records([...Array(s.docs).keys()])).then(rs => rs.map(r => r.url))`, &urls)
	// A page of a PDF attachment is a document of its own.
	if want := len(d.res.Site.Pages) + d.res.Report.Attachments.Parts; len(urls) != want {
		t.Fatalf("the browser sees %d documents, the site has %d (pages and attachment parts)", len(urls), want)
	}

	type job struct {
		Q    string       `json:"q"`
		Opts search.Query `json:"-"`
		JS   jsQuery      `json:"opts"`
	}
	var jobs []job
	for _, q := range demoQueries(t, d) {
		jobs = append(jobs, job{Q: q})
	}
	for _, q := range []string{"党费", "学习", "党", "2025年 党费", "三会一课"} {
		for _, o := range []search.Query{
			{Type: "notice"}, {Type: "disclosure", Status: "open"}, {Year: "2025", SortByDate: true},
			{Branch: "机关第一党支部"}, {Branch: "离退休党支部", SortByDate: true},
		} {
			jobs = append(jobs, job{Q: q, Opts: o})
		}
	}
	for i := range jobs {
		o := jobs[i].Opts
		jobs[i].JS = jsQuery{o.Type, o.Branch, o.Year, o.Status, o.SortByDate}
	}
	var got [][]int
	b.value(`__pubgenSearch.ready().then(s => Promise.all(`+js(t, jobs)+`.map(j => s.search(j.q, j.opts).then(r => r.docs))))`, &got)

	found, mismatches := 0, 0
	for i, j := range jobs {
		want := d.search(t, j.Q, j.Opts)
		wantURLs := make([]string, len(want))
		for k, h := range want {
			wantURLs[k] = h.URL
		}
		gotURLs := make([]string, len(got[i]))
		for k, p := range got[i] {
			gotURLs[k] = urls[p]
		}
		if len(want) > 0 {
			found++
		}
		switch {
		case !slices.Equal(sortedCopy(wantURLs), sortedCopy(gotURLs)):
			t.Errorf("%q %+v: bleve finds %d pages, the browser %d:\nbleve   %q\nbrowser %q", j.Q, j.Opts, len(want), len(gotURLs), wantURLs, gotURLs)
		case !slices.Equal(wantURLs[:min(10, len(want))], gotURLs[:min(10, len(want))]):
			t.Errorf("%q %+v: top results differ:\nbleve   %q\nbrowser %q", j.Q, j.Opts, wantURLs, gotURLs)
		case !slices.Equal(wantURLs, gotURLs):
			t.Errorf("%q %+v: order differs beyond the top 10", j.Q, j.Opts)
		default:
			continue
		}
		mismatches++
	}
	t.Logf("%d queries, %d finding pages, %d mismatches", len(jobs), found, mismatches)
	if len(jobs) < 200 {
		t.Errorf("only %d queries, want at least 200", len(jobs))
	}
	if found < len(jobs)/2 || found == len(jobs) {
		t.Errorf("%d of %d queries find pages: the set must mix hits and misses", found, len(jobs))
	}
}

// jsQuery is search.Query as search.js takes it.
type jsQuery struct {
	Type   string `json:"type"`
	Branch string `json:"branch"`
	Year   string `json:"year"`
	Status string `json:"status"`
	ByDate bool   `json:"byDate"`
}

func sortedCopy(s []string) []string {
	c := slices.Clone(s)
	slices.Sort(c)
	return c
}

// demoQueries makes the query set from the demo's pages, deterministically:
// whole titles and pieces of them, phrases from bodies, single characters,
// branch names and tags, mixed Chinese, Latin and digits, full-width forms,
// and misses.
func demoQueries(t testing.TB, d *searchDemo) []string {
	var qs []string
	seen := map[string]bool{}
	add := func(q string) {
		if q = strings.TrimSpace(q); q != "" && !seen[q] {
			seen[q] = true
			qs = append(qs, q)
		}
	}
	piece := func(s string, at, n int) string {
		r := []rune(strings.Join(strings.Fields(s), " "))
		if len(r) == 0 {
			return ""
		}
		at %= len(r)
		return string(r[at:min(at+n, len(r))])
	}
	pages := d.res.Site.Pages
	for i, p := range pages {
		add(p.Title)
		add(piece(p.Title, i*7, 2+i%5))
		add(piece(p.PlainText, i*31, 2+i%7))
		if i%3 == 0 {
			add(piece(p.PlainText, i*13, 1))
			add(piece(p.Title, i, 1))
		}
		add(p.Branch)
		for _, tag := range p.Tags {
			add(tag)
		}
	}
	for i, p := range demoAttachmentParts(t) {
		add(piece(p.Text, i*17, 4))
		add(piece(p.Text, i*53, 7))
	}
	for _, q := range []string{
		"2025年 党费", "2025年党费", "2026", "２０２５", "PDF 学习", "pdf", "ＰＤＦ", "党建 PDF", "学习 党费 2025",
		"三会一课 主题党日", "党 建", "（党费）", "党费！", "支部,党员", "Email", "www", "09:30",
		"不存在的词语", "量子计算", "xyzzy", "党建 xyzzy", "龘", "の", "！！！", "a", "1",
	} {
		add(q)
	}
	return qs
}

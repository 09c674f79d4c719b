package pipeline

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"github.com/pubgen/pubgen/internal/browsertest"
)

// subPath is where the sub-path tests serve the site.
const subPath = "/sub/"

// subPathServer serves dir under subPath as a plain web server does: a
// missing file inside it gets 404.html with status 404 (nginx's error_page,
// Netlify's 404 rule), and any address outside it a bare 404 — so a page
// that asks the server root for anything (/favicon.ico) fails. Every
// failed request is recorded. Responses carry the CSP of netlify.toml, so
// what the strict policy blocks also fails here.
type subPathServer struct {
	*httptest.Server
	mu     sync.Mutex
	failed []string
}

func newSubPathServer(t *testing.T, dir string) *subPathServer {
	t.Helper()
	csp := netlifyCSP(t)
	s := &subPathServer{}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", csp)
		if status := s.serve(w, r, dir); status != http.StatusOK {
			s.mu.Lock()
			s.failed = append(s.failed, fmt.Sprintf("%d %s", status, r.URL.Path))
			s.mu.Unlock()
		}
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *subPathServer) serve(w http.ResponseWriter, r *http.Request, dir string) int {
	rel, ok := strings.CutPrefix(r.URL.Path, subPath)
	if !ok {
		http.NotFound(w, r)
		return http.StatusNotFound
	}
	name := path.Clean("/" + rel)
	if strings.HasSuffix(r.URL.Path, "/") {
		name += "/index.html"
	}
	data, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		if data, err = os.ReadFile(filepath.Join(dir, "404.html")); err != nil {
			http.NotFound(w, r)
			return http.StatusNotFound
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		w.Write(data)
		return http.StatusNotFound
	}
	http.ServeContent(w, r, name, time.Time{}, strings.NewReader(string(data)))
	return http.StatusOK
}

// takeFailed returns the failed requests since the last call.
func (s *subPathServer) takeFailed() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	f := s.failed
	s.failed = nil
	return f
}

var cspRE = regexp.MustCompile(`Content-Security-Policy = "([^"]+)"`)

// netlifyCSP is the Content-Security-Policy the demo's netlify.toml sends.
func netlifyCSP(t *testing.T) string {
	t.Helper()
	b, err := os.ReadFile("../../netlify.toml")
	if err != nil {
		t.Fatal(err)
	}
	m := cspRE.FindSubmatch(b)
	if m == nil {
		t.Fatal("netlify.toml sets no Content-Security-Policy")
	}
	return string(m[1])
}

// browserErrors collects what a tab reports as going wrong: console
// errors, uncaught exceptions, failed loads and error log entries (CSP
// violations, 404s of subresources).
type browserErrors struct {
	mu   sync.Mutex
	errs []string
}

func (b *browserErrors) add(format string, args ...any) {
	b.mu.Lock()
	b.errs = append(b.errs, fmt.Sprintf(format, args...))
	b.mu.Unlock()
}

func (b *browserErrors) take() []string {
	b.mu.Lock()
	defer b.mu.Unlock()
	e := b.errs
	b.errs = nil
	return e
}

func watchErrors(t *testing.T, ctx context.Context) *browserErrors {
	t.Helper()
	b := &browserErrors{}
	err := chromedp.Listen(ctx, func(ev any) {
		switch e := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.ConsoleAPICalledTypeError {
				b.add("console.error")
			}
		case *runtime.EventExceptionThrown:
			b.add("exception: %s", e.ExceptionDetails.Text)
		case *log.EventEntryAdded:
			if e.Entry.Level == log.EntryLevelError {
				b.add("log: %s %s", e.Entry.Text, e.Entry.URL)
			}
		case *network.EventLoadingFailed:
			b.add("load failed: %s %s", e.Type, e.ErrorText)
		}
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, err := range []error{
		call(ctx, network.Enable, network.EnableParams{}),
		call(ctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}),
		call(ctx, log.Enable, cdp.Empty{}),
		call(ctx, runtime.Enable, cdp.Empty{}),
	} {
		if err != nil {
			t.Fatal(err)
		}
	}
	return b
}

func call[P, R any](ctx context.Context, cmd cdp.Command[P, R], p P) error {
	_, err := chromedp.Call(ctx, cmd, p)
	return err
}

// subPathPages are one page of every kind the demo site has, as paths
// under the site root.
func subPathPages(t *testing.T, res *Result, out string) []string {
	t.Helper()
	pages := []string{"index.html", "stats/index.html", "branches/index.html", "search/index.html?q=" + "党建"}
	for _, sec := range res.Site.Sections {
		pages = append(pages, sec.URL+"index.html")
		if len(sec.Pages) > 0 {
			pages = append(pages, sec.Pages[0].File())
		}
	}
	for _, pattern := range []string{"branches/*/index.html", "tags/index.html", "tags/*/index.html", "years/index.html", "years/*/index.html", "notices/page/2/index.html"} {
		m, err := filepath.Glob(filepath.Join(out, filepath.FromSlash(pattern)))
		if err != nil || len(m) == 0 {
			t.Fatalf("the demo site has no %s", pattern)
		}
		rel, _ := filepath.Rel(out, m[0])
		pages = append(pages, filepath.ToSlash(rel))
	}
	return pages
}

// TestSubPathPagesMakeNoFailedRequests opens a page of every kind under a
// sub-path, behind a server that answers 404 outside it: no page may ask
// for anything that fails (the browser's own /favicon.ico included, which
// it asks the server root for when a page declares no icon) or log an
// error to the console.
func TestSubPathPagesMakeNoFailedRequests(t *testing.T) {
	ctx := browsertest.New(t)
	out := filepath.Join(t.TempDir(), "public")
	res := buildTo(t, demoSite(t, nil), out)
	srv := newSubPathServer(t, out)
	errs := watchErrors(t, ctx)
	p := themePage{t, ctx}
	for _, f := range subPathPages(t, res, out) {
		p.do(chromedp.Navigate(srv.URL + subPath + f))
		if strings.HasPrefix(f, "search/") {
			waitFor(t, ctx, `document.querySelectorAll('#search-results .search-result').length > 0`)
		}
		icons := eval[[]string](p, `[...document.querySelectorAll('link[rel~=icon]')].map(l => l.href)`)
		if len(icons) == 0 {
			t.Errorf("%s declares no icon", f)
		}
		// Headless Chromium may not fetch icons itself: ask for them here.
		for _, u := range icons {
			if st := httpStatus(t, u); st != http.StatusOK {
				t.Errorf("%s: icon %s: status %d", f, u, st)
			}
		}
		time.Sleep(100 * time.Millisecond) // late requests (icons) are made after load
		for _, e := range errs.take() {
			t.Errorf("%s: %s", f, e)
		}
		for _, e := range srv.takeFailed() {
			t.Errorf("%s: request %s", f, e)
		}
	}
}

// TestDeepNotFoundPage asks for an address four levels below the site
// root under a sub-path: the server answers with 404.html, whose
// stylesheet, icon and scripts must load and whose links must all lead to
// pages that exist. This needs base_url (for its path, /sub/).
func TestDeepNotFoundPage(t *testing.T) {
	ctx := browsertest.New(t)
	out := filepath.Join(t.TempDir(), "public")
	buildTo(t, demoSite(t, func(cfg string) string {
		return "base_url = \"https://dj.example.com" + subPath + "\"\n" + cfg
	}), out)
	srv := newSubPathServer(t, out)
	errs := watchErrors(t, ctx)
	p := themePage{t, ctx}
	p.do(chromedp.Navigate(srv.URL + subPath + "a/b/c/missing"))
	if got := srv.takeFailed(); len(got) != 1 || got[0] != "404 "+subPath+"a/b/c/missing" {
		t.Errorf("requests that failed: %q (want only the missing page itself)", got)
	}
	for _, e := range errs.take() {
		if !strings.Contains(e, "404") { // the page's own status is logged as an error
			t.Error(e)
		}
	}
	if h1 := eval[string](p, `document.querySelector("h1").textContent`); h1 != "页面不存在" {
		t.Errorf("h1 %q, want the 404 page", h1)
	}
	// The theme's stylesheet colours the page; unstyled, it is transparent.
	if bg := eval[string](p, `getComputedStyle(document.body).backgroundColor`); bg == "rgba(0, 0, 0, 0)" {
		t.Error("the 404 page is unstyled: its stylesheet did not load")
	}
	links := eval[[]string](p, `[...document.querySelectorAll('a[href], link[href], script[src]')].map(e => e.href || e.src).filter(u => !u.includes('#'))`)
	if len(links) < 5 {
		t.Fatalf("only %d links on the 404 page", len(links))
	}
	for _, u := range links {
		if !strings.HasPrefix(u, srv.URL+subPath) {
			t.Errorf("link %s leaves the site", u)
		} else if st := httpStatus(t, u); st != http.StatusOK {
			t.Errorf("link %s: status %d", u, st)
		}
	}
}

func httpStatus(t *testing.T, u string) int {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// waitFor polls a JavaScript condition for up to 10 s.
func waitFor(t *testing.T, ctx context.Context, cond string) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		ok, err := chromedp.Run(ctx, chromedp.Evaluate[bool](cond))
		if err == nil && ok {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("timed out waiting for %s", cond)
}

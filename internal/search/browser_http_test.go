package search

import (
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/pubgen/pubgen/internal/browsertest"
)

// TestBrowserHTTPSubpathCSP serves the site under a sub-path with a strict
// Content-Security-Policy: search.js must find its files relative to its
// own URL and needs neither inline script, eval nor fetch.
func TestBrowserHTTPSubpathCSP(t *testing.T) {
	docs := genCorpus(150)
	ix := openIndex(t, docs)
	files, err := ix.Export()
	if err != nil {
		t.Fatal(err)
	}
	dir := writeSite(t, files)
	var (
		mu         sync.Mutex
		violations []string
	)
	mux := http.NewServeMux()
	fs := http.StripPrefix("/intranet/portal/", http.FileServer(http.Dir(dir)))
	mux.Handle("/intranet/portal/", http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Security-Policy", "default-src 'self'; script-src 'self'; connect-src 'none'; report-uri /csp")
		fs.ServeHTTP(w, r)
	}))
	mux.HandleFunc("/csp", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		violations = append(violations, r.URL.String())
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	ctx := browsertest.New(t)
	openPage(t, ctx, srv.URL+"/intranet/portal/search/index.html?q=%E5%85%9A%E5%BB%BA&type=study")
	want, _ := ix.Search("党建", Query{Type: "study"})
	if len(want) == 0 {
		t.Fatal("the corpus has no study page about 党建")
	}
	poll(t, ctx, "results over http", `(document.querySelector('.search-summary') || {}).textContent === '找到 `+strconv.Itoa(len(want))+` 条结果'`)
	href := eval[string](t, ctx, `document.querySelector('#search-results .search-result-title').href`)
	if wantURL := srv.URL + "/intranet/portal/" + want[0].URL; href != wantURL {
		t.Errorf("first result links to %s, want %s", href, wantURL)
	}
	if srcs := eval[[]string](t, ctx, `[...document.scripts].map(s => s.src).filter(s => !s.startsWith(`+jsLiteral(t, srv.URL+"/intranet/portal/")+`))`); len(srcs) > 0 {
		t.Errorf("scripts loaded from outside the site: %q", srcs)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(violations) > 0 {
		t.Errorf("CSP violations: %s", strings.Join(violations, ", "))
	}
}

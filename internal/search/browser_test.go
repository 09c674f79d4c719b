package search

import (
	"context"
	"encoding/json"
	"html"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// clientJS is the browser client under test, read from the theme.
const clientJS = "../../themes/default/assets/search.js"

const testPage = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>测试</title></head><body>
<header><form class="search-form" role="search" action="search/index.html" LABELS><input type="search" name="q" placeholder="搜索" aria-label="搜索"></form></header>
<main><h1>首页</h1></main>
<script src="assets/search.js" defer></script></body></html>`

const testSearchPage = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>搜索</title></head><body>
<header><form class="search-form" role="search" action="index.html" LABELS><input type="search" name="q" placeholder="搜索" aria-label="搜索"></form></header>
<main><div id="search-app"></div></main>
<script src="../assets/search.js" defer></script></body></html>`

// writeSite lays out a minimal site in a temporary folder: the exported
// search files, the client script and two pages. It returns the folder.
func writeSite(t testing.TB, files map[string][]byte) string {
	t.Helper()
	dir := t.TempDir()
	js, err := os.ReadFile(clientJS)
	if err != nil {
		t.Fatal(err)
	}
	labels := themeLabels(t)
	all := map[string][]byte{
		"index.html":        []byte(strings.Replace(testPage, "LABELS", labels, 1)),
		"search/index.html": []byte(strings.Replace(testSearchPage, "LABELS", labels, 1)),
		"assets/search.js":  js,
	}
	for k, v := range files {
		all[k] = v
	}
	for name, b := range all {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

// themeLabels is the UI's labels as data-label-* attributes, made from the
// default theme's Chinese strings as its layouts make them: search_x_y is
// data-label-x-y, status_s is data-label-status-s, and search the box's
// own name, data-label-query. The test pages carry all of them on the
// search form; the theme splits them between the form and #search-app.
func themeLabels(t testing.TB) string {
	t.Helper()
	b, err := os.ReadFile("../../themes/default/i18n/zh-CN.toml")
	if err != nil {
		t.Fatal(err)
	}
	var attrs []string
	for _, m := range regexp.MustCompile(`(?m)^(search|search_\w+|status_\w+) = "(.*)"$`).FindAllStringSubmatch(string(b), -1) {
		name := strings.ReplaceAll(strings.TrimPrefix(m[1], "search_"), "_", "-")
		if m[1] == "search" {
			name = "query"
		}
		v, err := strconv.Unquote(`"` + m[2] + `"`)
		if err != nil {
			t.Fatal(err)
		}
		attrs = append(attrs, "data-label-"+name+`="`+html.EscapeString(v)+`"`)
	}
	return strings.Join(attrs, " ")
}

func fileURL(dir, page string) string {
	return (&url.URL{Scheme: "file", Path: filepath.ToSlash(filepath.Join(dir, page))}).String()
}

// openPage navigates to page and waits for the client to be defined.
func openPage(t testing.TB, ctx context.Context, u string) {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	if _, err := chromedp.Run(sctx, chromedp.Navigate(u)); err != nil {
		t.Fatalf("navigate %s: %v", u, err)
	}
	// Right after a navigation the old execution context can still be
	// addressed; retry until the new page answers.
	for {
		_, err := chromedp.Run(sctx, chromedp.Poll[bool](`!!(window.__pubgenSearch && window.__pubgenSearch.ready)`))
		if err == nil {
			return
		}
		if sctx.Err() != nil {
			t.Fatalf("search.js did not start on %s: %v", u, err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// eval runs a JavaScript expression (awaiting a promise) and decodes its
// JSON result into T.
func eval[T any](t testing.TB, ctx context.Context, expr string) T {
	t.Helper()
	sctx, cancel := context.WithTimeout(ctx, 60*time.Second)
	defer cancel()
	raw, err := chromedp.Run(sctx, chromedp.Evaluate[string](`Promise.resolve(`+expr+`).then(JSON.stringify)`, chromedp.EvalAwaitPromise))
	if err != nil {
		t.Fatalf("evaluating %.200s: %v", expr, err)
	}
	var v T
	if err := json.Unmarshal([]byte(raw), &v); err != nil {
		t.Fatalf("decoding result of %.200s: %v (%.300s)", expr, err, raw)
	}
	return v
}

func jsLiteral(t testing.TB, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

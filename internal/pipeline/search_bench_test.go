package pipeline

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"net/http/httptest"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/pubgen/pubgen/internal/browsertest"
	"github.com/pubgen/pubgen/internal/corpus"
	"github.com/pubgen/pubgen/internal/measure"
	"github.com/pubgen/pubgen/internal/publish"
	"github.com/pubgen/pubgen/internal/search"
)

var searchFigures = flag.Bool("search-figures", false, "measure the search figures of the closing note on the 10,000-page corpus (minutes; see TestSearchFigures)")

var searchBytes = flag.Bool("search-bytes", false, "measure only the bytes a browser loads per query, and the index, on the 10,000-page corpus (see TestSearchBytes)")

// Environment of a child process of TestSearchFigures.
const (
	figuresSite  = "PUBGEN_FIGURES_SITE"
	figuresMode  = "PUBGEN_FIGURES_MODE" // "nosearch" or "search"
	figuresCache = "PUBGEN_FIGURES_CACHE"
	figuresDest  = "PUBGEN_FIGURES_DEST"
)

// buildFigures is what one measured build took.
type buildFigures struct {
	Mode    string
	Build   time.Duration // Run: read, render, and (with search) index and export
	Publish time.Duration
	PeakKiB int64 // VmHWM of the process
	Files   int
	// CPU is the child process's user and system time, which other work
	// on the machine moves less than the wall clock.
	CPU time.Duration
}

// TestSearchFigures measures, on the generated 10,000-page corpus, what
// search adds to a build and what a browser loads to answer a query:
//
//	go test ./internal/pipeline -run '^TestSearchFigures$' -search-figures -v -timeout 30m
//
// Each build runs in a fresh child process (this test binary again), so
// that its peak memory is its own: once without search, once with a cold
// index, once more with the index warm. It also times the command line
// under /usr/bin/time -v, the way an operator would measure it:
//
//	/usr/bin/time -v pubgen build --source DIR --dest DIR/public --now 2026-11-25
//
// Then it serves the output over http (file:// reports no sizes) and counts,
// from the browser's resource timing, the requests and bytes of search
// files that the search page and the header's dropdown load for a common
// two-character word, a rare name and a four-character phrase.
func TestSearchFigures(t *testing.T) {
	if !*searchFigures {
		t.Skip("slow: run with -search-figures")
	}
	site := t.TempDir()
	if err := corpus.Write(site, corpus.Generate(10000, 1)); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(site, "themes"), os.DirFS("../../themes")); err != nil {
		t.Fatal(err)
	}
	// Twice each, alternating, as other work on the machine moves the
	// times; the last build finds its index warm.
	var cache, out string
	for i, mode := range []string{"nosearch", "search", "nosearch", "search", "search"} {
		if i != 4 {
			cache = t.TempDir()
		}
		out = filepath.Join(t.TempDir(), "public")
		f := childBuild(t, site, mode, cache, out)
		t.Logf("in-process %-8s build %6.1f s, publish %5.1f s, peak RSS %4d MiB, %d files (index %s)",
			f.Mode, f.Build.Seconds(), f.Publish.Seconds(), f.PeakKiB>>10, f.Files, map[bool]string{true: "warm", false: "cold"}[i == 4])
	}
	cliFigures(t, site)
	queryFigures(t, cache, out)
}

// TestSearchBytes is the part of TestSearchFigures that a change to the
// shards needs: one build of the 10,000-page corpus with a cold index (its
// time and the index's size on disk), then the bytes per query:
//
//	go test ./internal/pipeline -run '^TestSearchBytes$' -search-bytes -v -timeout 30m
func TestSearchBytes(t *testing.T) {
	if !*searchBytes {
		t.Skip("slow: run with -search-bytes")
	}
	site := t.TempDir()
	if err := corpus.Write(site, corpus.Generate(10000, 1)); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(site, "themes"), os.DirFS("../../themes")); err != nil {
		t.Fatal(err)
	}
	cache, out := t.TempDir(), filepath.Join(t.TempDir(), "public")
	f := childBuild(t, site, "search", cache, out)
	t.Logf("in-process search build %6.1f s (cold index), CPU of the process %6.1f s, peak RSS %4d MiB, %d files", f.Build.Seconds(), f.CPU.Seconds(), f.PeakKiB>>10, f.Files)
	size, err := measure.DirSize(cache)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("index on disk: %.2f MiB", float64(size)/(1<<20))
	queryFigures(t, cache, out)
}

// queryFigures reports the shards of the build in out and, for the closing
// note's queries, what the search page and the dropdown load.
func queryFigures(t *testing.T, cache, out string) {
	t.Helper()
	ix, err := search.Open(cache)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	shardFigures(t, out)
	queries := []struct{ what, q string }{
		{"common two-character word", "党建"},
		{"rare term", rareName(t, ix)},
		{"four-character phrase", "主题党日"},
		{"three-character phrase", "党支部"},
		{"five-character phrase", "组织生活会"},
		{"six-character phrase", "党风廉政建设"},
		{"two words", "党员 学习"},
		{"digits and Han", "2025年"},
	}
	ctx := browsertest.New(t)
	srv := httptest.NewServer(staticFiles(out))
	defer srv.Close()
	for _, q := range queries {
		hits, err := ix.Search(q.q, search.Query{})
		if err != nil {
			t.Fatal(err)
		}
		if len(hits) == 0 {
			t.Logf("%s %s finds no page: not measured", q.what, q.q)
			continue
		}
		for _, where := range []string{"search page", "dropdown"} {
			loaded, span := browserLoads(t, ctx, srv.URL+"/", q.q, where)
			var body, transfer, gz int64
			for _, r := range loaded {
				body += r.Body
				transfer += r.Transfer
				gz += gzipSize(t, filepath.Join(out, "search", r.File))
			}
			t.Logf("%s %s (%d pages), %s: %d requests, %.1f KiB body, %.1f KiB on the wire (uncompressed server), %.1f KiB if gzipped, %.0f ms from first request to last byte: %v",
				q.what, q.q, len(hits), where, len(loaded), kib(body), kib(transfer), kib(gz), span, fileNames(loaded))
		}
	}
}

// TestSearchFiguresChild is one build of TestSearchFigures, run in a
// child process; it does nothing in a normal test run.
func TestSearchFiguresChild(t *testing.T) {
	site := os.Getenv(figuresSite)
	if site == "" {
		t.Skip("run by TestSearchFigures")
	}
	mode := os.Getenv(figuresMode)
	start := time.Now()
	res, err := Run(os.DirFS(site), Options{Now: demoNow, NoSearch: mode == "nosearch", SearchCache: os.Getenv(figuresCache)})
	if err != nil {
		t.Fatal(err)
	}
	built := time.Since(start)
	start = time.Now()
	if _, err := publish.Publish(os.Getenv(figuresDest), res.Entries); err != nil {
		t.Fatal(err)
	}
	f := buildFigures{Mode: mode, Build: built, Publish: time.Since(start), PeakKiB: vmHWM(t), Files: len(res.Entries)}
	b, _ := json.Marshal(f)
	fmt.Printf("figures: %s\n", b)
}

func childBuild(t *testing.T, site, mode, cache, dest string) buildFigures {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(exe, "-test.run", "^TestSearchFiguresChild$", "-test.count", "1", "-test.v")
	cmd.Env = append(os.Environ(), figuresSite+"="+site, figuresMode+"="+mode, figuresCache+"="+cache, figuresDest+"="+dest)
	outb, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("child build (%s): %v\n%s", mode, err, outb)
	}
	m := regexp.MustCompile(`figures: (\{.*\})`).FindSubmatch(outb)
	if m == nil {
		t.Fatalf("child build (%s) printed no figures:\n%s", mode, outb)
	}
	var f buildFigures
	if err := json.Unmarshal(m[1], &f); err != nil {
		t.Fatal(err)
	}
	f.CPU = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	return f
}

// vmHWM is the process's peak resident set size.
func vmHWM(t *testing.T) int64 {
	t.Helper()
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		t.Fatal(err)
	}
	var kb int64
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "VmHWM:") {
			fmt.Sscanf(strings.TrimPrefix(l, "VmHWM:"), "%d", &kb)
		}
	}
	return kb
}

// cliFigures builds pubgen and times two builds of site (a cold index in
// the site's cache folder, then a warm one) under /usr/bin/time -v.
func cliFigures(t *testing.T, site string) {
	t.Helper()
	if _, err := os.Stat("/usr/bin/time"); err != nil {
		t.Log("no /usr/bin/time: command-line figures skipped")
		return
	}
	bin := filepath.Join(t.TempDir(), "pubgen")
	if out, err := exec.Command("go", "build", "-o", bin, "../../cmd/pubgen").CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for _, run := range []string{"cold index", "warm index"} {
		cmd := exec.Command("/usr/bin/time", "-v", bin, "build", "--source", site, "--dest", filepath.Join(site, "public"), "--now", "2026-11-25")
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("pubgen build: %v\n%s", err, out)
		}
		var wall, rss string
		sc := bufio.NewScanner(bytes.NewReader(out))
		for sc.Scan() {
			l := strings.TrimSpace(sc.Text())
			if v, ok := strings.CutPrefix(l, "Elapsed (wall clock) time (h:mm:ss or m:ss): "); ok {
				wall = v
			}
			if v, ok := strings.CutPrefix(l, "Maximum resident set size (kbytes): "); ok {
				rss = v
			}
		}
		t.Logf("pubgen build (%s): wall %s, max RSS %s KiB", run, wall, rss)
	}
}

// shardFigures reports the count and bytes of the exported search files.
func shardFigures(t *testing.T, out string) {
	t.Helper()
	var n int
	var size, gz int64
	dir := filepath.Join(out, "search")
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".js") {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		n++
		size += fi.Size()
		gz += gzipSize(t, p)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("search shards: %d files, %.2f MiB (%.2f MiB gzipped, each file alone)", n, float64(size)/(1<<20), float64(gz)/(1<<20))
}

func gzipSize(t *testing.T, p string) int64 {
	t.Helper()
	data, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	w, _ := gzip.NewWriterLevel(&b, gzip.DefaultCompression)
	w.Write(data)
	w.Close()
	return int64(b.Len())
}

// rareName is the two-character person's name (a surname and a
// one-character given name, as the corpus writes them) that the fewest
// pages contain.
func rareName(t *testing.T, ix *search.Index) string {
	t.Helper()
	best, fewest := "", 0
	for _, s := range strings.Split("王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯许沈曹", "") {
		for _, g := range strings.Split("静磊敏浩凯远晴东", "") {
			hits, err := ix.Search(s+g, search.Query{})
			if err != nil {
				t.Fatal(err)
			}
			if n := len(hits); n > 0 && (best == "" || n < fewest) {
				best, fewest = s+g, n
			}
		}
	}
	if best == "" {
		t.Fatal("no name found in the corpus")
	}
	return best
}

// loadedFile is one search file the browser fetched.
type loadedFile struct {
	File           string
	Transfer, Body int64
}

func kib(n int64) float64 { return float64(n) / 1024 }

func fileNames(l []loadedFile) []string {
	var s []string
	for _, f := range l {
		s = append(s, f.File)
	}
	return s
}

// browserLoads answers q in a fresh tab with the cache off, on the search
// page or in the header's dropdown of the home page, and returns the search
// files the browser fetched, from its resource timing, and the
// milliseconds from the first one's start to the last one's end.
func browserLoads(t *testing.T, ctx context.Context, root, q, where string) ([]loadedFile, float64) {
	t.Helper()
	tctx, cancel := chromedp.NewContext(ctx)
	defer cancel()
	b := tab{t, tctx}
	if _, err := chromedp.Call(tctx, network.Enable, network.EnableParams{}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(tctx, network.SetCacheDisabled, network.SetCacheDisabledParams{CacheDisabled: true}); err != nil {
		t.Fatal(err)
	}
	if where == "search page" {
		b.open(root + "search/index.html?q=" + url.QueryEscape(q))
		b.wait("results", `document.querySelectorAll('#search-results .search-result').length > 0`)
	} else {
		b.open(root + "index.html")
		if _, err := chromedp.Call(tctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
			t.Fatal(err)
		}
		// The query arrives as one input event, as an IME commits a Chinese
		// word: typed a key per character, each prefix long enough to outlast
		// the dropdown's debounce on a busy machine ran a query of its own
		// (党, then 党建), and the figure depended on the machine's load.
		b.do(chromedp.Focus(`form.search-form input[name=q]`))
		if _, err := chromedp.Call(tctx, input.InsertText, input.InsertTextParams{Text: q}); err != nil {
			t.Fatal(err)
		}
		b.wait("dropdown results", `document.querySelectorAll('.search-dropdown .search-result').length > 0`)
	}
	const entries = `performance.getEntriesByType('resource').filter(e => e.name.includes('/search/') && e.name.endsWith('.js'))`
	var l []loadedFile
	b.value(entries+`.map(e => ({File: e.name.split('/').pop(), Transfer: e.transferSize, Body: e.encodedBodySize}))`, &l)
	var span float64
	b.value(`(es => Math.max(...es.map(e => e.responseEnd)) - Math.min(...es.map(e => e.startTime)))(`+entries+`)`, &span)
	return l, span
}

package pipeline

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/pubgen/pubgen"
	"github.com/pubgen/pubgen/internal/publish"
	"github.com/pubgen/pubgen/internal/scaffold"
)

// TestEmptySite: the site `pubgen init --empty` writes builds without an
// error or a warning and publishes no page (its examples are drafts), every
// link of its pages resolves, its HTML is valid, and the statistics and
// branches pages say that there is nothing yet instead of showing empty
// charts or "暂无内容" next to five configured branches. With --drafts the
// examples build too, so an author can preview them.
func TestEmptySite(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	opts := scaffold.Options{Starter: pubgen.Starter, Module: pubgen.Module, Pin: scaffold.Pin{Version: scaffold.DevelVersion}, Empty: true, Now: demoNow}
	if _, err := scaffold.Init(dir, opts); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "public")
	res := buildTo(t, dir, out)
	if len(res.Report.Warnings) > 0 {
		t.Errorf("warnings: %q", res.Report.Warnings)
	}
	for typ, n := range res.Report.Pages {
		if n != 0 {
			t.Errorf("%d %s page(s) published; the examples are drafts", n, typ)
		}
	}
	if n := checkLinks(t, out, false); n < 50 {
		t.Errorf("only %d links checked", n)
	}

	stats := mainText(t, filepath.Join(out, "stats", "index.html"))
	if want := "数据统计 网站还没有发布任何内容，暂无可统计的数据。"; !strings.HasPrefix(stats, want) {
		t.Errorf("statistics page: %q\nwant it to begin %q", stats, want)
	}
	if page, _ := os.ReadFile(filepath.Join(out, "stats", "index.html")); bytes.Contains(page, []byte("<svg")) || bytes.Contains(page, []byte("<table")) {
		t.Error("the statistics page of an empty site still draws charts or tables")
	}
	want := "党支部 机关第一党支部 0 生产运营党支部 0 技术研发党支部 0 市场营销党支部 0 离退休党支部 0"
	if got := mainText(t, filepath.Join(out, "branches", "index.html")); got != want {
		t.Errorf("branches page: %q\nwant %q", got, want)
	}
	t.Run("html", func(t *testing.T) { validateHTML(t, out) })

	t.Run("drafts", func(t *testing.T) {
		res, err := Run(os.DirFS(dir), Options{Now: demoNow, Drafts: true})
		if err != nil {
			t.Fatalf("build --drafts: %v", err)
		}
		drafts := filepath.Join(t.TempDir(), "public")
		if _, err := publish.Publish(drafts, res.Entries); err != nil {
			t.Fatal(err)
		}
		for _, typ := range []string{"notice", "disclosure", "study", "showcase"} {
			if res.Report.Pages[typ] != 1 {
				t.Errorf("%d %s example(s) with --drafts, want 1", res.Report.Pages[typ], typ)
			}
		}
		checkLinks(t, drafts, false)
		if got := mainText(t, filepath.Join(drafts, "branches", "index.html")); !strings.Contains(got, "机关第一党支部 4 生产运营党支部 0") {
			t.Errorf("branches page with the examples: %q", got)
		}
	})
}

// mainText is the text of a page's <main>, runs of white space as one space.
func mainText(t *testing.T, file string) string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	z := html.NewTokenizer(bytes.NewReader(data))
	var b strings.Builder
	depth := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return strings.Join(strings.Fields(b.String()), " ")
		case html.StartTagToken:
			if name, _ := z.TagName(); (string(name) == "main" || depth > 0) && !voidElements[string(name)] {
				depth++
			}
			b.WriteString(" ")
		case html.EndTagToken:
			if depth > 0 {
				depth--
			}
			b.WriteString(" ")
		case html.TextToken:
			if depth > 0 {
				b.Write(z.Text())
			}
		}
	}
}

// voidElements have no end tag, so they do not nest.
var voidElements = map[string]bool{"area": true, "br": true, "col": true, "embed": true, "hr": true, "img": true, "input": true, "link": true, "meta": true, "source": true, "wbr": true}

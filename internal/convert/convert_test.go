package convert

import (
	"fmt"
	"net/url"
	"path"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/pubgen/pubgen/internal/config"
	"github.com/pubgen/pubgen/internal/markup"
	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/page"
	"github.com/pubgen/pubgen/internal/site"
)

// testSite is the site graph of the content files (path → text) and
// bundle files (path → anything) given, in the default configuration.
func testSite(t testing.TB, files map[string]string) *site.Site {
	t.Helper()
	cfg := config.Default()
	var pages []*page.Page
	bundles := map[string][]string{}
	var names []string
	for p := range files {
		names = append(names, p)
	}
	sort.Strings(names)
	for _, p := range names {
		if strings.HasSuffix(p, ".md") {
			pg, l := page.Parse(p, []byte(files[p]), cfg.Location)
			if l.HasErrors(false) {
				t.Fatal(l)
			}
			pages = append(pages, pg)
			continue
		}
		dir := path.Dir(p)
		bundles[dir] = append(bundles[dir], path.Base(p))
	}
	s, l := site.Build(cfg, pages, bundles, site.Options{Now: time.Date(2024, 8, 1, 0, 0, 0, 0, cfg.Location)})
	if l.HasErrors(false) {
		t.Fatal(l)
	}
	return s
}

var twoPages = map[string]string{
	"content/notices/a.md":         "---\ntitle: 甲\ndate: 2024-07-01\n---\n## 议程\n\n见[乙](../study/b/index.md)。\n",
	"content/study/b/index.md":     "---\ntitle: 乙\ndate: 2024-07-01\n---\n[报告](report.pdf)，[议程](../../notices/a.md#议程)，[缺](../../notices/a.md#无此节)，[无](nothere.md)。\n",
	"content/study/b/report.pdf":   "pdf",
	"content/study/b/unlinked.pdf": "pdf",
}

// TestAll: links to pages are rewritten relative to the page's file, a
// missing anchor and a missing page are errors at their line, and a bundle
// publishes only the files its text links (the other is a warning).
func TestAll(t *testing.T) {
	s := testSite(t, twoPages)
	l := All(s, markup.New(markup.Options{}), nil, nil)
	b := s.BySource("content/study/b/index.md")
	if got := string(b.Content); !strings.Contains(got, `href="../../notices/a/index.html#%E8%AE%AE%E7%A8%8B"`) {
		t.Errorf("link to a page's anchor not rewritten:\n%s", got)
	}
	if b.PlainText != "报告，议程，缺，无。" {
		t.Errorf("PlainText = %q", b.PlainText)
	}
	var lines []string
	for _, d := range l {
		lines = append(lines, d.In(msg.Printer{Lang: msg.English}))
	}
	got := strings.Join(lines, "\n")
	for _, want := range []string{"content/study/b/index.md:5: link \"nothere.md\": no such page", "content/study/b/index.md:5: link \"../../notices/a.md#无此节\"", "unlinked.pdf: warning: not linked"} {
		if !strings.Contains(got, want) {
			t.Errorf("diagnostics lack %q:\n%s", want, got)
		}
	}
	if len(l) != 3 {
		t.Errorf("want 3 problems, got %d:\n%s", len(l), got)
	}
	if strings.Join(b.Files, ",") != "report.pdf" {
		t.Errorf("bundle files published: %v, want report.pdf only", b.Files)
	}
}

// TestMemo: a second conversion through the memo gives the same nodes and
// problems as the first, and a changed Markdown option is a miss.
func TestMemo(t *testing.T) {
	var m Memo
	first := testSite(t, twoPages)
	l1 := All(first, markup.New(markup.Options{}), nil, &m)
	second := testSite(t, twoPages)
	l2 := All(second, markup.New(markup.Options{}), nil, &m)
	if fmt.Sprint(l1) != fmt.Sprint(l2) {
		t.Errorf("problems differ through the memo:\n%v\n%v", l1, l2)
	}
	for i, n := range first.Pages {
		if n.Content != second.Pages[i].Content || n.PlainText != second.Pages[i].PlainText {
			t.Errorf("%s converted differently through the memo", n.Path)
		}
	}
	raw := map[string]string{"content/notices/r.md": "---\ntitle: 甲\ndate: 2024-07-01\n---\n<span onclick=\"x()\">点</span>\n"}
	All(testSite(t, raw), markup.New(markup.Options{Unsafe: true}), nil, &m)
	s := testSite(t, raw)
	All(s, markup.New(markup.Options{}), nil, &m)
	if strings.Contains(string(s.Pages[0].Content), "onclick") {
		t.Error("markdown.unsafe switched off: the memo answered with the unsafe conversion")
	}
}

// FuzzResolve holds the link rewriter's promises for any destination an
// author writes: a destination it accepts without a problem, rewritten
// into a path, stays inside the published site; and nothing that was not
// already a javascript: link becomes one.
func FuzzResolve(f *testing.F) {
	for _, d := range []string{"../notices/a.md", "../notices/a.md#议程", "/notices/a.md", "report.pdf", "/files/rules.pdf",
		"../../../../etc/passwd", "/study/b/", "javascript:alert(1)", "#议程", "%2e%2e/%2e%2e/x.md", "//evil.example/x", "./report.pdf#p=2", "a/../report.pdf"} {
		f.Add(d, false)
		f.Add(d, true)
	}
	s := testSite(f, twoPages)
	All(s, markup.New(markup.Options{}), []string{"files/rules.pdf"}, nil)
	n := s.BySource("content/study/b/index.md")
	static := map[string]bool{"files/rules.pdf": true}
	f.Fuzz(func(t *testing.T, dest string, pretty bool) {
		out, _, problem := resolve(s, n, dest, static, pretty)
		if isJS(out) && !isJS(dest) {
			t.Fatalf("resolve(%q) = %q became a javascript: link", dest, out)
		}
		if !problem.IsZero() || out == "" || schemeRE.MatchString(out) || strings.HasPrefix(out, "//") {
			return
		}
		raw, _, _ := strings.Cut(out, "#")
		p, err := url.PathUnescape(raw)
		if err != nil {
			t.Fatalf("resolve(%q) = %q, not a valid address", dest, out)
		}
		if p == "" {
			return
		}
		if at := path.Join(path.Dir(n.File()), p); at == ".." || strings.HasPrefix(at, "../") || path.IsAbs(p) {
			t.Fatalf("resolve(%q) = %q, which leaves the site from %s", dest, out, n.File())
		}
	})
}

func isJS(s string) bool {
	s = strings.ToLower(strings.TrimLeft(s, " \t\r\n\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"))
	return strings.HasPrefix(s, "javascript:") || strings.HasPrefix(s, "vbscript:")
}

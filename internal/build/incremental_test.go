package build

import (
	"bytes"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/pubgen/pubgen/internal/corpus"
	"github.com/pubgen/pubgen/internal/search"
	"github.com/pubgen/pubgen/internal/source"
	"github.com/pubgen/pubgen/internal/watch"
)

var soak = flag.Int("soak", 0, "run the convergence test for this many edits instead of the short default")

// TestConvergence is the guarantee of incremental rebuilds: after any
// sequence of edits, seen through the real watcher on a real folder, the
// session's output equals a clean full build of the same input byte for
// byte — search shards included. `go test ./internal/build -run
// Convergence -soak 500` runs a long version.
func TestConvergence(t *testing.T) {
	steps := 24
	if *soak > 0 {
		steps = *soak
	}
	dir := t.TempDir()
	if err := corpus.Write(dir, corpus.Generate(30, 7)); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(dir, "themes"), os.DirFS("../../themes")); err != nil {
		t.Fatal(err)
	}
	ix, err := search.Open(filepath.Join(t.TempDir(), "index"))
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	w, err := watch.New(dir, source.InputFolders(), watch.Options{Debounce: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	opts := Options{Now: demoNow}
	sess := NewSession(os.DirFS(dir), Options{Now: demoNow, Index: ix})
	if _, _, _, err := sess.Build(); err != nil {
		t.Fatal(err)
	}
	e := &editor{t: t, dir: dir, rnd: rand.New(rand.NewPCG(7, 11))}
	for step := 0; step < steps; step++ {
		what := e.random()
		if !waitBatch(w, 10*time.Second) {
			t.Fatalf("step %d (%s): the watcher reported nothing", step, what)
		}
		res, got, changed, err := sess.Build()
		if err != nil {
			t.Fatalf("step %d (%s): incremental build: %v", step, what, err)
		}
		full, err := Run(os.DirFS(dir), opts)
		if err != nil {
			t.Fatalf("step %d (%s): full build: %v", step, what, err)
		}
		want, err := full.Files()
		if err != nil {
			t.Fatal(err)
		}
		if diff := compareFiles(want, got); diff != "" {
			t.Fatalf("step %d (%s): incremental output differs from a full build: %s", step, what, diff)
		}
		t.Logf("step %2d %-28s %3d templates run, %3d files changed", step, what, res.Report.Rendered, len(changed))
	}
}

func waitBatch(w *watch.Watcher, timeout time.Duration) bool {
	select {
	case <-w.Batches():
		return true
	case <-time.After(timeout):
		return false
	}
}

func compareFiles(want, got map[string][]byte) string {
	var diffs []string
	for p, data := range want {
		g, ok := got[p]
		switch {
		case !ok:
			diffs = append(diffs, "missing "+p)
		case !bytes.Equal(g, data):
			diffs = append(diffs, "differs "+p)
		}
	}
	for p := range got {
		if _, ok := want[p]; !ok {
			diffs = append(diffs, "extra "+p)
		}
	}
	sort.Strings(diffs)
	if len(diffs) > 8 {
		diffs = append(diffs[:8], fmt.Sprintf("… %d in all", len(diffs)))
	}
	return strings.Join(diffs, ", ")
}

// editor makes the edits an author makes, at random but reproducibly.
type editor struct {
	t   *testing.T
	dir string
	rnd *rand.Rand
	n   int
}

func (e *editor) pages() []string {
	var out []string
	filepath.WalkDir(filepath.Join(e.dir, "content"), func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() && strings.HasSuffix(p, ".md") && !strings.HasSuffix(p, "_index.md") {
			out = append(out, p)
		}
		return nil
	})
	sort.Strings(out)
	return out
}

func (e *editor) pick() string {
	ps := e.pages()
	return ps[e.rnd.IntN(len(ps))]
}

func (e *editor) rewrite(p string, f func(string) string) {
	b, err := os.ReadFile(p)
	if err != nil {
		e.t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(f(string(b))), 0o644); err != nil {
		e.t.Fatal(err)
	}
}

func replaceField(src, field, value string) string {
	re := regexp.MustCompile(`(?m)^` + field + `:.*$`)
	if re.MatchString(src) {
		return re.ReplaceAllLiteralString(src, field+": "+value)
	}
	return strings.Replace(src, "\n---\n", "\n"+field+": "+value+"\n---\n", 1)
}

func (e *editor) random() string {
	e.n++
	branches := corpus.Branches()
	switch e.rnd.IntN(14) {
	case 0, 1, 2:
		e.rewrite(e.pick(), func(s string) string { return s + fmt.Sprintf("\n第%d次修改：补充说明一段文字。\n", e.n) })
		return "edit body"
	case 3:
		e.rewrite(e.pick(), func(s string) string {
			return replaceField(s, "title", fmt.Sprintf("%q", fmt.Sprintf("修改后的标题%d", e.n)))
		})
		return "edit title"
	case 4:
		e.rewrite(e.pick(), func(s string) string {
			return replaceField(s, "date", fmt.Sprintf("2025-%02d-%02d", 1+e.rnd.IntN(12), 1+e.rnd.IntN(28)))
		})
		return "edit date"
	case 5:
		e.rewrite(e.pick(), func(s string) string {
			return replaceField(s, "tags", fmt.Sprintf("[标签%d, 三会一课]", e.rnd.IntN(4)))
		})
		return "edit tags"
	case 6:
		e.rewrite(e.pick(), func(s string) string { return replaceField(s, "branch", branches[e.rnd.IntN(len(branches))].Name) })
		return "edit branch"
	case 7:
		p := filepath.Join(e.dir, "content", "study", fmt.Sprintf("new-%d.md", e.n))
		if err := os.WriteFile(p, []byte(fmt.Sprintf("---\ntitle: 新增学习资料%d\ndate: 2026-0%d-10\ntags: [新增]\n---\n## 要点\n\n新增的正文。\n", e.n, 1+e.rnd.IntN(9))), 0o644); err != nil {
			e.t.Fatal(err)
		}
		return "add page"
	case 8:
		ps := e.pages()
		if len(ps) < 10 {
			return e.random()
		}
		p := ps[e.rnd.IntN(len(ps))]
		if strings.HasSuffix(p, "index.md") {
			if err := os.RemoveAll(filepath.Dir(p)); err != nil {
				e.t.Fatal(err)
			}
		} else if err := os.Remove(p); err != nil {
			e.t.Fatal(err)
		}
		return "delete page"
	case 9:
		p := e.pick()
		if strings.HasSuffix(p, "index.md") {
			return e.random()
		}
		if err := os.Rename(p, strings.TrimSuffix(p, ".md")+fmt.Sprintf("-renamed%d.md", e.n)); err != nil {
			e.t.Fatal(err)
		}
		return "rename page"
	case 11:
		e.rewrite(filepath.Join(e.dir, "pubgen.toml"), func(s string) string {
			// Top-level keys must come before the first [[branches]] table.
			return fmt.Sprintf("page_size = %d\n", 2+e.rnd.IntN(6)) + regexp.MustCompile(`(?m)^page_size = .*\n`).ReplaceAllString(s, "")
		})
		return "edit config"
	case 12:
		bundles, _ := filepath.Glob(filepath.Join(e.dir, "content", "showcases", "*", "index.md"))
		if len(bundles) == 0 {
			return e.random()
		}
		p := bundles[e.rnd.IntN(len(bundles))]
		name := fmt.Sprintf("att-%d.pdf", e.n)
		if err := os.WriteFile(filepath.Join(filepath.Dir(p), name), []byte(fmt.Sprintf("%%PDF-1.4 %d", e.n)), 0o644); err != nil {
			e.t.Fatal(err)
		}
		e.rewrite(p, func(s string) string { return replaceField(s, "attachments", "[{file: "+name+", title: 附件}]") })
		return "add attachment"
	case 13:
		added, _ := filepath.Glob(filepath.Join(e.dir, "content", "study", "new-*.md"))
		if len(added) == 0 {
			return e.random()
		}
		p := added[e.rnd.IntN(len(added))]
		if err := os.Rename(p, filepath.Join(e.dir, "content", "notices", filepath.Base(p))); err != nil {
			e.t.Fatal(err)
		}
		return "move to another section"
	default:
		e.rewrite(filepath.Join(e.dir, "themes/default/layouts/partials/footer.html"), func(s string) string {
			return regexp.MustCompile(`(<p>[^<]*)(</p>)`).ReplaceAllString(s, fmt.Sprintf("${1}·%d${2}", e.n))
		})
		return "edit partial"
	}
}

// TestRenderCount counts the work of a rebuild in a 1,000-page site: a body
// edit runs the page's own template and nothing else; a title edit also
// runs the templates of the lists and pages that show the title, and no
// more than a small share of the site.
func TestRenderCount(t *testing.T) {
	dir := t.TempDir()
	if err := corpus.Write(dir, corpus.Generate(1000, 3)); err != nil {
		t.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(dir, "themes"), os.DirFS("../../themes")); err != nil {
		t.Fatal(err)
	}
	sess := NewSession(os.DirFS(dir), Options{Now: demoNow, NoSearch: true})
	first, _, _, err := sess.Build()
	if err != nil {
		t.Fatal(err)
	}
	total := first.Report.Rendered
	target := filepath.Join(dir, "content", "study", "s-00001.md")
	if _, err := os.Stat(target); err != nil {
		t.Fatal(err)
	}
	edit := func(f func(string) string) (*Result, []string) {
		b, err := os.ReadFile(target)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(target, []byte(f(string(b))), 0o644); err != nil {
			t.Fatal(err)
		}
		res, _, changed, err := sess.Build()
		if err != nil {
			t.Fatal(err)
		}
		return res, changed
	}
	// Same length of text, so the reading time shown in lists stays put.
	res, changed := edit(func(s string) string { return strings.Replace(s, "。", "！", 1) })
	if res.Report.Rendered != 1 {
		t.Errorf("body edit: %d templates run, want 1 (the page itself)", res.Report.Rendered)
	}
	if len(changed) != 1 || changed[0] != "study/s-00001/index.html" {
		t.Errorf("body edit changed %v, want only the page", changed)
	}

	res, changed = edit(func(s string) string { return replaceField(s, "title", `"改过的标题"`) })
	html := 0
	for _, c := range changed {
		if strings.HasSuffix(c, ".html") {
			html++
		}
	}
	if res.Report.Rendered < html {
		t.Errorf("title edit: %d templates run but %d pages changed", res.Report.Rendered, html)
	}
	if res.Report.Rendered > total/20 {
		t.Errorf("title edit: %d of %d templates run; want only the pages that show the title", res.Report.Rendered, total)
	}
	t.Logf("of %d templates: body edit ran 1, title edit ran %d (%d pages changed)", total, res.Report.Rendered, html)
}

// TestRebuildTermCount is the case the long convergence run found: a date
// edit moves a page into a year beyond the first list page, so page 1
// lists the same pages but shows a new count.
func TestRebuildTermCount(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"pubgen.toml":          "title = \"t\"\npage_size = 2\n",
		"content/notices/a.md": "---\ntitle: 甲\ndate: 2026-05-01\n---\n",
		"content/notices/b.md": "---\ntitle: 乙\ndate: 2026-04-01\n---\n",
		"content/notices/c.md": "---\ntitle: 丙\ndate: 2026-03-01\n---\n",
		"content/notices/d.md": "---\ntitle: 丁\ndate: 2025-03-01\n---\n",
		"content/notices/e.md": "---\ntitle: 戊\ndate: 2025-02-01\n---\n", // 2025 stays a year
	}
	for p, data := range files {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, p)), 0o755)
		os.WriteFile(filepath.Join(dir, p), []byte(data), 0o644)
	}
	if err := os.CopyFS(filepath.Join(dir, "themes"), os.DirFS("../../themes")); err != nil {
		t.Fatal(err)
	}
	opts := Options{Now: demoNow, NoSearch: true}
	sess := NewSession(os.DirFS(dir), opts)
	if _, _, _, err := sess.Build(); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "content/notices/d.md"), []byte("---\ntitle: 丁\ndate: 2026-01-01\n---\n"), 0o644)
	_, got, _, err := sess.Build()
	if err != nil {
		t.Fatal(err)
	}
	full, err := Run(os.DirFS(dir), opts)
	if err != nil {
		t.Fatal(err)
	}
	want, _ := full.Files()
	if diff := compareFiles(want, got); diff != "" {
		t.Errorf("after moving a page into 2026: %s", diff)
	}
}

// TestRebuildFollowsTheClock: the dev server builds with the wall clock, so
// a rebuild with nothing edited must still follow statuses that changed
// with time — a meeting that started, a publicity period that ended.
func TestRebuildFollowsTheClock(t *testing.T) {
	dir := t.TempDir()
	files := map[string]string{
		"pubgen.toml":              "title = \"t\"\n",
		"content/notices/m.md":     "---\ntitle: 支委会\ndate: 2026-11-20\nmeeting: {kind: 支委会, start: 2026-11-26 10:00, end: 2026-11-26 11:00}\n---\n",
		"content/disclosures/d.md": "---\ntitle: 公示\ndate: 2026-11-20\npublicity: {start: 2026-11-20, end: 2026-11-26}\ncontact: {phone: 0571-8765 0000}\n---\n",
		"content/notices/other.md": "---\ntitle: 其他通知\ndate: 2026-11-01\n---\n",
	}
	for p, data := range files {
		os.MkdirAll(filepath.Dir(filepath.Join(dir, p)), 0o755)
		os.WriteFile(filepath.Join(dir, p), []byte(data), 0o644)
	}
	if err := os.CopyFS(filepath.Join(dir, "themes"), os.DirFS("../../themes")); err != nil {
		t.Fatal(err)
	}
	shanghai, _ := time.LoadLocation("Asia/Shanghai")
	sess := NewSession(os.DirFS(dir), Options{NoSearch: true})
	for _, now := range []time.Time{
		time.Date(2026, 11, 26, 9, 30, 0, 0, shanghai),  // the meeting is ahead
		time.Date(2026, 11, 26, 10, 30, 0, 0, shanghai), // the same day: it is on
		time.Date(2026, 11, 26, 11, 30, 0, 0, shanghai), // over
		time.Date(2026, 11, 27, 9, 0, 0, 0, shanghai),   // the publicity has ended too
	} {
		sess.opts.Now = now
		_, got, _, err := sess.Build()
		if err != nil {
			t.Fatal(err)
		}
		full, err := Run(os.DirFS(dir), Options{NoSearch: true, Now: now})
		if err != nil {
			t.Fatal(err)
		}
		want, _ := full.Files()
		if diff := compareFiles(want, got); diff != "" {
			t.Errorf("at %v: %s", now, diff)
		}
	}
}

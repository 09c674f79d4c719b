package render

import (
	"bytes"
	"html/template"
	"slices"
	"strconv"
	"testing"
	"testing/fstest"
	"time"

	"github.com/pubgen/pubgen/internal/config"
	"github.com/pubgen/pubgen/internal/layout"
	"github.com/pubgen/pubgen/internal/page"
	"github.com/pubgen/pubgen/internal/site"
)

// recordSite is a two-page site whose study page has the given title and
// body, its text converted as the build would.
func recordSite(t *testing.T, studyTitle, body string) *site.Site {
	t.Helper()
	cfg := config.Default()
	day := time.Date(2026, 7, 1, 0, 0, 0, 0, cfg.Location)
	pages := []*page.Page{
		{Path: "content/notices/n.md", Kind: page.KindPage, Section: "notices", Type: page.Notice, Title: "通知", Date: day, Tags: []string{"学习"}},
		{Path: "content/study/s.md", Kind: page.KindPage, Section: "study", Type: page.Study, Title: studyTitle, Date: day, Body: []byte(body), Tags: []string{"学习"}},
		{Path: "content/study/u.md", Kind: page.KindPage, Section: "study", Type: page.Study, Title: "学习二", Date: day.AddDate(0, 0, 1)},
	}
	for _, p := range pages {
		p.Sum = page.Version(p.Path, append([]byte(p.Title), p.Body...), cfg.Location)
	}
	s, l := site.Build(cfg, pages, nil, site.Options{Now: day})
	if len(l) != 0 {
		t.Fatal(l)
	}
	for _, n := range s.Pages {
		n.Content = template.HTML("<p>" + string(n.Body) + "</p>")
		n.PlainText = string(n.Body)
	}
	return s
}

// renderAs runs text as the layout of the output file of s and returns
// what it wrote and what it read.
func renderAs(t *testing.T, s *site.Site, file, text string) (string, []key) {
	t.Helper()
	for _, j := range Plan(s, &Options{}) {
		if j.Data.File != file {
			continue
		}
		tm := template.Must(template.New("").Funcs(Funcs(time.UTC)).Parse(text))
		var b bytes.Buffer
		if err := tm.Execute(&b, j.Data); err != nil {
			t.Fatalf("%s: %v", text, err)
		}
		return b.String(), j.Data.rec.sorted()
	}
	t.Fatalf("no job writes %s", file)
	return "", nil
}

// TestRecordedReadsFollowWhatWasPrinted: for layouts reading all kinds of
// things, a site edit changes the version of what the layout read exactly
// when it changes what the layout writes — the output itself is the
// oracle. An unchanged version with a changed output would be a stale
// file in a session; the converse, a wasted render.
func TestRecordedReadsFollowWhatWasPrinted(t *testing.T) {
	const notice = "notices/n/index.html"
	layouts := []string{
		`{{ .Page.Title }}{{ .Page.Content }}`,
		`{{ range .Site.Pages }}{{ .Title }}{{ end }}`,
		`{{ range .Site.Pages }}{{ .Content }}{{ end }}`,
		`{{ range .Site.Pages }}{{ .Page.Title }}{{ truncate 3 .PlainText }}{{ end }}`,
		`{{ len .Site.Pages }}`,
		`{{ with .Site.Section "study" }}{{ range .Pages }}{{ .Title }}{{ end }}{{ end }}`,
		`{{ with .Site.Section "notices" }}{{ range .Pages }}{{ .Title }}{{ end }}{{ end }}`,
		`{{ range .Site.Sections }}{{ .URL }}{{ .Index.Title }}{{ end }}`,
		`{{ with .Site.BySource "content/study/s.md" }}{{ .PlainText }}{{ end }}`,
		`{{ with .Site.BySource "content/study/s.md" }}{{ .Prev.Title }}{{ end }}`,
		`{{ range .Page.Related }}{{ .Title }}{{ end }}`,
		`{{ range .Site.Tags.Terms }}{{ .Name }}{{ range .Pages }}{{ .Title }}{{ end }}{{ end }}`,
		`{{ range .Site.Tags.Terms }}{{ .Name }} {{ len .Pages }}{{ end }}`,
		`{{ with .Site.Section "study" }}{{ with index .Pages 0 }}{{ $.Link . }}{{ $.ReadingMinutes . }}{{ end }}{{ end }}`,
		`{{ .Site.Config.Title }}{{ .Kind }}{{ .File }}`,
	}
	before := recordSite(t, "旧标题", "旧的正文")
	edits := map[string]*site.Site{
		"title":         recordSite(t, "新标题", "旧的正文"),
		"body":          recordSite(t, "旧标题", "新的正文"),
		"both the same": recordSite(t, "旧标题", "旧的正文"),
	}
	for _, text := range layouts {
		out, reads := renderAs(t, before, notice, text)
		was := NewVersions(before, &Options{}, nil, nil).sum(reads)
		for edit, after := range edits {
			now, _ := renderAs(t, after, notice, text)
			is := NewVersions(after, &Options{}, nil, nil).sum(reads)
			if printed, versioned := now != out, is != was; printed != versioned {
				t.Errorf("%s, %s edit: output changed %v, version of its reads changed %v (reads %v)", text, edit, printed, versioned, reads)
			}
		}
	}
}

// TestReadsAreRecordedOncePerView: a template reading many fields of a
// page records each aspect once, whatever the number of fields.
func TestReadsAreRecordedOncePerView(t *testing.T) {
	s := recordSite(t, "标题", "正文")
	_, reads := renderAs(t, s, "notices/n/index.html", `{{ .Page.Title }}{{ .Page.Date }}{{ .Page.Tags }}{{ .Page.Branch }}{{ .Page.Content }}{{ .Page.TOC }}`)
	want := []key{{kMeta, "content/notices/n.md"}, {kTitle, "content/notices/n.md"}, {kBody, "content/notices/n.md"}}
	if !slices.Equal(reads, want) {
		t.Errorf("recorded %v, want %v", reads, want)
	}
}

// TestTemplatesAndStringsRecordedPerOutput: an output records the
// templates it entered and the strings it used, so a partial's edit
// changes the version of the outputs that called it and of no other, and a
// string's edit only of the outputs that printed it.
func TestTemplatesAndStringsRecordedPerOutput(t *testing.T) {
	files := func(partial, strings string) fstest.MapFS {
		return fstest.MapFS{
			"themes/default/layouts/_default/baseof.html": {Data: []byte(`<title>{{ .Title }}</title>{{ block "main" . }}{{ end }}`)},
			"themes/default/layouts/_default/single.html": {Data: []byte(`{{ define "main" }}{{ if eq .Page.Type "study" }}{{ template "partials/study.html" . }}{{ end }}{{ T "published" }}{{ end }}`)},
			"themes/default/layouts/partials/study.html":  {Data: []byte(partial)},
			"themes/default/i18n/zh-CN.toml":              {Data: []byte(strings)},
		}
	}
	s := recordSite(t, "标题", "正文")
	type result struct {
		out  map[string]string
		read map[string][]key
		v    *Versions
	}
	build := func(fsys fstest.MapFS) result {
		l, err := layout.Load(fsys, "default", "zh-CN", Funcs(time.UTC))
		if err != nil {
			t.Fatal(err)
		}
		jobs := Plan(s, &Options{})
		var pages []Job
		for _, j := range jobs {
			if j.Data.Kind == "page" {
				pages = append(pages, j)
			}
		}
		r := result{out: map[string]string{}, read: map[string][]key{}, v: NewVersions(s, &Options{}, l, nil)}
		var c Cache
		outs, errs := RunCached(l, pages, &c, r.v)
		if len(errs) > 0 {
			t.Fatal(errs)
		}
		for i, j := range pages {
			r.out[j.Data.File] = string(outs[i].Data)
			for _, id := range c.files[j.Data.File].reads {
				r.read[j.Data.File] = append(r.read[j.Data.File], c.keys.keys[id])
			}
		}
		return r
	}
	before := build(files(`<p>学习资料</p>`, `published = "发布于"`))
	for edit, fsys := range map[string]fstest.MapFS{
		"partial": files(`<p>学习资料（改）</p>`, `published = "发布于"`),
		"string":  files(`<p>学习资料</p>`, `published = "发布"`),
		"unused":  files(`<p>学习资料</p>`, "published = \"发布于\"\nother = \"别的\""),
	} {
		after := build(fsys)
		for file, reads := range before.read {
			printed := after.out[file] != before.out[file]
			versioned := after.v.sum(reads) != before.v.sum(reads)
			if printed != versioned {
				t.Errorf("%s edit, %s: output changed %v, version of its reads changed %v (reads %v)", edit, file, printed, versioned, reads)
			}
		}
	}
	if before.out["notices/n/index.html"] == "" || !slices.Contains(before.read["study/s/index.html"], key{kTemplate, pair("_default/single.html", "partials/study.html")}) {
		t.Errorf("the study page did not record its partial: %v", before.read["study/s/index.html"])
	}
}

// TestViewsOfOnePageAreOne: a template comparing pages (the series list
// marks the page being read with {{ if eq . $p }}) finds a page reached
// two ways equal to itself, as it found the plain node.
func TestViewsOfOnePageAreOne(t *testing.T) {
	s := recordSite(t, "标题", "正文")
	out, _ := renderAs(t, s, "notices/n/index.html", `{{ $p := .Page }}{{ range .Site.Pages }}{{ if eq . $p }}[{{ .Title }}]{{ end }}{{ end }}{{ with .Page.Parent }}{{ if eq . $p.Parent }}同一栏目{{ end }}{{ end }}`)
	if out != "[通知]同一栏目" {
		t.Errorf("got %q, want the page and its section found equal to themselves", out)
	}
}

// TestDataValueVersions: what a template reads of data/ is versioned by
// the decoded values, so values it could print or compare differently
// differ, and the same values read from other bytes do not.
func TestDataValueVersions(t *testing.T) {
	enc := func(v any) string {
		b, ok := appendValue(nil, v)
		if !ok {
			t.Fatalf("%#v: not encoded", v)
		}
		return string(b)
	}
	utc := time.Date(2026, 7, 1, 8, 0, 0, 0, time.UTC)
	for _, c := range []struct {
		a, b any
		same bool
	}{
		{int64(1), float64(1), false},
		{"1", int64(1), false},
		{true, "true", false},
		{utc, utc.In(time.FixedZone("", 8*3600)), false},
		{[]any{"a", "b"}, []any{"b", "a"}, false},
		{map[string]any{"x": int64(1), "y": "二"}, map[string]any{"y": "二", "x": int64(1)}, true},
		{map[string]any{"ab": "c"}, map[string]any{"a": "bc"}, false},
		{[]any{map[string]any{"k": nil}}, []any{map[string]any{"k": nil}}, true},
	} {
		if got := enc(c.a) == enc(c.b); got != c.same {
			t.Errorf("%#v and %#v encoded alike: %v, want %v", c.a, c.b, got, c.same)
		}
	}
	if _, ok := appendValue(nil, struct{}{}); ok {
		t.Error("an unknown kind of value was encoded; its changes could go unseen")
	}
}

// TestKeyTableCompacts: once most numbered keys are read by no file, the
// table renumbers the rest, and every file still reads the same keys in
// the same order.
func TestKeyTableCompacts(t *testing.T) {
	var tb keyTable
	var gone []key
	for i := range 10000 {
		gone = append(gone, key{kBody, "content/old/" + strconv.Itoa(i) + ".md"})
	}
	tb.number(gone)
	kept := []key{{kMeta, "content/a.md"}, {kTitle, "content/b.md"}, {kString, "home"}}
	files := map[string]cached{"a.html": {reads: tb.number(kept)}, "b.html": {reads: tb.number(kept[1:])}}
	tb.compact(files)
	if len(tb.keys) != len(kept) || len(tb.ids) != len(kept) {
		t.Fatalf("after compacting, %d keys numbered, want %d", len(tb.keys), len(kept))
	}
	for name, want := range map[string][]key{"a.html": kept, "b.html": kept[1:]} {
		var got []key
		for _, id := range files[name].reads {
			got = append(got, tb.keys[id])
		}
		if !slices.Equal(got, want) {
			t.Errorf("%s reads %v after compacting, want %v", name, got, want)
		}
	}
	if again := tb.number(kept[:1]); files["a.html"].reads[0] != again[0] {
		t.Error("a key numbered after compacting got a new number")
	}
}

// TestKeyTableLooksOnceGrown: compact looks for dead keys only after the
// table has grown by compactAfter keys since its last look, so a rebuild
// that numbers no new key does not go over every file's reads; once it
// has grown, the dead keys go.
func TestKeyTableLooksOnceGrown(t *testing.T) {
	var tb keyTable
	var old []key
	for i := range 5000 {
		old = append(old, key{kBody, "content/old/" + strconv.Itoa(i) + ".md"})
	}
	files := map[string]cached{"old.html": {reads: tb.number(old)}}
	tb.compact(files) // all live: nothing to drop
	kept := []key{{kMeta, "content/a.md"}}
	files = map[string]cached{"a.html": {reads: tb.number(kept)}}
	tb.compact(files)
	if len(tb.keys) != len(old)+1 {
		t.Fatalf("%d keys after a look with one new key, want %d: compact looked again before the table grew", len(tb.keys), len(old)+1)
	}
	var grown []key
	for i := range compactAfter {
		grown = append(grown, key{kTitle, "content/new/" + strconv.Itoa(i) + ".md"})
	}
	files["new.html"] = cached{reads: tb.number(grown)}
	tb.compact(files)
	if want := len(kept) + len(grown); len(tb.keys) != want {
		t.Fatalf("%d keys after the table grew by %d, want %d", len(tb.keys), compactAfter, want)
	}
}

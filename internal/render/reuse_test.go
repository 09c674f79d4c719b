package render

import (
	"io/fs"
	"os"
	"reflect"
	"runtime"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/pubgen/pubgen/internal/layout"
	"github.com/pubgen/pubgen/internal/site"
)

// renderAll runs every job of s with the layouts in fsys, as a session's
// first build does, and returns each output's bytes and reads.
func renderAll(t *testing.T, s *site.Site, fsys fs.FS) (map[string]string, map[string][]key) {
	t.Helper()
	l, err := layout.Load(fsys, "default", "zh-CN", Funcs(time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	jobs := Plan(s, &Options{})
	var c Cache
	outs, errs := RunCached(l, jobs, &c, NewVersions(s, &Options{}, l, nil))
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	out, reads := map[string]string{}, map[string][]key{}
	for i, j := range jobs {
		out[j.Data.File] = string(outs[i].Data)
		for _, id := range c.files[j.Data.File].reads {
			reads[j.Data.File] = append(reads[j.Data.File], c.keys.keys[id])
		}
	}
	return out, reads
}

// withoutReuse is fsys with every {{ reuse … }} of its layouts written
// as the {{ template … }} it stands for: the oracle reuse must equal.
func withoutReuse(t *testing.T, fsys fstest.MapFS) fstest.MapFS {
	t.Helper()
	out := fstest.MapFS{}
	n := 0
	for p, f := range fsys {
		text := string(f.Data)
		n += strings.Count(text, "{{ reuse ")
		out[p] = &fstest.MapFile{Data: []byte(strings.ReplaceAll(text, "{{ reuse ", "{{ template "))}
	}
	if n == 0 {
		t.Fatal("no layout calls reuse: the test tests nothing")
	}
	return out
}

// compareRenders fails for every output whose bytes or reads differ
// between the two builds.
func compareRenders(t *testing.T, s *site.Site, fsys fstest.MapFS) {
	t.Helper()
	got, gotReads := renderAll(t, s, fsys)
	want, wantReads := renderAll(t, s, withoutReuse(t, fsys))
	for file, w := range want {
		if got[file] != w {
			t.Errorf("%s with reuse:\n%s\nwith template:\n%s", file, got[file], w)
		}
		if !slices.Equal(gotReads[file], wantReads[file]) {
			t.Errorf("%s with reuse read %v\nwith template %v", file, gotReads[file], wantReads[file])
		}
	}
}

// TestReuseIsTheTemplateInTheTheme: every output of a site built with the
// default theme, which reuses its header, footer and list lines, has the
// bytes and the reads it has when each reuse is a {{ template }}: a
// session renders a file again exactly when something it printed changed,
// whichever output ran the partial first.
func TestReuseIsTheTemplateInTheTheme(t *testing.T) {
	theme := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS("../../themes/default"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile("../../themes/default/" + p)
		theme["themes/default/"+p] = &fstest.MapFile{Data: b}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	compareRenders(t, ownerSite(t, nil), theme)
}

// TestReuseAsksForWhatDiffers: a partial reading what differs between
// outputs — their kind, file, page, list, links, which page is current —
// and what does not, nested in another reused partial through With,
// writes and reads in every output what {{ template }} does.
func TestReuseAsksForWhatDiffers(t *testing.T) {
	fsys := fstest.MapFS{
		"themes/default/layouts/_default/baseof.html": {Data: []byte(`{{ reuse "partials/a.html" . }}|{{ block "main" . }}{{ end }}`)},
		"themes/default/layouts/_default/single.html": {Data: []byte(`{{ define "main" }}{{ reuse "partials/b.html" . }}{{ end }}`)},
		"themes/default/layouts/_default/list.html":   {Data: []byte(`{{ define "main" }}{{ range .Pager.Pages }}{{ reuse "partials/item.html" ($.With .) }}{{ end }}{{ reuse "partials/b.html" . }}{{ end }}`)},
		"themes/default/layouts/partials/a.html":      {Data: []byte(`{{ T "home" }}{{ .Rel "" }}{{ range .Site.Sections }}{{ $.Rel .URL }}{{ $.IsCurrent .URL }}{{ .Index.Title }}{{ end }}{{ if eq .Kind "home" }}首页{{ end }}`)},
		"themes/default/layouts/partials/b.html":      {Data: []byte(`{{ .Title }}{{ .File }}{{ with .Page }}{{ .Title }}{{ $.Link . }}{{ end }}{{ with .Pager }}{{ .Number }}{{ end }}{{ .Canonical }}{{ .ListsDisclosures }}{{ with .Term }}{{ .Name }}{{ end }}{{ with .Taxonomy }}{{ .Name }}{{ end }}`)},
		"themes/default/layouts/partials/item.html":   {Data: []byte(`{{ with .Item }}{{ $.Link . }}{{ .Title }}{{ $.Asset "style.css" }}{{ reuse "partials/status.html" ($.With .) }}{{ end }}`)},
		"themes/default/layouts/partials/status.html": {Data: []byte(`{{ with .Item }}{{ with $.PublicitySpan . }}{{ .State }}{{ end }}{{ $.Kind }}{{ end }}`)},
		"themes/default/layouts/index.html":           {Data: []byte(`{{ define "main" }}{{ range .Pager.Pages }}{{ reuse "partials/item.html" ($.With .) }}{{ end }}{{ end }}`)},
		// Only the tag's list reads its pages' titles before the lines
		// that it shares with the year's list (both at the same depth).
		"themes/default/layouts/_default/term.html": {Data: []byte(`{{ define "main" }}{{ if eq .Term.Name "学习" }}{{ range .Pager.Pages }}{{ .Title }}{{ end }}{{ end }}` +
			`{{ range .Pager.Pages }}{{ reuse "partials/item.html" ($.With .) }}{{ end }}{{ reuse "partials/b.html" . }}{{ end }}`)},
	}
	for _, name := range []string{"_default/taxonomy.html", "alias.html", "search.html", "stats.html", "catalogue.html", "404.html"} {
		fsys["themes/default/layouts/"+name] = &fstest.MapFile{Data: []byte(`{{ define "main" }}{{ reuse "partials/b.html" . }}{{ end }}`)}
	}
	// One worker renders in plan order, so the tag's list runs the
	// lines first.
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	compareRenders(t, ownerSite(t, nil), fsys)
}

// TestSharedHasEveryNameOfData: a partial written for an output's *Data
// runs unchanged on the *Shared that reuse gives it, so Shared has a
// method for every field and method of Data, of the same type (Shared
// for Data).
func TestSharedHasEveryNameOfData(t *testing.T) {
	dataT, sharedT := reflect.TypeFor[*Data](), reflect.TypeFor[*Shared]()
	same := func(a, b reflect.Type) bool {
		return a == b || a == dataT && b == sharedT
	}
	for i := range dataT.Elem().NumField() {
		f := dataT.Elem().Field(i)
		if !f.IsExported() {
			continue
		}
		m, ok := sharedT.MethodByName(f.Name)
		if !ok || m.Type.NumIn() != 1 || m.Type.NumOut() != 1 || !same(f.Type, m.Type.Out(0)) {
			t.Errorf("Shared has no method %s() %v", f.Name, f.Type)
		}
	}
	for i := range dataT.NumMethod() {
		dm := dataT.Method(i)
		sm, ok := sharedT.MethodByName(dm.Name)
		if !ok || sm.Type.NumIn() != dm.Type.NumIn() || sm.Type.NumOut() != dm.Type.NumOut() {
			t.Errorf("Shared has no method %s %v", dm.Name, dm.Type)
			continue
		}
		for k := 1; k < dm.Type.NumIn(); k++ {
			if !same(dm.Type.In(k), sm.Type.In(k)) {
				t.Errorf("Shared.%s takes %v, Data's %v", dm.Name, sm.Type.In(k), dm.Type.In(k))
			}
		}
		for k := range dm.Type.NumOut() {
			if !same(dm.Type.Out(k), sm.Type.Out(k)) {
				t.Errorf("Shared.%s returns %v, Data's %v", dm.Name, sm.Type.Out(k), dm.Type.Out(k))
			}
		}
	}
}

package render

import (
	"html/template"
	"io"
	"reflect"
	"testing"
	"time"

	"github.com/pubgen/pubgen/internal/config"
	"github.com/pubgen/pubgen/internal/page"
	"github.com/pubgen/pubgen/internal/site"
)

func readsSite(t *testing.T, studyTitle string) *site.Site {
	return readsSiteBody(t, studyTitle, "正文")
}

func readsSiteBody(t *testing.T, studyTitle, body string) *site.Site {
	t.Helper()
	cfg := config.Default()
	day := time.Date(2026, 7, 1, 0, 0, 0, 0, cfg.Location)
	pages := []*page.Page{
		{Path: "content/notices/n.md", Kind: page.KindPage, Section: "notices", Type: page.Notice, Title: "通知", Date: day},
		{Path: "content/study/s.md", Kind: page.KindPage, Section: "study", Type: page.Study, Title: studyTitle, Date: day, Body: []byte(body)},
	}
	s, l := site.Build(cfg, pages, nil, site.Options{Now: day})
	if len(l) != 0 {
		t.Fatal(l)
	}
	return s
}

// TestSiteViewRecordsReads runs templates against .Site and checks what
// each recorded, and that the recorded version follows a title edit only
// where the template could see it.
func TestSiteViewRecordsReads(t *testing.T) {
	cases := []struct {
		tmpl  string
		reads []string
		title bool // does a study title edit change what was read?
	}{
		{`{{ range .Site.Pages }}{{ .Title }}{{ end }}`, []string{readPages}, true},
		{`{{ range .Site.Sections }}{{ .URL }}{{ .Index.Title }}{{ end }}`, []string{readSecIndex + "notices", readSecIndex + "study", readSections}, false},
		{`{{ with .Site.Section "study" }}{{ range .Pages }}{{ .Title }}{{ end }}{{ end }}`, []string{readSecPages + "study", readSection + "study"}, true},
		{`{{ with .Site.Section "notices" }}{{ range .Pages }}{{ .Title }}{{ end }}{{ end }}`, []string{readSecPages + "notices", readSection + "notices"}, false},
		{`{{ .Site.Config.Title }}`, []string{}, false},
		{`{{ .Site.Now }}`, []string{readNow}, false},
		{`{{ range .Site.Data.branches }}{{ . }}{{ end }}`, []string{readData}, false},
		{`{{ range .Site.Tags.Terms }}{{ .Name }}{{ end }}`, []string{readTaxonomy + "tags"}, false},
	}
	before, after := readsSite(t, "旧"), readsSite(t, "新")
	prints := func(s *site.Site) *Fingerprints {
		return NewFingerprints(s, &Options{}, [32]byte{}, nil, nil)
	}
	fpBefore, fpAfter := prints(before), prints(after)
	for _, c := range cases {
		d := &Data{Site: newSiteView(before, nil), opts: &Options{}}
		tm := template.Must(template.New("").Parse(c.tmpl))
		if err := tm.Execute(io.Discard, d); err != nil {
			t.Fatalf("%s: %v", c.tmpl, err)
		}
		got := d.Site.reads()
		if !reflect.DeepEqual(got, c.reads) {
			t.Errorf("%s recorded %q, want %q", c.tmpl, got, c.reads)
		}
		b, ok1 := fpBefore.readsSum(got)
		a, ok2 := fpAfter.readsSum(got)
		if !ok1 || !ok2 {
			t.Errorf("%s: a recorded key has no version", c.tmpl)
		}
		if changed := a != b; changed != c.title {
			t.Errorf("%s: version changed by a study title edit = %v, want %v", c.tmpl, changed, c.title)
		}
	}
	if _, ok := fpBefore.readsSum([]string{"no-such-read"}); ok {
		t.Error("an unknown key has a version; a file that read it would never be rendered again")
	}
}

// TestSitePagesRecordsBodies: .Site.Pages hands out whole pages, so a body
// edit changes what a file that ranged over it read; a section's list is
// read as summaries and does not change.
func TestSitePagesRecordsBodies(t *testing.T) {
	fp := func(body string) *Fingerprints {
		s := readsSiteBody(t, "标题", body)
		for _, n := range s.Pages {
			n.Content = template.HTML("<p>" + string(n.Body) + "</p>")
		}
		return NewFingerprints(s, &Options{}, [32]byte{}, nil, nil)
	}
	before, after := fp("旧正文"), fp("新正文")
	for key, want := range map[string]bool{readPages: true, readSecPages + "study": false, readSummaries: false} {
		b, _ := before.readsSum([]string{key})
		a, _ := after.readsSum([]string{key})
		if changed := a != b; changed != want {
			t.Errorf("%s: version changed by a body edit = %v, want %v", key, changed, want)
		}
	}
}

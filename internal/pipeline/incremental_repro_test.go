package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/source"
)

// writeSite writes files (slash paths) under dir with the repository's
// default theme beside them.
func writeSite(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for p, data := range files {
		writeFile(t, filepath.Join(dir, p), data)
	}
	if err := os.CopyFS(filepath.Join(dir, "themes"), os.DirFS("../../themes")); err != nil {
		t.Fatal(err)
	}
}

func writeFile(t *testing.T, p, data string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

// sameAsClean rebuilds sess and fails the test unless its output equals a
// clean build of dir.
func sameAsClean(t *testing.T, sess *Session, dir string, opts Options, what string) map[string][]byte {
	t.Helper()
	_, got, _, err := sess.Build()
	if err != nil {
		t.Fatalf("%s: incremental build: %v", what, err)
	}
	full, err := Run(os.DirFS(dir), opts)
	if err != nil {
		t.Fatalf("%s: full build: %v", what, err)
	}
	want, err := full.Files()
	if err != nil {
		t.Fatal(err)
	}
	if diff := compareFiles(want, got); diff != "" {
		t.Errorf("%s: incremental output differs from a clean build: %s", what, diff)
	}
	return got
}

// fileTimes are the two ways a session learns that a file is unchanged:
// an old modification time it trusts on its stat alone, and a fresh one
// (within the racy window) that makes it read the file again. Each
// reproduction runs under both.
var fileTimes = []struct {
	name string
	old  bool
}{{"trusted stat", true}, {"read again", false}}

// stampAll gives every file under dir a modification time: distinct ones
// an hour and more in the past when old, else the present.
func stampAll(t *testing.T, dir string, old bool) {
	t.Helper()
	when := time.Now().Add(-time.Hour)
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		when = when.Add(time.Second)
		if !old {
			when = time.Now()
		}
		return os.Chtimes(p, when, when)
	})
	if err != nil {
		t.Fatal(err)
	}
}

// TestRebuildOverrideReadingSitePages: a site's own single layout lists
// every page's title through .Site.Pages, which the theme never does. A
// title edit must reach every page rendered with it.
func TestRebuildOverrideReadingSitePages(t *testing.T) {
	for _, ft := range fileTimes {
		t.Run(ft.name, func(t *testing.T) {
			dir := t.TempDir()
			writeSite(t, dir, map[string]string{
				"pubgen.toml":                  "title = \"t\"\n",
				"layouts/_default/single.html": "<!doctype html><title>{{ .Title }}</title><ul>{{ range .Site.Pages }}<li>{{ .Title }}{{ .Content }}</li>{{ end }}</ul>\n",
				"content/study/s.md":           "---\ntitle: 旧标题\ndate: 2026-05-01\n---\n正文。\n",
				"content/notices/n.md":         "---\ntitle: 通知\ndate: 2026-05-02\n---\n正文。\n",
			})
			stampAll(t, dir, ft.old)
			opts := Options{Now: demoNow, NoSearch: true}
			sess := NewSession(os.DirFS(dir), opts)
			if _, _, _, err := sess.Build(); err != nil {
				t.Fatal(err)
			}
			writeFile(t, filepath.Join(dir, "content/study/s.md"), "---\ntitle: 新标题\ndate: 2026-05-01\n---\n正文。\n")
			stampAll(t, dir, ft.old)
			got := sameAsClean(t, sess, dir, opts, "after a title edit")
			if n := string(got["notices/n/index.html"]); !strings.Contains(n, "新标题") {
				t.Errorf("the notice page does not show the new title: %s", n)
			}
			writeFile(t, filepath.Join(dir, "content/study/s.md"), "---\ntitle: 新标题\ndate: 2026-05-01\n---\n改过的正文。\n")
			stampAll(t, dir, ft.old)
			got = sameAsClean(t, sess, dir, opts, "after a body edit")
			if n := string(got["notices/n/index.html"]); !strings.Contains(n, "改过的正文") {
				t.Errorf("the notice page does not show the new body: %s", n)
			}
		})
	}
}

// TestRebuildMarkdownUnsafeOff: switching raw HTML off in a running session
// must convert again the pages that had it, also when their files are
// trusted on their stat: the conversion depends on the options too.
func TestRebuildMarkdownUnsafeOff(t *testing.T) {
	for _, ft := range fileTimes {
		t.Run(ft.name, func(t *testing.T) {
			dir := t.TempDir()
			page := "---\ntitle: 通知\ndate: 2026-05-02\n---\n<span onclick=\"alert(1)\">点我</span>\n"
			writeSite(t, dir, map[string]string{
				"pubgen.toml":          "title = \"t\"\n[markdown]\nunsafe = true\n",
				"content/notices/n.md": page,
			})
			stampAll(t, dir, ft.old)
			opts := Options{Now: demoNow, NoSearch: true}
			sess := NewSession(os.DirFS(dir), opts)
			first, _, _, err := sess.Build()
			if err != nil {
				t.Fatal(err)
			}
			if f, _ := first.Files(); !strings.Contains(string(f["notices/n/index.html"]), "onclick") {
				t.Fatal("with unsafe = true the span should be published as written")
			}
			writeFile(t, filepath.Join(dir, "pubgen.toml"), "title = \"t\"\n[markdown]\nunsafe = false\n")
			got := sameAsClean(t, sess, dir, opts, "after unsafe = false")
			for p, data := range got {
				if strings.Contains(string(data), "onclick") {
					t.Errorf("unsafe = false still publishes onclick in %s", p)
				}
			}
			writeFile(t, filepath.Join(dir, "pubgen.toml"), "title = \"t\"\n[markdown]\nunsafe = true\n")
			got = sameAsClean(t, sess, dir, opts, "after unsafe = true again")
			if !strings.Contains(string(got["notices/n/index.html"]), "onclick") {
				t.Error("unsafe = true again does not publish the span")
			}
		})
	}
}

// TestLinkOutOfSiteRefusedInEveryInput: a symbolic link leading outside
// the site is refused in every input of source's one list (i18n/ was once
// followed while content/ was refused; archetypes/ was never checked).
func TestLinkOutOfSiteRefusedInEveryInput(t *testing.T) {
	outside := filepath.Join(t.TempDir(), "secret.toml")
	writeFile(t, outside, "home = \"机密\"\n")
	places := []string{"i18n/zh-CN.toml"}
	for _, in := range source.Inputs() {
		switch {
		case in.Path == source.ConfigFile:
			places = append(places, in.Path)
		case in.InTheme:
			places = append(places, in.Path+"/leak.toml", source.ThemeDir("default")+"/"+in.Path+"/leak.toml")
		default:
			places = append(places, in.Path+"/leak.toml")
		}
	}
	for _, p := range places {
		t.Run(p, func(t *testing.T) {
			dir := t.TempDir()
			writeSite(t, dir, map[string]string{
				"pubgen.toml":          "title = \"t\"\n",
				"content/notices/n.md": "---\ntitle: 通知\ndate: 2026-05-02\n---\n正文。\n",
			})
			link := filepath.Join(dir, filepath.FromSlash(p))
			if err := os.MkdirAll(filepath.Dir(link), 0o755); err != nil {
				t.Fatal(err)
			}
			os.Remove(link)
			if err := os.Symlink(outside, link); err != nil {
				t.Skipf("cannot make a symbolic link here: %v", err)
			}
			_, err := Run(os.DirFS(dir), Options{Now: demoNow, NoSearch: true})
			if err == nil || !strings.Contains(err.Error(), p+": "+msg.Printer{}.Sprint(msg.SymlinkOutside)) {
				t.Errorf("build with %s linked outside the site: got %v, want it refused", p, err)
			}
		})
	}
}

// TestRebuildTimezoneWithOldFiles: a page whose file is older than the
// racy window is taken from the session's cache on its stat alone; a
// timezone change must still read its dates again (found by the
// convergence test once it set file times).
func TestRebuildTimezoneWithOldFiles(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, map[string]string{
		"pubgen.toml":          "title = \"t\"\ntimezone = \"Asia/Shanghai\"\n",
		"content/notices/n.md": "---\ntitle: 通知\ndate: 2026-05-02\nmeeting: {kind: 支委会, start: 2026-05-10 14:30}\n---\n正文。\n",
	})
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(filepath.Join(dir, "content/notices/n.md"), old, old); err != nil {
		t.Fatal(err)
	}
	opts := Options{Now: demoNow, NoSearch: true}
	sess := NewSession(os.DirFS(dir), opts)
	if _, _, _, err := sess.Build(); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "pubgen.toml"), "title = \"t\"\ntimezone = \"UTC\"\n")
	got := sameAsClean(t, sess, dir, opts, "after a timezone change")
	if n := string(got["notices/n/index.html"]); !strings.Contains(n, "2026-05-10T14:30:00Z") {
		t.Errorf("the meeting is not at 14:30 UTC: %s", n)
	}
}

// TestRebuildOverrideReadingPastTheModel: a site's own layouts read what
// the fingerprints do not hash for a file of their kind — a sibling list,
// the body of a neighbour or of a listed page, a term's whole list, the
// home page's summary on a term page. Each must still follow every edit.
func TestRebuildOverrideReadingPastTheModel(t *testing.T) {
	base := "<!doctype html><title>{{ .Title }}</title>"
	cases := map[string]map[string]string{
		"siblings":       {"layouts/_default/single.html": base + "<ul>{{ range .Page.Parent.Pages }}<li>{{ .Title }}</li>{{ end }}</ul>\n"},
		"section bodies": {"layouts/_default/single.html": base + `{{ with .Site.Section "study" }}{{ range .Pages }}{{ .Content }}{{ end }}{{ end }}` + "\n"},
		"next body":      {"layouts/_default/single.html": base + "{{ with .Page.Next }}{{ .Content }}{{ end }}{{ with .Page.Prev }}{{ .PlainText }}{{ end }}\n"},
		"listed bodies":  {"layouts/_default/list.html": base + "{{ range .Pager.Pages }}{{ .Content }}{{ end }}\n"},
		"term list":      {"layouts/_default/term.html": base + "{{ range .Term.Pages }}{{ .Title }}{{ end }}\n"},
		"home summary":   {"layouts/_default/term.html": base + "{{ .Page.Summary }}\n"},
		"counts": {
			"layouts/_default/term.html":   base + "{{ .Term.Count }}\n",
			"layouts/_default/single.html": base + `{{ with .Site.Section "study" }}{{ .Count }}{{ end }}` + "\n",
		},
	}
	for name, layouts := range cases {
		for _, ft := range fileTimes {
			t.Run(name+"/"+ft.name, func(t *testing.T) {
				dir := t.TempDir()
				files := map[string]string{
					"pubgen.toml":          "title = \"t\"\npage_size = 2\n",
					"content/_index.md":    "---\ntitle: 首页\nsummary: 旧的简介\n---\n",
					"content/study/s.md":   "---\ntitle: 旧标题\ndate: 2026-05-01\ntags: [学习]\n---\n正文。\n",
					"content/study/t.md":   "---\ntitle: 学习二\ndate: 2026-05-03\ntags: [学习]\n---\n正文。\n",
					"content/study/u.md":   "---\ntitle: 学习三\ndate: 2026-05-05\ntags: [学习]\n---\n正文。\n",
					"content/study/v.md":   "---\ntitle: 学习四\ndate: 2026-05-07\ntags: [学习]\n---\n正文。\n",
					"content/notices/n.md": "---\ntitle: 通知\ndate: 2026-05-02\n---\n正文。\n",
				}
				for p, text := range layouts {
					files[p] = text
				}
				writeSite(t, dir, files)
				stampAll(t, dir, ft.old)
				opts := Options{Now: demoNow, NoSearch: true}
				sess := NewSession(os.DirFS(dir), opts)
				if _, _, _, err := sess.Build(); err != nil {
					t.Fatal(err)
				}
				for _, edit := range []struct{ file, text string }{
					{"content/study/s.md", "---\ntitle: 旧标题\ndate: 2026-05-01\ntags: [学习]\n---\n改过的正文。\n"},
					{"content/study/s.md", "---\ntitle: 新标题\ndate: 2026-05-01\ntags: [学习]\n---\n改过的正文。\n"},
					{"content/_index.md", "---\ntitle: 首页\nsummary: 新的简介\n---\n"},
					// A page leaves a term and one joins the section and the term.
					{"content/study/s.md", "---\ntitle: 新标题\ndate: 2026-05-01\ntags: [其他]\n---\n改过的正文。\n"},
					{"content/study/w.md", "---\ntitle: 学习五\ndate: 2026-05-09\ntags: [学习]\n---\n正文。\n"},
				} {
					writeFile(t, filepath.Join(dir, edit.file), edit.text)
					stampAll(t, dir, ft.old)
					sameAsClean(t, sess, dir, opts, "after editing "+edit.file)
				}
			})
		}
	}
}

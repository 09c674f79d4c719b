package pipeline

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/pubgen/pubgen/internal/msg"
)

// TestSiteDataRecordedPerOutput: a site's own layout for study pages
// reads .Site.Data; a session renders exactly those pages again when a
// data file changes, whatever its format, and the result is a clean
// build's. Under both file-time paths.
func TestSiteDataRecordedPerOutput(t *testing.T) {
	for _, ft := range fileTimes {
		t.Run(ft.name, func(t *testing.T) {
			dir := t.TempDir()
			writeSite(t, dir, map[string]string{
				"pubgen.toml":               "title = \"t\"\n",
				"layouts/study/single.html": "<!doctype html><title>{{ .Title }}</title>{{ range .Site.Data.branches.branch }}<p>{{ .name }}:{{ .members }}</p>{{ end }}{{ .Site.Data.org.office }}\n",
				"data/branches.toml":        "[[branch]]\nname = \"机关第一党支部\"\nmembers = 12\n",
				"data/org.yaml":             "office: 党委办公室\n",
				"content/study/s.md":        "---\ntitle: 学习\ndate: 2026-05-01\n---\n正文。\n",
				"content/study/t.md":        "---\ntitle: 学习二\ndate: 2026-05-03\n---\n正文。\n",
				"content/notices/n.md":      "---\ntitle: 通知\ndate: 2026-05-02\n---\n正文。\n",
			})
			stampAll(t, dir, ft.old)
			opts := Options{Now: demoNow, NoSearch: true}
			sess := NewSession(os.DirFS(dir), opts)
			first, _, _, err := sess.Build()
			if err != nil {
				t.Fatal(err)
			}
			if f, _ := first.Files(); !strings.Contains(string(f["study/s/index.html"]), "机关第一党支部:12") {
				t.Fatalf("the study page does not show the data: %s", f["study/s/index.html"])
			}
			for _, edit := range []struct{ file, text, shows string }{
				{"data/branches.toml", "[[branch]]\nname = \"机关第一党支部\"\nmembers = 13\n", "机关第一党支部:13"},
				{"data/org.yaml", "office: 组织部\n", "组织部"},
				{"data/branches.toml", "", "组织部"}, // a removed file: the range is empty
			} {
				p := filepath.Join(dir, filepath.FromSlash(edit.file))
				if edit.text == "" {
					os.Remove(p)
				} else {
					writeFile(t, p, edit.text)
				}
				stampAll(t, dir, ft.old)
				res, got, changed, err := sess.Build()
				if err != nil {
					t.Fatal(err)
				}
				if !strings.Contains(string(got["study/s/index.html"]), edit.shows) {
					t.Errorf("after editing %s the page does not show %s", edit.file, edit.shows)
				}
				if res.Report.Rendered != 2 || !slices.Equal(changed, []string{"study/s/index.html", "study/t/index.html"}) {
					t.Errorf("editing %s ran %d templates and changed %v; want the two study pages, which read .Site.Data", edit.file, res.Report.Rendered, changed)
				}
				sameAsClean(t, sess, dir, opts, "after editing "+edit.file)
			}
		})
	}
}

// TestSiteDataProblems: a data file's mistakes fail the build at its line,
// together with the content's.
func TestSiteDataProblems(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, map[string]string{
		"pubgen.toml":          "title = \"t\"\n",
		"data/branches.toml":   "[[branch]]\nname = \n",
		"data/bomb.yaml":       "a: &a [1, *a]\n",
		"content/notices/n.md": "---\ntitle: 通知\ndate: 2026-13-02\n---\n正文。\n",
	})
	_, err := Run(os.DirFS(dir), Options{Now: demoNow, NoSearch: true})
	if err == nil {
		t.Fatal("a build with broken data files succeeded")
	}
	for _, want := range []string{"data/branches.toml:2:8: 这一行的写法不对。每行写成 名称 = 值", "data/bomb.yaml:1:11: " + msg.Printer{}.Sprint(msg.SyntaxAliasLoop, "a"), "content/notices/n.md:3"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("the build's error does not say %q:\n%v", want, err)
		}
	}
}

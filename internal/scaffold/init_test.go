package scaffold_test

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/pelletier/go-toml/v2"
	"github.com/pubgen/pubgen"
	"github.com/pubgen/pubgen/internal/scaffold"
	"go.yaml.in/yaml/v3"
)

func initSite(t *testing.T, empty bool) string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "mysite")
	opts := scaffold.Options{Starter: pubgen.Starter, Module: pubgen.Module, Pin: scaffold.Pin{Version: "v1.2.0", Sum: "h1:zip="}, Empty: empty, Now: time.Date(2026, 12, 1, 9, 0, 0, 0, time.UTC)}
	if _, err := scaffold.Init(dir, opts); err != nil {
		t.Fatal(err)
	}
	return dir
}

func read(t *testing.T, dir, name string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(name)))
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestInitDeploysWithThePinnedTool: Netlify and GitLab Pages both run the
// pubgen the site's go.mod pins, and publish the folder it builds.
func TestInitDeploysWithThePinnedTool(t *testing.T) {
	dir := initSite(t, false)
	var netlify struct {
		Build struct{ Command, Publish string }
	}
	if err := toml.Unmarshal([]byte(read(t, dir, "netlify.toml")), &netlify); err != nil {
		t.Fatal(err)
	}
	if netlify.Build.Command != "go tool pubgen build" || netlify.Build.Publish != "public" {
		t.Errorf("netlify.toml [build] = %+v", netlify.Build)
	}
	var gitlab struct {
		Pages struct {
			Script    []string
			Artifacts struct{ Paths []string }
		}
	}
	if err := yaml.Unmarshal([]byte(read(t, dir, ".gitlab-ci.yml")), &gitlab); err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(gitlab.Pages.Script, []string{netlify.Build.Command}) || !slices.Equal(gitlab.Pages.Artifacts.Paths, []string{"public"}) {
		t.Errorf(".gitlab-ci.yml pages job = %+v", gitlab.Pages)
	}
	if gomod := read(t, dir, "go.mod"); !strings.Contains(gomod, "require github.com/pubgen/pubgen v1.2.0 // indirect\n") {
		t.Errorf("go.mod does not pin v1.2.0:\n%s", gomod)
	}
	readme := read(t, dir, "README.md")
	for _, want := range []string{"go tool pubgen serve", "go tool pubgen build", "共享文件夹", "robocopy", "GitLab Pages", "Netlify"} {
		if !strings.Contains(readme, want) {
			t.Errorf("the site's README lacks %q", want)
		}
	}
	if ig := read(t, dir, ".gitignore"); !strings.Contains(ig, "public/\n") || !strings.Contains(ig, ".pubgen/\n") {
		t.Errorf(".gitignore = %q", ig)
	}
}

// TestInitEmpty: no demo page, but the configuration, theme, home and
// section pages, and one draft example per type.
func TestInitEmpty(t *testing.T) {
	dir := initSite(t, true)
	var pages []string
	filepath.WalkDir(filepath.Join(dir, "content"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			pages = append(pages, filepath.ToSlash(rel))
		}
		return err
	})
	slices.Sort(pages)
	want := []string{
		"content/_index.md",
		"content/disclosures/_index.md", "content/disclosures/example.md",
		"content/notices/_index.md", "content/notices/example.md",
		"content/showcases/_index.md", "content/showcases/example/index.md",
		"content/study/_index.md", "content/study/example/index.md",
	}
	if !slices.Equal(pages, want) {
		t.Errorf("content/ = %q\nwant %q", pages, want)
	}
	ex := read(t, dir, "content/notices/example.md")
	if !strings.Contains(ex, "\ndraft: true\n") || strings.Contains(ex, "draft: false") || !strings.Contains(ex, "\n# 这是一篇示例草稿") || !strings.Contains(ex, "date: 2026-12-01\n") {
		t.Errorf("the notice example is not a commented draft:\n%s", ex)
	}
	for _, name := range []string{"pubgen.toml", "themes/default/layouts/_default/baseof.html", "go.mod"} {
		read(t, dir, name)
	}
}

// TestInitCopiesTheSiteLayouts: a new site, empty or not, gets the demo's
// own layouts/ overrides beside the theme, so it starts as the demo looks.
func TestInitCopiesTheSiteLayouts(t *testing.T) {
	want, err := fs.ReadFile(pubgen.Starter, "layouts/partials/footer.html")
	if err != nil {
		t.Fatal(err)
	}
	for _, empty := range []bool{false, true} {
		if got := read(t, initSite(t, empty), "layouts/partials/footer.html"); got != string(want) {
			t.Errorf("empty=%v: layouts/partials/footer.html differs from the starter's", empty)
		}
	}
}

// TestInitBrokenStarter: a starter without what Init needs is pubgen's own
// mistake, said as such, and nothing is written.
func TestInitBrokenStarter(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "dangjian")
	_, err := scaffold.Init(dir, scaffold.Options{Starter: fstest.MapFS{"pubgen.toml": {Data: []byte("title = \"x\"\n")}}, Module: pubgen.Module})
	want := "pubgen 自己出了错（init: the starter's netlify.toml lacks command = \"go run ./cmd/pubgen build\" (want it, to replace with command = \"go tool pubgen build\")）。这不是网站内容的问题：请把这段话发给网站的维护人员。"
	if err == nil || err.Error() != want {
		t.Errorf("got  %v\nwant %s", err, want)
	}
	if _, err := os.Stat(dir); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("%s: %v, want nothing written", dir, err)
	}
}

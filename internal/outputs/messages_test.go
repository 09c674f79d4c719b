package outputs

import (
	"errors"
	"github.com/pubgen/pubgen/internal/deniedfs"
	"os"
	"path/filepath"
	"testing"
	"testing/fstest"
	"time"

	"github.com/pubgen/pubgen/internal/config"
	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/minify"
	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/page"
	"github.com/pubgen/pubgen/internal/site"
)

// TestUnreadablePhoto: a cover that cannot be read is said at the page's
// cover line, with why, in the site's words.
func TestUnreadablePhoto(t *testing.T) {
	cfg := config.Default()
	day := time.Date(2026, 7, 1, 0, 0, 0, 0, cfg.Location)
	pages := []*page.Page{{Path: "content/showcases/p/index.md", Kind: page.KindPage, Section: "showcases", Type: page.Showcase,
		Title: "成果", Date: day, Bundle: true, BundleDir: "content/showcases/p", Cover: "封面.jpg"}}
	s, l := site.Build(cfg, pages, map[string][]string{"content/showcases/p": {"封面.jpg"}}, site.Options{Now: day})
	if len(l) != 0 {
		t.Fatal(l)
	}
	const file = "content/showcases/p/封面.jpg"
	_, warns := Prepare(deniedfs.FS{MapFS: fstest.MapFS{file: {Data: testPNG(t, 8, 8)}}, Denied: file}, s)
	if len(warns) != 1 {
		t.Fatalf("got %v, want one problem", warns)
	}
	if got, want := warns[0].String(), "content/showcases/p/index.md:1: cover: “封面.jpg”读不出来（没有权限）。请确认这张照片能打开，再把它复制一次。"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if got, want := warns[0].In(msg.Printer{Lang: msg.English}), `content/showcases/p/index.md:1: cover: "封面.jpg" cannot be read: open `+file+`: permission denied`; got != want {
		t.Errorf("in English:\n got %s\nwant %s", got, want)
	}
}

// TestAssetMistakes: a site's own script that does not parse is said, by
// the minify stage every output goes through, at its line and column as
// an author saved it on disk; the files beside it that parse are no
// problem.
func TestAssetMistakes(t *testing.T) {
	dir := t.TempDir()
	for name, data := range map[string]string{
		"assets/js/site.js":   "var a = 1;\nfunction ( {\n",
		"assets/css/site.css": "a { color: red; }\n",
	} {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	assets, err := Assets(os.DirFS(dir), []string{"assets"})
	if err != nil {
		t.Fatal(err)
	}
	err = minify.New().Outputs(assets, nil)
	text, ok := msg.TextOf(err)
	if !ok {
		t.Fatalf("got %v, want an error in the catalogue's words", err)
	}
	if got, want := (msg.Printer{}).Text(text), "assets/js/site.js:2:10: 这一行的脚本或样式写得不对，无法压缩（expected Identifier instead of ( in function declaration）。这个文件来自网站或主题的 assets/ 文件夹：请检查这里的括号、引号和分号是否成对。"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if got, want := (msg.Printer{Lang: msg.English}).Text(text), "assets/js/site.js:2:10: cannot minify: expected Identifier instead of ( in function declaration"; got != want {
		t.Errorf("in English:\n got %s\nwant %s", got, want)
	}
}

// TestUnreadableAsset: an asset that cannot be read is said at its file.
func TestUnreadableAsset(t *testing.T) {
	const file = "themes/default/assets/style.css"
	_, err := Assets(deniedfs.FS{MapFS: fstest.MapFS{file: {Data: []byte("a{}")}}, Denied: file}, []string{"assets", "themes/default/assets"})
	var de *diag.Errors
	if !errors.As(err, &de) || len(de.List) != 1 {
		t.Fatalf("got %v, want one problem", err)
	}
	if got, want := de.List[0].String(), file+": 读不出这个文件（没有权限）。请确认它能用编辑器打开，再保存一次。"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

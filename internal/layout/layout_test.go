package layout

import (
	"bytes"
	"errors"
	"fmt"
	"github.com/pubgen/pubgen/internal/deniedfs"
	"html/template"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/source"
)

func theme(extra fstest.MapFS) fstest.MapFS {
	fsys := fstest.MapFS{
		"themes/default/layouts/_default/baseof.html": {Data: []byte(`<title>{{ block "title" . }}{{ .Title }}{{ end }}</title><main>{{ block "main" . }}{{ end }}</main>`)},
		"themes/default/layouts/_default/single.html": {Data: []byte(`{{ define "main" }}theme single {{ .Title }} {{ template "partials/meta.html" . }}{{ end }}`)},
		"themes/default/layouts/_default/list.html":   {Data: []byte(`{{ define "main" }}list{{ end }}`)},
		"themes/default/layouts/partials/meta.html":   {Data: []byte(`<span>{{ T "published" }}</span>`)},
		"themes/default/layouts/alias.html":           {Data: []byte(`<a href="{{ .Title }}">go</a>`)},
		"themes/default/i18n/zh-CN.toml":              {Data: []byte(`published = "发布于"`)},
	}
	for k, v := range extra {
		fsys[k] = v
	}
	return fsys
}

func run(t *testing.T, l *Layouts, name string, data any) string {
	t.Helper()
	var b bytes.Buffer
	if err := l.Execute(&b, name, data); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

func TestBaseBlocksPartialsAndStrings(t *testing.T) {
	l, err := Load(theme(nil), "default", "zh-CN", nil)
	if err != nil {
		t.Fatal(err)
	}
	got := run(t, l, "_default/single.html", map[string]string{"Title": "<通知>"})
	want := `<title>&lt;通知&gt;</title><main>theme single &lt;通知&gt; <span>发布于</span></main>`
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if got := run(t, l, "alias.html", map[string]string{"Title": "a/b"}); got != `<a href="a/b">go</a>` {
		t.Errorf("standalone layout: %s", got)
	}
}

func TestSiteLayoutOverridesTheme(t *testing.T) {
	l, err := Load(theme(fstest.MapFS{
		"layouts/_default/single.html": {Data: []byte(`{{ define "main" }}site single{{ end }}`)},
		"layouts/notice/single.html":   {Data: []byte(`{{ define "main" }}notice{{ end }}`)},
	}), "default", "zh-CN", nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := run(t, l, "_default/single.html", map[string]string{"Title": "x"}); !strings.Contains(got, "site single") {
		t.Errorf("override not used: %s", got)
	}
	if name, _ := l.Lookup("notice/single.html", "_default/single.html"); name != "notice/single.html" {
		t.Errorf("lookup by type = %q", name)
	}
	if name, _ := l.Lookup("study/single.html", "_default/single.html"); name != "_default/single.html" {
		t.Errorf("lookup fallback = %q", name)
	}
	if got := l.Source("_default/single.html"); got != "layouts/_default/single.html" {
		t.Errorf("source of the overridden layout = %q", got)
	}
	if got := l.Source("_default/list.html"); got != "themes/default/layouts/_default/list.html" {
		t.Errorf("source of a theme layout = %q", got)
	}
	if got := strings.Join(l.SiteFiles(), " "); got != "layouts/_default/single.html layouts/notice/single.html" {
		t.Errorf("SiteFiles = %q", got)
	}
}

func TestErrorsNameFileAndLine(t *testing.T) {
	_, err := Load(theme(fstest.MapFS{
		"layouts/_default/single.html": {Data: []byte("{{ define \"main\" }}\n{{ .Title \n{{ end }}")},
	}), "default", "zh-CN", nil)
	if d := oneProblem(t, err); d.File != "layouts/_default/single.html" || d.Line != 3 || d.In(msg.Printer{Lang: msg.English}) != `layouts/_default/single.html:3: template: unexpected "{" in operand` {
		t.Errorf("parse error = %v, want file:line", err)
	}
	// As an author reads it: the template's words inside plain ones.
	if got, want := err.Error(), "layouts/_default/single.html:3: 模板这一行写得不对，网站无法生成：unexpected \"{\" in operand。请检查 {{ 和 }} 是否成对，里面的名称是否写对。\n共 1 处错误。"; got != want {
		t.Errorf("parse error in Chinese:\n got %s\nwant %s", got, want)
	}
	l, err := Load(theme(fstest.MapFS{
		"layouts/_default/single.html": {Data: []byte("{{ define \"main\" }}\n\n{{ index .Tags 5 }}{{ end }}")},
	}), "default", "zh-CN", template.FuncMap{})
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	err = l.Execute(&b, "_default/single.html", map[string][]string{"Tags": {"a"}})
	var te *TemplateError
	if !errors.As(err, &te) || te.File != "layouts/_default/single.html" || te.Line != 3 || !strings.HasPrefix(te.Detail, `executing "main" at <index .Tags 5>`) {
		t.Errorf("runtime error = %#v, want file:line", err)
	}
	_, err = Load(theme(nil), "missing", "zh-CN", nil)
	if d := oneProblem(t, err); d.String() != `pubgen.toml: theme: 找不到主题“missing”：没有 themes/missing/layouts 文件夹。请把主题文件夹放进 themes/，或改回默认主题：theme = "default"` {
		t.Errorf("missing theme error = %v", err)
	}
}

// TestPartialErrorsNameTheirFile: a partial is called by its layout name,
// and its mistakes are placed at its file.
func TestPartialErrorsNameTheirFile(t *testing.T) {
	l, err := Load(theme(fstest.MapFS{
		"layouts/partials/tags.html":   {Data: []byte("<ul>\n{{ index .Tags 5 }}</ul>")},
		"layouts/_default/single.html": {Data: []byte("{{ define \"main\" }}{{ template \"partials/tags.html\" . }}{{ end }}")},
	}), "default", "zh-CN", template.FuncMap{})
	if err != nil {
		t.Fatal(err)
	}
	err = l.Execute(io.Discard, "_default/single.html", map[string][]string{"Tags": {"a"}})
	var te *TemplateError
	if !errors.As(err, &te) || te.File != "layouts/partials/tags.html" || te.Line != 2 {
		t.Errorf("runtime error in a partial = %#v, want layouts/partials/tags.html:2", err)
	}
	_, err = Load(theme(fstest.MapFS{"layouts/partials/tags.html": {Data: []byte("<ul>\n{{ range .Tags }}</ul>")}}), "default", "zh-CN", nil)
	if d := oneProblem(t, err); d.File != "layouts/partials/tags.html" || d.Line != 2 {
		t.Errorf("parse error in a partial = %v, want layouts/partials/tags.html:2", err)
	}
}

// oneProblem is the one diagnostic err holds.
func oneProblem(t *testing.T, err error) diag.Diagnostic {
	t.Helper()
	var de *diag.Errors
	if !errors.As(err, &de) || len(de.List) != 1 {
		t.Fatalf("got %v, want one problem", err)
	}
	return de.List[0]
}

// TestStringsBombs: i18n files are TOML, which has no aliases; depth and
// size are what could stall a build, and a mistake is named by its line.
func TestStringsBombs(t *testing.T) {
	const file = "themes/default/i18n/zh-CN.toml"
	cases := []struct{ name, src, want string }{
		{"deep arrays", "published = \"发布于\"\nx = " + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "\n",
			file + ":2:10005: nests too deep: arrays and inline tables are nested more than the maximum of 10000 levels deep"},
		{"huge", "published = \"发布于\"\n" + strings.Repeat("k = \"v\"\n", 200_000), file + ": is 1562 KB (want under 1024 KB"},
		{"not text", "published = \"发布于\"\nsearch = 3\n", file + ":2:"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := Load(theme(fstest.MapFS{file: {Data: []byte(c.src)}}), "default", "zh-CN", nil)
			if d := oneProblem(t, err); !strings.Contains(d.In(msg.Printer{Lang: msg.English}), c.want) {
				t.Errorf("got %v\nwant %s", err, c.want)
			}
		})
	}
}

// TestStringsFileIsAFolder: a folder made under the strings file's name,
// on disk, is said as a folder at that name, not as a file to open in an
// editor.
func TestStringsFileIsAFolder(t *testing.T) {
	dir := t.TempDir()
	if err := os.CopyFS(dir, theme(nil)); err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(dir, "i18n", "zh-CN.toml"), 0o755); err != nil {
		t.Fatal(err)
	}
	_, err := Load(source.DirFS(dir), "default", "zh-CN", nil)
	d := oneProblem(t, err)
	if got, want := d.String(), "i18n/zh-CN.toml: 这是一个文件夹，不是文件。这里要放的是同名的文件：请把这个文件夹改名或移走。"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if got, want := d.In(msg.Printer{Lang: msg.English}), "i18n/zh-CN.toml: is a folder (want a file of this name: rename or move the folder)"; got != want {
		t.Errorf("in English:\n got %s\nwant %s", got, want)
	}
}

// TestUnreadableTemplate: a template that cannot be read is said at its
// file, with why, once.
func TestUnreadableTemplate(t *testing.T) {
	const file = "layouts/_default/single.html"
	_, err := Load(deniedfs.FS{MapFS: theme(fstest.MapFS{file: {Data: []byte(`{{ define "main" }}x{{ end }}`)}}), Denied: file}, "default", "zh-CN", nil)
	d := oneProblem(t, err)
	if got, want := d.String(), file+": 读不出这个文件（没有权限）。请确认它能用编辑器打开，再保存一次。"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if got, want := d.In(msg.Printer{Lang: msg.English}), file+": cannot read: open "+file+": permission denied"; got != want {
		t.Errorf("in English:\n got %s\nwant %s", got, want)
	}
}

// TestExecuteNoSuchLayout: a layout name no file has is the renderer's
// mistake (it looks layouts up first), said as pubgen's own.
func TestExecuteNoSuchLayout(t *testing.T) {
	l, err := Load(theme(nil), "default", "zh-CN", nil)
	if err != nil {
		t.Fatal(err)
	}
	err = l.Execute(io.Discard, "notice/single.html", nil)
	if got, want := fmt.Sprint(err), `pubgen 自己出了错（no layout "notice/single.html"）。这不是网站内容的问题：请把这段话发给网站的维护人员。`; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

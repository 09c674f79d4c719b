package pipeline

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"golang.org/x/tools/txtar"

	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/msg"
)

// siteFS makes a site from a txtar archive: the files it lists, plus the
// repository's default theme unless the archive brings its own.
func siteFS(t testing.TB, archive string) fstest.MapFS {
	t.Helper()
	fsys := fstest.MapFS{}
	err := fs.WalkDir(os.DirFS("../../themes/default"), ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := fs.ReadFile(os.DirFS("../../themes/default"), p)
		fsys["themes/default/"+p] = &fstest.MapFile{Data: data}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range txtar.Parse([]byte(archive)).Files {
		fsys[f.Name] = &fstest.MapFile{Data: f.Data}
	}
	return fsys
}

// buildSite builds a txtar site and returns its output files by path.
func buildSite(t testing.TB, archive string, opts Options) map[string]string {
	t.Helper()
	if opts.Now.IsZero() {
		opts.Now = demoNow
	}
	return buildFS(t, siteFS(t, archive), opts)
}

// buildFS builds the site in fsys and returns its output files by path.
func buildFS(t testing.TB, fsys fs.FS, opts Options) map[string]string {
	t.Helper()
	if opts.Now.IsZero() {
		opts.Now = demoNow
	}
	res, err := Run(fsys, opts)
	if err != nil {
		t.Fatalf("build failed: %v", err)
	}
	out := map[string]string{}
	for _, e := range res.Entries {
		if e.Src != nil {
			data, err := fs.ReadFile(e.Src, e.SrcPath)
			if err != nil {
				t.Fatal(err)
			}
			out[e.Path] = string(data)
			continue
		}
		out[e.Path] = string(e.Data)
	}
	return out
}

// buildErrors builds a txtar site that must fail and returns the messages.
func buildErrors(t testing.TB, archive string) string {
	t.Helper()
	_, err := Run(siteFS(t, archive), Options{Now: demoNow})
	if err == nil {
		t.Fatal("build succeeded; want errors")
	}
	var de *diag.Errors
	if !errors.As(err, &de) {
		return err.Error()
	}
	return de.Error()
}

func wantContains(t *testing.T, out map[string]string, file string, subs ...string) {
	t.Helper()
	got, ok := out[file]
	if !ok {
		t.Errorf("%s was not written", file)
		return
	}
	for _, s := range subs {
		if !strings.Contains(got, s) {
			t.Errorf("%s lacks %q", file, s)
		}
	}
}

func wantAbsent(t *testing.T, out map[string]string, files ...string) {
	t.Helper()
	for _, f := range files {
		if _, ok := out[f]; ok {
			t.Errorf("%s was written; it must not be", f)
		}
	}
}

const minimal = `
-- pubgen.toml --
title = "测试门户"
page_size = 2
[[branches]]
name = "第一支部"
slug = "yi"
[[branches]]
name = "第二支部"
slug = "er"
`

func TestDraftsFutureAndOrdering(t *testing.T) {
	site := minimal + `
-- content/notices/a.md --
---
title: 旧通知
date: 2024-01-01
---
-- content/notices/b.md --
---
title: 新通知
date: 2024-06-01
---
-- content/notices/c.md --
---
title: 置顶通知
date: 2023-01-01
pinned: true
---
-- content/notices/d.md --
---
title: 草稿
date: 2024-07-01
draft: true
---
-- content/notices/e.md --
---
title: 定时发布
date: 2024-07-01
publish_date: 2030-01-01
---
`
	out := buildSite(t, site, Options{})
	wantAbsent(t, out, "notices/d/index.html", "notices/e/index.html")
	list := out["notices/index.html"]
	iPinned, iNew := strings.Index(list, "置顶通知"), strings.Index(list, "新通知")
	if iPinned < 0 || iNew < 0 || iPinned > iNew {
		t.Errorf("list order: want pinned first, then newest: %q", list)
	}
	if strings.Contains(list, "旧通知") {
		t.Error("page 1 of a 2-per-page list shows the third page")
	}
	wantContains(t, out, "notices/page/2/index.html", "旧通知", `href="../../index.html"`)
	wantContains(t, out, "notices/b/index.html", `rel="prev" href="../c/index.html"`, `rel="next" href="../a/index.html"`)

	out = buildSite(t, site, Options{Drafts: true, Future: true})
	wantContains(t, out, "notices/d/index.html", "草稿")
	wantContains(t, out, "notices/e/index.html", "定时发布")
}

func TestLinksBundlesAliasesAndStatic(t *testing.T) {
	out := buildSite(t, minimal+`
-- static/files/rules.pdf --
%PDF-1.4
-- content/study/dangzhang/index.md --
---
title: 学习党章
date: 2024-03-01
attachments:
  - {file: dangzhang.pdf, title: 党章全文}
aliases: [/old/dangzhang/]
---
## 总纲

见[通知](../../notices/meeting.md#议程)，附件[全文](dangzhang.pdf)，[制度](/files/rules.pdf)。
-- content/study/dangzhang/dangzhang.pdf --
%PDF-1.4 dangzhang
-- content/notices/meeting.md --
---
title: 会议通知
date: 2024-03-02
branch: 第一支部
---
## 议程

[学习党章](../study/dangzhang/index.md)
`, Options{})
	wantContains(t, out, "study/dangzhang/index.html",
		`href="../../notices/meeting/index.html#%E8%AE%AE%E7%A8%8B"`, `href="dangzhang.pdf"`, `href="../../files/rules.pdf"`, `id="总纲"`)
	wantContains(t, out, "notices/meeting/index.html", `href="../../study/dangzhang/index.html"`, `href="../../branches/yi/index.html"`)
	wantContains(t, out, "study/dangzhang/dangzhang.pdf", "%PDF-1.4 dangzhang")
	wantContains(t, out, "files/rules.pdf", "%PDF-1.4")
	wantContains(t, out, "old/dangzhang/index.html", `url=../../study/dangzhang/index.html`)
	wantContains(t, out, "branches/yi/index.html", "会议通知")
	wantContains(t, out, "years/2024/index.html", "会议通知", "学习党章")
	wantAbsent(t, out, "sitemap.xml", "robots.txt", "notices/index.xml")
}

func TestBaseURLOutputs(t *testing.T) {
	out := buildSite(t, `
-- pubgen.toml --
title = "测试门户"
base_url = "https://dj.example.com/portal"
url_style = "pretty"
-- content/notices/a.md --
---
title: 通知 <一>
date: 2024-01-01
---
`, Options{})
	wantContains(t, out, "notices/a/index.html", `<link rel="canonical" href="https://dj.example.com/portal/notices/a/">`, `href="../../"`)
	wantContains(t, out, "sitemap.xml", "<loc>https://dj.example.com/portal/notices/a/</loc>")
	wantContains(t, out, "notices/index.xml", "<title>通知 &lt;一&gt;</title>", `href="https://dj.example.com/portal/notices/index.xml"`)
	wantContains(t, out, "robots.txt", "Sitemap: https://dj.example.com/portal/sitemap.xml")
}

func TestRawHTMLOffByDefault(t *testing.T) {
	doc := `
-- content/about.md --
---
title: 关于
date: 2024-01-01
---
<script>alert(1)</script>

<b onmouseover="x()">粗体</b>
`
	out := buildSite(t, "-- pubgen.toml --\ntitle = \"t\"\n"+doc, Options{})
	page := out["about/index.html"]
	for _, bad := range []string{"<script>alert", "onmouseover"} {
		if strings.Contains(page, bad) {
			t.Errorf("raw HTML passed through with unsafe off: %q in %s", bad, page)
		}
	}
	out = buildSite(t, "-- pubgen.toml --\ntitle = \"t\"\n[markdown]\nunsafe = true\n"+doc, Options{})
	if !strings.Contains(out["about/index.html"], "<b onmouseover") {
		t.Error("markdown.unsafe = true did not let raw HTML through")
	}
}

func TestSiteLayoutOverridesTheme(t *testing.T) {
	out := buildSite(t, minimal+`
-- layouts/notice/single.html --
{{ define "main" }}<p class="custom">自定义 {{ .Page.Title }}</p>{{ end }}
-- content/notices/a.md --
---
title: 通知甲
date: 2024-01-01
---
-- content/study/b.md --
---
title: 资料乙
date: 2024-01-01
---
`, Options{})
	wantContains(t, out, "notices/a/index.html", `<p class="custom">自定义 通知甲</p>`)
	if strings.Contains(out["study/b/index.html"], "custom") {
		t.Error("notice layout used for a study page")
	}
}

// TestReportNamesTheWinningLayout: the build report says, for each output,
// which file it was rendered from, and lists the site's overrides
// (partials included, which no output names as its layout).
func TestReportNamesTheWinningLayout(t *testing.T) {
	res, err := Run(siteFS(t, minimal+`
-- layouts/notice/single.html --
{{ define "main" }}<p class="custom">{{ .Page.Title }}</p>{{ end }}
-- layouts/partials/footer.html --
<footer class="site-footer"><p class="own-footer">本站页脚</p></footer>
-- content/notices/a.md --
---
title: 通知甲
date: 2024-01-01
---
-- content/study/b.md --
---
title: 资料乙
date: 2024-01-01
---
`), Options{Now: demoNow})
	if err != nil {
		t.Fatal(err)
	}
	for file, want := range map[string]string{
		"notices/a/index.html": "layouts/notice/single.html",
		"study/b/index.html":   "themes/default/layouts/_default/single.html",
		"index.html":           "themes/default/layouts/index.html",
		"404.html":             "themes/default/layouts/404.html",
	} {
		if got := res.Report.Layouts[file]; got != want {
			t.Errorf("layouts[%s] = %q, want %q", file, got, want)
		}
	}
	if page := entryData(res, "study/b/index.html"); !bytes.Contains(page, []byte("本站页脚")) {
		t.Errorf("the site's footer partial is not used:\n%s", page)
	}
	if got := strings.Join(res.Report.LayoutOverrides, " "); got != "layouts/notice/single.html layouts/partials/footer.html" {
		t.Errorf("layout_overrides = %q", got)
	}
	b, err := json.Marshal(res.Report)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(b, []byte(`"notices/a/index.html":"layouts/notice/single.html"`)) {
		t.Errorf("the JSON report lacks the winning layout: %s", b)
	}
	var table strings.Builder
	res.Report.WriteTable(&table, msg.Printer{Lang: msg.English})
	if !strings.Contains(table.String(), "site layouts (over the theme's): layouts/notice/single.html, layouts/partials/footer.html") {
		t.Errorf("table:\n%s", table.String())
	}
}

func TestContentErrorsReportedTogether(t *testing.T) {
	msgs := buildErrors(t, minimal+`
-- content/notices/a.md --
---
title: 甲
date: 2024-01-01
branch: 第三支部
---
见[不存在](../study/missing.md)和[锚点](b.md#没有这个标题)。
-- content/notices/b.md --
---
title: 乙
date: 2024-01-01
slug: a
---
-- content/study/c/index.md --
---
title: 丙
date: 2024-01-01
attachments: [{file: missing.pdf}]
---
![图](photo.jpg)
-- content/study/d.md --
---
title: 丁
date: 2024-01-01
attachments: [{file: x.pdf}]
---
`)
	for _, want := range []string{
		`content/notices/a.md:4: branch: “第三支部”不是本站的支部，是不是想写 第一支部？`,
		`content/notices/b.md:1:1: slug: 网址 notices/a/index.html 和 content/notices/a.md 的重复了。`,
		`content/study/c/index.md:4: attachments[0]: “missing.pdf”不在 content/study/c/ 文件夹里。请把文件放在 index.md 旁边，文件名要一字不差。`,
		`content/study/d.md:4: attachments[0]: “x.pdf”找不到：只有页面文件夹里才能放文件。请把本页改成 content/study/d/index.md，把 x.pdf 放在它旁边。`,
	} {
		if !strings.Contains(msgs, want) {
			t.Errorf("missing %q in\n%s", want, msgs)
		}
	}
	msgs = buildErrors(t, minimal+`
-- content/notices/a.md --
---
title: 甲
date: 2024-01-01
---
见[不存在](../study/missing.md)和[锚点](b.md#没有这个标题)。
-- content/notices/b.md --
---
title: 乙
date: 2024-01-01
---
-- content/study/c/index.md --
---
title: 丙
date: 2024-01-01
---

![图](photo.jpg)
`)
	for _, want := range []string{
		`content/notices/a.md:5: 链接“../study/missing.md”：指向的页面 content/study/missing.md 不存在。请写 content/ 里某个 .md 文件相对于本文件的路径，例如：[学习资料](../study/a.md)`,
		`content/notices/a.md:5: 链接“b.md#没有这个标题”：content/notices/b.md 里没有标题或锚点 #没有这个标题。请检查 # 后面的部分，它应是该页某个标题的 id。`,
		`content/study/c/index.md:6: 图片“photo.jpg”：不在 content/study/c/ 文件夹里。请把文件放在 index.md 旁边，文件名要一字不差。`,
	} {
		if !strings.Contains(msgs, want) {
			t.Errorf("missing %q in\n%s", want, msgs)
		}
	}
}

func TestTemplateErrorNamesFileAndLine(t *testing.T) {
	msgs := buildErrors(t, minimal+`
-- layouts/_default/single.html --
{{ define "main" }}
<p>{{ index .Page.Tags 3 }}</p>
{{ end }}
-- content/about.md --
---
title: 关于
date: 2024-01-01
---
`)
	if !strings.Contains(msgs, "layouts/_default/single.html:2") || !strings.Contains(msgs, "about/index.html") {
		t.Errorf("template error does not name file, line and page: %s", msgs)
	}
}

func TestScriptLinksRefusedEvenWithUnsafe(t *testing.T) {
	msgs := buildErrors(t, `
-- pubgen.toml --
title = "t"
[markdown]
unsafe = true
-- content/about.md --
---
title: 关于
date: 2024-01-01
---
[点我](javascript:alert(1)) [再点](JaVaScRiPt:alert(2)) ![图](data:text/html,x)
`)
	for _, want := range []string{`链接“javascript:alert(1)”：是一段脚本，不能使用。`, `链接“JaVaScRiPt:alert(2)”：是一段脚本，不能使用。`, `图片“data:text/html,x”：是一段脚本`} {
		if !strings.Contains(msgs, want) {
			t.Errorf("missing %q in\n%s", want, msgs)
		}
	}
}

func TestNotFoundPageResolvesFromTheRootWithBaseURL(t *testing.T) {
	out := buildSite(t, "-- pubgen.toml --\ntitle = \"t\"\nbase_url = \"https://dj.example.com/portal/\"\n", Options{})
	// The path alone: the page then works on any host serving the site
	// (a deploy preview, staging) and within a CSP of base-uri 'self'.
	wantContains(t, out, "404.html", `<base href="/portal/">`, `href="assets/style.`)
	if strings.Contains(out["index.html"], "<base") {
		t.Error("only the 404 page may carry a <base>")
	}
	// Netlify and most servers show the root 404.html for every missing
	// address, at any depth: without base_url the site root is /.
	out = buildSite(t, "-- pubgen.toml --\ntitle = \"t\"\n", Options{})
	wantContains(t, out, "404.html", `<base href="/">`)
}

func TestEveryPageDeclaresAnIcon(t *testing.T) {
	out := buildSite(t, "-- pubgen.toml --\ntitle = \"t\"\n-- content/notices/_index.md --\n---\ntitle: 通知\n---\n", Options{})
	wantContains(t, out, "index.html", `<link rel="icon" href="assets/icon.svg" type="image/svg+xml">`, `href="assets/favicon.ico"`)
	wantContains(t, out, "notices/index.html", `href="../assets/icon.svg"`, `href="../assets/favicon.ico"`)
	wantContains(t, out, "assets/favicon.ico", "\x00\x00\x01\x00")
	out = buildSite(t, "-- pubgen.toml --\ntitle = \"t\"\nlogo = \"img/logo.png\"\nicon = \"img/icon.png\"\n-- static/img/logo.png --\npng\n-- static/img/icon.png --\npng\n-- content/notices/_index.md --\n---\ntitle: 通知\n---\n", Options{})
	wantContains(t, out, "notices/index.html", `<link rel="icon" href="../img/icon.png">`, `<img class="logo" src="../img/logo.png"`)
	if strings.Contains(out["notices/index.html"], "icon.svg") || strings.Contains(out["notices/index.html"], "emblem") {
		t.Error("the site's own icon and logo must replace the theme's")
	}
}

func TestMissingIconIsAnError(t *testing.T) {
	msgs := buildErrors(t, "-- pubgen.toml --\ntitle = \"t\"\nicon = \"icon.png\"\n")
	if want := `pubgen.toml: icon: static/ 里没有“icon.png”。请把文件放到 static/icon.png`; !strings.Contains(msgs, want) {
		t.Errorf("got\n%s\nwant %s", msgs, want)
	}
}

func entryData(res *Result, file string) []byte {
	for _, e := range res.Entries {
		if e.Path == file {
			return e.Data
		}
	}
	return nil
}

// TestDemoSiteOwnFooter: the repository, itself a site, overrides the
// theme's footer with its top-level layouts/partials/footer.html, which
// links every configured branch.
func TestDemoSiteOwnFooter(t *testing.T) {
	res, err := Run(os.DirFS(demoSite(t, nil)), Options{Now: demoNow})
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Contains(res.Report.LayoutOverrides, "layouts/partials/footer.html") {
		t.Errorf("layout_overrides = %q, want the demo's footer", res.Report.LayoutOverrides)
	}
	for _, file := range []string{"index.html", "notices/index.html", "404.html"} {
		if page := entryData(res, file); !bytes.Contains(page, []byte(`class="footer-branches"`)) || !bytes.Contains(page, []byte(`jiguan-1/index.html">机关第一党支部</a>`)) {
			t.Errorf("%s does not show the demo's own footer", file)
		}
	}
}

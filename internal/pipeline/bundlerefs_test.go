package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
)

// refsBundle is a showcase that refers to its files in every way a page
// can — cover, gallery, attachments, a Markdown image and links with
// ./, ../ inside the bundle, percent-encoding, a query and a fragment —
// and holds files nothing refers to: a draft and the scan of an ID card.
const refsBundle = `
-- content/showcases/a/index.md --
---
title: 成果
date: 2024-07-01
cover: 封面.png
gallery:
  - file: 照片/合影.jpg
attachments:
  - {file: 名单.pdf, title: 名单}
---
![现场](./照片/现场%20一角.jpg)

[讲稿](%E8%AE%B2%E7%A8%BF.docx?v=2#第一页)、[清单](照片/../清单.xlsx)、[表](<统计 表.xls>)。
-- content/showcases/a/名单.pdf --
%PDF-1.4 名单
-- content/showcases/a/讲稿.docx --
讲稿
-- content/showcases/a/清单.xlsx --
清单
-- content/showcases/a/统计 表.xls --
统计表
-- content/showcases/a/草稿.docx --
草稿
-- content/showcases/a/说明.txt --
说明
`

// refsSite is refsBundle with its photos, which must be real images.
func refsSite(t *testing.T, toml string) fstest.MapFS {
	fsys := siteFS(t, minimal+refsBundle)
	for _, f := range []string{"封面.png", "照片/合影.jpg", "照片/现场 一角.jpg", "身份证.jpg", "照片/身份证.jpg"} {
		fsys["content/showcases/a/"+f] = &fstest.MapFile{Data: smallJPEG(t)}
	}
	if toml != "" {
		fsys["pubgen.toml"] = &fstest.MapFile{Data: []byte(string(fsys["pubgen.toml"].Data) + toml)}
	}
	return fsys
}

// buildWarn builds fsys and returns its output files and its warnings.
func buildWarn(t *testing.T, fsys fstest.MapFS) (map[string]string, string) {
	t.Helper()
	res, err := Run(fsys, Options{Now: demoNow, NoSearch: true})
	if err != nil {
		t.Fatalf("build failed: %v", err)
	}
	var warns []string
	for _, d := range res.Warnings {
		warns = append(warns, d.String())
	}
	return buildFS(t, fsys, Options{NoSearch: true}), strings.Join(warns, "\n")
}

// TestOnlyReferencedBundleFilesArePublished: what the page refers to is
// copied beside it, the forgotten files are not, and each of those gets
// exactly one warning naming it.
func TestOnlyReferencedBundleFilesArePublished(t *testing.T) {
	out, warns := buildWarn(t, refsSite(t, ""))
	for _, f := range []string{"封面.png", "照片/合影.jpg", "照片/现场 一角.jpg", "名单.pdf", "讲稿.docx", "清单.xlsx", "统计 表.xls"} {
		wantContains(t, out, "showcases/a/"+f)
	}
	wantContains(t, out, "showcases/a/index.html", `href="%E8%AE%B2%E7%A8%BF.docx?v=2#%E7%AC%AC%E4%B8%80%E9%A1%B5"`)
	unref := []string{"草稿.docx", "身份证.jpg", "照片/身份证.jpg", "说明.txt"}
	for _, f := range unref {
		wantAbsent(t, out, "showcases/a/"+f)
		want := "content/showcases/a/" + f + ": warning: index.md 没有用到这个文件，所以不会发布。要发布它，请在正文里链接它，或写进 attachments；不发布就不用管。"
		if n := strings.Count(warns+"\n", want+"\n"); n != 1 {
			t.Errorf("warning %q given %d times, want once; warnings:\n%s", want, n, warns)
		}
	}
	if n := strings.Count(warns, "没有用到这个文件"); n != len(unref) {
		t.Errorf("%d warnings about unlinked files, want %d:\n%s", n, len(unref), warns)
	}
}

// TestPublishUnreferenced: the allow-list of pubgen.toml publishes the
// files it matches, by name in any folder or by path from the bundle
// folder, and only those.
func TestPublishUnreferenced(t *testing.T) {
	out, warns := buildWarn(t, refsSite(t, "\n[content]\npublish_unreferenced = [\"*.txt\", \"照片/身份证.jpg\"]\n"))
	wantContains(t, out, "showcases/a/说明.txt", "说明")
	wantContains(t, out, "showcases/a/照片/身份证.jpg")
	wantAbsent(t, out, "showcases/a/身份证.jpg", "showcases/a/草稿.docx")
	if strings.Contains(warns, "说明.txt") || strings.Contains(warns, "照片/身份证.jpg") {
		t.Errorf("a file the allow-list publishes is warned about:\n%s", warns)
	}
}

// TestRawHTMLReferencesWithUnsafe: with raw HTML allowed, a file it links
// or embeds is published; in safe mode the same raw HTML is dropped, so
// the file is not.
func TestRawHTMLReferencesWithUnsafe(t *testing.T) {
	site := minimal + `
-- content/study/a/index.md --
---
title: 学习
date: 2024-07-01
---
<p><a href="./%E8%AE%B2%E7%A8%BF.docx">讲稿</a> <img src="图.png?x=1&amp;y=2"></p>
-- content/study/a/讲稿.docx --
讲稿
-- content/study/a/图.png --
图
`
	out := buildSite(t, site, Options{NoSearch: true})
	wantAbsent(t, out, "study/a/讲稿.docx", "study/a/图.png")
	out = buildSite(t, strings.Replace(site, "slug = \"er\"\n", "slug = \"er\"\n[markdown]\nunsafe = true\n", 1), Options{NoSearch: true})
	wantContains(t, out, "study/a/讲稿.docx", "讲稿")
	wantContains(t, out, "study/a/图.png", "图")
}

// TestRebuildFollowsBundleLinks: in a running session, linking a file that
// sat unreferenced in a bundle publishes it, and removing the link takes
// it out again — each step equal to a clean build of the same input, also
// when the page's conversion is reused from the session's cache.
func TestRebuildFollowsBundleLinks(t *testing.T) {
	dir := t.TempDir()
	index := filepath.Join(dir, "content/study/a/index.md")
	files := map[string]string{
		"pubgen.toml":                "title = \"t\"\n",
		"content/study/a/index.md":   "---\ntitle: 学习\ndate: 2024-07-01\n---\n正文。\n",
		"content/notices/b.md":       "---\ntitle: 通知\ndate: 2024-07-02\n---\n",
		"content/study/a/草稿.docx":    "草稿",
		"content/study/a/讲稿 终稿.docx": "讲稿",
	}
	for p, data := range files {
		if err := os.MkdirAll(filepath.Dir(filepath.Join(dir, p)), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, p), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.CopyFS(filepath.Join(dir, "themes"), os.DirFS("../../themes")); err != nil {
		t.Fatal(err)
	}
	opts := Options{Now: demoNow, NoSearch: true}
	sess := NewSession(os.DirFS(dir), opts)
	for _, step := range []struct {
		body      string
		published bool
	}{
		{"正文。\n", false},
		{"正文，见[讲稿](<./讲稿 终稿.docx#p2>)。\n", true},
		{"", true}, // another page edited: the conversion comes from the cache
		{"正文。\n", false},
	} {
		p, data := index, "---\ntitle: 学习\ndate: 2024-07-01\n---\n"+step.body
		if step.body == "" {
			p, data = filepath.Join(dir, "content/notices/b.md"), "---\ntitle: 通知\ndate: 2024-07-02\n---\n改过。\n"
		}
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
		_, got, _, err := sess.Build()
		if err != nil {
			t.Fatal(err)
		}
		if _, ok := got["study/a/讲稿 终稿.docx"]; ok != step.published {
			t.Errorf("body %q: 讲稿 终稿.docx published = %v, want %v", step.body, ok, step.published)
		}
		if _, ok := got["study/a/草稿.docx"]; ok {
			t.Errorf("body %q: the unlinked 草稿.docx is published", step.body)
		}
		full, err := Run(os.DirFS(dir), opts)
		if err != nil {
			t.Fatal(err)
		}
		want, _ := full.Files()
		if diff := compareFiles(want, got); diff != "" {
			t.Errorf("body %q: incremental differs from a clean build: %s", step.body, diff)
		}
	}
}

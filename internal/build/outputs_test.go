package build

import (
	"bytes"
	"image"
	"image/png"
	"strings"
	"testing"
	"testing/fstest"
)

// tinyPNG is a valid 4×4 PNG.
func tinyPNG(t testing.TB) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewRGBA(image.Rect(0, 0, 4, 4))); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// outputCases are inputs whose output paths cannot be published as they
// are; each message names both sources (or the one bad name) at file:line.
var outputCases = []badInput{
	{name: "two tags, one address",
		site: notice("title: 通知\ndate: 2024-07-01\ntags: [\"C++\"]\n", "") +
			"-- content/notices/b.md --\n---\ntitle: 又一个\ndate: 2024-07-01\ntags:\n  - 党建\n  - \"C#\"\n---\n",
		want: `content/notices/b.md:6: tags: "C#" and content/notices/a.md:4: tags: "C++" both become tags/c/index.html (want names that differ in their letters or digits`},
	{name: "a page at the search page's address",
		site: "-- content/search.md --\n---\ntitle: 搜索\ndate: 2024-07-01\n---\n",
		want: "content/search.md: this file and the search page (搜索页) both become search/index.html (want another file name, or a slug in the front matter)"},
	{name: "a page inside the search index's folder",
		site: "-- content/search/index.js.md --\n---\ntitle: 搜索\ndate: 2024-07-01\n---\n",
		want: "content/search/index.js.md: this file becomes search/index.js/index.html, but search/ belongs to the search index (搜索索引)"},
	{name: "a page at a statistics address",
		site: "-- content/stats.md --\n---\ntitle: 统计\ndate: 2024-07-01\n---\n",
		want: "content/stats.md: this file and the statistics page (数据统计) both become stats/index.html"},
	{name: "slug index.html",
		site: notice("title: 通知\ndate: 2024-07-01\nslug: index.html\n", ""),
		want: `content/notices/a.md:4: slug: "index.html" becomes notices/index.html/index.html, but content/notices/ makes notices/index.html a file: one name cannot be both a file and a folder (want another slug)`},
	{name: "alias onto the sitemap",
		site: notice("title: 通知\ndate: 2024-07-01\naliases: [/sitemap.xml]\n", "") + "-- pubgen.toml --\ntitle = \"测试门户\"\nbase_url = \"https://dj.example.com/\"\n",
		want: `content/notices/a.md:4: aliases: "sitemap.xml" becomes sitemap.xml/index.html, but the sitemap makes sitemap.xml a file`},
	{name: "a page at a term's address",
		site: notice("title: 通知\ndate: 2024-07-01\ntags: [学习]\n", "") + "-- content/tags/学习.md --\n---\ntitle: 学习\ndate: 2024-07-01\n---\n",
		want: `content/tags/学习.md: this file and content/notices/a.md:4: tags: "学习" both become tags/学习/index.html`},
	{name: "hash in a file name",
		site: "-- content/notices/a#b.md --\n---\ntitle: 通知\ndate: 2024-07-01\n---\n",
		want: `content/notices/a#b.md: this file becomes notices/a#b/index.html: "a#b" contains '#', which ends a web address`},
	{name: "names that differ only in case",
		site: notice("title: 通知\ndate: 2024-07-01\n", "") + "-- content/notices/A.md --\n---\ntitle: 通知\ndate: 2024-07-01\n---\n",
		want: "content/notices/A.md: this file becomes notices/A/index.html and content/notices/a.md becomes notices/a/index.html: the names differ only in case, so a Windows share keeps one file for both"},
	{name: "a Windows device name as a tag",
		site: notice("title: 通知\ndate: 2024-07-01\ntags: [Aux]\n", ""),
		want: `content/notices/a.md:4: tags: "Aux" becomes tags/aux/index.html: "aux" is a device name on Windows`},
	{name: "a Windows-invalid bundle file name",
		site: "-- content/study/a/index.md --\n---\ntitle: 学习\ndate: 2024-07-01\nattachments: [{file: \"报告*终稿.pdf\", title: 报告}]\n---\n-- content/study/a/报告*终稿.pdf --\n%PDF\n",
		want: `content/study/a/报告*终稿.pdf: this file becomes study/a/报告*终稿.pdf: "报告*终稿.pdf" contains '*', which Windows does not allow`},
	{name: "a trailing dot in an alias",
		site: notice("title: 通知\ndate: 2024-07-01\naliases: [old/notice.]\n", ""),
		want: `content/notices/a.md:4: aliases: "old/notice." becomes old/notice./index.html: "notice." ends in "."`},
	{name: "a photo name too long for its thumbnail",
		edits: func(m fstest.MapFS) {
			name := strings.Repeat("照", 83) + "片.png" // 255 bytes: fits, its thumbnail name does not
			m["content/showcases/a/index.md"] = &fstest.MapFile{Data: []byte("---\ntitle: 成果\ndate: 2024-07-01\ncover: " + name + "\n---\n")}
			m["content/showcases/a/"+name] = &fstest.MapFile{Data: pngData}
		},
		want: `content/showcases/a/index.md:4: cover: "照照`},
	{name: "a static file in a page's place, but for case",
		site: notice("title: 通知\ndate: 2024-07-01\n", "") + "-- static/Notices/a/index.html --\n<p>旧页</p>\n",
		want: "the names differ only in case"},
}

var pngData []byte

// TestOutputPaths: check (no search index) and build both refuse each
// case with the same message.
func TestOutputPaths(t *testing.T) {
	pngData = tinyPNG(t)
	for _, c := range outputCases {
		t.Run(c.name, func(t *testing.T) {
			fsys := siteFS(t, minimal+c.site)
			if c.edits != nil {
				c.edits(fsys)
			}
			for _, check := range []bool{true, false} {
				_, err := Run(fsys, Options{Now: demoNow, NoSearch: check})
				if err == nil {
					t.Fatalf("check=%v: succeeded; want %q", check, c.want)
				}
				if !strings.Contains(err.Error(), c.want) {
					t.Errorf("check=%v: want %q in:\n%s", check, c.want, err)
				}
			}
		})
	}
}

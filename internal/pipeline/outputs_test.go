package pipeline

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
		want: `content/notices/b.md:6: tags: “C#”和 content/notices/a.md:4: tags: "C++" 都会生成 tags/c/index.html。网址里不分大小写，也不保留标点，所以这两个名字在网址里是一样的。`},
	{name: "a page at the search page's address",
		site: "-- content/search.md --\n---\ntitle: 搜索\ndate: 2024-07-01\n---\n",
		want: "content/search.md: 这个文件和 搜索页 都会生成 search/index.html。请给文件改名，或在前言区写一个 slug，例如：slug: 2026-11-25-meeting-2"},
	{name: "a page inside the search index's folder",
		site: "-- content/search/index.js.md --\n---\ntitle: 搜索\ndate: 2024-07-01\n---\n",
		want: "content/search/index.js.md: 这个文件会生成 search/index.js/index.html，但 search/ 这个文件夹归搜索索引使用。"},
	{name: "a page at a statistics address",
		site: "-- content/stats.md --\n---\ntitle: 统计\ndate: 2024-07-01\n---\n",
		want: "content/stats.md: 这个文件和 数据统计页 都会生成 stats/index.html。"},
	{name: "slug index.html",
		site: notice("title: 通知\ndate: 2024-07-01\nslug: index.html\n", ""),
		want: `content/notices/a.md:4: slug: “index.html”会生成 notices/index.html/index.html，但 content/notices/ 要把 notices/index.html 用作一个文件：同一个名字不能既是文件又是文件夹。请换一个 slug，例如：slug: 2026-11-25-meeting-2`},
	{name: "alias onto the sitemap",
		site: notice("title: 通知\ndate: 2024-07-01\naliases: [/sitemap.xml]\n", "") + "-- pubgen.toml --\ntitle = \"测试门户\"\nbase_url = \"https://dj.example.com/\"\n",
		want: `content/notices/a.md:4: aliases: “sitemap.xml”会生成 sitemap.xml/index.html，但 网站地图（sitemap.xml） 要把 sitemap.xml 用作一个文件：同一个名字不能既是文件又是文件夹。请写一个网站里别处没有用过的旧网址。`},
	// Each producer names the files the site graph does not know: the
	// feeds' (outputs.Feeds), the site's own pages' (render.Plan).
	{name: "alias onto robots.txt",
		site: notice("title: 通知\ndate: 2024-07-01\naliases: [/robots.txt]\n", "") + "-- pubgen.toml --\ntitle = \"测试门户\"\nbase_url = \"https://dj.example.com/\"\n",
		want: `content/notices/a.md:4: aliases: “robots.txt”会生成 robots.txt/index.html，但 robots.txt 要把 robots.txt 用作一个文件`},
	{name: "alias onto a section's feed",
		site: notice("title: 通知\ndate: 2024-07-01\naliases: [/notices/index.xml]\n", "") + "-- pubgen.toml --\ntitle = \"测试门户\"\nbase_url = \"https://dj.example.com/\"\n",
		want: `content/notices/a.md:4: aliases: “notices/index.xml”会生成 notices/index.xml/index.html，但 notices/ 的订阅源（Atom） 要把 notices/index.xml 用作一个文件`},
	{name: "alias onto the catalogue",
		site: notice("title: 通知\ndate: 2024-07-01\naliases: [/disclosures/catalogue/]\n", ""),
		want: `content/notices/a.md:4: aliases: “disclosures/catalogue”和 党务公开目录 都会生成 disclosures/catalogue/index.html。`},
	{name: "a page at a term's address",
		site: notice("title: 通知\ndate: 2024-07-01\ntags: [学习]\n", "") + "-- content/tags/学习.md --\n---\ntitle: 学习\ndate: 2024-07-01\n---\n",
		want: `content/tags/学习.md: 这个文件和 content/notices/a.md:4: tags: "学习" 都会生成 tags/学习/index.html。`},
	{name: "hash in a file name",
		site: "-- content/notices/a#b.md --\n---\ntitle: 通知\ndate: 2024-07-01\n---\n",
		want: `content/notices/a#b.md: 这个文件会生成 notices/a#b/index.html，其中的“a#b”含有“#”，在网址里它表示地址到此为止，链接会打不开。请只用汉字、字母、数字、- 或 _。`},
	{name: "names that differ only in case",
		site: notice("title: 通知\ndate: 2024-07-01\n", "") + "-- content/notices/A.md --\n---\ntitle: 通知\ndate: 2024-07-01\n---\n",
		want: "content/notices/A.md: 这个文件会生成 notices/A/index.html，content/notices/a.md 会生成 notices/a/index.html：两个名字只差大小写，复制到 Windows 的共享文件夹里就成了同一个文件。"},
	{name: "a Windows device name as a tag",
		site: notice("title: 通知\ndate: 2024-07-01\ntags: [Aux]\n", ""),
		want: `content/notices/a.md:4: tags: “Aux”会生成 tags/aux/index.html，其中的“aux”是 Windows 留给设备用的名字，那里的文件不能叫这个名字。请换一个名字。`},
	{name: "a Windows-invalid bundle file name",
		site: "-- content/study/a/index.md --\n---\ntitle: 学习\ndate: 2024-07-01\nattachments: [{file: \"报告*终稿.pdf\", title: 报告}]\n---\n-- content/study/a/报告*终稿.pdf --\n%PDF\n",
		want: `content/study/a/报告*终稿.pdf: 这个文件会生成 study/a/报告*终稿.pdf，其中的“报告*终稿.pdf”含有“*”，Windows 的文件名里不能有这个字符。`},
	{name: "a trailing dot in an alias",
		site: notice("title: 通知\ndate: 2024-07-01\naliases: [old/notice.]\n", ""),
		want: `content/notices/a.md:4: aliases: “old/notice.”会生成 old/notice./index.html，其中的“notice.”以“.”结尾，Windows 会把它从文件名里去掉。`},
	{name: "a photo name too long for its thumbnail",
		edits: func(m fstest.MapFS) {
			name := strings.Repeat("照", 83) + "片.png" // 255 bytes: fits, its thumbnail name does not
			m["content/showcases/a/index.md"] = &fstest.MapFile{Data: []byte("---\ntitle: 成果\ndate: 2024-07-01\ncover: " + name + "\n---\n")}
			m["content/showcases/a/"+name] = &fstest.MapFile{Data: pngData}
		},
		want: `content/showcases/a/index.md:4: cover: “照照`},
	{name: "a static file in a page's place, but for case",
		site: notice("title: 通知\ndate: 2024-07-01\n", "") + "-- static/Notices/a/index.html --\n<p>旧页</p>\n",
		want: "两个名字只差大小写"},
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

package pipeline

import (
	"bytes"
	"image"
	"image/png"
	"strings"
	"testing"
	"testing/fstest"
)

// scriptBundle is a showcase whose bundle carries stored script: an SVG
// that loads p.js beside it, and an HTML page nobody links to.
func scriptBundle(cover string) string {
	return minimal + `
-- content/showcases/a/index.md --
---
title: 成果
date: 2024-07-01
cover: ` + cover + `
---
正文
-- content/showcases/a/cover.svg --
<svg xmlns="http://www.w3.org/2000/svg"><script href="p.js"/></svg>
-- content/showcases/a/p.js --
alert(document.domain)
-- content/showcases/a/evil.html --
<script>alert(1)</script>
-- content/showcases/a/notes.txt --
plain notes
`
}

// TestSVGCoverIsAnError: an SVG cover fails the build at the cover's line.
func TestSVGCoverIsAnError(t *testing.T) {
	msg := buildErrors(t, scriptBundle("cover.svg"))
	want := "content/showcases/a/index.md:4: cover: 不能用 SVG 图片（它可以带脚本）。请改用 JPG 或 PNG 照片。"
	if !strings.Contains(msg, want) {
		t.Errorf("errors:\n%s\nwant %q", msg, want)
	}
}

// TestSafeModeKeepsScriptFilesOut: with a PNG cover the build succeeds, and
// in safe mode no HTML, JS or SVG file of the bundle reaches public/, not
// even through content.publish_unreferenced, while its other files still
// do; markdown.unsafe publishes them again.
func TestSafeModeKeepsScriptFilesOut(t *testing.T) {
	var b bytes.Buffer
	if err := png.Encode(&b, image.NewGray(image.Rect(0, 0, 8, 8))); err != nil {
		t.Fatal(err)
	}
	fsys := siteFS(t, scriptBundle("cover.png"))
	fsys["content/showcases/a/cover.png"] = &fstest.MapFile{Data: b.Bytes()}
	// Not append: txtar's Data shares its array with the next file's.
	fsys["pubgen.toml"] = &fstest.MapFile{Data: []byte(string(fsys["pubgen.toml"].Data) + "\n[content]\npublish_unreferenced = [\"*\"]\n")}
	out := buildFS(t, fsys, Options{})
	wantAbsent(t, out, "showcases/a/evil.html", "showcases/a/p.js", "showcases/a/cover.svg")
	wantContains(t, out, "showcases/a/cover.png")
	wantContains(t, out, "showcases/a/notes.txt", "plain notes")

	fsys["pubgen.toml"] = &fstest.MapFile{Data: append(fsys["pubgen.toml"].Data, "\n[markdown]\nunsafe = true\n"...)}
	out = buildFS(t, fsys, Options{})
	wantContains(t, out, "showcases/a/evil.html")
	wantContains(t, out, "showcases/a/p.js")
}

// TestScriptAttachmentIsAnError: an attachment that would be refused is
// an error at its line rather than a silently missing file.
func TestScriptAttachmentIsAnError(t *testing.T) {
	msg := buildErrors(t, minimal+`
-- content/study/a/index.md --
---
title: 学习
date: 2024-07-01
attachments:
  - {file: evil.html, title: 网页}
---
-- content/study/a/evil.html --
<script>alert(1)</script>
`)
	want := `content/study/a/index.md:5: attachments[0]: “evil.html”不会发布：`
	if !strings.Contains(msg, want) {
		t.Errorf("errors:\n%s\nwant %q", msg, want)
	}
}

// TestLinkToScriptFileSaysWhy: a Markdown link to a refused bundle file
// says it is not published, not that the file is missing.
func TestLinkToScriptFileSaysWhy(t *testing.T) {
	msg := buildErrors(t, minimal+`
-- content/study/a/index.md --
---
title: 学习
date: 2024-07-01
---
[演示](demo.html)
-- content/study/a/demo.html --
<script>alert(1)</script>
`)
	if !strings.Contains(msg, `不会发布：content/ 里的 HTML、JavaScript、SVG 和 XML 文件可能在网页里运行脚本。`) {
		t.Errorf("errors:\n%s\nwant the link refused as a script file", msg)
	}
}

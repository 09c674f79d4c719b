package markup

import (
	"fmt"
	"strings"
	"testing"
)

// expectLinks converts in with a Rewriter that records its calls and
// prefixes every destination with "/x/", then checks the collected links
// ("dest@line", "img:" for images), the calls and the HTML.
func expectLinks(t *testing.T, in string, wantHTML string, want ...string) {
	t.Helper()
	var calls []string
	rw := func(dest string, image bool, line int) string {
		calls = append(calls, linkString(Link{Dest: dest, Line: line, Image: image}))
		return "/x/" + dest
	}
	res, err := New(Options{}).Convert([]byte(in), rw)
	if err != nil {
		t.Fatalf("Convert(%q): %v", in, err)
	}
	var got []string
	for _, l := range res.Links {
		got = append(got, linkString(l))
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("Convert(%q) links\n got: %q\nwant: %q", in, got, want)
	}
	if strings.Join(calls, " ") != strings.Join(want, " ") {
		t.Errorf("Convert(%q) rewriter calls\n got: %q\nwant: %q", in, calls, want)
	}
	if string(res.HTML) != wantHTML {
		t.Errorf("Convert(%q)\n got: %q\nwant: %q", in, res.HTML, wantHTML)
	}
}

func linkString(l Link) string {
	s := fmt.Sprintf("%s@%d", l.Dest, l.Line)
	if l.Image {
		s = "img:" + s
	}
	return s
}

func TestLinks(t *testing.T) {
	expectLinks(t, "见[通知](../notices/2024-07.md#议程)", "<p>见<a href=\"/x/../notices/2024-07.md#%E8%AE%AE%E7%A8%8B\">通知</a></p>\n", "../notices/2024-07.md#议程@1")
	expectLinks(t, "一\n二[附件](report.pdf)\n三", "<p>一二<a href=\"/x/report.pdf\">附件</a>三</p>\n", "report.pdf@2")
	expectLinks(t, "\n\n![合影](a.jpg)", "<p><img src=\"/x/a.jpg\" alt=\"合影\" loading=\"lazy\"></p>\n", "img:a.jpg@3")
	expectLinks(t, "[![图](a.png)](b.md)", "<p><a href=\"/x/b.md\"><img src=\"/x/a.png\" alt=\"图\" loading=\"lazy\"></a></p>\n", "b.md@1", "img:a.png@1")
	expectLinks(t, "见\n[](empty.md)", "<p>见<a href=\"/x/empty.md\"></a></p>\n", "empty.md@1")
	expectLinks(t, "[](first.md)", "<p><a href=\"/x/first.md\"></a></p>\n", "first.md@1")
	expectLinks(t, "[文件][f]\n\n[f]: files/a%20b.pdf \"标题\"", "<p><a href=\"/x/files/a%20b.pdf\" title=\"标题\">文件</a></p>\n", "files/a%20b.pdf@1")
	expectLinks(t, "| a |\n|---|\n| [x](t.md) |", "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td><a href=\"/x/t.md\">x</a></td>\n</tr>\n</tbody>\n</table>\n", "t.md@3")
	expectLinks(t, "> 引用\n> [q](q.md)", "<blockquote>\n<p>引用<a href=\"/x/q.md\">q</a></p>\n</blockquote>\n", "q.md@2")
	expectLinks(t, "- 一\n- 二\n  [l](l.md)", "<ul>\n<li>一</li>\n<li>二<a href=\"/x/l.md\">l</a></li>\n</ul>\n", "l.md@3")
	expectLinks(t, "# 标题[h](h.md)", "<h1 id=\"标题h\">标题<a href=\"/x/h.md\">h</a></h1>\n", "h.md@1")
	// Autolinks are not the author's relative links: never rewritten.
	expectLinks(t, "<https://a.example/>", "<p><a href=\"https://a.example/\">https://a.example/</a></p>\n")
	expectLinks(t, "见 https://b.example/x", "<p>见 <a href=\"https://b.example/x\">https://b.example/x</a></p>\n")
	// Code is not a link.
	expectLinks(t, "`[x](y.md)`\n\n    [z](z.md)", "<p><code>[x](y.md)</code></p>\n<pre><code>[z](z.md)\n</code></pre>\n")
}

func TestRewriterCannotSmuggleScript(t *testing.T) {
	rw := func(string, bool, int) string { return "javascript:alert(1)" }
	res, err := New(Options{}).Convert([]byte("[x](a.md)"), rw)
	if err != nil {
		t.Fatal(err)
	}
	if want := "<p><a href=\"\">x</a></p>\n"; string(res.HTML) != want {
		t.Errorf("got %q, want %q", res.HTML, want)
	}
}

func TestLineIndex(t *testing.T) {
	x := newLineIndex([]byte("ab\n\ncd\n"))
	for _, c := range []struct{ off, line int }{{0, 1}, {2, 1}, {3, 2}, {4, 3}, {6, 3}, {7, 4}} {
		if got := x.line(c.off); got != c.line {
			t.Errorf("line(%d) = %d, want %d", c.off, got, c.line)
		}
	}
}

// TestRawHTMLLinks: with raw HTML allowed, the files it links or embeds are
// collected (entities decoded, never rewritten) at their line; in safe mode
// raw HTML is dropped, so it refers to nothing.
func TestRawHTMLLinks(t *testing.T) {
	src := "正文<a href=\"草稿.docx?v=1&amp;x=2\">稿</a>\n\n<div>\n<img src='a.jpg' srcset=\"b.jpg 1x, c%20d.jpg 2x\">\n<video poster=\"p.png\" src=\"v.mp4\"></video>\n<!-- <a href=\"hidden.pdf\"> -->\n</div>\n\n- <object data=\"o.pdf\"></object>\n"
	want := []string{"草稿.docx?v=1&x=2@1", "a.jpg@4", "b.jpg@4", "c%20d.jpg@4", "p.png@5", "v.mp4@5", "o.pdf@9"}
	for _, unsafe := range []bool{true, false} {
		res, err := New(Options{Unsafe: unsafe}).Convert([]byte(src), nil)
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, l := range res.Links {
			if !l.Raw {
				t.Errorf("Markdown link %+v in a text without one", l)
			}
			got = append(got, linkString(l))
		}
		w := want
		if !unsafe {
			w = nil
		}
		if strings.Join(got, " ") != strings.Join(w, " ") {
			t.Errorf("unsafe=%v: raw links\n got: %q\nwant: %q", unsafe, got, w)
		}
	}
}

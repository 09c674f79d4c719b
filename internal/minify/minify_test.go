package minify

import (
	"errors"
	"strings"
	"testing"

	"github.com/pubgen/pubgen/internal/msg"
)

func TestFile(t *testing.T) {
	m := New()
	cases := []struct{ name, in, want string }{
		{"a.html", "<!doctype html>\n<html lang=\"zh-CN\">\n<head>\n  <meta charset=\"utf-8\">\n  <title> 通知 </title>\n</head>\n<body>\n  <p>  党建  </p>\n</body>\n</html>\n",
			`<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>通知</title></head><body><p>党建</p></body></html>`},
		{"a.css", "body {\n  color: #ff0000;\n}\n", "body{color:red}"},
		{"a.js", "function add(a, b) {\n  return a + b;\n}\n", "function add(e,t){return e+t}"},
		{"a.json", "{ \"a\" : [1, 2] }", `{"a":[1,2]}`},
		{"a.pdf", "%PDF-1.4  \n", "%PDF-1.4  \n"},
	}
	for _, c := range cases {
		got, err := m.File(c.name, []byte(c.in))
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != c.want && strings.TrimSpace(string(got)) != c.want {
			t.Errorf("%s: got %q, want %q", c.name, got, c.want)
		}
	}
}

// TestSyntaxErrorInPage: a page whose <script> does not parse is said at
// the page and the line of the mistake in it, in the site's words. The
// column is the parser's, counted oddly inside an HTML page (18 for the
// 10th character here), so only English, which keeps the parser's words,
// shows it.
func TestSyntaxErrorInPage(t *testing.T) {
	_, err := New().File("notices/a/index.html", []byte("<!doctype html><html><head><title>x</title></head><body>\n<p>正文</p>\n<script>\nfunction ( {\n</script></body></html>"))
	var se *SyntaxError
	if !errors.As(err, &se) {
		t.Fatalf("got %v, want a *SyntaxError", err)
	}
	if got, want := (msg.Printer{}).Text(se.Text()), "生成的 notices/a/index.html 第 4 行附近，有一段脚本或样式写得不对，无法压缩（expected Identifier instead of ( in function declaration）。请检查模板或正文里的 <script>、<style> 和 style=\"…\"，看括号、引号是否成对。"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if got, want := (msg.Printer{Lang: msg.English}).Text(se.Text()), "minifying notices/a/index.html: expected Identifier instead of ( in function declaration on line 4 and column 18"; got != want {
		t.Errorf("in English:\n got %s\nwant %s", got, want)
	}
}

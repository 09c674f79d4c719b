package minify

import (
	"strings"
	"testing"
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

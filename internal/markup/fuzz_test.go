package markup

import (
	"bytes"
	"errors"
	"os"
	"testing"
	"unicode/utf8"
)

// FuzzConvert feeds arbitrary text to Convert: it must not panic, must give
// valid UTF-8 for valid UTF-8 input, must give the same bytes twice, and must
// report lines that exist in the input.
func FuzzConvert(f *testing.F) {
	seeds := []string{
		"",
		"# 会议议程\n\n正文",
		"**“三会一课”**制度",
		"见[通知](../notices/2024-07.md#议程)\n和![图](a.jpg)",
		"| 支部 | 人数 |\n|:--|--:|\n| 一 | 12 |",
		"- [x] 学习\n- [ ] 讨论\n\n正文[^1]\n\n[^1]: 脚注",
		"第一行\n第二行\n===\n# 标题 {#custom}\n# 标题",
		"<div>原始</div>\n[x](javascript:alert(1)) <https://a.example/>",
		"> 引用\n> [](e.md)\n\n    代码\n\n~~删除~~ _强调_ *强调*",
	}
	if notice, err := os.ReadFile("testdata/notice.md"); err == nil {
		seeds = append(seeds, string(notice))
	}
	for _, s := range seeds {
		f.Add(s, false)
	}
	f.Add("<b>粗</b>", true)

	f.Fuzz(func(t *testing.T, src string, unsafe bool) {
		c := New(Options{Unsafe: unsafe})
		rw := func(dest string, image bool, line int) string { return dest }
		a, err := c.Convert([]byte(src), rw)
		var le *LimitError
		if errors.As(err, &le) {
			return // refused before goldmark; FuzzPrescan checks the refusal
		}
		if err != nil {
			t.Fatal(err)
		}
		b, err := c.Convert([]byte(src), rw)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(a.HTML, b.HTML) {
			t.Fatalf("two conversions differ:\n%q\n%q", a.HTML, b.HTML)
		}
		if utf8.ValidString(src) && !utf8.Valid(a.HTML) {
			t.Fatalf("invalid UTF-8 output for valid input: %q", a.HTML)
		}
		lines := bytes.Count([]byte(src), []byte("\n")) + 1
		for _, h := range a.TOC {
			if h.Line < 1 || h.Line > lines || h.ID == "" {
				t.Fatalf("heading %+v: bad line or empty id (input has %d lines)", h, lines)
			}
		}
		for _, l := range a.Links {
			if l.Line < 1 || l.Line > lines {
				t.Fatalf("link %+v: line outside 1..%d", l, lines)
			}
		}
	})
}

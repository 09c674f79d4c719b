package diag

import (
	"testing"

	"github.com/pubgen/pubgen/internal/msg"
)

func TestEscape(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"学习资料.md", "学习资料.md"},
		{"", ""},
		{"a\nok: 3 pages", `a\nok: 3 pages`},
		{"\x1b]0;pwned\x07", `\x1b]0;pwned\x07`},
		{"\x1b[2J\x1b[H", `\x1b[2J\x1b[H`},
		{"cr\rover", `cr\rover`},
		{"tab\tx", `tab\tx`},
		{"nul\x00del\x7f", `nul\x00del\x7f`},
		{"c1\u0085\u009b", `c1\u0085\u009b`},
		{"raw\x9bbyte\xff", `raw\x9bbyte\xff`},
		{"sep\u2028\u2029", `sep\u2028\u2029`},
		{"gpj.\u202eexe", `gpj.\u202eexe`},
		{"\u202a\u202b\u202c\u202d", `\u202a\u202b\u202c\u202d`},
		{"\u2066\u2067\u2068\u2069", `\u2066\u2067\u2068\u2069`},
		{"\u200e\u200f\u061c", `\u200e\u200f\u061c`},
		{`C:\path "q"`, `C:\path "q"`},
		{"\ufffd kept", "\ufffd kept"},
		{"全角　空格 and 中文，标点", "全角　空格 and 中文，标点"},
	} {
		if got := Escape(c.in); got != c.want {
			t.Errorf("Escape(%q) = %q, want %q", c.in, got, c.want)
		}
		if got := Escape(Escape(c.in)); got != c.want {
			t.Errorf("Escape twice of %q = %q, want %q", c.in, got, c.want)
		}
	}
}

// TestStringIsOneLine holds the promise of Diagnostic.String: a hostile
// file name, field or message cannot make a second line or move the cursor.
func TestStringIsOneLine(t *testing.T) {
	d := Diagnostic{
		File:  "content/a\nok: 1 pages.md",
		Line:  2,
		Field: "ti\x1b[2Jtle",
		Msg:   msg.Raw("title \u202e\x1b]0;x\x07 is too long"),
	}
	want := `content/a\nok: 1 pages.md:2: ti\x1b[2Jtle: title \u202e\x1b]0;x\x07 is too long`
	if got := d.String(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

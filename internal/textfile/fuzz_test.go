package textfile

import (
	"html"
	"strings"
	"testing"

	"github.com/pubgen/pubgen/internal/privacy"
)

// FuzzText holds Text's promises on any bytes: it never fails on them,
// its HTML text keeps every line where the file has it (a finding's line
// is the file's), and a mobile number in a table cell between any text,, split by inline
// tags and character references, is read whole and apart from the cells
// around it.
func FuzzText(f *testing.F) {
	for _, s := range []string{
		"", "<p>一</p>", "<td>1</td><td>2</td>", "&#10;\n&#13;", "<a href=\"tel:1\n2\">", "<!-- \n -->", "<script>\n</script>",
		"\xff\xfe1\x00", "\xfe\xff\x001", "\xef\xbb\xbf<b>", "\xb5\xe7\xbb\xb0", "\x00", "<td", "<p title='&#53;",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, name := range []string{"a.txt", "a.html"} {
			Text(name, data)
		}
		src, ok := Decode(data)
		if !ok {
			return
		}
		if got, want := strings.Count(shown(src), "\n"), strings.Count(src, "\n"); got != want {
			t.Fatalf("shown(%q) has %d line breaks; the file has %d", src, got, want)
		}
		if strings.ContainsRune(src, 0) {
			return // UTF-16 text with a NUL: planted in UTF-8 it is binary
		}
		// The cells around it hold the same text escaped, as an HTML
		// editor would write it.
		cell := html.EscapeString(src)
		planted := "<table><tr><td>" + cell + "</td><td>1<b>3</b>8&#49;2<span>34</span>&#x35;678</td><td>" + cell + "</td></tr></table>"
		text, _ := Text("a.html", []byte(planted))
		for _, fd := range privacy.Scan(text) {
			if fd.Number == "13812345678" {
				return
			}
		}
		t.Fatalf("the number planted in %q is not found in %q", planted, text)
	})
}

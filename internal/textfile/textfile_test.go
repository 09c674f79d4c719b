package textfile

import (
	"testing"
	"unicode/utf16"

	"golang.org/x/text/encoding/simplifiedchinese"
)

func utf16Bytes(s string, bigEndian bool) []byte {
	b := []byte{0xFF, 0xFE}
	if bigEndian {
		b = []byte{0xFE, 0xFF}
	}
	for _, u := range utf16.Encode([]rune(s)) {
		if bigEndian {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	return b
}

func gb18030(t *testing.T, s string) []byte {
	b, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestText(t *testing.T) {
	const line = "姓名,电话\n张三,13812345678\n"
	for _, c := range []struct {
		name string
		data []byte
		want string
		ok   bool
	}{
		{"a.csv", []byte(line), line, true},
		{"a.CSV", append([]byte{0xEF, 0xBB, 0xBF}, line...), line, true},
		{"a.txt", utf16Bytes(line, false), line, true},
		{"a.txt", utf16Bytes(line, true), line, true},
		{"a.txt", gb18030(t, line), line, true},
		{"a.md", []byte("电话１３８"), "电话１３８", true},
		{"a.txt", []byte("PK\x03\x04\x00\x00"), "", false}, // a zip renamed .txt
		{"a.pdf", []byte(line), "", false},                 // not this package's
		{"a.jpg", []byte(line), "", false},
		{"a.html", []byte("<p>电话138<b>1234</b>&#53;678</p>"), "\t电话13812345678\t", true},
		{"a.htm", []byte("<table><tr><td>138</td><td>12345678</td></tr></table>"), "\t\t\t138\t\t12345678\t\t\t", true},
		{"a.html", []byte("<a href=\"tel:13812345678\">电话</a><p>"), "电话\ttel:13812345678\t", true},
		{"a.html", []byte("<p\nclass=x>一\n二</p>"), "\tx\t\n一\n二\t", true},
		{"a.html", []byte("138<span title=\"t\">1234</span>5678<br>"), "13812345678\tt\t", true},
	} {
		got, ok := Text(c.name, c.data)
		if got != c.want || ok != c.ok {
			t.Errorf("Text(%s, %q) = %q, %v; want %q, %v", c.name, c.data, got, ok, c.want, c.ok)
		}
	}
}

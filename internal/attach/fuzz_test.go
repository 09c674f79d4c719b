package attach

import (
	"os"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

// FuzzExtract feeds arbitrary bytes as each kind of attachment: no panic
// escapes, the limits hold, and the text is valid UTF-8 without control
// characters.
func FuzzExtract(f *testing.F) {
	pdf, err := os.ReadFile("testdata/zh-chromium.pdf")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(".pdf", pdf)
	f.Add(".pdf", onePage("BT /F1 12 Tf 10 700 Td [<0001> -300 <0002>] TJ 0 -14 Td <00FF0100> Tj ET", testCMap))
	f.Add(".pdf", onePage("BI /W 1 ID \x00 EI q 1 0 0 1 5 5 cm [[[[ << /A [1 2] >> Q", testCMap))
	f.Add(".pdf", []byte("%PDF-1.4\n%%EOF\n"))
	f.Add(".txt", []byte("学习\r\n笔记\x00"))
	f.Add(".csv", []byte{0xD6, 0xA7, 0xB2, 0xBF, ',', '1'})
	f.Add(".docx", zlibOf([]byte("PK")))
	lim := Limits{MaxRead: 8 << 20, MaxText: 1 << 16, MaxPages: 50, Timeout: 2 * time.Second}
	f.Fuzz(func(t *testing.T, ext string, data []byte) {
		if !Searchable("x" + ext) {
			return
		}
		parts, _ := Extract("x"+ext, data, lim)
		total := 0
		for _, p := range parts {
			total += len(p.Text)
			if !utf8.ValidString(p.Text) {
				t.Errorf("invalid UTF-8: %q", p.Text)
			}
			if strings.ContainsFunc(p.Text, func(r rune) bool { return r < ' ' }) {
				t.Errorf("control character in %q", p.Text)
			}
			if ext == ".pdf" && (p.Page < 1 || p.Page > lim.MaxPages) {
				t.Errorf("page %d", p.Page)
			}
		}
		if total > lim.MaxText {
			t.Errorf("%d bytes of text, over %d", total, lim.MaxText)
		}
	})
}

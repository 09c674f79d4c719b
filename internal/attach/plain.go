package attach

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

// readPlain reads a text or CSV file. Files saved by Chinese Windows
// (Notepad before 2019, Excel's CSV export to this day) are GBK, not
// UTF-8: a file that is not valid UTF-8 and has no byte-order mark is
// read as GB18030, which includes GBK.
func readPlain(data []byte, b *budget) ([]Part, error) {
	b.charge(len(data))
	var text string
	switch {
	case bytes.HasPrefix(data, []byte{0xEF, 0xBB, 0xBF}):
		text = string(data[3:])
	case bytes.HasPrefix(data, []byte{0xFF, 0xFE}), bytes.HasPrefix(data, []byte{0xFE, 0xFF}):
		s, err := unicode.UTF16(unicode.BigEndian, unicode.UseBOM).NewDecoder().Bytes(data)
		if err != nil {
			return nil, err
		}
		text = string(s)
	case utf8.Valid(data):
		text = string(data)
	default:
		s, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
		if err != nil {
			return nil, err
		}
		text = string(s)
	}
	return keep(b, []Part{{Text: tidy(text)}})
}

// tidy makes text what search indexes: one line, words apart by single
// spaces (as a page's plain text is), without invalid UTF-8 or control
// characters.
func tidy(s string) string {
	s = strings.Map(func(r rune) rune {
		if r < ' ' || r == 0x7F || r == utf8.RuneError {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(s, ""))
	return strings.Join(strings.Fields(s), " ")
}

// keep drops empty parts and cuts the text at the budget's MaxText,
// saying so with a PartialError.
func keep(b *budget, parts []Part) ([]Part, error) {
	out := parts[:0]
	cut := false
	for _, p := range parts {
		if p.Text == "" {
			continue
		}
		room := b.lim.MaxText - b.text
		if room <= 0 {
			cut = true
			break
		}
		if len(p.Text) > room {
			t := p.Text[:room]
			for len(t) > 0 && !utf8.ValidString(t) {
				t = t[:len(t)-1]
			}
			p.Text, cut = t, true
		}
		b.text += len(p.Text)
		out = append(out, p)
	}
	if cut {
		n := mb(int64(b.lim.MaxText))
		return out, &PartialError{fmt.Sprintf("has more than %d MB of text; only the first %d MB are searchable", n, n)}
	}
	return out, nil
}

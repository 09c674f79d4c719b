package attach

import (
	"strings"
	"unicode/utf8"

	"github.com/pubgen/pubgen/internal/textfile"
)

// readPlain reads a plain-text file as package textfile does (UTF-8,
// UTF-16 with a byte-order mark, else GB18030; HTML as a browser shows
// it), so search and the privacy scan see the same text.
func readPlain(name string, data []byte, b *budget) ([]Part, error) {
	b.charge(len(data))
	text, ok := textfile.Text(name, data)
	if !ok {
		return nil, problem(WhyBinary, "")
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
// saying so with a partial Problem.
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
		return out, problem(WhyPartText, "", int64(n))
	}
	return out, nil
}

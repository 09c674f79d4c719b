package attach

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/ledongthuc/pdf"
)

// matrix is a PDF transformation [a b c d e f]: (x, y) → (ax+cy+e, bx+dy+f).
type matrix [6]float64

func identity() matrix { return matrix{1, 0, 0, 1, 0, 0} }

// mul returns m × n: m applied first.
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func translate(x, y float64) matrix { return matrix{1, 0, 0, 1, x, y} }

func (m matrix) origin() (float64, float64) { return m[4], m[5] }

// walker follows a content stream's text operators and writes the text
// with the breaks its positions imply: Chinese has no spaces, so glyphs
// placed next to each other join, a gap between Latin words is a space,
// a line break inside a paragraph joins Chinese lines without one (as the
// search's phrase rule expects) and a larger gap, a new paragraph, is a
// space even between Chinese characters.
type walker struct {
	b   *budget
	out textOut

	ctm   matrix
	stack []matrix
	tm    matrix
	tlm   matrix
	font  *font
	fs    float64 // font size
	tc    float64 // character spacing
	tw    float64 // word spacing
	th    float64 // horizontal scaling, 1 = 100%
	tl    float64 // leading

	// The end of the last glyph shown, its baseline direction and size.
	seen     bool
	ex, ey   float64
	ux, uy   float64
	lastSize float64

	glyphs []glyph
}

func newWalker(b *budget) *walker {
	return &walker{b: b, out: textOut{b: b}, ctm: identity(), tm: identity(), tlm: identity(), th: 1}
}

// maxForms bounds the nesting of form XObjects (a form can draw itself).
const maxForms = 8

func num(args []operand, i int) float64 {
	if i < len(args) && args[i].kind == tNum && !math.IsNaN(args[i].num) && !math.IsInf(args[i].num, 0) {
		return args[i].num
	}
	return 0
}

func mat(args []operand) matrix {
	var m matrix
	for i := range m {
		m[i] = num(args, i)
	}
	return m
}

func (w *walker) run(data []byte, res pdf.Value, depth int) {
	fonts := map[string]*font{}
	l := &lexer{b: data, bud: w.b}
	l.ops(func(op string, args []operand) {
		if w.b.textFull() {
			return
		}
		switch op {
		case "q":
			if len(w.stack) < 64 {
				w.stack = append(w.stack, w.ctm)
			}
		case "Q":
			if n := len(w.stack); n > 0 {
				w.ctm, w.stack = w.stack[n-1], w.stack[:n-1]
			}
		case "cm":
			if len(args) == 6 {
				w.ctm = mat(args).mul(w.ctm)
			}
		case "BT":
			w.tm, w.tlm = identity(), identity()
		case "Tf":
			if len(args) == 2 {
				w.fs = num(args, 1)
				w.font = w.loadFont(fonts, res, args[0].s)
			}
		case "Tc":
			w.tc = num(args, 0)
		case "Tw":
			w.tw = num(args, 0)
		case "Tz":
			w.th = num(args, 0) / 100
		case "TL":
			w.tl = num(args, 0)
		case "Td":
			w.moveLine(num(args, 0), num(args, 1))
		case "TD":
			w.tl = -num(args, 1)
			w.moveLine(num(args, 0), num(args, 1))
		case "Tm":
			if len(args) == 6 {
				w.tm, w.tlm = mat(args), mat(args)
			}
		case "T*":
			w.moveLine(0, -w.tl)
		case "Tj":
			if len(args) == 1 {
				w.show(args[0].s)
			}
		case "'":
			w.moveLine(0, -w.tl)
			if len(args) == 1 {
				w.show(args[0].s)
			}
		case "\"":
			if len(args) == 3 {
				w.tw, w.tc = num(args, 0), num(args, 1)
				w.moveLine(0, -w.tl)
				w.show(args[2].s)
			}
		case "TJ":
			if len(args) == 1 {
				for _, e := range args[0].arr {
					switch e.kind {
					case tStr:
						w.show(e.s)
					case tNum:
						w.tm = translate(-e.num/1000*w.fs*w.th, 0).mul(w.tm)
					}
				}
			}
		case "Do":
			if len(args) == 1 && depth < maxForms {
				w.form(res, args[0].s, depth)
			}
		}
	})
}

func (w *walker) moveLine(x, y float64) {
	w.tlm = translate(x, y).mul(w.tlm)
	w.tm = w.tlm
}

func (w *walker) loadFont(fonts map[string]*font, res pdf.Value, name string) *font {
	if f, ok := fonts[name]; ok {
		return f
	}
	v := res.Key("Font").Key(name)
	var f *font
	if v.Kind() == pdf.Dict {
		f = loadFont(v, w.b)
	}
	fonts[name] = f
	return f
}

// form draws a form XObject: its own content with its resources.
func (w *walker) form(res pdf.Value, name string, depth int) {
	x := res.Key("XObject").Key(name)
	if x.Kind() != pdf.Stream || x.Key("Subtype").Name() != "Form" {
		return
	}
	saved, savedStack := w.ctm, w.stack
	if m := x.Key("Matrix"); m.Len() == 6 {
		var fm matrix
		for i := range fm {
			fm[i] = m.Index(i).Float64()
		}
		w.ctm = fm.mul(w.ctm)
	}
	fres := x.Key("Resources")
	if fres.Kind() != pdf.Dict {
		fres = res
	}
	w.stack = nil
	w.run(w.b.readAll(x.Reader(), w.b.lim.MaxRead), fres, depth+1)
	w.ctm, w.stack = saved, savedStack
}

// show places the glyphs of one shown string.
func (w *walker) show(s string) {
	if w.font == nil {
		return
	}
	w.glyphs = w.font.glyphs(s, w.glyphs[:0])
	for _, g := range w.glyphs {
		m := w.tm.mul(w.ctm)
		x, y := m.origin()
		size := math.Abs(w.fs) * math.Hypot(m[2], m[3])
		if g.text != "" {
			w.place(g.text, x, y, m, size)
		}
		adv := (g.width*w.fs + w.tc) * w.th
		if g.space {
			adv += w.tw * w.th
		}
		w.tm = translate(adv, 0).mul(w.tm)
		if g.text != "" {
			end := w.tm.mul(w.ctm)
			w.ex, w.ey = end.origin()
		}
	}
}

// place writes text shown at (x, y) with the break its distance from the
// last glyph implies.
func (w *walker) place(text string, x, y float64, m matrix, size float64) {
	brk := brkNone
	if w.seen {
		dx, dy := x-w.ex, y-w.ey
		along := dx*w.ux + dy*w.uy
		across := math.Abs(-dx*w.uy + dy*w.ux)
		small := math.Min(size, w.lastSize)
		if small <= 0 {
			small = math.Max(size, w.lastSize)
		}
		switch {
		case across > 1.8*small:
			brk = brkPara
		case across > 0.5*small:
			brk = brkLine
		case along > 1.2*small:
			brk = brkCell
		case along > 0.2*small || along < -small:
			brk = brkSpace
		}
	}
	w.out.add(text, brk)
	w.seen = true
	if n := math.Hypot(m[0], m[1]); n > 0 {
		w.ux, w.uy = m[0]/n, m[1]/n
	}
	w.lastSize = size
}

type brk uint8

const (
	brkNone  brk = iota
	brkSpace     // a gap between words, or the spacing of justified Chinese
	brkCell      // a gap wider than a character: table cells, columns
	brkLine      // the next line of a paragraph
	brkPara      // a new paragraph (or heading)
)

// textOut collects a page's text, charging the budget's text limit.
type textOut struct {
	b    *budget
	sb   strings.Builder
	last rune
}

func (t *textOut) String() string { return strings.TrimSpace(t.sb.String()) }

func (t *textOut) add(text string, k brk) {
	first, _ := utf8.DecodeRuneInString(text)
	if t.sb.Len() > 0 && t.last != ' ' && first != ' ' {
		switch {
		case k == brkPara:
			// A space, as between the blocks of a page's plain text: the
			// index is one line per document.
			t.write(' ')
		case k == brkCell || k != brkNone && !(wide(t.last) && wide(first)):
			t.write(' ')
		}
	}
	for _, r := range text {
		switch {
		case r == utf8.RuneError:
		case unicode.IsSpace(r):
			if t.last != ' ' && t.sb.Len() > 0 {
				t.write(' ')
			}
		case unicode.IsControl(r), unicode.Is(unicode.Co, r):
			// Unmapped glyphs often come out as control or private-use
			// characters: they are not text anyone can search for.
		default:
			t.write(r)
		}
	}
}

func (t *textOut) write(r rune) {
	if t.b.addText(utf8.RuneLen(r)) {
		t.sb.WriteRune(r)
		t.last = r
	}
}

// wide reports whether r is written without spaces around it: Chinese,
// Japanese and Korean letters and their full-width punctuation.
func wide(r rune) bool {
	return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) ||
		r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF
}

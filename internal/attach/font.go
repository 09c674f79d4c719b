package attach

import (
	"strings"

	"github.com/ledongthuc/pdf"
	"golang.org/x/text/encoding/simplifiedchinese"
)

// font turns a shown string's bytes into glyphs: their text and advance.
// The ToUnicode CMap comes first, as the PDF specification says (9.10.2);
// without one, a composite font's predefined Chinese encodings are decoded
// here and a simple font's encoding (WinAnsi, MacRoman, Differences with
// glyph names) by the library.
type font struct {
	toUnicode *cmap
	composite bool   // Type0: multi-byte codes
	encoding  string // a composite font's /Encoding name
	simple    pdf.TextEncoding
	// Advances in glyph space, scaled to text space by scale (1/1000, or a
	// Type3 font's FontMatrix).
	scale     float64
	firstChar int
	widths    []float64          // simple fonts, from firstChar
	cidWidths map[uint32]float64 // composite fonts, by CID
	dw        float64            // a composite font's default width
}

// glyph is one shown code: its text ("" when the font has none for it)
// and its advance in text space per unit of font size.
type glyph struct {
	text  string
	width float64
	space bool // the single-byte code 32, which word spacing applies to
}

// maxWidths bounds a font's width table (a CJK font has ≤ 65,536 glyphs).
const maxWidths = 1 << 16

func loadFont(v pdf.Value, b *budget) *font {
	f := &font{scale: 0.001, dw: 1000}
	if tu := v.Key("ToUnicode"); tu.Kind() == pdf.Stream {
		f.toUnicode = parseCMap(b.readAll(tu.Reader(), b.lim.MaxRead), b)
	}
	switch v.Key("Subtype").Name() {
	case "Type0":
		f.composite = true
		f.encoding = v.Key("Encoding").Name()
		d := v.Key("DescendantFonts").Index(0)
		if dw := d.Key("DW"); dw.Kind() == pdf.Integer || dw.Kind() == pdf.Real {
			f.dw = dw.Float64()
		}
		f.cidWidths = readW(d.Key("W"), b)
		return f
	case "Type3":
		if m := v.Key("FontMatrix"); m.Len() == 6 && m.Index(0).Float64() > 0 {
			f.scale = m.Index(0).Float64()
		}
	}
	// A real Differences array names at most 256 codes; the library's
	// decoder walks the whole array for every byte shown, in memory, so a
	// longer one would spin where no budget sees it.
	if f.toUnicode == nil && v.Key("Encoding").Key("Differences").Len() <= 512 {
		f.simple = (&pdf.Font{V: v}).Encoder()
	}
	f.firstChar = int(v.Key("FirstChar").Int64())
	w := v.Key("Widths")
	for i := 0; i < w.Len() && i < 256; i++ {
		b.step()
		f.widths = append(f.widths, w.Index(i).Float64())
	}
	return f
}

// readW reads a CIDFont's W array: c [w1 w2 …] and c1 c2 w entries.
func readW(w pdf.Value, b *budget) map[uint32]float64 {
	out := map[uint32]float64{}
	for i := 0; i < w.Len() && len(out) < maxWidths; {
		b.step()
		first := w.Index(i)
		if first.Kind() != pdf.Integer || i+1 >= w.Len() {
			break
		}
		c := uint32(first.Int64())
		if next := w.Index(i + 1); next.Kind() == pdf.Array {
			for k := 0; k < next.Len() && len(out) < maxWidths; k++ {
				b.step()
				out[c+uint32(k)] = next.Index(k).Float64()
			}
			i += 2
			continue
		}
		if i+2 >= w.Len() {
			break
		}
		last, width := uint32(w.Index(i+1).Int64()), w.Index(i+2).Float64()
		for k := c; k <= last && len(out) < maxWidths; k++ {
			out[k] = width
		}
		i += 3
	}
	return out
}

// glyphs appends the glyphs of the shown string s to out.
func (f *font) glyphs(s string, out []glyph) []glyph {
	if f.composite {
		return f.compositeGlyphs(s, out)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		g := glyph{width: 0.5, space: c == ' '}
		if k := int(c) - f.firstChar; k >= 0 && k < len(f.widths) {
			g.width = f.widths[k] * f.scale
		}
		if f.toUnicode != nil {
			g.text, _ = f.toUnicode.lookup(uint32(c), 1)
		} else if f.simple != nil {
			g.text = f.simple.Decode(s[i : i+1])
		}
		out = append(out, g)
	}
	return out
}

func (f *font) compositeGlyphs(s string, out []glyph) []glyph {
	if f.toUnicode == nil {
		// Predefined Chinese encodings carry the text in the codes
		// themselves; Identity-H without a ToUnicode map carries none.
		var text string
		switch e := f.encoding; {
		case strings.Contains(e, "UCS2") || strings.Contains(e, "UTF16"):
			text = utf16Text(units(s))
		case strings.HasPrefix(e, "GBK") || strings.HasPrefix(e, "GB-EUC") || strings.HasPrefix(e, "GBpc-EUC") || strings.HasPrefix(e, "GBT-EUC"):
			text, _ = simplifiedchinese.GB18030.NewDecoder().String(s)
		default:
			return append(out, glyph{width: f.dw * f.scale * float64(len(s)/2)})
		}
		for _, r := range text {
			out = append(out, glyph{text: string(r), width: f.dw * f.scale})
		}
		return out
	}
	for len(s) > 0 {
		n := 2
		if f.encoding != "Identity-H" && f.encoding != "Identity-V" {
			if k := f.toUnicode.codeLen(s); k > 0 {
				n = k
			}
		}
		if n > len(s) {
			n = len(s)
		}
		code := codeOf(s[:n])
		g := glyph{width: f.dw * f.scale}
		if w, ok := f.cidWidths[code]; ok {
			g.width = w * f.scale
		}
		g.text, _ = f.toUnicode.lookup(code, n)
		out = append(out, g)
		s = s[n:]
	}
	return out
}

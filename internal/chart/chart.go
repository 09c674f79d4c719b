package chart

import (
	"fmt"
	"html"
	"html/template"
	"strings"
)

// Bar is one labelled value.
type Bar struct {
	Label string
	Value int
}

// Series is one stacked layer of a column chart.
type Series struct {
	Name   string
	Color  string // CSS colour with at least 3:1 contrast on white (WCAG 1.4.11)
	Values []int  // one per column
}

// A chart is drawn in a viewBox Width units wide and scales with its
// container, text included: a label of FontSize units shows at
// FontSize×(drawn width)/Width pixels. The theme's style sheet draws it
// at most MaxWidth pixels wide (an inline style would be refused by the
// site's Content-Security-Policy, style-src 'self'), so the text ranges
// from about 11.6 px on a 360 px phone (328 px of chart) to 17 px on a
// desktop. The first drawings were 640 units wide with 13-unit text:
// 6.7 px on that phone.
const (
	Width    = 340
	FontSize = 12
	fontSize = "12" // FontSize, for the attribute
	MaxWidth = 480
)

const (
	barH    = 20
	gap     = 8
	font    = `font-family="inherit" font-size="` + fontSize + `"`
	inkText = "#1f1f1f"
	axis    = "#767676"
)

// textWidth is how wide s is drawn at FontSize: a CJK character is a full
// em, a digit or Latin letter about 0.6 of one.
func textWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		if r < 0x2E80 {
			w += 0.6
		} else {
			w++
		}
	}
	return w * FontSize
}

// HBar draws one horizontal bar per value, with its number at its end.
// The label column is as wide as the longest label, so names of seven
// characters (机关第一党支部) keep their size instead of being cut.
func HBar(label, color string, bars []Bar) template.HTML {
	maxV := 1
	labelW := 0.0
	for _, b := range bars {
		maxV = max(maxV, b.Value)
		labelW = max(labelW, textWidth(b.Label))
	}
	labelW += 6
	numW := textWidth(fmt.Sprint(maxV)) + 6
	h := len(bars)*(barH+gap) + gap
	var b strings.Builder
	open(&b, label, Width, h)
	scale := (float64(Width) - labelW - numW) / float64(maxV)
	for i, bar := range bars {
		y := gap + i*(barH+gap)
		w := float64(bar.Value) * scale
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="end" fill="%s" %s>%s</text>`, labelW-6, y+barH/2+4, inkText, font, esc(bar.Label))
		fmt.Fprintf(&b, `<rect x="%.1f" y="%d" width="%.1f" height="%d" fill="%s"/>`, labelW, y, w, barH, esc(color))
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" fill="%s" %s>%d</text>`, labelW+w+4, y+barH/2+4, inkText, font, bar.Value)
	}
	fmt.Fprintf(&b, `<line x1="%.1f" y1="0" x2="%.1f" y2="%d" stroke="%s"/>`, labelW, labelW, h, axis)
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// Stacked draws one column per label with the series stacked in it. Only
// every step-th label is written under its column — more apart when the
// labels would otherwise touch — so two years of months stay legible on a
// phone.
func Stacked(label string, labels []string, series []Series, step int) template.HTML {
	totals := make([]int, len(labels))
	for _, s := range series {
		for i, v := range s.Values {
			totals[i] += v
		}
	}
	maxV := 1
	for _, t := range totals {
		maxV = max(maxV, t)
	}
	const h, top, bottom = 200, 10, 24
	left := int(textWidth(fmt.Sprint(maxV))) + 8
	plotH := float64(h - top - bottom)
	colW := float64(Width-left-4) / float64(max(1, len(labels)))
	widest := 0.0
	for _, l := range labels {
		widest = max(widest, textWidth(l))
	}
	for step > 0 && float64(step)*colW < widest+6 {
		step++
	}
	var b strings.Builder
	open(&b, label, Width, h)
	// Gridlines at a round step, so the scale can be read off.
	tick := niceStep(maxV)
	for v := 0; v <= maxV; v += tick {
		y := float64(h-bottom) - float64(v)/float64(maxV)*plotH
		fmt.Fprintf(&b, `<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#d9d9d9"/>`, left, y, Width, y)
		fmt.Fprintf(&b, `<text x="%d" y="%.1f" text-anchor="end" fill="%s" %s>%d</text>`, left-4, y+4, inkText, font, v)
	}
	for i, l := range labels {
		x := float64(left) + float64(i)*colW
		y := float64(h - bottom)
		for _, s := range series {
			if i >= len(s.Values) || s.Values[i] == 0 {
				continue
			}
			bh := float64(s.Values[i]) / float64(maxV) * plotH
			y -= bh
			fmt.Fprintf(&b, `<rect x="%.1f" y="%.1f" width="%.1f" height="%.1f" fill="%s"><title>%s %s：%d</title></rect>`,
				x+colW*0.15, y, colW*0.7, bh, esc(s.Color), esc(l), esc(s.Name), s.Values[i])
		}
		// A label starts at its column and runs over the next ones; one
		// that would run out of the drawing is left out.
		if step > 0 && i%step == 0 && x+textWidth(l) <= Width {
			fmt.Fprintf(&b, `<text x="%.1f" y="%d" fill="%s" %s>%s</text>`, x, h-bottom+16, inkText, font, esc(l))
		}
	}
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s"/>`, left, h-bottom, Width, h-bottom, axis)
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// open starts an SVG that scales to its container and reads as one image
// named label: the table beside it carries the numbers.
func open(b *strings.Builder, label string, w, h int) {
	fmt.Fprintf(b, `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" role="img" aria-label="%s">`, w, h, w, h, esc(label))
}

// niceStep picks a gridline step of 1, 2 or 5 times a power of ten giving
// at most five steps above zero.
func niceStep(maxV int) int {
	for p := 1; ; p *= 10 {
		for _, m := range []int{1, 2, 5} {
			if maxV/(m*p) <= 5 {
				return m * p
			}
		}
	}
}

func esc(s string) string { return html.EscapeString(s) }

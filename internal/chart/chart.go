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

const (
	width   = 640
	barH    = 26
	gap     = 10
	labelW  = 150
	font    = `font-family="inherit" font-size="13"`
	inkText = "#1f1f1f"
	axis    = "#767676"
)

// HBar draws one horizontal bar per value, with its number at its end.
func HBar(label, color string, bars []Bar) template.HTML {
	maxV := 1
	for _, b := range bars {
		maxV = max(maxV, b.Value)
	}
	h := len(bars)*(barH+gap) + gap
	var b strings.Builder
	open(&b, label, width, h)
	scale := float64(width-labelW-50) / float64(maxV)
	for i, bar := range bars {
		y := gap + i*(barH+gap)
		w := float64(bar.Value) * scale
		fmt.Fprintf(&b, `<text x="%d" y="%d" text-anchor="end" fill="%s" %s>%s</text>`, labelW-8, y+barH/2+5, inkText, font, esc(bar.Label))
		fmt.Fprintf(&b, `<rect x="%d" y="%d" width="%.1f" height="%d" fill="%s"/>`, labelW, y, w, barH, esc(color))
		fmt.Fprintf(&b, `<text x="%.1f" y="%d" fill="%s" %s>%d</text>`, float64(labelW)+w+6, y+barH/2+5, inkText, font, bar.Value)
	}
	fmt.Fprintf(&b, `<line x1="%d" y1="0" x2="%d" y2="%d" stroke="%s"/>`, labelW, labelW, h, axis)
	b.WriteString(`</svg>`)
	return template.HTML(b.String())
}

// Stacked draws one column per label with the series stacked in it. Only
// every step-th label is written under its column, so two years of months
// stay legible on a phone.
func Stacked(label string, labels []string, series []Series, step int) template.HTML {
	const h, top, bottom, left = 260, 10, 30, 34
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
	plotH := float64(h - top - bottom)
	colW := float64(width-left-4) / float64(max(1, len(labels)))
	var b strings.Builder
	open(&b, label, width, h)
	// Gridlines at a round step, so the scale can be read off.
	tick := niceStep(maxV)
	for v := 0; v <= maxV; v += tick {
		y := float64(h-bottom) - float64(v)/float64(maxV)*plotH
		fmt.Fprintf(&b, `<line x1="%d" y1="%.1f" x2="%d" y2="%.1f" stroke="#d9d9d9"/>`, left, y, width, y)
		fmt.Fprintf(&b, `<text x="%d" y="%.1f" text-anchor="end" fill="%s" %s>%d</text>`, left-6, y+4, inkText, font, v)
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
		if step > 0 && i%step == 0 {
			fmt.Fprintf(&b, `<text x="%.1f" y="%d" text-anchor="middle" fill="%s" %s>%s</text>`, x+colW/2, h-bottom+18, inkText, font, esc(l))
		}
	}
	fmt.Fprintf(&b, `<line x1="%d" y1="%d" x2="%d" y2="%d" stroke="%s"/>`, left, h-bottom, width, h-bottom, axis)
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

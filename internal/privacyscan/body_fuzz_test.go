package privacyscan

import (
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/pubgen/pubgen/internal/convert"
	"github.com/pubgen/pubgen/internal/markup"
	"github.com/pubgen/pubgen/internal/page"
	"github.com/pubgen/pubgen/internal/privacy"
	"github.com/pubgen/pubgen/internal/site"
)

// FuzzRenderedScan holds the body scan's promises on any Markdown: every
// number the rendered text shows is reported (as often as it shows), at a
// line and column inside the body; and a mobile or ID number hidden from
// the source by markup a reader never sees — emphasis, code spans,
// strikethrough, character references, raw HTML tags, backslash escapes —
// in a body's first line is found and placed on that line.
func FuzzRenderedScan(f *testing.F) {
	for i, s := range []string{
		"", "正文", "138**1234**5678", "&#49;38", "`code`", "<!-- x -->", "```\n138 1234\n5678\n```", "[a]: /x",
		"* 13812345678\n* 110105 19491231 002X", "| 138 | 1234 |\n|---|---|\n| 5678 | x |", "> 引用 138\n> 1234 5678",
	} {
		f.Add(s, uint64(i)*7919, uint16(i)*2654)
	}
	conv := markup.New(markup.Options{})
	keep := func(dest string, _ bool, _ int) string { return dest }
	f.Fuzz(func(t *testing.T, text string, n uint64, style uint16) {
		digits, written := hiddenNumber(n, style)
		body := "号码：" + written + "。\n\n" + text
		res, err := conv.Convert([]byte(body), keep)
		if err != nil {
			return // over the Markdown budget: refused before any scan
		}
		nd := &site.Node{Page: &page.Page{Path: "content/notices/a.md", Body: []byte(body), BodyLine: 5}, PlainText: convert.PlainText(res.HTML)}
		shown := map[string]int{}
		for _, fd := range privacy.Scan(nd.PlainText) {
			shown[fd.Number]++
		}
		if shown[digits] == 0 {
			t.Fatalf("the rendered text %q does not show %s written as %q", nd.PlainText, digits, written)
		}
		var l piiList
		scanBody(nd, &l)
		lines := strings.Split(body, "\n")
		reported := map[string]int{}
		first := false
		for _, p := range l {
			reported[p.number]++
			i := p.d.Line - nd.BodyLine
			if i < 0 || i >= len(lines) || p.d.Col > utf8.RuneCountInString(lines[i])+1 {
				t.Fatalf("%s is outside the body (%d lines)", p.d, len(lines))
			}
			first = first || p.number == digits && p.d.Line == nd.BodyLine && p.d.Col > 0
		}
		for num, k := range shown {
			if reported[num] < k {
				t.Fatalf("the rendered text %q shows %s %d times; reported %d times: %v", nd.PlainText, num, k, reported[num], l)
			}
		}
		if !first {
			t.Fatalf("%s written as %q in the first line is not reported there: %v", digits, written, l)
		}
	})
}

// hiddenNumber makes a mobile or ID number from n and writes it with each
// group hidden in one way style picks; it returns the digits.
func hiddenNumber(n uint64, style uint16) (digits, written string) {
	var sizes []int
	if style&1 == 0 {
		digits = fmt.Sprintf("1%d%09d", 3+n%7, n/7%1e9)
		sizes = []int{3, 4, 4}
	} else {
		birth := time.Date(1950, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, int(n%36500))
		digits = fmt.Sprintf("110105%s%03d", birth.Format("20060102"), n/36500%1000)
		sum := 0
		for i, w := range []int{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2} {
			sum += int(digits[i]-'0') * w
		}
		digits += string("10X98765432"[sum%11])
		sizes = []int{6, 8, 4}
	}
	var b strings.Builder
	at := 0
	prev := uint16(0)
	for k, size := range sizes {
		g := digits[at : at+size]
		at += size
		if k > 0 && style&2 != 0 {
			b.WriteString(`\-`) // an escaped hyphen between groups
		}
		how := style >> (2 + 3*k) & 7
		if delim := map[uint16]byte{1: '*', 2: '`', 3: '~', 7: '*'}; style&2 == 0 && delim[how] != 0 && delim[how] == delim[prev] {
			// Two runs of the same delimiter side by side are one run to
			// Markdown: the marks would show.
			how = 0
		}
		prev = how
		switch how {
		case 0:
			b.WriteString(g)
		case 1:
			b.WriteString("**" + g + "**")
		case 2:
			b.WriteString("`" + g + "`")
		case 3:
			b.WriteString("~~" + g + "~~")
		case 4:
			for _, c := range g {
				fmt.Fprintf(&b, "&#%d;", c)
			}
		case 5:
			for _, c := range g {
				fmt.Fprintf(&b, "&#x%X;", c)
			}
		case 6:
			b.WriteString("<span>" + g + "</span>")
		case 7:
			b.WriteString("*" + g + "*")
		}
	}
	return digits, b.String()
}

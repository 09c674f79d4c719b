package corpus

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// gen holds the random source of one Generate call; every choice goes
// through it, in a fixed order, which is what makes a seed reproducible.
type gen struct {
	r     *rand.Rand
	zone  *time.Location // a fixed +08:00, independent of the machine's zone database
	start time.Time      // the first day of the three years pages are spread over
}

func pick[T any](g *gen, xs []T) T { return xs[g.r.IntN(len(xs))] }

func (g *gen) name() string { return pick(g, surnames) + pick(g, givenNames) }

// sentence is one statement of the kind a branch report or notice is made
// of, with numbers and the odd Latin word where real texts have them.
func (g *gen) sentence() string {
	var b strings.Builder
	if g.r.IntN(4) == 0 {
		b.WriteString(pick(g, openers))
	}
	b.WriteString(pick(g, subjects))
	b.WriteString(pick(g, times))
	b.WriteString(pick(g, adverbs))
	b.WriteString(pick(g, verbs))
	b.WriteString(pick(g, objects))
	b.WriteString("，")
	tail := pick(g, tails)
	tail = strings.ReplaceAll(tail, "{n}", strconv.Itoa(3+g.r.IntN(480)))
	tail = strings.ReplaceAll(tail, "{p}", strconv.Itoa(80+g.r.IntN(20)))
	b.WriteString(tail)
	switch g.r.IntN(6) {
	case 0:
		fmt.Fprintf(&b, "，%s同志作了交流发言", g.name())
	case 1:
		fmt.Fprintf(&b, "，%d年%s片区的做法得到推广", 2024+g.r.IntN(3), pick(g, places))
	}
	b.WriteString("。")
	return b.String()
}

func (g *gen) paragraph() string {
	var b strings.Builder
	for i := 2 + g.r.IntN(3); i > 0; i-- {
		b.WriteString(g.sentence())
	}
	return b.String()
}

// body returns Markdown of between 300 and 3000 characters: paragraphs, and
// in longer texts headings, a list or a table, as real pages have.
func (g *gen) body() string {
	// The last block may overshoot target by at most ~400 characters.
	target := 300 + g.r.IntN(2250)
	var b strings.Builder
	n, section := 0, 0
	add := func(s string) {
		b.WriteString(s)
		b.WriteString("\n\n")
		n += utf8.RuneCountInString(s) + 2
	}
	for n < target {
		switch k := g.r.IntN(10); {
		case k == 0 && n > 200:
			section++
			add(fmt.Sprintf("## %s、%s", chineseNumber(section), pick(g, objects)))
		case k == 1:
			add(g.list())
		case k == 2 && n > 400:
			add(g.table())
		default:
			add(g.paragraph())
		}
	}
	return b.String()
}

func (g *gen) list() string {
	var b strings.Builder
	for i := 2 + g.r.IntN(3); i > 0; i-- {
		fmt.Fprintf(&b, "- %s%s；\n", pick(g, verbs), pick(g, objects))
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func (g *gen) table() string {
	var b strings.Builder
	b.WriteString("| 项目 | 责任人 | 完成情况 |\n|---|---|---:|\n")
	for i := 2 + g.r.IntN(3); i > 0; i-- {
		fmt.Fprintf(&b, "| %s | %s | %d%% |\n", pick(g, objects), g.name(), 60+g.r.IntN(41))
	}
	return strings.TrimSuffix(b.String(), "\n")
}

func chineseNumber(n int) string {
	digits := []string{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}
	if n <= 10 {
		return digits[n]
	}
	return strconv.Itoa(n)
}

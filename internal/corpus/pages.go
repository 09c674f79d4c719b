package corpus

import (
	"fmt"
	"strings"
	"time"
)

// frontMatter collects YAML lines; free text is double-quoted with Go's %q,
// which for printable text is also valid YAML, so a generated title can
// never break the document.
type frontMatter struct{ b strings.Builder }

func (f *frontMatter) line(format string, args ...any) {
	fmt.Fprintf(&f.b, format, args...)
	f.b.WriteByte('\n')
}

func (f *frontMatter) page(body string) []byte {
	return []byte("---\n" + f.b.String() + "---\n\n" + body)
}

const (
	dayLayout  = "2006-01-02"
	timeLayout = "2006-01-02 15:04"
)

// common writes the fields every type has and returns the page's date.
func (g *gen) common(f *frontMatter, title, branch string) time.Time {
	d := g.start.AddDate(0, 0, g.r.IntN(3*365)).Add(time.Duration(8+g.r.IntN(10)) * time.Hour)
	f.line("title: %q", title)
	switch g.r.IntN(3) {
	case 0:
		f.line("date: %s", d.Format(dayLayout))
	case 1:
		f.line("date: %s", d.Format(timeLayout))
	default:
		f.line("date: %s", d.Format(time.RFC3339))
	}
	f.line("branch: %s", branch)
	if g.r.IntN(3) == 0 {
		f.line("summary: %q", g.sentence())
	}
	tags := []string{pick(g, tagWords)}
	if g.r.IntN(2) == 0 {
		if t := pick(g, tagWords); t != tags[0] {
			tags = append(tags, t)
		}
	}
	f.line("tags: [%s]", strings.Join(tags, ", "))
	if g.r.IntN(100) == 0 {
		f.line("pinned: true")
	}
	return d
}

func (g *gen) notice() []byte {
	var f frontMatter
	kind := pick(g, meetingKinds)
	d := g.common(&f, g.noticeTitle(kind), pick(g, branches).Name)
	s := time.Date(d.Year(), d.Month(), d.Day()+1+g.r.IntN(10), pick(g, []int{9, 10, 14, 15, 16}), pick(g, []int{0, 30}), 0, 0, g.zone)
	e := s.Add(time.Duration(60+30*g.r.IntN(4)) * time.Minute)
	f.line("meeting:")
	f.line("  kind: %s", kind)
	f.line("  start: %s", s.Format(timeLayout))
	f.line("  end: %s", e.Format(timeLayout))
	f.line("  location: %s", pick(g, facilities))
	f.line("  host: %s %s", pick(g, roles), g.name())
	if g.r.IntN(4) == 0 {
		f.line("deadline: %s", s.AddDate(0, 0, -1).Format(dayLayout))
	}
	return f.page("各位党员同志：\n\n" + g.body())
}

func (g *gen) noticeTitle(kind string) string {
	y, q, m := 2024+g.r.IntN(3), 1+g.r.IntN(4), 1+g.r.IntN(12)
	switch kind {
	case "支部党员大会":
		return fmt.Sprintf("关于召开%d年第%s季度支部党员大会的通知", y, chineseNumber(q))
	case "支委会":
		return fmt.Sprintf("关于召开%d月份支委会的通知", m)
	case "党小组会":
		return fmt.Sprintf("关于召开第%s党小组%d月份党小组会的通知", chineseNumber(1+g.r.IntN(3)), m)
	case "党课":
		return fmt.Sprintf("关于举办“%s”专题党课的通知", pick(g, studyTopics))
	case "主题党日":
		return fmt.Sprintf("关于开展“%s”主题党日活动的通知", pick(g, themes))
	}
	return fmt.Sprintf("关于做好%s有关工作的通知", pick(g, objects))
}

func (g *gen) disclosure() []byte {
	var f frontMatter
	cat := pick(g, disclosureCategories)
	d := g.common(&f, g.disclosureTitle(cat), pick(g, branches).Name)
	ps := d.AddDate(0, 0, 1+g.r.IntN(5))
	f.line("category: %s", cat)
	f.line("publicity:")
	f.line("  start: %s", ps.Format(dayLayout))
	f.line("  end: %s", ps.AddDate(0, 0, 4+g.r.IntN(12)).Format(dayLayout))
	f.line("contact:")
	f.line("  phone: 0571-8765 %04d", 2000+g.r.IntN(1000))
	f.line("  email: dzb%02d@example.com", 1+g.r.IntN(len(branches)))
	f.line("  address: %s", pick(g, facilities))
	if g.r.IntN(2) == 0 {
		f.line("result: %q", "公示期满无异议。"+g.sentence())
	}
	// The procedure record takes no random draws, so the rest of the
	// corpus is the same as before it was added.
	f.line("review: {proposed_by: 支部委员会, reviewed_by: 党委办公室, approved_by: 集团党委, approved_on: %s}", d.Format(dayLayout))
	return f.page(g.body())
}

func (g *gen) disclosureTitle(cat string) string {
	y := 2024 + g.r.IntN(3)
	switch cat {
	case "发展党员公示":
		return fmt.Sprintf("关于拟发展%s同志为中共预备党员的公示", g.name())
	case "党费收缴情况":
		return fmt.Sprintf("%d年第%s季度党费收缴情况公开", y, chineseNumber(1+g.r.IntN(4)))
	case "评优评先公示":
		return fmt.Sprintf("%d年度优秀共产党员推荐人选公示", y)
	case "民主评议":
		return fmt.Sprintf("%d年度民主评议党员结果公示", y)
	case "换届选举":
		return fmt.Sprintf("%s委员会换届选举结果公示", pick(g, branches).Name)
	}
	return fmt.Sprintf("关于调整%s党小组设置的公示", pick(g, branches).Name)
}

func (g *gen) study() []byte {
	var f frontMatter
	topic := pick(g, studyTopics)
	series, order := "", 0
	if g.r.IntN(3) == 0 {
		series, order = pick(g, studySeries), 1+g.r.IntN(8)
	}
	title := topic + "学习提纲"
	if series != "" {
		title = fmt.Sprintf("%s（%s）：%s", series, chineseNumber(order), topic)
	}
	g.common(&f, title, pick(g, branches).Name)
	if series != "" {
		f.line("series: %s", series)
		f.line("order: %d", order)
	}
	f.line("source: %s", pick(g, studySources))
	return f.page(g.body())
}

// showcase returns the bundle's index.md; its cover (and gallery photo,
// when there is one) are written by Generate from the shared PNG.
func (g *gen) showcase() (page []byte, gallery bool) {
	var f frontMatter
	branch := pick(g, branches).Name
	g.common(&f, fmt.Sprintf("%s%s工作纪实", branch, pick(g, showcaseProjects)), branch)
	f.line("cover: cover.png")
	if gallery = g.r.IntN(3) == 0; gallery {
		f.line("gallery:")
		f.line("  - file: photo-1.png")
		f.line("    caption: %q", pick(g, subjects)+pick(g, verbs)+pick(g, objects))
	}
	if g.r.IntN(2) == 0 {
		f.line("award: %s", pick(g, awards))
	}
	return f.page(g.body()), gallery
}

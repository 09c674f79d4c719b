package render

import (
	"fmt"
	"html/template"
	"sort"

	"github.com/pubgen/pubgen/internal/chart"
	"github.com/pubgen/pubgen/internal/site"
)

// Stats are the figures of the statistics page (数据统计), each as a chart
// and as the rows of the table beside it.
type Stats struct {
	Types      []string // section titles, in navigation order
	Months     []MonthRow
	MonthChart template.HTML
	Meetings   []chart.Bar
	MeetChart  template.HTML
	Categories []chart.Bar
	CatChart   template.HTML
}

// MonthRow is one month of pages published, by type.
type MonthRow struct {
	Month  string // 2026-03
	Counts []int  // in the order of Stats.Types
	Total  int
}

// typeColors distinguish the sections in the stacked chart; each has at
// least 3:1 contrast on white, as WCAG asks of graphics. The legend's
// .swatch-N classes in style.css repeat them (the CSP forbids inline style).
var typeColors = []string{"#b71c1c", "#1f5fa8", "#8a6100", "#2e7d32", "#6a3d9a"}

// Stats computes the statistics page's figures from the site.
func (d *Data) Stats() *Stats {
	d.rec.read(kStats, "")
	return stats(d.graph())
}

func stats(s *site.Site) *Stats {
	st := &Stats{}
	var secs []*site.Section
	for _, sec := range s.Sections {
		if len(sec.Pages) > 0 {
			secs = append(secs, sec)
			st.Types = append(st.Types, sec.Index.Title)
		}
	}
	st.Months = monthRows(s, secs)
	labels := make([]string, len(st.Months))
	series := make([]chart.Series, len(secs))
	for i, sec := range secs {
		series[i] = chart.Series{Name: sec.Index.Title, Color: typeColors[i%len(typeColors)]}
	}
	for m, row := range st.Months {
		labels[m] = row.Month
		for i := range secs {
			series[i].Values = append(series[i].Values, row.Counts[i])
		}
	}
	st.MonthChart = chart.Stacked("每月发布数量柱状图，按栏目堆叠；数据见旁边的表格", labels, series, 3)
	st.Meetings = meetingBars(s)
	st.MeetChart = chart.HBar("各支部召开会议次数条形图；数据见旁边的表格", typeColors[0], st.Meetings)
	st.Categories = categoryBars(s)
	st.CatChart = chart.HBar("党务公开事项按类别的条形图；数据见旁边的表格", typeColors[1], st.Categories)
	return st
}

// monthRows counts pages per month from the first month with a page to the
// last, months without pages included, so the chart's time axis is even.
func monthRows(s *site.Site, secs []*site.Section) []MonthRow {
	loc := s.Config.Location
	counts := map[string][]int{}
	var first, last string
	for i, sec := range secs {
		for _, n := range sec.Pages {
			if n.Date.IsZero() {
				continue
			}
			m := n.Date.In(loc).Format("2006-01")
			if counts[m] == nil {
				counts[m] = make([]int, len(secs))
			}
			counts[m][i]++
			if first == "" || m < first {
				first = m
			}
			if m > last {
				last = m
			}
		}
	}
	var out []MonthRow
	if first == "" {
		return nil
	}
	var y, mo int
	fmt.Sscanf(first, "%d-%d", &y, &mo)
	for {
		m := fmt.Sprintf("%04d-%02d", y, mo)
		row := MonthRow{Month: m, Counts: counts[m]}
		if row.Counts == nil {
			row.Counts = make([]int, len(secs))
		}
		for _, c := range row.Counts {
			row.Total += c
		}
		out = append(out, row)
		if m >= last {
			return out
		}
		if mo++; mo > 12 {
			y, mo = y+1, 1
		}
	}
}

// meetingBars counts the meetings each branch announced that have begun by
// the build date, in the order of the site's branches.
func meetingBars(s *site.Site) []chart.Bar {
	var out []chart.Bar
	for _, t := range s.Branches.Terms {
		n := 0
		for _, p := range t.Pages {
			if p.Meeting != nil && !p.Meeting.Start.IsZero() && p.Meeting.Start.Before(s.Now) {
				n++
			}
		}
		out = append(out, chart.Bar{Label: t.Name, Value: n})
	}
	if len(s.Config.Branches) > 0 {
		rank := map[string]int{}
		for i, b := range s.Config.Branches {
			rank[b.Name] = i + 1
		}
		sort.SliceStable(out, func(i, j int) bool { return rank[out[i].Label] < rank[out[j].Label] })
	}
	return out
}

// categoryBars counts disclosures by category, the most frequent first.
func categoryBars(s *site.Site) []chart.Bar {
	counts := map[string]int{}
	for _, n := range s.Pages {
		if n.Publicity == nil {
			continue
		}
		c := n.Category
		if c == "" {
			c = "未分类"
		}
		counts[c]++
	}
	var out []chart.Bar
	for c, n := range counts {
		out = append(out, chart.Bar{Label: c, Value: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Value != out[j].Value {
			return out[i].Value > out[j].Value
		}
		return out[i].Label < out[j].Label
	})
	return out
}

package ledger

import (
	"strconv"
	"time"

	"github.com/pubgen/pubgen/internal/config"
)

// States of a requirement in one period.
const (
	Met     = "met"     // held at least the minimum
	Short   = "short"   // the period is over and too few were held
	Pending = "pending" // the period is not over yet and the minimum not reached
)

// Meeting is one meeting a branch announced.
type Meeting struct {
	Kind  string
	Start time.Time
}

// Quarter is one quarter of a branch's ledger.
type Quarter struct {
	Year, Q int
	Rows    []Row
	Short   bool // some requirement of the quarter was missed
	Current bool // the quarter holding now
}

// Label is the quarter as a Chinese reader writes it.
func (q Quarter) Label() string {
	return strconv.Itoa(q.Year) + "年第" + "一二三四"[3*(q.Q-1):3*q.Q] + "季度"
}

// Row is one rule in one quarter: for a monthly rule, one cell per month.
type Row struct {
	Kind  string
	Min   int
	Cells []Cell // three for a monthly rule, one for a quarterly rule
	Held  int    // in the quarter
	Short bool
}

// Cell is one period of a rule.
type Cell struct {
	Label string // "7月" or "第三季度"
	Held  int
	State string // Met, Short or Pending
}

// Build returns the ledger of the meetings, from the quarter of the first
// one to the quarter holding now, newest quarter first. Only meetings that
// started before now count as held: a notice of a meeting next week is not
// a meeting held. Periods are calendar months and quarters in loc.
func Build(rules []config.LedgerRule, meetings []Meeting, now time.Time, loc *time.Location) []Quarter {
	var first time.Time
	for _, m := range meetings {
		if m.Start.Before(now) && (first.IsZero() || m.Start.Before(first)) {
			first = m.Start
		}
	}
	if first.IsZero() || len(rules) == 0 {
		return nil
	}
	start := quarterStart(first.In(loc))
	nowQ := quarterStart(now.In(loc))
	var out []Quarter
	for q := start; !q.After(nowQ); q = q.AddDate(0, 3, 0) {
		out = append(out, quarter(rules, meetings, q, now, loc))
	}
	for i, j := 0, len(out)-1; i < j; i, j = i+1, j-1 {
		out[i], out[j] = out[j], out[i]
	}
	return out
}

func quarterStart(t time.Time) time.Time {
	m := (int(t.Month())-1)/3*3 + 1
	return time.Date(t.Year(), time.Month(m), 1, 0, 0, 0, 0, t.Location())
}

func quarter(rules []config.LedgerRule, meetings []Meeting, qStart, now time.Time, loc *time.Location) Quarter {
	qEnd := qStart.AddDate(0, 3, 0)
	q := Quarter{Year: qStart.Year(), Q: int(qStart.Month()-1)/3 + 1, Current: !now.Before(qStart) && now.Before(qEnd)}
	for _, r := range rules {
		row := Row{Kind: r.Kind, Min: r.Min}
		periods := [][2]time.Time{{qStart, qEnd}}
		if r.Period == "month" {
			periods = [][2]time.Time{
				{qStart, qStart.AddDate(0, 1, 0)},
				{qStart.AddDate(0, 1, 0), qStart.AddDate(0, 2, 0)},
				{qStart.AddDate(0, 2, 0), qEnd},
			}
		}
		for _, p := range periods {
			c := Cell{Label: label(p[0], r.Period), Held: count(meetings, r.Kind, p[0], p[1], now)}
			switch {
			case c.Held >= r.Min:
				c.State = Met
			case now.Before(p[1]):
				c.State = Pending
			default:
				c.State = Short
				row.Short = true
			}
			row.Held += c.Held
			row.Cells = append(row.Cells, c)
		}
		q.Short = q.Short || row.Short
		q.Rows = append(q.Rows, row)
	}
	return q
}

func label(start time.Time, period string) string {
	if period == "month" {
		return strconv.Itoa(int(start.Month())) + "月"
	}
	return "全季度"
}

func count(meetings []Meeting, kind string, from, to, now time.Time) int {
	n := 0
	for _, m := range meetings {
		if m.Kind == kind && !m.Start.Before(from) && m.Start.Before(to) && m.Start.Before(now) {
			n++
		}
	}
	return n
}

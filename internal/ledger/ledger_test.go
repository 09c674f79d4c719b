package ledger

import (
	"strconv"
	"testing"
	"time"

	"github.com/pubgen/pubgen/internal/config"
)

var sh, _ = time.LoadLocation("Asia/Shanghai")

func at(y, m, d, h, min int) time.Time { return time.Date(y, time.Month(m), d, h, min, 0, 0, sh) }

var rules = config.Default().Ledger.Rules

func cells(r Row) []string {
	var out []string
	for _, c := range r.Cells {
		out = append(out, c.Label+":"+strconv.Itoa(c.Held)+":"+c.State)
	}
	return out
}

func row(q Quarter, kind string) Row {
	for _, r := range q.Rows {
		if r.Kind == kind {
			return r
		}
	}
	return Row{}
}

func TestQuarterBoundaries(t *testing.T) {
	meetings := []Meeting{
		{"支部党员大会", at(2026, 3, 31, 23, 59)}, // last minute of Q1
		{"支部党员大会", at(2026, 4, 1, 0, 0)},    // first minute of Q2
		{"党课", at(2026, 6, 30, 15, 0)},
		{"支委会", at(2026, 4, 30, 9, 0)},
		{"支委会", at(2026, 6, 1, 0, 0)},
		{"党小组会", at(2026, 4, 2, 9, 0)},
		{"党小组会", at(2026, 5, 2, 9, 0)},
		{"党小组会", at(2026, 6, 2, 9, 0)},
	}
	qs := Build(rules, meetings, at(2026, 8, 15, 12, 0), sh)
	if len(qs) != 3 {
		t.Fatalf("%d quarters, want Q3, Q2, Q1 of 2026", len(qs))
	}
	q3, q2, q1 := qs[0], qs[1], qs[2]
	if q1.Label() != "2026年第一季度" || q2.Q != 2 || !q3.Current || q2.Current {
		t.Fatalf("quarters %s %d %d (current %v %v)", q1.Label(), q2.Q, q3.Q, q3.Current, q2.Current)
	}
	if r := row(q1, "支部党员大会"); r.Held != 1 || r.Short {
		t.Errorf("Q1 党员大会 on 31 March 23:59: held %d short %v, want 1 and met", r.Held, r.Short)
	}
	if r := row(q2, "支部党员大会"); r.Held != 1 || r.Short {
		t.Errorf("Q2 党员大会 on 1 April 00:00: held %d, want 1", r.Held)
	}
	if got, want := cells(row(q2, "支委会")), []string{"4月:1:met", "5月:0:short", "6月:1:met"}; !equal(got, want) {
		t.Errorf("Q2 支委会 = %v, want %v (May missing)", got, want)
	}
	if !q2.Short || row(q2, "党小组会").Short || row(q2, "党课").Short {
		t.Errorf("Q2 should be short only for 支委会: %+v", q2)
	}
	// Q1: only January's absence of 支委会 etc.: every month short, and
	// 党课 short for the quarter.
	if got := cells(row(q1, "党课")); !equal(got, []string{"全季度:0:short"}) {
		t.Errorf("Q1 党课 = %v", got)
	}
	// Q3 is running: what is not yet due is pending, July is over and short.
	if got, want := cells(row(q3, "支委会")), []string{"7月:0:short", "8月:0:pending", "9月:0:pending"}; !equal(got, want) {
		t.Errorf("Q3 支委会 = %v, want %v", got, want)
	}
	if got := cells(row(q3, "支部党员大会")); !equal(got, []string{"全季度:0:pending"}) {
		t.Errorf("Q3 党员大会 = %v, want pending", got)
	}
}

func TestFutureMeetingsDoNotCount(t *testing.T) {
	now := at(2026, 5, 10, 12, 0)
	qs := Build(rules, []Meeting{{"支委会", at(2026, 4, 3, 9, 0)}, {"支委会", at(2026, 5, 20, 9, 0)}}, now, sh)
	if len(qs) != 1 {
		t.Fatalf("%d quarters", len(qs))
	}
	if got, want := cells(row(qs[0], "支委会")), []string{"4月:1:met", "5月:0:pending", "6月:0:pending"}; !equal(got, want) {
		t.Errorf("支委会 = %v, want %v", got, want)
	}
	if Build(rules, []Meeting{{"支委会", at(2026, 6, 1, 9, 0)}}, now, sh) != nil {
		t.Error("a branch whose only meeting is ahead has no ledger yet")
	}
}

func TestMinimumAboveOne(t *testing.T) {
	r := []config.LedgerRule{{Kind: "党课", Min: 2, Period: "quarter"}}
	qs := Build(r, []Meeting{{"党课", at(2025, 10, 9, 9, 0)}}, at(2026, 1, 5, 0, 0), sh)
	if len(qs) != 2 || !qs[1].Short || qs[0].Short {
		t.Fatalf("want 2026Q1 pending and 2025Q4 short with one of two 党课: %+v", qs)
	}
}

func equal(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

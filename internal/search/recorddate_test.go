package search

import (
	"testing"
	"time"
)

// TestSameRecordDate: two dates are the same in a record exactly when
// their RFC 3339 texts are (the oracle), whichever way the fast check goes.
func TestSameRecordDate(t *testing.T) {
	cst := time.FixedZone("CST", 8*3600)
	lmt := time.FixedZone("LMT", 8*3600+5*60+43) // printed as +08:05
	near := time.FixedZone("X", 8*3600+5*60)
	day := time.Date(2026, 12, 3, 9, 30, 0, 0, cst)
	for _, c := range []struct {
		name string
		a, b time.Time
	}{
		{"same", day, day},
		{"nanoseconds within the second", day, day.Add(300 * time.Millisecond)},
		{"next second", day, day.Add(time.Second)},
		{"same instant in UTC", day, day.UTC()},
		{"same instant, zone of another name", day, day.In(time.FixedZone("Asia/Shanghai", 8*3600))},
		{"offsets printed alike", time.Date(2026, 1, 1, 0, 0, 0, 0, lmt), time.Date(2026, 1, 1, 0, 0, 0, 0, near)},
		{"zero", time.Time{}, time.Time{}},
	} {
		want := c.a.Format(time.RFC3339) == c.b.Format(time.RFC3339)
		if got := sameRecordDate(c.a, c.b); got != want {
			t.Errorf("%s: sameRecordDate(%v, %v) = %v, the texts say %v", c.name, c.a, c.b, got, want)
		}
	}
}

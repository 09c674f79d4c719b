package site

import (
	"testing"
	"time"
)

func TestCalendar(t *testing.T) {
	shanghai, err := time.LoadLocation("Asia/Shanghai")
	if err != nil {
		t.Fatal(err)
	}
	la, err := time.LoadLocation("America/Los_Angeles")
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		t         time.Time
		loc       *time.Location
		day, year string
	}{
		{time.Date(2026, 1, 1, 0, 0, 0, 0, shanghai), shanghai, "2026-01-01", "2026"},
		{time.Date(2026, 1, 1, 0, 0, 0, 0, shanghai).UTC(), shanghai, "2026-01-01", "2026"},
		{time.Date(2026, 12, 3, 0, 0, 0, 0, shanghai), shanghai, "2026-12-03", "2026"},
		{time.Date(2025, 12, 31, 23, 30, 0, 0, time.UTC), shanghai, "2026-01-01", "2026"},
		{time.Date(2026, 1, 1, 7, 0, 0, 0, time.UTC), la, "2025-12-31", "2025"},
		{time.Time{}, shanghai, "", ""},
	} {
		if d, y := DayOf(c.t, c.loc), YearOf(c.t, c.loc); d != c.day || y != c.year {
			t.Errorf("%v in %v: day %q year %q, want %q %q", c.t, c.loc, d, y, c.day, c.year)
		}
	}
}

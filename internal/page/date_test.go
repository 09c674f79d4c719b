package page

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/pubgen/pubgen/internal/diag"
)

func TestParseDateForms(t *testing.T) {
	day := time.Date(2026, 12, 3, 0, 0, 0, 0, shanghai)
	at := time.Date(2026, 12, 3, 14, 30, 0, 0, shanghai)
	for in, want := range map[string]time.Time{
		"2026-12-03":        day,
		"2026-12-3":         day,
		"2026/12/03":        day,
		"2026/12/3":         day,
		"2026.12.03":        day,
		"2026年12月3日":        day,
		"2026年12月03日":       day,
		"2026 年 12 月 3 日":   day,
		"2026年12月3号":        day,
		"  2026-12-03  ":    day,
		"２０２６－１２－０３":        day,
		"２０２６年１２月３日":        day,
		"2026-12-03 14:30":  at,
		"2026-12-03T14:30":  at,
		"2026-12-3 14:30":   at,
		"2026/12/03 14:30":  at,
		"2026年12月3日 14:30":  at,
		"2026年12月3日14:30":   at,
		"2026年12月3日 14时30分": at,
		"2026年12月3日 14点30分": at,
		"2026-12-03 １４：３０":  at,
		"２０２６年１２月３日　１４：３０":          at,
		"2026-12-03 14:30:00":       at,
		"2026-12-03 9:05":           time.Date(2026, 12, 3, 9, 5, 0, 0, shanghai),
		"2026年12月3日 14时":            time.Date(2026, 12, 3, 14, 0, 0, 0, shanghai),
		"2026-12-03T14:30:00+08:00": at,
		"2026-12-03T06:30:00Z":      at,
		"2024-02-29":                time.Date(2024, 2, 29, 0, 0, 0, 0, shanghai),
	} {
		got, err := ParseDate(in, shanghai)
		if err != nil || !got.Equal(want) {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"", "2026-02-30", "2026-13-01", "2026-00-10", "2026-12-00", "2025-02-29", "2026-12-03 24:00",
		"2026-12-03 14:60", "2026-12/03", "2026年12-03", "26-12-03", "12/03/2026", "下周五", "2026-12-03 下午", "2026-12-031"} {
		if got, err := ParseDate(in, shanghai); err == nil {
			t.Errorf("ParseDate(%q) = %v, want an error", in, got)
		}
	}
}

// FuzzParseDate feeds arbitrary text: no panic; a date it accepts is one
// that exists, written back gives the same moment, and a refusal is a
// DateError whose message, as a diagnostic, is one line (the author's text
// is shown in it, escaped).
func FuzzParseDate(f *testing.F) {
	for _, s := range []string{"2026-12-03", "2026年12月3日 14:30", "２０２６／１２／０３　１４：３０", "2026.12.3", "2026-02-30", "2026-12-03T14:30:00+08:00", "2026年12月3日14时30分"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := ParseDate(s, shanghai)
		if err != nil {
			var de *DateError
			if !errors.As(err, &de) {
				t.Fatalf("%q: %T %v (want a *DateError)", s, err, err)
			}
			if m := (diag.Diagnostic{File: "a.md", Msg: de.Text("date")}).String(); strings.Contains(m, "\n") || strings.Count(m, "%!") > strings.Count(s, "%!") {
				t.Fatalf("%q: message %q", s, m)
			}
			return
		}
		local := got.In(shanghai)
		if y := local.Year(); y < 1000 || y > 9999 || got.Nanosecond() != 0 {
			return // RFC 3339's far years and fractions have no other form
		}
		again, err := ParseDate(local.Format("2006-01-02 15:04:05"), shanghai)
		if err != nil || !again.Equal(got) {
			t.Fatalf("%q → %v; written back: %v, %v", s, got, again, err)
		}
	})
}

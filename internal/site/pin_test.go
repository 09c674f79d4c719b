package site

import (
	"testing"
	"time"

	"github.com/pubgen/pubgen/internal/page"
)

func TestPinEnd(t *testing.T) {
	loc, _ := time.LoadLocation("Asia/Shanghai")
	at := func(s string) time.Time {
		v, err := page.ParseDate(s, loc)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	meeting := &page.Meeting{Kind: "党课", Start: at("2026-12-10 14:30"), End: at("2026-12-10 16:00")}
	period := &page.Period{Start: at("2026-12-01"), End: at("2026-12-07")}
	cases := []struct {
		name string
		p    page.Page
		want string // RFC 3339 in loc, "" for none
	}{
		{"not pinned", page.Page{PinnedUntil: at("2026-12-01"), Meeting: meeting}, ""},
		{"pinned for good", page.Page{Pinned: true}, ""},
		{"until a date: through that day", page.Page{Pinned: true, PinnedUntil: at("2026-12-01")}, "2026-12-02T00:00:00+08:00"},
		{"until a time", page.Page{Pinned: true, PinnedUntil: at("2026-12-01 18:00")}, "2026-12-01T18:00:00+08:00"},
		{"meeting ends", page.Page{Pinned: true, Meeting: meeting}, "2026-12-10T16:00:00+08:00"},
		{"meeting ends before the date", page.Page{Pinned: true, Meeting: meeting, PinnedUntil: at("2026-12-31")}, "2026-12-10T16:00:00+08:00"},
		{"date before the meeting", page.Page{Pinned: true, Meeting: meeting, PinnedUntil: at("2026-12-05")}, "2026-12-06T00:00:00+08:00"},
		{"publicity closes after its last day", page.Page{Pinned: true, Publicity: period}, "2026-12-08T00:00:00+08:00"},
	}
	for _, c := range cases {
		got := ""
		if e := PinEnd(&c.p, loc); !e.IsZero() {
			got = e.In(loc).Format(time.RFC3339)
		}
		if got != c.want {
			t.Errorf("%s: PinEnd %q, want %q", c.name, got, c.want)
		}
	}
	p := &page.Page{Pinned: true, Meeting: meeting}
	if !PinnedAt(p, at("2026-12-10 15:59"), loc) || PinnedAt(p, at("2026-12-10 16:00"), loc) {
		t.Error("a pin must stand until its end, exclusive")
	}
}

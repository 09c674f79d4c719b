package site

import (
	"time"

	"github.com/pubgen/pubgen/internal/page"
)

// Disclosure statuses. The browser refreshes them from <time datetime>
// values with the same rule, so a page built on Monday is right on Friday.
const (
	StatusUpcoming = "upcoming" // 即将公示
	StatusOpen     = "open"     // 公示中
	StatusClosed   = "closed"   // 已结束
)

// PublicityBounds returns the instants a publicity period starts and ends:
// from the start of its first day to the end of its last day (both days
// count in full) in loc, unless the author gave times.
func PublicityBounds(p *page.Period, loc *time.Location) (start, end time.Time) {
	start, end = p.Start, p.End
	if isMidnight(end, loc) {
		end = end.AddDate(0, 0, 1)
	}
	return start, end
}

func isMidnight(t time.Time, loc *time.Location) bool {
	t = t.In(loc)
	return t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0
}

// Status is the publicity status of a disclosure at now; "" for pages
// without a publicity period.
func Status(p *page.Page, now time.Time, loc *time.Location) string {
	if p.Publicity == nil {
		return ""
	}
	start, end := PublicityBounds(p.Publicity, loc)
	switch {
	case now.Before(start):
		return StatusUpcoming
	case now.Before(end):
		return StatusOpen
	}
	return StatusClosed
}

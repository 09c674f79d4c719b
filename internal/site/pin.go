package site

import (
	"time"

	"github.com/pubgen/pubgen/internal/page"
)

// PinEnd is the instant a page's pin (置顶) ends, or zero when it does not
// end: the earliest of pinned_until, the end of the page's meeting and the
// close of its publicity period, since a meeting held or a period closed
// is no longer what a reader must see first. A pinned_until at midnight
// (a date alone) pins through that day, as the last day of a 公示期 counts
// in full. Pages that are not pinned have no end.
func PinEnd(p *page.Page, loc *time.Location) time.Time {
	if !p.Pinned {
		return time.Time{}
	}
	var end time.Time
	earlier := func(t time.Time) {
		if end.IsZero() || t.Before(end) {
			end = t
		}
	}
	if u := p.PinnedUntil; !u.IsZero() {
		if isMidnight(u, loc) {
			u = u.AddDate(0, 0, 1)
		}
		earlier(u)
	}
	if _, e, ok := MeetingBounds(p.Meeting, loc); ok {
		earlier(e)
	}
	if p.Publicity != nil {
		_, e := PublicityBounds(p.Publicity, loc)
		earlier(e)
	}
	return end
}

// PinnedAt reports whether a page is pinned at now: its author pinned it
// and the pin has not ended.
func PinnedAt(p *page.Page, now time.Time, loc *time.Location) bool {
	if !p.Pinned {
		return false
	}
	end := PinEnd(p, loc)
	return end.IsZero() || now.Before(end)
}

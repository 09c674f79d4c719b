package site

import (
	"strconv"
	"time"
)

// The site's calendar is the config's timezone (config.Config.Location):
// a page dated 2026-01-01 without a time is midnight there, which is still
// 2025 in UTC. Every output that names a day or a year of a page — its
// year page, its dates, the search's results and year facet — asks these
// two functions, so that none of them falls back to UTC or to the zone of
// the machine (or the browser) that happens to show it.

// DayOf is the day t falls on in the site's calendar, as 2006-01-02; ""
// for the zero time (a page without a date).
func DayOf(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	return t.In(loc).Format(time.DateOnly)
}

// YearOf is the year t falls in in the site's calendar, as "2026"; "" for
// the zero time.
func YearOf(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	return strconv.Itoa(t.In(loc).Year())
}

// Package ical writes iCalendar files (RFC 5545) for meeting notices, so a
// reader can put a 三会一课 meeting into Outlook or a phone calendar with
// one click. It writes only what a calendar needs to place one meeting: an
// event with a stable UID and its times in a named time zone, with the
// VTIMEZONE that defines that zone, since clients may not know Olson names.
// Output is deterministic: DTSTAMP comes from the caller, never the clock.
package ical

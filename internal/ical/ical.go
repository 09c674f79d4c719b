package ical

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// Event is one meeting. Start and End are instants; they are written as
// local times of Loc with its TZID. A zero End leaves DTEND out.
type Event struct {
	UID         string    // stable across builds, e.g. derived from the page's address
	Stamp       time.Time // DTSTAMP: when the event was published
	Start, End  time.Time
	Loc         *time.Location
	Summary     string
	Location    string
	Description string
	URL         string // absolute URL of the notice, or "" (relative URLs mean nothing in a calendar)
}

// ProdID names the producer in every file.
const ProdID = "-//pubgen//pubgen party-building portal//ZH"

// Encode returns the calendar file of one event, with CRLF line endings and
// lines folded at 75 octets as RFC 5545 §3.1 requires.
func Encode(ev Event) []byte {
	var w writer
	w.line("BEGIN", "VCALENDAR")
	w.line("VERSION", "2.0")
	w.line("PRODID", ProdID)
	w.line("CALSCALE", "GREGORIAN")
	w.line("METHOD", "PUBLISH")
	tzid := ev.Loc.String()
	w.timezone(ev.Loc, ev.Start)
	w.line("BEGIN", "VEVENT")
	w.line("UID", text(ev.UID))
	w.line("DTSTAMP", ev.Stamp.UTC().Format("20060102T150405Z"))
	w.line("DTSTART;TZID="+tzid, local(ev.Start, ev.Loc))
	if !ev.End.IsZero() {
		w.line("DTEND;TZID="+tzid, local(ev.End, ev.Loc))
	}
	w.line("SUMMARY", text(ev.Summary))
	if ev.Location != "" {
		w.line("LOCATION", text(ev.Location))
	}
	if ev.Description != "" {
		w.line("DESCRIPTION", text(ev.Description))
	}
	if ev.URL != "" {
		w.line("URL", ev.URL)
	}
	w.line("END", "VEVENT")
	w.line("END", "VCALENDAR")
	return []byte(w.b.String())
}

func local(t time.Time, loc *time.Location) string { return t.In(loc).Format("20060102T150405") }

// timezone writes a VTIMEZONE holding the observance in force at t: from
// the zone's last transition before t, with the offsets on both sides. For
// Asia/Shanghai (no daylight saving since 1991) that is the whole truth; for
// zones with daylight saving it is right for this one event, which is all
// the file holds.
func (w *writer) timezone(loc *time.Location, t time.Time) {
	t = t.In(loc)
	name, off := t.Zone()
	from := off
	start, _ := t.ZoneBounds()
	if start.IsZero() {
		start = time.Date(1970, 1, 1, 0, 0, 0, 0, loc)
	} else {
		_, from = start.Add(-time.Second).Zone()
	}
	kind := "STANDARD"
	if t.IsDST() {
		kind = "DAYLIGHT"
	}
	w.line("BEGIN", "VTIMEZONE")
	w.line("TZID", loc.String())
	w.line("BEGIN", kind)
	// DTSTART of an observance is in the local time before the change.
	w.line("DTSTART", start.In(time.FixedZone("", from)).Format("20060102T150405"))
	w.line("TZOFFSETFROM", offset(from))
	w.line("TZOFFSETTO", offset(off))
	if name != "" && !strings.ContainsAny(name, "+-") {
		w.line("TZNAME", name)
	}
	w.line("END", kind)
	w.line("END", "VTIMEZONE")
}

func offset(sec int) string {
	sign := '+'
	if sec < 0 {
		sign, sec = '-', -sec
	}
	return fmt.Sprintf("%c%02d%02d", sign, sec/3600, sec/60%60)
}

// text escapes a TEXT value (RFC 5545 §3.3.11). A line break becomes \n;
// any other control character (C0 but tab, DEL, C1) is dropped: the grammar
// forbids them, and a stray CR or ESC from a pasted title would otherwise
// end the property early or reach whatever shows the calendar.
func text(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	var b strings.Builder
	for _, r := range s {
		switch {
		case r == '\\' || r == ';' || r == ',':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n' || r == '\r' || r == '\u2028' || r == '\u2029':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			// dropped
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

type writer struct{ b strings.Builder }

// line writes "NAME:value" folded into lines of at most 75 octets, never
// splitting a UTF-8 character: Chinese text is 3 octets a character.
func (w *writer) line(name, value string) {
	s := name + ":" + value
	n := 0
	limit := 75
	for len(s) > 0 {
		_, size := utf8.DecodeRuneInString(s)
		if n+size > limit {
			w.b.WriteString("\r\n ")
			n, limit = 0, 74 // the leading space counts
		}
		w.b.WriteString(s[:size])
		n += size
		s = s[size:]
	}
	w.b.WriteString("\r\n")
}

package ical

import (
	"bytes"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	ics "github.com/arran4/golang-ical"
)

var shanghai, _ = time.LoadLocation("Asia/Shanghai")

func meeting() Event {
	return Event{
		UID:         "notices/2026-q3-dahui@pubgen",
		Stamp:       time.Date(2026, 7, 1, 0, 0, 0, 0, shanghai),
		Start:       time.Date(2026, 7, 5, 14, 30, 0, 0, shanghai),
		End:         time.Date(2026, 7, 5, 16, 0, 0, 0, shanghai),
		Loc:         shanghai,
		Summary:     "支部党员大会：关于召开2026年第三季度支部党员大会的通知",
		Location:    "办公楼三楼会议室; 东侧, 靠窗",
		Description: "主持人：王书记\n请全体党员准时参加，" + strings.Repeat("认真学习党章党规，", 12),
	}
}

// TestParsesBack checks the file with a real iCalendar parser: what a
// calendar app reads back must be the meeting the notice announces.
func TestParsesBack(t *testing.T) {
	ev := meeting()
	data := Encode(ev)
	cal, err := ics.ParseCalendar(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("parse: %v\n%s", err, data)
	}
	events := cal.Events()
	if len(events) != 1 {
		t.Fatalf("%d events, want 1", len(events))
	}
	e := events[0]
	if e.Id() != ev.UID {
		t.Errorf("UID = %q, want %q", e.Id(), ev.UID)
	}
	start, err := e.GetStartAt()
	if err != nil || !start.Equal(ev.Start) {
		t.Errorf("start = %v (%v), want %v", start, err, ev.Start)
	}
	end, err := e.GetEndAt()
	if err != nil || !end.Equal(ev.End) {
		t.Errorf("end = %v (%v), want %v", end, err, ev.End)
	}
	if p := e.GetProperty(ics.ComponentPropertyDtStart); p == nil || p.ICalParameters["TZID"][0] != "Asia/Shanghai" {
		t.Errorf("DTSTART parameters = %v, want TZID=Asia/Shanghai", p)
	}
	for prop, want := range map[ics.ComponentProperty]string{
		ics.ComponentPropertySummary:     ev.Summary,
		ics.ComponentPropertyLocation:    ev.Location,
		ics.ComponentPropertyDescription: ev.Description,
	} {
		p := e.GetProperty(prop)
		if p == nil {
			t.Errorf("%s missing", prop)
			continue
		}
		if got := unescape(p.Value); got != want {
			t.Errorf("%s = %q, want %q", prop, got, want)
		}
	}
	var tz *ics.VTimezone
	for _, c := range cal.Components {
		if v, ok := c.(*ics.VTimezone); ok {
			tz = v
		}
	}
	if tz == nil || tz.GetProperty(ics.ComponentPropertyTzid) == nil || tz.GetProperty(ics.ComponentPropertyTzid).Value != "Asia/Shanghai" {
		t.Fatalf("no VTIMEZONE for Asia/Shanghai in\n%s", data)
	}
	if !bytes.Contains(data, []byte("TZOFFSETTO:+0800\r\n")) {
		t.Errorf("VTIMEZONE lacks TZOFFSETTO:+0800:\n%s", data)
	}
}

func unescape(s string) string {
	return strings.NewReplacer(`\\`, `\`, `\;`, ";", `\,`, ",", `\n`, "\n", `\N`, "\n").Replace(s)
}

// TestLines checks the rules of RFC 5545 §3.1 a strict client enforces:
// CRLF endings, at most 75 octets a line, no UTF-8 character split.
func TestLines(t *testing.T) {
	data := string(Encode(meeting()))
	if !strings.HasSuffix(data, "\r\n") || strings.Contains(strings.ReplaceAll(data, "\r\n", ""), "\n") {
		t.Fatal("lines must end in CRLF")
	}
	folded := 0
	for _, l := range strings.Split(strings.TrimSuffix(data, "\r\n"), "\r\n") {
		if len(l) > 75 {
			t.Errorf("line of %d octets: %q", len(l), l)
		}
		if !utf8.ValidString(l) {
			t.Errorf("line splits a character: %q", l)
		}
		if strings.HasPrefix(l, " ") {
			folded++
		}
	}
	if folded == 0 {
		t.Error("the long description was not folded")
	}
}

func TestDeterministicAndNoEnd(t *testing.T) {
	ev := meeting()
	if a, b := Encode(ev), Encode(ev); !bytes.Equal(a, b) {
		t.Fatal("two encodings differ")
	}
	ev.End = time.Time{}
	if bytes.Contains(Encode(ev), []byte("DTEND")) {
		t.Error("DTEND written for a meeting without an end")
	}
}

func TestText(t *testing.T) {
	for in, want := range map[string]string{
		"a,b;c":                  `a\,b\;c`,
		`back\`:                  `back\\`,
		"一\r\n二":                 `一\n二`,
		"会议室":                    "会议室",
		"a\x1b]0;pwned\x07b":     `a]0\;pwnedb`,
		"\x00x\x7f\u0085\u009by": "xy",
		"tab\there":              "tab\there",
		"一\u2028二\r三":            `一\n二\n三`,
	} {
		if got := text(in); got != want {
			t.Errorf("text(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestOffset(t *testing.T) {
	for sec, want := range map[int]string{8 * 3600: "+0800", -(3*3600 + 30*60): "-0330", 0: "+0000"} {
		if got := offset(sec); got != want {
			t.Errorf("offset(%d) = %q, want %q", sec, got, want)
		}
	}
}

// TestNoControlCharacters checks the whole file: a title pasted with an
// escape sequence or a bare CR must not leave a control character outside
// the CRLF line endings, where it would end a property early.
func TestNoControlCharacters(t *testing.T) {
	ev := meeting()
	ev.Summary = "通知\x1b[2J\rEND:VEVENT\x00"
	ev.Location = "会议室\u009b\x7f"
	ev.Description = "第一行\r第二行\x08"
	data := strings.ReplaceAll(string(Encode(ev)), "\r\n", "")
	for i, r := range data {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			t.Fatalf("control character %U at %d in\n%q", r, i, data)
		}
	}
	if !strings.Contains(data, `SUMMARY:通知[2J\nEND:VEVENT`) {
		t.Errorf("summary not kept as text:\n%q", data)
	}
}

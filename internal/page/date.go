package page

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/pubgen/pubgen/internal/msg"
)

// ParseDate reads a date as people write it: 2026-12-03, 2026-12-3,
// 2026/12/03, 2026.12.03, 2026年12月3日, each optionally followed by a time
// of day (14:30, 14:30:05, 14时30分, 14点30分); full-width digits, colons
// and spaces (２０２６－１２－０３　１４：３０, as Chinese input methods
// type them) count as their ASCII twins. RFC 3339 (2026-12-03T14:30:00+08:00)
// is read with its own zone; every other form in loc. A date that does not
// exist (2026-02-30) is an error, never moved to the next month as
// time.Date would.
func ParseDate(s string, loc *time.Location) (time.Time, error) {
	n := normalizeDate(s)
	if t, err := time.Parse(time.RFC3339, n); err == nil {
		return t, nil
	}
	m := dateRE.FindStringSubmatch(n)
	if m == nil || m[2] != m[4] {
		return time.Time{}, &DateError{key: msg.DateInvalid, args: []any{strings.TrimSpace(s)}}
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[3])
	d, _ := strconv.Atoi(m[5])
	if mo < 1 || mo > 12 {
		return time.Time{}, &DateError{key: msg.DateNoSuchMonth, args: []any{y, mo}}
	}
	if days := daysIn(y, time.Month(mo)); d < 1 || d > days {
		return time.Time{}, &DateError{key: msg.DateNoSuchDay, args: []any{y, mo, d, days}}
	}
	h, mi, sec, ok := clock(m[6])
	if !ok {
		k := msg.DateInvalid
		if strings.ContainsAny(m[6], ":时点") {
			k = msg.DateBadTime
		}
		return time.Time{}, &DateError{key: k, args: []any{strings.TrimSpace(s)}}
	}
	return time.Date(y, time.Month(mo), d, h, mi, sec, 0, loc), nil
}

// DateError says why a text is not a date, in the catalogue's words.
type DateError struct {
	key  msg.Key
	args []any
}

// Text is the message with an example of a right line for field (date,
// meeting.start, …): fields that take a time of day show one.
func (e *DateError) Text(field string) msg.Text {
	ex := msg.New(msg.DateExample, leaf(field))
	if withTime[leaf(field)] || e.key == msg.DateBadTime {
		ex = msg.New(msg.DateTimeExample, leaf(field))
	}
	return msg.New(e.key, append(append([]any{}, e.args...), ex)...)
}

func (e *DateError) Error() string { return msg.Printer{Lang: msg.English}.Text(e.Text("date")) }

// withTime are the date fields whose examples show a time of day: the
// moments of a meeting, a deadline, and when a page goes live.
var withTime = map[string]bool{"start": true, "end": true, "deadline": true, "publish_date": true}

// dateRE is a date after normalizeDate: year, separator, month, separator,
// day, and what follows (a time of day, or nothing). The separators must
// be the same (2026-12/03 is more likely a typo than a date).
var dateRE = regexp.MustCompile(`^(\d{4})(?:([-/.])|年)(\d{1,2})(?:([-/.])|月)(\d{1,2})(?:日|号)?(.*)$`)

// timeRE is a time of day after the date: 14:30, 14:30:05, 14时30分,
// 14点30分, 14点 or 14时, after a space, a T or nothing (2026年12月3日14:30).
var timeRE = regexp.MustCompile(`^(?:T|\s*)(\d{1,2})(?::(\d{2})(?::(\d{2}))?|[时点](?:(\d{1,2})分)?)$`)

func clock(rest string) (h, m, s int, ok bool) {
	if strings.TrimSpace(rest) == "" {
		return 0, 0, 0, true
	}
	t := timeRE.FindStringSubmatch(rest)
	if t == nil {
		return 0, 0, 0, false
	}
	h, _ = strconv.Atoi(t[1])
	m, _ = strconv.Atoi(t[2] + t[4])
	s, _ = strconv.Atoi(t[3])
	return h, m, s, h < 24 && m < 60 && s < 60
}

func daysIn(y int, m time.Month) int {
	return time.Date(y, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// normalizeDate maps the full-width forms a Chinese input method types to
// ASCII and trims the text; a space inside a Chinese date (2026 年 12 月)
// is dropped, one before the time of day kept.
func normalizeDate(s string) string {
	var b strings.Builder
	for _, r := range strings.TrimSpace(s) {
		switch {
		case r >= '０' && r <= '９':
			r = '0' + (r - '０')
		case r == '：':
			r = ':'
		case r == '－' || r == '—' || r == '–':
			r = '-'
		case r == '／':
			r = '/'
		case r == '．' || r == '。':
			r = '.'
		case r == '\u3000':
			r = ' '
		case r == 'Ｔ':
			r = 'T'
		}
		b.WriteRune(r)
	}
	n := strings.TrimSpace(b.String())
	for _, w := range []string{"年", "月", "日", "号"} {
		n = strings.ReplaceAll(n, " "+w, w)
		n = strings.ReplaceAll(n, w+" ", w)
	}
	return n
}

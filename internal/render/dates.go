package render

import (
	"fmt"
	"html/template"
	"strings"
	"time"

	xhtml "golang.org/x/net/html"
)

// weekdays name the days as notices do (星期六), Sunday first as
// time.Weekday counts.
var weekdays = [...]string{"星期日", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六"}

// cnDate is 2026年12月3日; a zero time is "".
func cnDate(t time.Time, loc *time.Location) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(loc)
	return fmt.Sprintf("%d年%d月%d日", t.Year(), int(t.Month()), t.Day())
}

// nowrap is text that must not break across lines: a date broken as
// 2026年12 / 月9日 is misread.
func nowrap(s string) string {
	return `<span class="nw">` + template.HTMLEscapeString(s) + `</span>`
}

// cnDateWeek is a date with its weekday, 2026年12月12日（星期六）, as
// markup: the date and the weekday each stay on one line, and a narrow
// screen may break between them.
func cnDateWeek(t time.Time, loc *time.Location) template.HTML {
	if t.IsZero() {
		return ""
	}
	return template.HTML(nowrap(cnDate(t, loc)) + nowrap("（"+weekdays[t.In(loc).Weekday()]+"）"))
}

// cnDateTimeWeek is a meeting's start as notices write it,
// 2026年12月12日（星期六）14:30, breakable only after the date.
func cnDateTimeWeek(t time.Time, loc *time.Location) template.HTML {
	if t.IsZero() {
		return ""
	}
	t = t.In(loc)
	return template.HTML(nowrap(cnDate(t, loc)) + nowrap("（"+weekdays[t.Weekday()]+"）"+t.Format("15:04")))
}

// contacts finds what a reader may tap in a contact's text: an email
// address, or a telephone number — a mobile (138 1234 5678), a landline
// with its area code (0571-8765 2100, (0571)87652100) or a 400/800 service
// number, digits grouped by spaces or hyphens as people write them. A
// number without its area code is left as text: it may be an extension, a
// room or a count.
var contacts = newFinder(
	branch{pattern: `[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}`, at: emailAt},
	branch{pattern: `(?:\+86[ -]?)?(?:1[3-9]\d[ -]?\d{4}[ -]?\d{4}|(?:[(（]0\d{2,3}[)）][ -]?|0\d{2,3}[ -]?)\d{3,4}[ -]?\d{4}|[48]00[ -]?\d{3}[ -]?\d{4})\b`, at: phoneAt},
)

// isLocalByte is a character of an email address's local part.
func isLocalByte(c byte) bool {
	switch c {
	case '.', '%', '+', '-':
		return true
	}
	return isWordByte(c)
}

// emailAt allows an address only where a run of local-part characters
// reaches an @.
func emailAt(s string, i int) bool {
	for ; i < len(s) && isLocalByte(s[i]); i++ {
	}
	return i < len(s) && s[i] == '@'
}

// phoneAt allows a number at a digit, a + or an opening bracket.
func phoneAt(s string, i int) bool {
	switch c := s[i]; {
	case isDigit(c), c == '+', c == '(':
		return true
	case c == "（"[0]:
		return strings.HasPrefix(s[i:], "（")
	}
	return false
}

// contactLinks is text with its telephone numbers as tel: links and its
// email addresses as mailto: links, so a phone dials with one tap; the
// rest is escaped as text.
func contactLinks(s string) template.HTML {
	return template.HTML(linkContacts(template.HTMLEscapeString(s), func(t string) string { return t }))
}

// linkContacts links the numbers and addresses of text, which is already
// HTML (escaped); rest is applied to the text between them. A match holds
// only digits, spaces, -+() and an address's characters, so it goes into
// the link as it is. Digits run on from a longer number (an ID, an
// account) are not a telephone number.
func linkContacts(text string, rest func(string) string) string {
	if !strings.ContainsAny(text, "0123456789@") {
		// Every match holds a digit or an @; most of a page's text holds
		// neither, and the pattern is slow to rule out a text by hand.
		return rest(text)
	}
	var b strings.Builder
	last := 0
	for start, end := range contacts.all(text) {
		found := text[start:end]
		href := "mailto:" + found
		if !strings.Contains(found, "@") {
			if start > 0 && isDigit(text[start-1]) {
				continue
			}
			href = "tel:" + telDigits(found)
		}
		b.WriteString(rest(text[last:start]))
		fmt.Fprintf(&b, `<a class="nw" href="%s">%s</a>`, href, found)
		last = end
	}
	b.WriteString(rest(text[last:]))
	return b.String()
}

// telDigits is a number as a tel: URI holds it (RFC 3966 allows no
// spaces): the digits, and a leading + of an international number.
func telDigits(s string) string {
	var b strings.Builder
	for i, r := range s {
		if r >= '0' && r <= '9' || r == '+' && i == 0 {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// dates finds the dates and times of running text that must stay on one
// line: 2026年12月3日, 2026年12月, 12月3日, 2026-12-03, 2025-03, 14:30.
var dates = newFinder(
	branch{pattern: `\d{4}年\d{1,2}月(?:\d{1,2}日)?|\d{1,2}月\d{1,2}日|\d{4}-\d{1,2}(?:-\d{1,2})?\b`, at: digitAt},
	branch{pattern: `\b\d{1,2}:\d{2}\b`, at: wordStartAt},
)

// nowrapSpans is text with each date in a nowrap span.
func nowrapSpans(t string) string {
	var b strings.Builder
	last := 0
	for start, end := range dates.all(t) {
		b.WriteString(t[last:start])
		b.WriteString(`<span class="nw">`)
		b.WriteString(t[start:end])
		b.WriteString(`</span>`)
		last = end
	}
	if last == 0 {
		return t
	}
	b.WriteString(t[last:])
	return b.String()
}

// nowrapDates marks up a page's text for reading on a phone: each date
// is kept on one line in a nowrap span, as the templates keep theirs, and
// each telephone number and email address outside a link becomes a tel:
// or mailto: link (the 反映方式 of a disclosure names them in its text).
// Only text is touched — never a tag, an attribute, code or a script — so
// the page reads the same.
func nowrapDates(h template.HTML) template.HTML {
	z := xhtml.NewTokenizer(strings.NewReader(string(h)))
	var b strings.Builder
	skip := 0   // inside code, pre, script, style, textarea or a <time>
	inLink := 0 // inside a link, which is not made a second one
	wrap := func(t string) string {
		if !strings.ContainsAny(t, "0123456789") {
			return t // every date and time holds a digit
		}
		return nowrapSpans(t)
	}
	for {
		tt := z.Next()
		switch tt {
		case xhtml.ErrorToken:
			return template.HTML(b.String())
		case xhtml.TextToken:
			switch {
			case skip > 0:
				b.Write(z.Raw())
			case inLink > 0:
				b.WriteString(wrap(string(z.Raw())))
			default:
				b.WriteString(linkContacts(string(z.Raw()), wrap))
			}
		case xhtml.StartTagToken, xhtml.EndTagToken:
			name, _ := z.TagName()
			counter := &skip
			switch string(name) {
			case "a":
				counter = &inLink
			case "code", "pre", "script", "style", "time", "textarea":
			default:
				counter = nil
			}
			if counter != nil {
				if tt == xhtml.StartTagToken {
					*counter++
				} else if *counter > 0 {
					*counter--
				}
			}
			b.Write(z.Raw())
		default:
			b.Write(z.Raw())
		}
	}
}

// nowrapText is nowrapDates for plain text (a field of the front matter,
// such as a disclosure's result), escaped first.
func nowrapText(s string) template.HTML {
	return nowrapDates(template.HTML(template.HTMLEscapeString(s)))
}

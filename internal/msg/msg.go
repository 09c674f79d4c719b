package msg

import (
	"errors"
	"fmt"
	"strings"
	"time"
)

// Lang is a language messages are written in, as pubgen.toml names it.
type Lang string

const (
	// Chinese is the default: the people who write a portal's pages.
	Chinese Lang = "zh-CN"
	English Lang = "en"
)

// Langs lists the languages every catalogue entry is written in.
func Langs() []Lang { return []Lang{Chinese, English} }

// ParseLang reads pubgen.toml's language: zh-CN (also zh, zh-Hans, any
// case) or en (en-US, en-GB, …).
func ParseLang(s string) (Lang, bool) {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case s == "" || s == "zh" || strings.HasPrefix(s, "zh-"):
		return Chinese, true
	case s == "en" || strings.HasPrefix(s, "en-"):
		return English, true
	}
	return Chinese, false
}

// Key names one entry of the catalogue.
type Key int

// Text is a message not yet put into words: a key and its arguments. An
// argument that is itself a Text or a Key is put into the same language.
type Text struct {
	key  Key
	args []any
	raw  string // text from outside the catalogue (a library's error), shown as is
}

// New returns the message k with its arguments; a []Text argument is a
// list, joined as the language joins words (、, ", " and " and ").
func New(k Key, args ...any) Text { return Text{key: k, args: args} }

// Raw wraps text that has no entry, such as a library's own error: it is
// shown as it is, whatever the language.
func Raw(s string) Text { return Text{raw: s} }

// Key returns the text's entry, or 0 for a Raw text.
func (t Text) Key() Key { return t.key }

// IsZero reports whether t is the zero Text.
func (t Text) IsZero() bool { return t.key == 0 && t.raw == "" }

// String renders t with the default Printer (Chinese, sample dates).
func (t Text) String() string { return Printer{}.Text(t) }

// Printer puts Texts into words.
type Printer struct {
	Lang Lang
	// Today is the build's today in the site's zone; examples of dates
	// show it, so that an author copies a date that is right for today.
	// Zero shows a fixed sample date (tests, and messages before a site
	// is read).
	Today time.Time
}

// sampleDay is the date examples show when the Printer has no today.
var sampleDay = time.Date(2026, 12, 4, 0, 0, 0, 0, time.UTC)

// Text renders t.
func (p Printer) Text(t Text) string {
	if t.key == 0 {
		return t.raw
	}
	e, ok := lookup(t.key)
	if !ok {
		return fmt.Sprintf("message %d", t.key)
	}
	format := e.en
	if p.Lang != English {
		format = e.zh
	}
	args := make([]any, len(t.args))
	for i, a := range t.args {
		switch a := a.(type) {
		case Text:
			args[i] = p.Text(a)
		case Key:
			args[i] = p.Text(New(a))
		case []Text:
			words := make([]string, len(a))
			for j, w := range a {
				words[j] = p.Text(w)
			}
			args[i] = p.join(words)
		default:
			args[i] = a
		}
	}
	return fmt.Sprintf(p.dates(format), args...)
}

// join joins words as p's language lists them: 提出、审核、审批; proposed,
// reviewed and approved.
func (p Printer) join(words []string) string {
	if p.Lang != English {
		return strings.Join(words, "、")
	}
	if len(words) <= 2 {
		return strings.Join(words, " and ")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// Sprint is p.Text(New(k, args...)).
func (p Printer) Sprint(k Key, args ...any) string { return p.Text(New(k, args...)) }

// dates replaces the date tokens of a catalogue text with today's date:
// {date} 2026-12-04, {date+5} five days on, {cndate} 2026年12月4日,
// {slashdate} 2026/12/4. They are replaced in the format, before the
// arguments go in, so an author's own "{date}" is never touched.
func (p Printer) dates(format string) string {
	if !strings.Contains(format, "{") {
		return format
	}
	d := p.Today
	if d.IsZero() {
		d = sampleDay
	}
	return strings.NewReplacer(
		"{date}", d.Format("2006-01-02"),
		"{date+5}", d.AddDate(0, 0, 5).Format("2006-01-02"),
		"{cndate}", fmt.Sprintf("%d年%d月%d日", d.Year(), d.Month(), d.Day()),
		"{slashdate}", fmt.Sprintf("%d/%d/%d", d.Year(), d.Month(), d.Day()),
	).Replace(format)
}

// Error is an error that can be put into the catalogue's words: a package
// returns it typed, with its paths and cause, and whoever shows it to a
// person renders Text in the site's language.
type Error interface {
	error
	Text() Text
}

// TextOf returns the words of the first error in err's chain that has
// them (see Error).
func TextOf(err error) (Text, bool) {
	var e Error
	if errors.As(err, &e) {
		return e.Text(), true
	}
	return Text{}, false
}

// Fail returns an error in the words of k, wrapping cause (nil for none)
// for errors.Is: for a command's own errors, which have no package of
// their own to type them.
func Fail(cause error, k Key, args ...any) error {
	return &failure{New(k, args...), cause}
}

type failure struct {
	t     Text
	cause error
}

func (f *failure) Error() string { return f.t.String() }
func (f *failure) Text() Text    { return f.t }
func (f *failure) Unwrap() error { return f.cause }

package attach

import (
	"time"

	"github.com/pubgen/pubgen/internal/msg"
)

// Why names why an attachment's text could not be read, or only in part.
// The names are kept on disk by the cache, so they never change meaning;
// the words for them are the catalogue's (Problem.Text).
type Why string

const (
	WhyCannotRead     Why = "cannot-read"     // the file itself: Detail is the system's words
	WhyTooBig         Why = "too-big"         // N: its MB, the limit's
	WhyTooMuchReading Why = "too-much-read"   // N: the limit's MB, decompressed
	WhyTimeout        Why = "timeout"         // N: the limit in milliseconds
	WhyNotPDF         Why = "not-pdf"         // Detail: what the reader found
	WhyNotWord        Why = "not-docx"        // Detail: what the reader found
	WhyNotExcel       Why = "not-xlsx"        // Detail: what the reader found
	WhyEncrypted      Why = "encrypted"       // a PDF with a password
	WhyNoPages        Why = "no-pages"        // a PDF none of whose pages could be read
	WhyBinary         Why = "binary"          // a .txt holding binary data
	WhyPartStopped    Why = "part-stopped"    // N: the last page read; Cause: why it stopped
	WhyPartTextPages  Why = "part-text-pages" // N: the text limit's MB, the last page read
	WhyPartPageCount  Why = "part-pages"      // N: the page limit
	WhyPartText       Why = "part-text"       // N: the text limit's MB
)

// Problem is every error Extract and Cache.Text return: why, with the
// figures and the reader's own words (a library's, shown as they are)
// that the catalogue's text names. A partial one (Partial) comes with the
// parts read within the limits.
type Problem struct {
	Why    Why      `json:"why"`
	N      []int64  `json:"n,omitempty"`
	Detail string   `json:"detail,omitempty"`
	Cause  *Problem `json:"cause,omitempty"`
	// sys is the system's error when the file itself could not be read,
	// said in the catalogue's words (msg.Cause); never kept on disk.
	sys error
}

func problem(why Why, detail string, n ...int64) *Problem {
	return &Problem{Why: why, N: n, Detail: detail}
}

// Partial reports whether the parts returned with p are what was read
// before a limit, rather than nothing.
func (p *Problem) Partial() bool {
	switch p.Why {
	case WhyPartStopped, WhyPartTextPages, WhyPartPageCount, WhyPartText:
		return true
	}
	return false
}

// timedOut reports whether p (nil: none) is, or was cut short by, the
// one failure that depends on the machine's load.
func (p *Problem) timedOut() bool {
	return p != nil && (p.Why == WhyTimeout || p.Cause.timedOut())
}

// Error is p in the default language; a build shows p.Text in the site's.
func (p *Problem) Error() string { return p.Text().String() }

// word is the catalogue entry of why.
func word(why Why) (msg.Key, bool) {
	switch why {
	case WhyCannotRead:
		return msg.AttachCannotRead, true
	case WhyTooBig:
		return msg.AttachTooBig, true
	case WhyTooMuchReading:
		return msg.AttachTooMuchReading, true
	case WhyTimeout:
		return msg.AttachTimeout, true
	case WhyNotPDF:
		return msg.AttachNotPDF, true
	case WhyNotWord:
		return msg.AttachNotWord, true
	case WhyNotExcel:
		return msg.AttachNotExcel, true
	case WhyEncrypted:
		return msg.AttachEncrypted, true
	case WhyNoPages:
		return msg.AttachNoPages, true
	case WhyBinary:
		return msg.AttachBinary, true
	case WhyPartStopped:
		return msg.AttachPartStopped, true
	case WhyPartTextPages:
		return msg.AttachPartTextPages, true
	case WhyPartPageCount:
		return msg.AttachPartPageCount, true
	case WhyPartText:
		return msg.AttachPartText, true
	}
	return 0, false
}

// Text is p in the catalogue's words, which read after the file's name
// ("讲义.pdf 设有打开密码…"): each entry takes the reader's words first,
// then the figures, then the cause's text.
func (p *Problem) Text() msg.Text {
	k, ok := word(p.Why)
	if !ok {
		return msg.Raw(string(p.Why) + " " + p.Detail)
	}
	args := []any{msg.Raw(p.Detail)}
	if p.sys != nil {
		args[0] = msg.Cause(p.sys)
	}
	for _, n := range p.N {
		args = append(args, n)
	}
	if p.Why == WhyTimeout && len(p.N) == 1 {
		args = []any{msg.Raw(""), (time.Duration(p.N[0]) * time.Millisecond).String()}
	}
	if p.Cause != nil {
		args = append(args, p.Cause.Text())
	}
	return msg.New(k, args...)
}

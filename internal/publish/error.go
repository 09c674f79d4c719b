package publish

import "github.com/pubgen/pubgen/internal/msg"

// Error is every error publish returns: what it was doing or refused, as
// the catalogue entry that says so (Step), the file or folder concerned,
// and the system's cause. Publish stays out of languages: whoever shows the
// error to a person puts Text into the site's language, and errors.Is
// still finds the cause (a full disk, a missing permission) to hint at.
type Error struct {
	Step msg.Key
	Path string
	// Err is the system's cause, stripped of the staging folder's path
	// (see bare); nil for a refusal, which has no cause but the rule.
	Err error
	// More are what else Step's text names after the path and the cause:
	// a second path, a count.
	More []any
}

// failure returns an *Error as an error, never a typed nil.
func failure(step msg.Key, path string, err error, more ...any) error {
	return &Error{Step: step, Path: path, Err: err, More: more}
}

// Text is e in the catalogue's words: each publish entry's first argument
// is the path, its second the cause, then More.
func (e *Error) Text() msg.Text {
	cause := msg.Raw("")
	if e.Err != nil {
		cause = msg.Cause(e.Err)
	}
	return msg.New(e.Step, append([]any{e.Path, cause}, e.More...)...)
}

// Error is e in the default language; a command shows e.Text in the
// site's.
func (e *Error) Error() string { return msg.Printer{}.Text(e.Text()) }

func (e *Error) Unwrap() error { return e.Err }

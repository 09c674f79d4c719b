package attach

import (
	"errors"
	"fmt"
	"path"
	"runtime/debug"
	"strings"
	"time"

	"github.com/pubgen/pubgen/internal/textfile"
)

// Part is the text of one part of an attachment: a PDF page, a
// spreadsheet's sheet, or the whole of a format without pages.
type Part struct {
	Page  int    `json:"page,omitempty"`  // 1-based PDF page; 0 where the format has none
	Sheet string `json:"sheet,omitempty"` // the sheet's name in a workbook
	Text  string `json:"text"`
}

// reader returns the reader of the file name, nil for a kind whose text
// is not read; it is the one list of what is searchable (Searchable,
// Extract). Plain-text files (.txt, .csv, .md, .html, …) are package
// textfile's, the reader the privacy scan uses too.
func reader(name string) func(data []byte, b *budget) ([]Part, error) {
	switch strings.ToLower(path.Ext(name)) {
	case ".pdf":
		return readPDF
	case ".docx":
		return readDOCX
	case ".xlsx":
		return readXLSX
	}
	if textfile.Readable(name) {
		return func(data []byte, b *budget) ([]Part, error) { return readPlain(name, data, b) }
	}
	return nil
}

// Searchable reports whether name's text can be read, by its extension.
func Searchable(name string) bool { return reader(name) != nil }

// Limits bound the work one attachment may cost. The zero value of a
// field means its default (Defaults).
type Limits struct {
	MaxBytes int64         // file size; larger files are not read at all
	MaxRead  int64         // bytes read and decompressed, all streams together
	MaxPages int           // PDF pages read; later pages are left out
	MaxText  int           // bytes of text kept; the rest is left out
	Timeout  time.Duration // wall time for one file
}

// Defaults are generous for a study PDF (a 300-page 讲话汇编 is a few MB
// and reads in well under a second) and small enough that a hostile file
// costs a build seconds, not minutes.
func Defaults() Limits {
	return Limits{
		MaxBytes: 64 << 20,
		MaxRead:  512 << 20,
		MaxPages: 2000,
		MaxText:  4 << 20,
		Timeout:  10 * time.Second,
	}
}

func (l Limits) withDefaults() Limits {
	d := Defaults()
	if l.MaxBytes > 0 {
		d.MaxBytes = l.MaxBytes
	}
	if l.MaxRead > 0 {
		d.MaxRead = l.MaxRead
	}
	if l.MaxPages > 0 {
		d.MaxPages = l.MaxPages
	}
	if l.MaxText > 0 {
		d.MaxText = l.MaxText
	}
	if l.Timeout > 0 {
		d.Timeout = l.Timeout
	}
	return d
}

// ErrNotSearchable is returned for a file whose extension has no reader.
var ErrNotSearchable = errors.New("not a searchable kind of file")

// Extract reads the text of the attachment name (only its extension
// matters) from data. Parts without text are left out. The error, when
// there is one, reads after the file's name ("is not a PDF file: …"); a
// file that exceeds a limit gives an error too, since its index would
// silently miss text. A panic in a reader is recovered into an error.
func Extract(name string, data []byte, lim Limits) (parts []Part, err error) {
	read := reader(name)
	if read == nil {
		return nil, ErrNotSearchable
	}
	lim = lim.withDefaults()
	if int64(len(data)) > lim.MaxBytes {
		return nil, problem(WhyTooBig, "", mb(int64(len(data))), mb(lim.MaxBytes))
	}
	b := newBudget(lim)
	return b.run(func() ([]Part, error) { return read(data, b) })
}

func mb(n int64) int64 { return (n + 1<<20 - 1) >> 20 }

// run calls read on its own goroutine and waits at most the budget's
// time. The readers check the budget as they go, so they stop at the
// deadline by themselves; the wait is for a dependency stuck in a loop
// that reads nothing, whose goroutine is then left to end when it can.
func (b *budget) run(read func() ([]Part, error)) ([]Part, error) {
	type result struct {
		parts []Part
		err   error
	}
	done := make(chan result, 1)
	go func() {
		var r result
		defer func() {
			if x := recover(); x != nil {
				r = result{nil, b.explain(x)}
			}
			done <- r
		}()
		r.parts, r.err = read()
		if r.err != nil {
			r.err = b.explainErr(r.err)
		}
	}()
	timer := time.NewTimer(b.lim.Timeout + b.lim.Timeout/2)
	defer timer.Stop()
	select {
	case r := <-done:
		return r.parts, r.err
	case <-timer.C:
		b.cancel()
		return nil, b.timeoutErr()
	}
}

// explain turns a recovered panic into the error Extract returns: the
// budget's own reason when it stopped the work, else what the
// dependency said, with the stack kept out of the message (it names
// nothing the author can change) but not lost for a developer.
func (b *budget) explain(x any) error {
	if err := b.stopped(); err != nil {
		return err
	}
	if e, ok := x.(error); ok {
		return &readError{msg: e.Error(), stack: debug.Stack()}
	}
	return &readError{msg: fmt.Sprint(x), stack: debug.Stack()}
}

func (b *budget) explainErr(err error) error {
	if e := b.stopped(); e != nil {
		return e
	}
	return err
}

// readError is a failure inside a reader: the message is for the author,
// the stack for whoever debugs the reader.
type readError struct {
	msg   string
	stack []byte
}

func (e *readError) Error() string { return "cannot be read (" + e.msg + ")" }

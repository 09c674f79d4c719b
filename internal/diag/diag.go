// Package diag holds the problem reports that every stage of a build produces.
//
// A Diagnostic names the file, line and column, the field and what was wrong,
// so that an author who is not a programmer can fix it without help. Stages
// collect diagnostics instead of stopping at the first, and the build reports
// them together, sorted. What was wrong is a msg.Text, put into words only
// when the diagnostic is shown, in the site's language.
package diag

import (
	"fmt"
	"sort"
	"strings"

	"github.com/pubgen/pubgen/internal/msg"
)

// Severity says whether a problem stops the build.
type Severity int

const (
	// Error makes the build fail; nothing is published.
	Error Severity = iota
	// Warning is reported, and fails the build only under --strict.
	Warning
)

// Diagnostic is one problem in one place of the site's input.
type Diagnostic struct {
	File     string   // slash path relative to the site root, e.g. content/notices/a.md
	Line     int      // 1-based; 0 when unknown
	Col      int      // 1-based; 0 when unknown
	Field    string   // front-matter field or config key, e.g. meeting.start; may be empty
	Msg      msg.Text // what is wrong, where and how to fix it
	Severity Severity
}

// String formats d in the default language; see In.
func (d Diagnostic) String() string { return d.In(msg.Printer{}) }

// In formats d as path:line:col: field: message, on one line, in p's
// language. The prefix, "warning: " included, is the same in every
// language, for editors and scripts that read it as they read a compiler's. Control characters in the file name, field or
// message are escaped (see Escape), so whatever shows it — a terminal, the
// build report — shows exactly one line.
func (d Diagnostic) In(p msg.Printer) string {
	var b strings.Builder
	b.WriteString(d.File)
	if d.Line > 0 {
		fmt.Fprintf(&b, ":%d", d.Line)
		if d.Col > 0 {
			fmt.Fprintf(&b, ":%d", d.Col)
		}
	}
	b.WriteString(": ")
	if d.Severity == Warning {
		b.WriteString("warning: ")
	}
	if d.Field != "" {
		b.WriteString(d.Field)
		b.WriteString(": ")
	}
	b.WriteString(p.Text(d.Msg))
	return Escape(b.String())
}

// List is a set of diagnostics; its zero value is ready to use.
type List []Diagnostic

// Add appends a diagnostic.
func (l *List) Add(d Diagnostic) { *l = append(*l, d) }

// Error appends the error k at file:line:col for field.
func (l *List) Error(file string, line, col int, field string, k msg.Key, args ...any) {
	l.Add(Diagnostic{File: file, Line: line, Col: col, Field: field, Msg: msg.New(k, args...)})
}

// Warn appends the warning k at file:line:col for field.
func (l *List) Warn(file string, line, col int, field string, k msg.Key, args ...any) {
	l.Add(Diagnostic{File: file, Line: line, Col: col, Field: field, Msg: msg.New(k, args...), Severity: Warning})
}

// Errorf appends an error whose text is not in the catalogue yet; it
// reads the same in every language.
func (l *List) Errorf(file string, line, col int, field, format string, args ...any) {
	l.Add(Diagnostic{File: file, Line: line, Col: col, Field: field, Msg: msg.Raw(fmt.Sprintf(format, args...))})
}

// Warnf is Errorf for a warning.
func (l *List) Warnf(file string, line, col int, field, format string, args ...any) {
	l.Add(Diagnostic{File: file, Line: line, Col: col, Field: field, Msg: msg.Raw(fmt.Sprintf(format, args...)), Severity: Warning})
}

// Sort orders the list by file, line, column, field and message, so that
// reports are stable from one build to the next.
func (l List) Sort() {
	sort.SliceStable(l, func(i, j int) bool {
		a, b := l[i], l[j]
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		if a.Col != b.Col {
			return a.Col < b.Col
		}
		if a.Field != b.Field {
			return a.Field < b.Field
		}
		return a.Msg.String() < b.Msg.String()
	})
}

// HasErrors reports whether any diagnostic is an error, or, when strict is
// set, whether there is any diagnostic at all.
func (l List) HasErrors(strict bool) bool {
	for _, d := range l {
		if d.Severity == Error || strict {
			return true
		}
	}
	return false
}

// Err returns the list as an error when it holds errors (or, with strict,
// warnings), and nil otherwise.
func (l List) Err(strict bool) error {
	if !l.HasErrors(strict) {
		return nil
	}
	l.Sort()
	return &Errors{List: l}
}

// Errors is the error a build returns when its input has problems.
// Printer says how they are put into words; the build sets it once the
// site's language is known (zero: Chinese).
type Errors struct {
	List    List
	Printer msg.Printer
}

func (e *Errors) Error() string {
	var b strings.Builder
	errs, warns := 0, 0
	for _, d := range e.List {
		b.WriteString(d.In(e.Printer))
		b.WriteByte('\n')
		if d.Severity == Error {
			errs++
		} else {
			warns++
		}
	}
	switch {
	case warns == 0:
		b.WriteString(e.Printer.Sprint(msg.CountErrors, errs))
	case errs == 0:
		b.WriteString(e.Printer.Sprint(msg.CountWarningsStrict, errs, warns))
	default:
		b.WriteString(e.Printer.Sprint(msg.CountErrorsWarnings, errs, warns))
	}
	return b.String()
}

package layout

import (
	"errors"
	"fmt"
	"regexp"
	"strconv"
	"syscall"

	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/msg"
)

// TemplateError is a template's own mistake at its file, line and column,
// found while parsing it or while running it for a page. Detail is
// html/template's own words after the position: they quote the action at
// fault ({{ index .Page.Tags 3 }}), which no catalogue text could.
type TemplateError struct {
	File      string // the template's file: layouts/… or themes/…/layouts/…
	Line, Col int    // Col is 0 for a parse error
	Detail    string
}

func (e *TemplateError) Error() string {
	pos := e.File + ":" + strconv.Itoa(e.Line)
	if e.Col > 0 {
		pos += ":" + strconv.Itoa(e.Col)
	}
	return "template: " + pos + ": " + e.Detail
}

// templateErrRE is how text/template and html/template start an error:
// "template: NAME:LINE[:COL]: …" or "html/template:NAME:LINE:COL: …".
var templateErrRE = regexp.MustCompile(`^(?:html/)?template: ?(.+?):(\d+)(?::(\d+))?: `)

// templateError places err at its template's file: a template is named by
// its file, or (the base and partials, which layouts call by name) by its
// layout name, which sources maps to the file. Other errors are returned
// as they are.
func templateError(err error, sources map[string]string) error {
	m := templateErrRE.FindStringSubmatch(err.Error())
	if m == nil {
		return err
	}
	e := &TemplateError{File: m[1], Detail: err.Error()[len(m[0]):]}
	if f, ok := sources[m[1]]; ok {
		e.File = f
	}
	e.Line, _ = strconv.Atoi(m[2])
	e.Col, _ = strconv.Atoi(m[3])
	return e
}

// problem is an error a theme's maker or the site's author fixes, as a
// diagnostic at its file, line and column, so that the build puts it into
// the site's language.
func problem(file string, line, col int, field string, k msg.Key, args ...any) error {
	var l diag.List
	l.Error(file, line, col, field, k, args...)
	return l.Err(false)
}

// parseProblem is a template that does not parse, at its line.
func parseProblem(err error, sources map[string]string) error {
	var te *TemplateError
	if errors.As(templateError(err, sources), &te) {
		return problem(te.File, te.Line, te.Col, "", msg.TemplateParse, te.Detail)
	}
	return err
}

// readProblem is a theme or site file that cannot be read, at the file. A
// folder under a file's name (i18n/zh-CN.toml/) is said as such: "cannot
// read" would send its author to an editor.
func readProblem(file string, err error) error {
	if errors.Is(err, syscall.EISDIR) {
		return problem(file, 0, 0, "", msg.FileIsFolder)
	}
	return problem(file, 0, 0, "", msg.FileCannotRead, msg.CauseAt(file, err))
}

// internal is a failure of this package's own making (copying a template
// set before any was run, parsing the line it adds to each template),
// which neither a theme's maker nor an author can fix: said as pubgen's
// own mistake, with the file it happened at when there is one.
func internal(file string, err error) error {
	if file != "" {
		err = fmt.Errorf("%s: %w", file, err)
	}
	return msg.Fail(err, msg.Internal, msg.Raw(err.Error()))
}

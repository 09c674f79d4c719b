package pipeline

import (
	"errors"
	"strings"

	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/layout"
	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/render"
	"github.com/pubgen/pubgen/internal/source"
)

// renderFailed reports the outputs templates failed to make. A template's
// own mistake is a diagnostic at its file and line, in the site's
// language, once for all the pages it fails on (a partial that fails for
// every page is one line, naming the first), and so is a missing
// template; anything else is returned as it is.
func renderFailed(errs []error) error {
	var l diag.List
	var other []error
	seen := map[layout.TemplateError]bool{}
	for _, err := range errs {
		var re *render.Error
		var te *layout.TemplateError
		var nl *render.NoLayout
		switch {
		case errors.As(err, &re) && errors.As(err, &nl):
			// Said once per set of names looked for: every notice lacks
			// the same template.
			key := layout.TemplateError{File: source.LayoutsDir + "/", Detail: strings.Join(nl.Want, " ")}
			if !seen[key] {
				seen[key] = true
				var want []msg.Text
				for _, w := range nl.Want {
					want = append(want, msg.Raw(source.LayoutsDir+"/"+w))
				}
				l.Error(source.LayoutsDir+"/", 0, 0, "", msg.TemplateMissing, nl.Theme, re.File, want)
			}
			continue
		case !errors.As(err, &re) || !errors.As(err, &te):
			other = append(other, err)
			continue
		}
		if seen[*te] {
			continue
		}
		seen[*te] = true
		l.Error(te.File, te.Line, te.Col, "", msg.TemplateExec, re.File, re.From, te.Detail)
	}
	if len(other) > 0 {
		return errors.Join(other...)
	}
	return l.Err(false)
}

package main

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/msg"
)

// say prints one line for a person through diag.Escape. Everything pubgen
// prints about a site goes through here: titles, file names, paths and
// error texts come from authors or the disk, and must neither print a line
// of their own (a forged "ok:") nor move, clear or retitle the terminal.
func say(w io.Writer, format string, args ...any) {
	fmt.Fprintln(w, diag.Escape(fmt.Sprintf(format, args...)))
}

// sayErr prints err: a build's content problems one line each followed by
// their count (in the language the build put them in), any other error as
// one line after "pubgen: ", in p's language when its words come from the
// catalogue (msg.Error: publish's, for one).
func sayErr(w io.Writer, p msg.Printer, err error) {
	var de *diag.Errors
	if errors.As(err, &de) {
		// Each diagnostic is already a single escaped line, so the only
		// newlines are the ones between them.
		for _, line := range strings.Split(de.Error(), "\n") {
			say(w, "%s", line)
		}
		return
	}
	if t, ok := msg.TextOf(err); ok {
		say(w, "pubgen: %s", p.Text(t))
		return
	}
	say(w, "pubgen: %v", err)
}

// errText is err as sayErr words it, for the preview's overlay: a build's
// problems one a line, any other error in p's language when it has the
// catalogue's words. The overlay shows it as text, so it is not escaped.
func errText(p msg.Printer, err error) string {
	var de *diag.Errors
	if errors.As(err, &de) {
		return de.Error()
	}
	if t, ok := msg.TextOf(err); ok {
		return p.Text(t)
	}
	return err.Error()
}

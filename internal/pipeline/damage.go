package pipeline

import (
	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/search"
)

// IndexDamage is the one report of a search index found damaged (err says
// how) in dir: a build's warning, the line a serve or build --watch session
// prints when it opens the index, and pubgen search's error. remedy says
// what happens next: msg.IndexRebuilt where the pages rebuild it,
// msg.IndexRunBuild where the operator has to. One text for all three, so
// an operator reads the same words wherever it is found, and tests find it
// by the catalogue's text.
func IndexDamage(dir string, err error, sev diag.Severity, remedy msg.Key) diag.Diagnostic {
	return diag.Diagnostic{File: dir, Msg: msg.New(msg.IndexDamaged, search.DamageReason(err), remedy), Severity: sev}
}

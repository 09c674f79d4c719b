package pipeline

import (
	"os"

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

// IndexOpenFailed says that the index in dir could not be opened (err, from
// search.Open, says why) and that deleting the folder is safe: Open already
// starts over from an index it cannot read, so what is left is a folder
// pubgen may not create, lock or write. serve, build --watch and pubgen
// search say it in the same words as a build.
func IndexOpenFailed(dir string, err error) error {
	return msg.Fail(err, msg.IndexCannotOpen, dir, msg.CauseAt(dir, err))
}

// indexWriteFailed says that the index in dir (a throwaway one when dir is
// empty) failed again after it was rebuilt.
func indexWriteFailed(dir string, err error) error {
	if dir == "" {
		dir = os.TempDir()
	}
	return msg.Fail(err, msg.IndexCannotWrite, dir, msg.Cause(err))
}

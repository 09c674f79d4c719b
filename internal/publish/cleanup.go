package publish

import (
	"context"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/pubgen/pubgen/internal/msg"
)

// Cleanup removes staging, retired and trash folders left beside dest by a
// build that died. If dest itself is missing because the build died in the
// middle of the two-rename fallback, it first moves the retired previous site
// back into place. Publish calls it at its start; it waits for the lock, so
// it never touches the folders of a build that is still running. What it
// cannot remove comes back as warnings (see removeLeftover).
func Cleanup(dest string) (warnings []msg.Text, err error) {
	t, err := checkDest(dest)
	if err != nil {
		return nil, err
	}
	ctx, cancel := context.WithTimeout(context.Background(), lockWait)
	defer cancel()
	unlock, err := lockTarget(ctx, t)
	if err != nil {
		return nil, err
	}
	defer unlock()
	return defaultPublisher().cleanup(t, "")
}

// cleanup does Cleanup's work, leaving alone keep, a session's spare (see
// Spare); the caller holds the lock.
func (p publisher) cleanup(t target, keep string) ([]msg.Text, error) {
	names, err := os.ReadDir(t.parent)
	if err != nil {
		return nil, failure(msg.PublishReadParent, t.parent, bare(err))
	}
	var (
		retired  []string
		warnings []msg.Text
	)
	for _, n := range names {
		full := filepath.Join(t.parent, n.Name())
		switch {
		case full == keep:
		case strings.HasPrefix(n.Name(), t.prefix(stagingTag)), strings.HasPrefix(n.Name(), t.prefix(trashTag)):
			p.removeLeftover(full, &warnings)
		case strings.HasPrefix(n.Name(), t.prefix(retiredTag)):
			retired = append(retired, full)
		case n.Name() == t.prefix(legacyLockTag):
			// pubgen no longer locks it; an older one holding it right
			// now keeps its lock on the open file.
			os.Remove(full)
		}
	}
	return warnings, p.settleRetired(t, retired, &warnings)
}

// removeLeftover removes a helper folder publish no longer needs. One it
// cannot remove — a root-owned file another tool (certbot's .well-known/)
// put into the published site, an immutable file — is not part of any
// published site and harms nothing where it is, so it becomes a warning
// naming the file, never an error: one stuck file must not stop every
// later publish. Each run tries again.
func (p publisher) removeLeftover(dir string, warnings *[]msg.Text) {
	if err := p.remove(dir); err != nil {
		*warnings = append(*warnings, leftoverWarning(dir, err))
	}
}

// leftoverWarning names the file that could not be removed (the one an
// *fs.PathError names, usually deeper than dir) and why.
func leftoverWarning(dir string, err error) msg.Text {
	name := dir
	var pe *fs.PathError
	if errors.As(err, &pe) {
		name, err = pe.Path, pe.Err
	}
	return msg.New(msg.PublishLeftover, name, msg.Cause(err))
}

// settleRetired restores a retired site when dest is missing, and discards
// retired sites otherwise. The lock allows at most one retired site to exist
// with dest missing; more than one means someone else moved folders, and
// guessing could publish an old site, so it stops and says so.
func (p publisher) settleRetired(t target, retired []string, warnings *[]msg.Text) error {
	if len(retired) == 0 {
		return nil
	}
	if _, err := os.Lstat(t.dest); errors.Is(err, fs.ErrNotExist) {
		if len(retired) > 1 {
			return failure(msg.PublishManyRetired, t.dest, nil, len(retired), strings.Join(retired, ", "))
		}
		if err := os.Rename(retired[0], t.dest); err != nil {
			return failure(msg.PublishRestore, t.dest, bare(err), retired[0])
		}
		return syncDir(t.parent)
	} else if err != nil {
		return failure(msg.PublishDest, t.dest, bare(err))
	}
	for _, r := range retired {
		p.discard(t, r, warnings)
	}
	return nil
}

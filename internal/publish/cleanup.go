package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// Cleanup removes staging, retired and trash folders left beside dest by a
// build that died. If dest itself is missing because the build died in the
// middle of the two-rename fallback, it first moves the retired previous site
// back into place. Publish calls it at its start; it waits for the lock, so
// it never touches the folders of a build that is still running.
func Cleanup(dest string) error {
	t, err := checkDest(dest)
	if err != nil {
		return err
	}
	unlock, err := lockTarget(t, lockWait)
	if err != nil {
		return err
	}
	defer unlock()
	return cleanup(t)
}

// cleanup does Cleanup's work; the caller holds the lock.
func cleanup(t target) error {
	names, err := os.ReadDir(t.parent)
	if err != nil {
		return fmt.Errorf("publish: cleanup: reading %s: %w", t.parent, bare(err))
	}
	var retired []string
	for _, n := range names {
		full := filepath.Join(t.parent, n.Name())
		switch {
		case strings.HasPrefix(n.Name(), t.prefix(stagingTag)), strings.HasPrefix(n.Name(), t.prefix(trashTag)):
			if err := os.RemoveAll(full); err != nil {
				return fmt.Errorf("publish: cleanup: removing %s: %w", full, err)
			}
		case strings.HasPrefix(n.Name(), t.prefix(retiredTag)):
			retired = append(retired, full)
		}
	}
	return settleRetired(t, retired)
}

// settleRetired restores a retired site when dest is missing, and discards
// retired sites otherwise. The lock allows at most one retired site to exist
// with dest missing; more than one means someone else moved folders, and
// guessing could publish an old site, so it stops and says so.
func settleRetired(t target, retired []string) error {
	if len(retired) == 0 {
		return nil
	}
	if _, err := os.Lstat(t.dest); errors.Is(err, fs.ErrNotExist) {
		if len(retired) > 1 {
			return fmt.Errorf("publish: cleanup: %s is missing and there are %d previous sites to restore it from (%s); move the right one to %s by hand", t.dest, len(retired), strings.Join(retired, ", "), t.dest)
		}
		if err := os.Rename(retired[0], t.dest); err != nil {
			return fmt.Errorf("publish: cleanup: restoring the previous site %s to %s: %w", retired[0], t.dest, err)
		}
		return syncDir(t.parent)
	} else if err != nil {
		return fmt.Errorf("publish: cleanup: %w", err)
	}
	for _, r := range retired {
		discard(t, r)
	}
	return nil
}

package publish

import (
	"context"
	"crypto/rand"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"time"

	"github.com/pubgen/pubgen/internal/msg"
)

var (
	errNoExchange = errors.New("atomic exchange not supported")
	errBusy       = errors.New("another pubgen build is publishing to the same folder") // said by msg.PublishBusy
)

// LockWait is how long a one-off build waits for another build that
// publishes into the same folder before it gives up.
const LockWait = 2 * time.Minute

const (
	lockWait = LockWait
	lockPoll = 50 * time.Millisecond
)

// publisher holds what tests swap out: the exchange primitive (to force the
// two-rename fallback), how long to wait for the lock, and a pause between
// the fallback's renames that widens the window a crash test aims at.
type publisher struct {
	exchange func(a, b string) error
	lockWait time.Duration
	gap      time.Duration
	// unchanged, when set, names entries whose bytes are those already
	// published in dest: they are hard-linked into the staging folder
	// instead of written again.
	unchanged func(path string) bool
	// remove deletes a folder publish no longer needs (removeTree); tests
	// make it fail the way a root-owned leftover does.
	remove func(dir string) error
}

func defaultPublisher() publisher {
	return publisher{exchange: exchange, lockWait: lockWait, remove: removeTree}
}

// Publish writes entries into a fresh staging folder beside dest (same
// parent, so the same filesystem), flushes it to disk, and then replaces dest
// with it in one step. On any error dest is left as it was and the staging
// folder is removed. It first cleans up after a build that died (Cleanup).
//
// Once the new site is in place, a failure to remove the previous one does
// not fail the publish: Report.Warnings names what was left, and every
// later run tries again (see removeLeftover).
func Publish(dest string, entries []Entry) (Report, error) {
	return defaultPublisher().publish(dest, entries)
}

// PublishUpdate is Publish for a site that changed little since it was
// published into dest (pubgen build --watch): entries for which
// unchanged(path) reports true are hard-linked from the published site into
// the staging folder instead of being written again. The switch is as
// atomic as Publish's: files are never changed in place, so the published
// site never sees the new one's files before the switch, and an entry that
// cannot be linked is written.
func PublishUpdate(dest string, entries []Entry, unchanged func(path string) bool) (Report, error) {
	p := defaultPublisher()
	p.unchanged = unchanged
	return p.publish(dest, entries)
}

func (p publisher) publish(dest string, entries []Entry) (Report, error) {
	ctx, cancel := context.WithTimeout(context.Background(), p.lockWait)
	defer cancel()
	l, err := p.acquire(ctx, dest)
	if err != nil {
		return Report{}, err
	}
	defer l.Release()
	return p.publishLocked(l.t, entries)
}

// publishLocked does publish's work; the caller holds t's lock.
func (p publisher) publishLocked(t target, entries []Entry) (Report, error) {
	if err := checkEntries(entries); err != nil {
		return Report{}, err
	}
	warnings, err := p.cleanup(t)
	if err != nil {
		return Report{}, err
	}
	staging, err := makeStaging(t)
	if err != nil {
		return Report{}, err
	}
	var reuse func(Entry) string
	if p.unchanged != nil {
		reuse = func(e Entry) string {
			if p.unchanged(e.Path) {
				return filepath.Join(t.dest, filepath.FromSlash(e.Path))
			}
			return ""
		}
	}
	rep, err := writeTree(staging, entries, reuse)
	if err == nil {
		err = p.switchTo(t, staging, &warnings)
	}
	if err != nil {
		// What cannot be removed now is a leftover for the next run.
		p.remove(staging)
		return Report{}, err
	}
	rep.Warnings = warnings
	return rep, nil
}

// lockTarget takes t's lock, waiting until ctx is done.
func lockTarget(ctx context.Context, t target) (func(), error) {
	if err := os.MkdirAll(filepath.Dir(t.lockPath()), dirMode); err != nil {
		return nil, failure(msg.PublishLockFolder, t.lockPath(), bare(err))
	}
	start := time.Now()
	unlock, err := lock(ctx, t.lockPath())
	if errors.Is(err, errBusy) {
		return nil, failure(msg.PublishBusy, t.dest, err, int(time.Since(start).Round(time.Second)/time.Second), t.lockPath())
	}
	if err != nil {
		return nil, failure(msg.PublishLock, t.lockPath(), bare(err))
	}
	return unlock, nil
}

func makeStaging(t target) (string, error) {
	dir, err := os.MkdirTemp(t.parent, t.prefix(stagingTag))
	if err == nil {
		// MkdirTemp makes 0700; this folder becomes dest, which a web
		// server must be able to read.
		err = os.Chmod(dir, dirMode)
	}
	if err != nil {
		return "", failure(msg.PublishStaging, t.parent, bare(err))
	}
	return dir, nil
}

// switchTo puts the finished staging folder in dest's place. When it returns
// an error, dest is unchanged and staging may be removed. A previous site
// that cannot be removed is added to warnings.
func (p publisher) switchTo(t target, staging string, warnings *[]msg.Text) error {
	if _, err := os.Lstat(t.dest); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(staging, t.dest); err != nil {
			return failure(msg.PublishMoveIn, t.dest, bare(err))
		}
		return syncParent(t)
	}
	err := p.exchange(staging, t.dest)
	if errors.Is(err, errNoExchange) {
		return p.switchByRenames(t, staging, warnings)
	}
	if err != nil {
		return failure(msg.PublishSwitch, t.dest, bare(err))
	}
	// staging now holds the previous site.
	err = syncParent(t)
	p.removeLeftover(staging, warnings)
	return err
}

// switchByRenames is the fallback without an atomic exchange. Between its two
// renames dest is missing, but the old site sits complete under the retired
// name, where Cleanup finds and restores it.
func (p publisher) switchByRenames(t target, staging string, warnings *[]msg.Text) error {
	retired := filepath.Join(t.parent, t.prefix(retiredTag)+rand.Text())
	if err := os.Rename(t.dest, retired); err != nil {
		return failure(msg.PublishMoveAside, t.dest, bare(err))
	}
	time.Sleep(p.gap)
	if err := os.Rename(staging, t.dest); err != nil {
		if rerr := os.Rename(retired, t.dest); rerr != nil {
			return failure(msg.PublishRestoreFailed, t.dest, bare(err), msg.Cause(bare(rerr)), retired)
		}
		return failure(msg.PublishMoveIn, t.dest, bare(err))
	}
	err := syncParent(t)
	p.discard(t, retired, warnings)
	return err
}

// discard removes a retired site. It first renames it to a trash name so
// that a removal cut short never leaves a partial tree under the retired
// name, which Cleanup would take for a complete site.
func (p publisher) discard(t target, retired string, warnings *[]msg.Text) {
	trash := filepath.Join(t.parent, t.prefix(trashTag)+rand.Text())
	if err := os.Rename(retired, trash); err != nil {
		*warnings = append(*warnings, leftoverWarning(retired, err))
		return
	}
	p.removeLeftover(trash, warnings)
}

func syncParent(t target) error {
	if err := syncDir(t.parent); err != nil {
		return failure(msg.PublishFlushParent, t.dest, bare(err), t.parent)
	}
	return nil
}

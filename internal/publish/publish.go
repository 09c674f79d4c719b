package publish

import (
	"context"
	"crypto/rand"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
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
	// remove deletes a folder publish no longer needs (removeTree); tests
	// make it fail the way a root-owned leftover does.
	remove func(dir string) error
}

func defaultPublisher() publisher {
	return publisher{exchange: exchange, lockWait: lockWait, remove: removeTree}
}

// Publish makes dest hold exactly the entries, atomically: it writes them
// into a fresh staging folder beside dest (same parent, so the same
// filesystem), flushes it to disk, and then replaces dest with it in one
// step. Files dest already holds byte for byte are hard-linked from there
// instead of written again, and a dest that already holds exactly the
// entries is left as it is: nothing would change for a reader, and a
// build with nothing changed then costs a read of the site instead of a
// write. On any error dest is left as it was and the staging folder is
// removed. It first cleans up after a build that died (Cleanup).
//
// Once the new site is in place, a failure to remove the previous one does
// not fail the publish: Report.Warnings names what was left, and every
// later run tries again (see removeLeftover).
func Publish(dest string, entries []Entry) (Report, error) {
	return defaultPublisher().publish(dest, entries)
}

func (p publisher) publish(dest string, entries []Entry) (Report, error) {
	ctx, cancel := context.WithTimeout(context.Background(), p.lockWait)
	defer cancel()
	l, err := p.acquire(ctx, dest)
	if err != nil {
		return Report{}, err
	}
	defer l.Release()
	return p.publishLocked(l.t, entries, nil, nil)
}

// publishLocked does Publish's work, and a session's when sp is set (see
// Spare): changed names the paths at which the entries differ from what
// sp's last switch put into dest. The caller holds t's lock.
func (p publisher) publishLocked(t target, entries []Entry, sp *Spare, changed []string) (Report, error) {
	if err := checkEntries(entries); err != nil {
		return Report{}, err
	}
	var keep string
	if sp != nil {
		keep = sp.dir
	}
	warnings, err := p.cleanup(t, keep)
	if err != nil {
		return Report{}, err
	}
	var d difference
	if sp.knows(t) {
		d = difference{files: changed, clean: true}
	} else {
		d = compareTree(t.dest, entries)
	}
	if d.same() && (sp == nil || sp.usable()) {
		rep := siteSize(entries)
		rep.Warnings, rep.Unchanged = warnings, true
		return rep, nil
	}
	fresh := make(map[string]bool, len(d.files))
	for _, f := range d.files {
		fresh[f] = true
	}
	staging, rep, err := p.stage(t, entries, sp, d, fresh, &warnings)
	if err != nil {
		return Report{}, err
	}
	if d.same() {
		// A session's first publish into a dest that already holds its
		// site: the copy just made is the spare, and nothing is switched.
		sp.settle(p, t, staging, d, &warnings)
		rep.Warnings, rep.Unchanged = warnings, true
		return rep, nil
	}
	old, err := p.switchTo(t, staging, &warnings)
	if err != nil {
		// What cannot be removed now is a leftover for the next run.
		p.remove(staging)
		if sp != nil {
			*sp = Spare{}
		}
		return Report{}, err
	}
	if sp != nil {
		if old == "" {
			// The first publish into a new dest replaced no site to keep:
			// the session's first edit would stage the whole site afresh
			// (1.3 s of a 2,000-page session's first switch, against tens
			// of ms for the next ones). A linked copy now makes it cost
			// what the others do.
			old, d = p.linkedCopy(t, entries), difference{clean: true}
		}
		sp.settle(p, t, old, d, &warnings)
	} else if old != "" {
		p.removeLeftover(old, &warnings)
	}
	rep.Warnings = warnings
	return rep, nil
}

// stage makes the folder to switch in: sp's folder brought up to date
// when it can be, else a fresh staging folder whose files that dest holds
// already (those not in fresh) are linked from it.
func (p publisher) stage(t target, entries []Entry, sp *Spare, d difference, fresh map[string]bool, warnings *[]msg.Text) (string, Report, error) {
	if sp.knows(t) && sp.usable() {
		stale := slices.Concat(sp.behind, d.files)
		slices.Sort(stale)
		rep, err := refresh(sp.dir, t.dest, entries, slices.Compact(stale), fresh)
		if err == nil {
			return sp.dir, rep, nil
		}
		// A file the spare cannot lose (a root-owned one another tool put
		// into the site it replaced) makes it unusable, not the publish.
	}
	if sp != nil {
		sp.forget(p, warnings)
	}
	staging, err := makeStaging(t)
	if err != nil {
		return "", Report{}, err
	}
	reuse := func(e Entry) string {
		if fresh[e.Path] {
			return ""
		}
		return filepath.Join(t.dest, filepath.FromSlash(e.Path))
	}
	rep, err := writeTree(staging, entries, reuse)
	if err != nil {
		p.remove(staging)
		return "", Report{}, err
	}
	return staging, rep, nil
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

// linkedCopy makes a staging folder of hard links to every file of the
// site just switched in, to be a session's spare, or returns "" when it
// cannot (the session then stages afresh at its next publish). It is not
// flushed: refresh flushes the spare before it is switched in.
func (p publisher) linkedCopy(t target, entries []Entry) string {
	dir, err := makeStaging(t)
	if err != nil {
		return ""
	}
	err = makeDirs(dir, folders(entries))
	if err == nil {
		_, err = writeFiles(dir, entries, func(e Entry) string { return filepath.Join(t.dest, filepath.FromSlash(e.Path)) })
	}
	if err != nil {
		p.remove(dir)
		return ""
	}
	return dir
}

// switchTo puts the finished staging folder in dest's place and returns
// where the previous site now is ("" when there was none), for the caller
// to remove or keep. When it returns an error, dest is unchanged and
// staging may be removed.
func (p publisher) switchTo(t target, staging string, warnings *[]msg.Text) (string, error) {
	if _, err := os.Lstat(t.dest); errors.Is(err, fs.ErrNotExist) {
		if err := os.Rename(staging, t.dest); err != nil {
			return "", failure(msg.PublishMoveIn, t.dest, bare(err))
		}
		return "", syncParent(t)
	}
	err := p.exchange(staging, t.dest)
	if errors.Is(err, errNoExchange) {
		return p.switchByRenames(t, staging, warnings)
	}
	if err != nil {
		return "", failure(msg.PublishSwitch, t.dest, bare(err))
	}
	// staging now holds the previous site.
	return staging, syncParent(t)
}

// switchByRenames is the fallback without an atomic exchange. Between its two
// renames dest is missing, but the old site sits complete under the retired
// name, where Cleanup finds and restores it. Once staging is in place, the
// old site leaves the retired name (see discard) for staging's, where a
// dead run's cleanup removes it; "" when that rename failed and the old
// site was discarded.
func (p publisher) switchByRenames(t target, staging string, warnings *[]msg.Text) (string, error) {
	retired := filepath.Join(t.parent, t.prefix(retiredTag)+rand.Text())
	if err := os.Rename(t.dest, retired); err != nil {
		return "", failure(msg.PublishMoveAside, t.dest, bare(err))
	}
	time.Sleep(p.gap)
	if err := os.Rename(staging, t.dest); err != nil {
		if rerr := os.Rename(retired, t.dest); rerr != nil {
			return "", failure(msg.PublishRestoreFailed, t.dest, bare(err), msg.Cause(bare(rerr)), retired)
		}
		return "", failure(msg.PublishMoveIn, t.dest, bare(err))
	}
	err := syncParent(t)
	if rerr := os.Rename(retired, staging); rerr != nil {
		p.discard(t, retired, warnings)
		return "", err
	}
	return staging, err
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

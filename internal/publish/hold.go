package publish

import (
	"context"
	"errors"
)

// Lock is one build's hold on a destination, taken before the build reads
// its inputs and kept until its site is switched in. Builds that publish
// into the same folder thus read and switch in the same order, so an
// older snapshot can never replace a newer one: a build that waited reads
// the inputs only once the one before it has published.
//
// A Lock is used by one goroutine; Release may be called more than once.
type Lock struct {
	p      publisher
	t      target
	unlock func()
}

// Acquire checks dest (CheckDest) and takes its lock, waiting while another
// pubgen holds it until ctx is done; then it fails with an error saying
// another build is publishing there.
func Acquire(ctx context.Context, dest string) (*Lock, error) {
	return defaultPublisher().acquire(ctx, dest)
}

func (p publisher) acquire(ctx context.Context, dest string) (*Lock, error) {
	t, err := checkDest(dest)
	if err != nil {
		return nil, err
	}
	unlock, err := lockTarget(ctx, t)
	if err != nil {
		return nil, err
	}
	return &Lock{p: p, t: t, unlock: unlock}, nil
}

// Busy reports whether err says another pubgen holds the lock.
func Busy(err error) bool { return errors.Is(err, errBusy) }

// Publish is the package's Publish under l.
func (l *Lock) Publish(entries []Entry) (Report, error) {
	return l.p.publishLocked(l.t, entries, nil, nil)
}

// PublishChanges is Publish for a session that publishes into dest again
// and again (pubgen build --watch), keeping sp between its publishes (see
// Spare): changed names the paths added, changed or removed since sp's
// last switch, the only files written. The first time, or when dest or
// sp's folder is not as sp left it, what differs is read from disk
// instead, as Publish does.
func (l *Lock) PublishChanges(entries []Entry, changed []string, sp *Spare) (Report, error) {
	return l.p.publishLocked(l.t, entries, sp, changed)
}

// Release lets the next build take the lock.
func (l *Lock) Release() {
	if l.unlock != nil {
		l.unlock()
		l.unlock = nil
	}
}

package watch

import (
	"errors"
	"slices"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/pubgen/pubgen/internal/msg"
)

// maxLatency is how many Debounce periods a batch may be held back by
// changes that keep coming.
const maxLatency = 10

// loop collects changes until the folder has been quiet for debounce, or the
// oldest pending change has waited maxLatency periods, and delivers them.
func (w *Watcher) loop(debounce time.Duration) {
	pending := map[string]bool{}
	var first time.Time
	timer := time.NewTimer(time.Hour)
	timer.Stop()
	defer timer.Stop()
	changed := func(rel string) {
		if len(pending) == 0 {
			first = time.Now()
		}
		pending[rel] = true
	}
	for {
		select {
		case <-w.done:
			return
		case ev, ok := <-w.notify.Events:
			if !ok {
				return
			}
			if err := w.tree.handle(ev, changed); err != nil {
				w.report(err)
			}
		case err, ok := <-w.notify.Errors:
			if !ok {
				return
			}
			if errors.Is(err, fsnotify.ErrEventOverflow) {
				w.tree.everything(changed)
				w.report(msg.Fail(err, msg.WatchOverflow))
			} else {
				w.report(msg.Fail(err, msg.OpWatchError, msg.Cause(err)))
			}
		case <-timer.C:
			if !w.deliver(pending) {
				return
			}
			pending = map[string]bool{}
			continue
		}
		if len(pending) > 0 {
			timer.Reset(min(debounce, max(time.Until(first.Add(maxLatency*debounce)), 0)))
		}
	}
}

// deliver sends the pending paths as one batch; it reports false if the
// watcher was closed meanwhile.
func (w *Watcher) deliver(pending map[string]bool) bool {
	if len(pending) == 0 {
		return true
	}
	paths := make([]string, 0, len(pending))
	for p := range pending {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	select {
	case w.batches <- Batch{Paths: paths}:
		return true
	case <-w.done:
		return false
	}
}

// report passes err on without blocking: a caller that does not read
// Errors must not stop the batches.
func (w *Watcher) report(err error) {
	select {
	case w.errors <- err:
	default:
	}
}

package main

import (
	"context"
	"io"
	"maps"
	"slices"
	"time"

	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/pipeline"
	"github.com/pubgen/pubgen/internal/publish"
	srcfs "github.com/pubgen/pubgen/internal/source"
	"github.com/pubgen/pubgen/internal/watch"
)

// watchAndPublish is `pubgen build --watch`, for an operator's server: the
// dev server's incremental machinery, but each successful rebuild is
// published atomically into dest, and a failed one leaves dest as it was.
func watchAndPublish(ctx context.Context, source string, opts pipeline.Options, dest string, stderr io.Writer) int {
	// p is the site's Printer as of the last build that read pubgen.toml,
	// for the lines between builds.
	p := sitePrinter(source)
	p.Today = opts.Now
	ix, err := openSessionIndex(source, opts.SearchCache, stderr)
	if err != nil {
		sayErr(stderr, p, err)
		return 1
	}
	defer ix.Close()
	opts.Index = ix
	w, err := watch.New(source, srcfs.InputFolders(), watch.Options{Debounce: editDebounce})
	if err != nil {
		sayErr(stderr, p, err)
		return 1
	}
	defer w.Close()
	session := pipeline.NewSession(srcfs.DirFS(source), opts)
	// spare is the site the last switch replaced, kept beside dest so
	// that the next switch writes only what changed (see publish.Spare).
	var spare publish.Spare
	defer spare.Discard()
	// pending is every path changed since the last successful publish:
	// a publish that failed must be tried again, with what it did not
	// write, even when the next build changes nothing.
	pending := map[string]bool{}
	published := false
	// once builds and publishes, returning the build (nil when it failed).
	once := func() *pipeline.Result {
		// Held from reading the site to the switch, so that a one-off
		// build into the same folder cannot interleave (see publish.Lock).
		lk, err := takeLock(ctx, dest, p, stderr)
		if err != nil {
			if ctx.Err() == nil {
				sayErr(stderr, p, err)
			}
			return nil
		}
		defer lk.Release()
		start := time.Now()
		res, _, changed, err := session.Build()
		if err != nil {
			ep := printerOfErr(err, p)
			sayErr(stderr, ep, err)
			say(stderr, "%s", ep.Sprint(msg.OpWatchBuildFailed))
			return nil
		}
		p = printerOf(res, opts)
		for _, c := range changed {
			pending[c] = true
		}
		if len(pending) == 0 && published {
			say(stderr, "%s", p.Sprint(msg.OpBuiltUnchanged, time.Since(start).Milliseconds()))
			return res
		}
		built := time.Now()
		pr, err := lk.PublishChanges(res.Entries, slices.Sorted(maps.Keys(pending)), &spare)
		if err != nil {
			sayErr(stderr, p, err)
			say(stderr, "%s", p.Sprint(msg.OpWatchPublishFailed, dest))
			return nil
		}
		clear(pending)
		published = true
		for _, w := range pr.Warnings {
			say(stderr, "warning: %s", p.Text(w))
		}
		// The two phases apart: the time from an edit to its switch is
		// the rebuild's and the switch's, which have different owners.
		say(stderr, "%s", p.Sprint(msg.OpPublished,
			pr.Files, len(changed), res.Report.Rendered, dest, time.Since(start).Milliseconds(),
			built.Sub(start).Milliseconds(), time.Since(built).Milliseconds()))
		return res
	}
	wake := newAlarm(opts.Now)
	defer wake.stop()
	wake.set(once(), stderr)
	say(stderr, "%s", p.Sprint(msg.OpWatching, source))
	for {
		select {
		case <-ctx.Done():
			return 0
		case b, ok := <-w.Batches():
			if !ok {
				return 1
			}
			session.Changed(b.Paths)
			wake.set(once(), stderr)
		case <-wake.C():
			if wake.due() {
				say(stderr, "%s", p.Sprint(msg.OpScheduledDue))
				wake.set(once(), stderr)
			}
		case err, ok := <-w.Errors():
			if ok {
				session.Forget() // a change may have gone unreported
				sayErr(stderr, p, err)
			}
		}
	}
}

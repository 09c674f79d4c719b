package main

import (
	"bytes"
	"context"
	"io"
	"time"

	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/pipeline"
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
	// published is what this process last published into dest: a file
	// whose bytes are the same is linked from there, not written again.
	var published map[string][]byte
	// retry is set while dest lags behind the last build: a publish that
	// failed must be tried again even when the next build changes nothing.
	retry := false
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
		res, files, changed, err := session.Build()
		if err != nil {
			ep := printerOfErr(err, p)
			sayErr(stderr, ep, err)
			say(stderr, "%s", ep.Sprint(msg.OpWatchBuildFailed))
			return nil
		}
		p = printerOf(res, opts)
		if len(changed) == 0 && published != nil && !retry {
			say(stderr, "%s", p.Sprint(msg.OpBuiltUnchanged, time.Since(start).Milliseconds()))
			return res
		}
		unchanged := func(p string) bool {
			old, ok := published[p]
			return ok && bytes.Equal(old, files[p])
		}
		pr, err := lk.PublishUpdate(res.Entries, unchanged)
		if err != nil {
			retry = true
			sayErr(stderr, p, err)
			say(stderr, "%s", p.Sprint(msg.OpWatchPublishFailed, dest))
			return nil
		}
		published, retry = files, false
		for _, w := range pr.Warnings {
			say(stderr, "warning: %s", p.Text(w))
		}
		say(stderr, "%s", p.Sprint(msg.OpPublished,
			pr.Files, len(changed), res.Report.Rendered, dest, time.Since(start).Milliseconds()))
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

package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"syscall"
	"time"

	"github.com/pubgen/pubgen/internal/config"
	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/page"
	"github.com/pubgen/pubgen/internal/pipeline"
	"github.com/pubgen/pubgen/internal/publish"
	"github.com/pubgen/pubgen/internal/source"
)

// siteFlags are the flags shared by the commands that read a site.
type siteFlags struct {
	source string
	opts   pipeline.Options
	now    string
}

func (f *siteFlags) register(fs *flag.FlagSet, p msg.Printer) {
	fs.StringVar(&f.source, "source", ".", p.Sprint(msg.FlagSource))
	fs.BoolVar(&f.opts.Drafts, "drafts", false, p.Sprint(msg.FlagDrafts))
	fs.BoolVar(&f.opts.Future, "future", false, p.Sprint(msg.FlagFuture))
	fs.BoolVar(&f.opts.Strict, "strict", false, p.Sprint(msg.FlagStrict))
	fs.StringVar(&f.now, "now", "", p.Sprint(msg.FlagNow))
}

// parse parses args with fs (on which register was called) and returns
// the build options, or false after saying what was wrong on stderr.
func (f *siteFlags) parse(fs *flag.FlagSet, args []string, p msg.Printer, stderr io.Writer) (pipeline.Options, bool) {
	if !parseFlags(fs, args, p, stderr) {
		return pipeline.Options{}, false
	}
	if fs.NArg() > 0 {
		// pubgen build mysite: the folder goes after --source.
		say(stderr, "%s", p.Sprint(msg.UsageExtraArgs, fs.Name(), fs.Arg(0)))
		return pipeline.Options{}, false
	}
	if fi, err := os.Stat(f.source); err != nil || !fi.IsDir() {
		// Checked before anything is written into it: the search index
		// and the publish lock would make the folder.
		why := msg.New(msg.CauseNotDir, "not a directory")
		if err != nil {
			why = msg.CauseAt(f.source, err)
		}
		say(stderr, "pubgen: %s", p.Sprint(msg.OpNoSite, f.source, why))
		return pipeline.Options{}, false
	}
	o := f.opts
	// Beside the search index: the text read from attachments, by content.
	o.AttachCache = filepath.Join(f.source, ".pubgen", "attach")
	if f.now != "" {
		t, err := page.ParseDate(f.now, time.Local)
		if err != nil {
			p.Today = time.Now()
			say(stderr, "pubgen: %s", p.Sprint(msg.OpNowInvalid, f.now))
			return o, false
		}
		o.Now = t
	}
	return o, true
}

func runBuild(args []string, stdout, stderr io.Writer) int {
	return runBuildFrom(args, stdout, stderr, func(root string) fs.FS { return source.DirFS(root) })
}

// runBuildFrom is runBuild reading the site through openSite, so that a
// test can hold a build in the middle of reading its inputs.
func runBuildFrom(args []string, stdout, stderr io.Writer, openSite func(root string) fs.FS) int {
	p := argsPrinter(args)
	fs := newFlags("build")
	var sf siteFlags
	sf.register(fs, p)
	dest := fs.String("dest", "", p.Sprint(msg.FlagDest))
	jsonOut := fs.Bool("json", false, p.Sprint(msg.FlagJSON))
	fs.BoolVar(&sf.opts.NoMinify, "no-minify", false, p.Sprint(msg.FlagNoMinify))
	watchFlag := fs.Bool("watch", false, p.Sprint(msg.FlagWatch))
	opts, ok := sf.parse(fs, args, p, stderr)
	if !ok {
		return 2
	}
	if *dest == "" {
		*dest = filepath.Join(sf.source, "public")
	}
	opts.SearchCache = filepath.Join(sf.source, ".pubgen", "search")
	if *watchFlag {
		if err := publish.CheckDest(*dest); err != nil {
			sayErr(stderr, sitePrinter(sf.source), err)
			return 1
		}
		ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
		defer stop()
		return watchAndPublish(ctx, sf.source, opts, *dest, stderr)
	}
	// The lock is taken before the build reads the site and held until
	// the switch: see publish.Lock.
	wait, cancel := context.WithTimeout(context.Background(), publish.LockWait)
	defer cancel()
	lk, err := takeLock(wait, *dest, sitePrinter(sf.source), stderr)
	if err != nil {
		sayErr(stderr, sitePrinter(sf.source), err)
		return 1
	}
	defer lk.Release()
	// What this build rendered and minified, for the next one.
	opts.MemoCache = filepath.Join(sf.source, ".pubgen", "memo")
	res, err := pipeline.Run(openSite(sf.source), opts)
	if err != nil {
		return fail(stderr, err, sitePrinter(sf.source))
	}
	p = printerOf(res, opts)
	pr, err := lk.Publish(res.Entries)
	if err != nil {
		sayErr(stderr, p, err)
		say(stderr, "%s", p.Sprint(msg.OpPublishFailed, *dest, publishHint(err, *dest)))
		return 1
	}
	lk.Release()
	res.Report.Files, res.Report.Bytes, res.Report.Dest = pr.Files, pr.Bytes, *dest
	res.Report.Version = readBuildVersion().String()
	for _, w := range pr.Warnings {
		res.Report.Warnings = append(res.Report.Warnings, diag.Escape(p.Text(w)))
	}
	res.Report.WriteTable(stderr, printerOf(res, opts))
	if *jsonOut {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(res.Report); err != nil {
			sayErr(stderr, p, err)
			return 1
		}
	}
	return 0
}

func runCheck(args []string, stdout, stderr io.Writer) int {
	p := argsPrinter(args)
	fs := newFlags("check")
	var sf siteFlags
	sf.register(fs, p)
	opts, ok := sf.parse(fs, args, p, stderr)
	if !ok {
		return 2
	}
	opts.NoSearch = true
	res, err := pipeline.Run(source.DirFS(sf.source), opts)
	if err != nil {
		return fail(stderr, err, sitePrinter(sf.source))
	}
	for _, w := range res.Report.Warnings {
		say(stderr, "%s", w)
	}
	p = printerOf(res, opts)
	for _, d := range res.Report.Drafts {
		say(stderr, "%s", p.Sprint(msg.OpNoteDraft, d))
	}
	for _, a := range res.Report.AwaitingApproval {
		say(stderr, "%s", p.Sprint(msg.OpNoteAwaiting, a.Text()))
	}
	total := 0
	for _, n := range res.Report.Pages {
		total += n
	}
	say(stdout, "%s", p.Sprint(msg.OpCheckOK, total, len(res.Entries), len(res.Report.Warnings)))
	return 0
}

// takeLock takes dest's publish lock before the build reads anything
// (see publish.Lock), saying so when another build holds it.
func takeLock(ctx context.Context, dest string, p msg.Printer, stderr io.Writer) (*publish.Lock, error) {
	quick, cancel := context.WithTimeout(ctx, time.Second)
	lk, err := publish.Acquire(quick, dest)
	cancel()
	if !publish.Busy(err) || ctx.Err() != nil {
		return lk, err
	}
	say(stderr, "%s", p.Sprint(msg.OpWaitingLock, dest))
	return publish.Acquire(ctx, dest)
}

// publishHint says what to look at after a failed publish. The cause
// decides: blaming free space for a permission error sends an operator the
// wrong way.
func publishHint(err error, dest string) msg.Text {
	switch {
	case errors.Is(err, fs.ErrPermission):
		return msg.New(msg.OpHintPermission, filepath.Dir(dest))
	case errors.Is(err, syscall.EROFS):
		return msg.New(msg.OpHintReadOnly, filepath.Dir(dest))
	case errors.Is(err, syscall.ENOSPC), errors.Is(err, syscall.EDQUOT):
		return msg.New(msg.OpHintSpace)
	}
	return msg.Text{}
}

// printerOf is the site's Printer after a build that read its settings.
func printerOf(res *pipeline.Result, opts pipeline.Options) msg.Printer {
	if res == nil || res.Site == nil {
		return msg.Printer{Today: opts.Now}
	}
	return res.Site.Config.Printer(opts.Now)
}

// sitePrinter is the Printer of the site in root before a build has read
// it: its language alone, for the lines said before the first build or
// without one (Chinese when pubgen.toml cannot be read).
func sitePrinter(root string) msg.Printer {
	return msg.Printer{Lang: config.Lang(source.DirFS(root))}
}

// printerOfErr is the Printer a failed build put its problems into
// words with (Chinese when pubgen.toml could not be read), or p for an
// error that is not the build's list of problems (the search index's, a
// template set's), which the build did not put into words.
func printerOfErr(err error, p msg.Printer) msg.Printer {
	var de *diag.Errors
	if errors.As(err, &de) {
		return de.Printer
	}
	return p
}

// fail prints a build error: every content problem on its own line, then a
// count, so an author sees all of them at once. p is the site's Printer as
// far as it is known without the build (sitePrinter).
func fail(stderr io.Writer, err error, p msg.Printer) int {
	p = printerOfErr(err, p)
	sayErr(stderr, p, err)
	say(stderr, "%s", p.Sprint(msg.OpBuildFailed))
	return 1
}

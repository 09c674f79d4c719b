package main

import (
	"context"
	"errors"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/pipeline"
	"github.com/pubgen/pubgen/internal/search"
	"github.com/pubgen/pubgen/internal/serve"
	srcfs "github.com/pubgen/pubgen/internal/source"
	"github.com/pubgen/pubgen/internal/watch"
)

// editDebounce is the quiet time after a change before rebuilding: an
// editor's save (temp file, rename, chmod) lands within a few milliseconds,
// and every millisecond here is added to the preview's latency.
const editDebounce = 30 * time.Millisecond

// serveConfig is what the serve command's flags ask for.
type serveConfig struct {
	source       string
	opts         pipeline.Options
	bind         string
	port         int
	basePath     string
	allowedHosts []string
	// openSite reads the site's folder (nil: source.DirFS), so that a
	// test can act in the middle of a build.
	openSite func(root string) fs.FS
}

func runServe(args []string, stdout, stderr io.Writer) int {
	cfg, ok := parseServeFlags(args, stderr)
	if !ok {
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serveSite(ctx, cfg, stdout, stderr)
}

// parseServeFlags reads the serve command's flags, or returns false after
// saying what was wrong on stderr.
func parseServeFlags(args []string, stderr io.Writer) (serveConfig, bool) {
	p := argsPrinter(args)
	fs := newFlags("serve")
	var sf siteFlags
	sf.register(fs, p)
	cfg := serveConfig{}
	fs.StringVar(&cfg.bind, "bind", "127.0.0.1", p.Sprint(msg.FlagBind))
	fs.IntVar(&cfg.port, "port", 1313, p.Sprint(msg.FlagPort))
	fs.StringVar(&cfg.basePath, "base-path", "", p.Sprint(msg.FlagBasePath))
	fs.Func("allowed-hosts", p.Sprint(msg.FlagAllowedHosts), func(v string) error {
		for _, h := range strings.Split(v, ",") {
			if h = strings.TrimSpace(h); h != "" {
				cfg.allowedHosts = append(cfg.allowedHosts, h)
			}
		}
		return nil
	})
	opts, ok := sf.parse(fs, args, p, stderr)
	cfg.source, cfg.opts = sf.source, opts
	return cfg, ok
}

// serveSite runs the dev server until ctx ends: a first build, then a
// rebuild after every batch of changes the watcher reports.
func serveSite(ctx context.Context, cfg serveConfig, stdout, stderr io.Writer) int {
	source, opts := cfg.source, cfg.opts
	ix, err := openSessionIndex(source, filepath.Join(source, ".pubgen", "search"), stderr)
	if err != nil {
		sayErr(stderr, sitePrinter(source), err)
		return 1
	}
	defer ix.Close()
	opts.Dev, opts.Index = true, ix
	ln, err := listen(cfg.bind, cfg.port, sitePrinter(source), stderr)
	if err != nil {
		sayErr(stderr, sitePrinter(source), err)
		return 1
	}
	srv := serve.New(cfg.basePath, func(q string, limit int) (any, error) {
		return ix.Search(q, search.Query{Limit: limit})
	}, hostPolicy(cfg, ln.Addr()))
	open := cfg.openSite
	if open == nil {
		open = srcfs.DirFS
	}
	session := pipeline.NewSession(open(source), opts)
	// p is the site's Printer as of the last build that read pubgen.toml,
	// for the lines between builds.
	p := sitePrinter(source)
	p.Today = opts.Now
	// Watching starts before the first build reads anything: a file
	// saved while it runs (a cold build of a large site takes a minute)
	// is then reported after it, instead of never.
	w, err := watch.New(source, srcfs.InputFolders(), watch.Options{Debounce: editDebounce})
	if err != nil {
		sayErr(stderr, p, err)
		return 1
	}
	defer w.Close()
	wake := newAlarm(opts.Now)
	defer wake.stop()
	wake.set(rebuild(session, srv, &p, opts, stderr), stderr)
	hs := &http.Server{Handler: srv, ReadHeaderTimeout: 10 * time.Second}
	go hs.Serve(ln)
	say(stdout, "%s", p.Sprint(msg.OpServing, "http://"+ln.Addr().String()+srv.Base()))

	for {
		select {
		case <-ctx.Done():
			sctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
			defer cancel()
			hs.Shutdown(sctx)
			return 0
		case b, ok := <-w.Batches():
			if !ok {
				return 1
			}
			say(stderr, "%s", p.Sprint(msg.OpChanged, b.Paths))
			session.Changed(b.Paths)
			wake.set(rebuild(session, srv, &p, opts, stderr), stderr)
		case <-wake.C():
			if wake.due() {
				say(stderr, "%s", p.Sprint(msg.OpScheduledDue))
				wake.set(rebuild(session, srv, &p, opts, stderr), stderr)
			}
		case err, ok := <-w.Errors():
			if ok {
				session.Forget() // a change may have gone unreported
				sayErr(stderr, p, err)
			}
		}
	}
}

// openSessionIndex opens the search index a serve or build --watch session
// keeps open. A build that opens the index itself reports damage among its
// warnings; a session's builds are handed the open index, so the session
// says it here, once, in the same words.
func openSessionIndex(source, dir string, stderr io.Writer) (*search.Index, error) {
	ix, err := search.Open(dir)
	if errors.Is(err, search.ErrInUse) {
		return nil, msg.Fail(err, msg.IndexInUseSession, dir)
	}
	if err != nil {
		return nil, pipeline.IndexOpenFailed(dir, err)
	}
	if err := ix.Damage(); err != nil {
		if rel, rerr := filepath.Rel(source, dir); rerr == nil && filepath.IsLocal(rel) {
			dir = filepath.ToSlash(rel)
		}
		say(stderr, "%s", pipeline.IndexDamage(dir, err, diag.Warning, msg.IndexRebuilt).In(sitePrinter(source)))
	}
	return ix, nil
}

// rebuild builds once and hands the result to the server: the new site
// and the files that changed, or the error to show over the last good site.
// It returns the build, nil when it failed, and keeps *p the site's
// Printer as of the last build that read pubgen.toml.
func rebuild(session *pipeline.Session, srv *serve.Server, p *msg.Printer, opts pipeline.Options, stderr io.Writer) *pipeline.Result {
	start := time.Now()
	res, files, changed, err := session.Build()
	if err != nil {
		ep := printerOfErr(err, *p)
		sayErr(stderr, ep, err)
		srv.Fail(ep, errText(ep, err))
		return nil
	}
	srv.Publish(files, changed)
	*p = printerOf(res, opts)
	say(stderr, "%s", p.Sprint(msg.OpBuilt, time.Since(start).Milliseconds(), len(files), len(changed)))
	return res
}

// hostPolicy is the Host check for a server listening on addr. The
// listener's own IP decides whether the preview was exposed on purpose (an
// empty --bind listens everywhere; a name may resolve to loopback), and the
// name given to --bind stays allowed either way.
func hostPolicy(cfg serveConfig, addr net.Addr) serve.HostPolicy {
	p := serve.HostPolicy{Bind: cfg.bind, Allowed: cfg.allowedHosts, Words: sitePrinter(cfg.source)}
	if tcp, ok := addr.(*net.TCPAddr); ok {
		p.Bind = tcp.IP.String()
		p.Allowed = append([]string{cfg.bind}, cfg.allowedHosts...)
	}
	return p
}

// listen opens bind:port, or the next free port when it is taken, saying so.
func listen(bind string, port int, pr msg.Printer, stderr io.Writer) (net.Listener, error) {
	var firstErr error
	for p := port; p < port+20; p++ {
		ln, err := net.Listen("tcp", net.JoinHostPort(bind, strconv.Itoa(p)))
		if err == nil {
			if p != port {
				say(stderr, "%s", pr.Sprint(msg.OpPortBusy, port, p))
			}
			return ln, nil
		}
		if firstErr == nil {
			firstErr = err
		}
		if !errors.Is(err, syscall.EADDRINUSE) {
			break
		}
	}
	return nil, msg.Fail(firstErr, msg.OpCannotListen, net.JoinHostPort(bind, strconv.Itoa(port)), msg.Cause(firstErr))
}

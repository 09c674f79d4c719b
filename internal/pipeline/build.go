package pipeline

import (
	"errors"
	"fmt"
	"io/fs"
	"slices"
	"strings"
	"time"

	"github.com/pubgen/pubgen/internal/attach"
	"github.com/pubgen/pubgen/internal/config"
	"github.com/pubgen/pubgen/internal/convert"
	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/incremental"
	"github.com/pubgen/pubgen/internal/layout"
	"github.com/pubgen/pubgen/internal/markup"
	"github.com/pubgen/pubgen/internal/minify"
	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/outputs"
	"github.com/pubgen/pubgen/internal/page"
	"github.com/pubgen/pubgen/internal/parallel"
	"github.com/pubgen/pubgen/internal/privacyscan"
	"github.com/pubgen/pubgen/internal/publish"
	"github.com/pubgen/pubgen/internal/render"
	"github.com/pubgen/pubgen/internal/scaffold"
	"github.com/pubgen/pubgen/internal/search"
	"github.com/pubgen/pubgen/internal/site"
	"github.com/pubgen/pubgen/internal/sitedata"
	"github.com/pubgen/pubgen/internal/source"
)

// Options are what the command line chooses for one build.
type Options struct {
	Drafts   bool      // include draft pages
	Future   bool      // include pages whose publish_date is still ahead
	NoMinify bool      // write readable output, for debugging a theme
	Strict   bool      // warnings fail the build
	Now      time.Time // "today" for statuses and future pages; zero means the clock
	Dev      bool      // output for pubgen serve (live reload script)
	// SearchCache is the folder of the persistent bleve index (e.g.
	// .pubgen/search in the site root); empty means a throwaway index.
	SearchCache string
	// NoSearch skips indexing and the browser's shards (pubgen check, and
	// benchmarks of the page build alone).
	NoSearch bool
	// AttachCache is the folder where the text read from attachments is
	// kept by content (e.g. .pubgen/attach), so an unchanged attachment is
	// not read again by the next build; empty keeps it in memory only.
	AttachCache string
	// MemoCache is the folder of the memory a one-off build keeps on
	// disk for the next (e.g. .pubgen/memo; see incremental.Memory.Save):
	// what it rendered and minified, and what each output read. Empty
	// builds from scratch and keeps nothing.
	MemoCache string
	// Index, when set, is an open search index to update instead of
	// opening SearchCache: the dev server keeps one open between builds
	// and answers queries from it.
	Index *search.Index
}

// Result is a finished build held in memory, ready to publish.
type Result struct {
	Site     *site.Site
	Entries  []publish.Entry // every output file, sorted by path
	Warnings diag.List
	Report   Report
}

// Run builds the site in fsys (the site root) without writing anything
// but its caches. Content problems come back as a *diag.Errors holding
// all of them.
func Run(fsys fs.FS, opts Options) (*Result, error) {
	if opts.MemoCache == "" {
		return run(fsys, opts, nil)
	}
	return runRemembering(fsys, opts)
}

// run is Run with a session's caches (nil: build from scratch).
func run(fsys fs.FS, opts Options, c *caches) (*Result, error) {
	start := time.Now()
	if opts.Now.IsZero() {
		opts.Now = time.Now()
	}
	// Problems are put into words in the site's language once it is
	// known; before that (a broken pubgen.toml) in Chinese.
	pr := msg.Printer{Today: opts.Now}
	res, err := runWith(fsys, opts, c, start, &pr)
	var de *diag.Errors
	if errors.As(err, &de) {
		de.Printer = pr
	}
	return res, err
}

func runWith(fsys fs.FS, opts Options, c *caches, start time.Time, pr *msg.Printer) (*Result, error) {
	// Folders are listed once per build, however many stages walk them,
	// and in a watched session only those reported changed.
	fsys = c.fs(fsys)
	// One attachment cache for the build, so that the privacy scan and
	// search share each extraction.
	ac := c.mem().Attach(opts.AttachCache)
	s, src, data, l, drafts, err := readSite(fsys, opts, c, ac, pr)
	if err != nil {
		return nil, err
	}
	// The one minify stage every output goes through (nil: --no-minify).
	var min *minify.Minifier
	if !opts.NoMinify {
		min = minify.New()
	}
	lay, err := layout.Load(fsys, s.Config.Theme, s.Config.Language, render.Funcs(s.Config.Location))
	if err != nil {
		return nil, err
	}
	// The search side reads the site graph, read-only from here on, and
	// the theme's strings, not what the templates make: it runs beside
	// them. Much of it is serial (bleve building each segment, the
	// export: 13 of the 66 CPU seconds of a cold 10,000-page build), and
	// after the render it kept the second core waiting.
	idx := startIndexing(fsys, s, lay.T, opts, c, ac)
	outs, assets, own, rs, err := renderSite(fsys, s, lay, data, opts, min, c, &l)
	if err != nil {
		idx.wait()
		return nil, err
	}
	entries := append(outs, copies(fsys, s, src)...)
	// Checked before the search shards are added, so check (which makes
	// none) and build see the same paths; the shards' folder is kept.
	if err := checkOutputs(s, entries, assets, own, c.mem().Claims()); err != nil {
		idx.wait()
		return nil, err
	}
	sr := idx.wait()
	if sr.err != nil {
		return nil, sr.err
	}
	l = append(l, sr.warnings...)
	entries = append(entries, sr.engine...)
	// Everything but the assets, which renderSite minified first.
	if err := min.Outputs(entries, c.mem().Minified()); err != nil {
		return nil, err
	}
	c.mem().Minified().Sweep()
	entries = append(append(entries, assets...), sr.shards...)
	ac.Sweep()
	// Paths are unique (checkOutputs, and the shards' own folder), so an
	// unstable sort gives the one order: the stable one's merging was a
	// tenth of a one-page rebuild's CPU on 10,000 pages (9% in its
	// profile).
	slices.SortFunc(entries, func(a, b publish.Entry) int { return strings.Compare(a.Path, b.Path) })
	res := &Result{Site: s, Entries: entries, Warnings: l}
	res.Report = newReport(s, entries, time.Since(start))
	res.Report.Search = sr.stats
	res.Report.Attachments = sr.attachments
	res.Report.Rendered = rs.rendered
	res.Report.PhotosMade = rs.photos
	res.Report.Drafts = drafts
	res.Report.Layouts, res.Report.LayoutOverrides = rs.layouts, rs.overrides
	for _, d := range l {
		res.Report.Warnings = append(res.Report.Warnings, d.In(*pr))
	}
	return res, nil
}

// readSite reads and checks everything the site's pages are made of:
// configuration, content files, data files, the site graph and the
// converted Markdown.
// Content problems come back together as one *diag.Errors; the warnings
// come back in the list.
func readSite(fsys fs.FS, opts Options, c *caches, ac *attach.Cache, pr *msg.Printer) (*site.Site, *source.Site, *sitedata.Tree, diag.List, []string, error) {
	if links := source.CheckLinks(fsys); len(links) > 0 {
		return nil, nil, nil, nil, nil, links.Err(false)
	}
	// Kinds are checked before anything is opened, since opening a named
	// pipe waits forever, and after the links, so that every link followed
	// here is known to end inside the site.
	if kinds := source.CheckKinds(fsys); len(kinds) > 0 {
		return nil, nil, nil, nil, nil, kinds.Err(false)
	}
	cfg, l := config.Load(fsys)
	if cfg == nil {
		pr.Lang = config.Lang(fsys)
		return nil, nil, nil, nil, nil, l.Err(opts.Strict)
	}
	*pr = cfg.Printer(opts.Now)
	src, err := source.Walk(fsys)
	if err != nil {
		return nil, nil, nil, nil, nil, err
	}
	l = append(l, cfg.CheckStaticFiles(src.Static)...)
	data, dl := sitedata.Load(fsys)
	l = append(l, dl...)
	pages, pl := parseAll(fsys, src.Pages, cfg.Location, c.mem().Pages())
	l = append(l, pl...)
	hints, drafts := scaffold.CheckPlaceholders(fsys, cfg.Theme, pages, c.mem().Hints())
	l = append(l, hints...)
	s, sl := site.Build(cfg, pages, src.Bundle, site.Options{Drafts: opts.Drafts, Future: opts.Future, Now: opts.Now, Related: c.mem().Related()})
	l = append(l, sl...)
	// The text of every page that could be read is converted and scanned
	// even when fields are wrong, so that check names every problem at
	// once: a missing attachment must not hide a missing photo in the
	// text, nor a wrong date a broken link.
	conv := markup.New(markup.Options{Unsafe: cfg.Markdown.Unsafe})
	l = append(l, convert.All(s, conv, src.Static, c.mem().Convert())...)
	l = append(l, privacyscan.Check(fsys, s, source.MaxContentSize, ac, c.mem().Privacy())...)
	drafts = append(drafts, privacyscan.Drafts(pages, opts.Drafts)...)
	if err := l.Err(opts.Strict); err != nil {
		return nil, nil, nil, nil, nil, err
	}
	return s, src, data, l, drafts, nil
}

// renderStats is what renderSite tells the report: how many templates
// ran, and which layout files were used.
type renderStats struct {
	rendered  int
	photos    int // decoded for thumbnails and web copies
	layouts   map[string]string
	overrides []string
}

// renderSite makes every generated file: the theme's assets, calendars and
// thumbnails, the templated pages (only those whose inputs changed, in a
// session) and the feeds; and the claims of the files among them that the
// site graph does not know (the site's own pages, the feeds), as their
// producers name them. Warnings are added to l.
func renderSite(fsys fs.FS, s *site.Site, lay *layout.Layouts, data *sitedata.Tree, opts Options, min *minify.Minifier, c *caches, l *diag.List) ([]publish.Entry, []publish.Entry, []site.Claim, renderStats, error) {
	cfg := s.Config
	// The assets go through the minify stage before the rest, since
	// their names are the hash of their minified bytes and every page
	// links them by name.
	assets, err := outputs.Assets(fsys, lay.AssetDirs)
	if err != nil {
		return nil, nil, nil, renderStats{}, err
	}
	if err := min.Outputs(assets, c.mem().Minified()); err != nil {
		return nil, nil, nil, renderStats{}, err
	}
	assetMap := outputs.Fingerprint(assets)
	files, fl := outputs.PrepareWith(fsys, s, c.mem().Files()) // calendars, thumbnails, attachment sizes
	if *l = append(*l, fl...); l.HasErrors(opts.Strict) {
		return nil, nil, nil, renderStats{}, l.Err(opts.Strict)
	}
	ropts := &render.Options{Pretty: cfg.URLStyle == config.Pretty, Assets: assetMap, Dev: opts.Dev, Files: files, Data: data}
	jobs := render.Plan(s, ropts)
	var outs []render.Output
	var errs []error
	rs := renderStats{rendered: len(jobs), photos: files.PhotosMade, layouts: render.LayoutSources(lay, jobs), overrides: lay.SiteFiles()}
	if c != nil {
		m := c.mem()
		// Rendered files depend on nothing but what their templates read:
		// minifying them is a later stage.
		v := render.NewVersions(s, ropts, lay, m.Prints())
		if c.audit {
			v.Audit()
		}
		defer m.Prints().Sweep()
		outs, errs = render.RunCached(lay, jobs, m.Render(), v)
		rs.rendered = m.Render().Rendered
		if stale := v.Stale(); len(stale) > 0 {
			return nil, nil, nil, renderStats{}, fmt.Errorf("audit: render took for %d reads a version (the last build's, kept on an unchanged owner version, or the page memo's) that is not the version from scratch:\n%s", len(stale), strings.Join(stale, "\n"))
		}
	} else {
		outs, errs = render.Run(lay, jobs)
	}
	if len(errs) > 0 {
		return nil, nil, nil, renderStats{}, renderFailed(errs)
	}
	feeds, own, err := outputs.Feeds(s, ropts.Pretty)
	if err != nil {
		return nil, nil, nil, renderStats{}, err
	}
	for _, j := range jobs {
		if j.From != (site.Origin{}) {
			own = append(own, site.Claim{Path: j.Data.File, From: j.From})
		}
	}
	made := make([]publish.Entry, 0, len(outs)+len(files.Outputs)+len(feeds))
	for _, o := range outs {
		made = append(made, publish.Entry{Path: o.Path, Data: o.Data})
	}
	made = append(append(made, files.Outputs...), feeds...)
	return made, assets, own, rs, nil
}

// parseAll parses every content file on all cores.
func parseAll(fsys fs.FS, files []string, loc *time.Location, pc *incremental.Pages) ([]*page.Page, diag.List) {
	pages := make([]*page.Page, len(files))
	lists := make([]diag.List, len(files))
	parallel.For(len(files), func(i int) {
		st, p, l, ok := pc.Unchanged(fsys, files[i], loc)
		if ok {
			pages[i], lists[i] = p, l
			return
		}
		if data, ok := source.ReadContent(fsys, files[i], &lists[i]); ok {
			pages[i], lists[i] = pc.Parse(files[i], data, loc, st)
		}
	})
	pc.Sweep()
	var out []*page.Page
	var l diag.List
	for i := range files {
		if pages[i] != nil {
			out = append(out, pages[i])
		}
		l = append(l, lists[i]...)
	}
	return out, l
}

// copies lists the files copied unchanged: bundle files beside their page
// and everything under static/.
func copies(fsys fs.FS, s *site.Site, src *source.Site) []publish.Entry {
	var out []publish.Entry
	for _, n := range s.Pages {
		for _, f := range n.Files {
			out = append(out, publish.Entry{Path: n.URL + f, Src: fsys, SrcPath: n.BundleDir + "/" + f})
		}
	}
	for _, f := range src.Static {
		out = append(out, publish.Entry{Path: f, Src: fsys, SrcPath: source.StaticDir + "/" + f})
	}
	return out
}

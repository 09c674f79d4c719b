package build

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"html/template"
	"io/fs"
	"sort"
	"sync"
	"time"

	"github.com/pubgen/pubgen/internal/config"
	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/markup"
	"github.com/pubgen/pubgen/internal/page"
	"github.com/pubgen/pubgen/internal/render"
	"github.com/pubgen/pubgen/internal/site"
)

// caches are what a Session keeps between builds. Every entry is keyed by
// a hash of all the inputs that made it, so a stale entry is never used:
// a miss only costs the work a build from scratch does anyway. A nil
// *caches builds from scratch.
type caches struct {
	pages   pageCache
	conv    convCache
	render  render.Cache
	thumbs  render.PrepareMemo
	prints  render.FingerprintMemo
	related site.RelatedMemo
	// privacy holds each page's personal-data findings.
	privacy map[*page.Page]privacyEntry
}

func (c *caches) relatedMemo() *site.RelatedMemo {
	if c == nil {
		return nil
	}
	return &c.related
}

func (c *caches) privacyMemo() map[*page.Page]privacyEntry {
	if c == nil {
		return nil
	}
	if c.privacy == nil {
		c.privacy = map[*page.Page]privacyEntry{}
	}
	return c.privacy
}

func (c *caches) pageCache() *pageCache {
	if c == nil {
		return nil
	}
	return &c.pages
}

func (c *caches) convCache() *convCache {
	if c == nil {
		return nil
	}
	return &c.conv
}

func (c *caches) thumbMemo() *render.PrepareMemo {
	if c == nil {
		return nil
	}
	return &c.thumbs
}

// pageCache remembers parsed pages by path and content.
type pageCache struct {
	mu    sync.Mutex
	m     map[string]parsed
	used  map[string]bool
	stats map[string]fileStat // seen by unchanged in this build
}

type parsed struct {
	key   [32]byte
	stat  fileStat
	zone  string // the time zone dates were read in: a stat says nothing of it
	page  *page.Page
	diags diag.List
}

// fileStat is what says, without reading it, that a file was not written
// since it was parsed.
type fileStat struct {
	size  int64
	mtime int64
}

// racyWindow: a file modified this recently may be written again within
// the same timestamp tick (a second on some network file systems) without
// its size changing, so its stat proves nothing and it is read again —
// the "racy git" rule.
const racyWindow = 2 * time.Second

// statOf returns the stat to remember for fi, or a zero mtime (never
// trusted) when fi was modified too recently to tell later writes apart.
func statOf(fi fs.FileInfo) fileStat {
	if time.Since(fi.ModTime()) < racyWindow {
		return fileStat{size: fi.Size()}
	}
	return fileStat{fi.Size(), fi.ModTime().UnixNano()}
}

// unchanged returns the remembered page of a file whose size and
// modification time are what they were when it was parsed in the zone loc.
func (pc *pageCache) unchanged(fsys fs.FS, file string, loc *time.Location) (*page.Page, diag.List, bool) {
	if pc == nil {
		return nil, nil, false
	}
	fi, err := fs.Stat(fsys, file)
	if err != nil {
		return nil, nil, false
	}
	st := statOf(fi)
	pc.mu.Lock()
	defer pc.mu.Unlock()
	if pc.stats == nil {
		pc.stats = map[string]fileStat{}
	}
	pc.stats[file] = st
	e, ok := pc.m[file]
	if !ok || e.stat != st || st.mtime == 0 || e.zone != loc.String() {
		return nil, nil, false
	}
	if pc.used == nil {
		pc.used = map[string]bool{}
	}
	pc.used[file] = true
	return e.page, e.diags, true
}

// parse is page.Parse, remembered. Pages are read-only after parsing, so a
// remembered one can be shared by the next build's site graph.
func (pc *pageCache) parse(file string, data []byte, loc *time.Location) (*page.Page, diag.List) {
	if pc == nil {
		return page.Parse(file, data, loc)
	}
	key := sha256.Sum256(append([]byte(file+"\x00"+loc.String()+"\x00"), data...))
	pc.mu.Lock()
	if pc.used == nil {
		pc.used = map[string]bool{}
	}
	pc.used[file] = true
	e, ok := pc.m[file]
	if ok && e.key == key {
		e.stat = pc.stats[file]
		pc.m[file] = e
		pc.mu.Unlock()
		return e.page, e.diags
	}
	pc.mu.Unlock()
	p, l := page.Parse(file, data, loc)
	pc.mu.Lock()
	if pc.m == nil {
		pc.m = map[string]parsed{}
	}
	// The stat was taken before the read, so a write during the read
	// leaves a stale stat and the next build reads the file again.
	pc.m[file] = parsed{key: key, stat: pc.stats[file], zone: loc.String(), page: p, diags: l}
	pc.mu.Unlock()
	return p, l
}

// sweep forgets files that the last build did not read (deleted or moved).
func (pc *pageCache) sweep() {
	if pc == nil {
		return
	}
	for f := range pc.m {
		if !pc.used[f] {
			delete(pc.m, f)
		}
	}
	pc.used, pc.stats = nil, nil
}

// convCache remembers converted Markdown. A page's HTML depends on its own
// body and, through link rewriting, on where every page and file of the
// site is published: the key covers both.
type convCache struct {
	mu  sync.Mutex
	env [32]byte
	m   map[string]converted
}

type convKey struct {
	env  [32]byte
	conv [32]byte // the converter's options (markup.Converter.Hash)
	page *page.Page
	url  string
}

type converted struct {
	key       convKey
	content   string
	toc       []site.Heading
	plain     string
	refs      []refKey
	files     []string // of the page's bundle, linked from the text
	diags     diag.List
	converted bool
}

// refKey is an anchorRef without pointers into one build's graph.
type refKey struct {
	target, id, dest string
	line             int
}

// begin fixes the link environment of this build: every page's address,
// every bundle's files, the static files and the URL style.
func (cc *convCache) begin(s *site.Site, static map[string]bool) {
	if cc == nil {
		return
	}
	h := sha256.New()
	nodes := append([]*site.Node{s.Home}, s.Pages...)
	for _, sec := range s.Sections {
		nodes = append(nodes, sec.Index)
	}
	for _, n := range nodes {
		fmt.Fprintf(h, "%q %q %v %q\n", n.Path, n.URL, n.Bundle, n.BundleDir)
		b, _ := json.Marshal(n.Files)
		h.Write(b)
	}
	names := make([]string, 0, len(static))
	for f := range static {
		names = append(names, f)
	}
	sort.Strings(names)
	fmt.Fprintf(h, "static %q pretty %q\n", names, s.Config.URLStyle)
	h.Sum(cc.env[:0])
}

// convert is convertOne, remembered.
func (cc *convCache) convert(s *site.Site, conv *markup.Converter, n *site.Node, static map[string]bool, l *diag.List) ([]anchorRef, []string) {
	if cc == nil || n.Page == nil {
		return convertOne(s, conv, n, static, l)
	}
	// The parsed page is shared between builds while its file is
	// unchanged, so the same *page.Page means the same body.
	key := convKey{env: cc.env, conv: conv.Hash(), page: n.Page, url: n.URL}
	cc.mu.Lock()
	e, ok := cc.m[n.Path]
	cc.mu.Unlock()
	if ok && e.key == key {
		if e.converted {
			n.Content, n.TOC, n.PlainText = template.HTML(e.content), e.toc, e.plain
		}
		*l = append(*l, e.diags...)
		refs := make([]anchorRef, 0, len(e.refs))
		for _, r := range e.refs {
			t := n
			if r.target != n.Path {
				t = s.BySource(r.target)
			}
			refs = append(refs, anchorRef{from: n, line: r.line, target: t, id: r.id, dest: r.dest})
		}
		return refs, e.files
	}
	var mine diag.List
	refs, files := convertOne(s, conv, n, static, &mine)
	*l = append(*l, mine...)
	e = converted{key: key, content: string(n.Content), toc: n.TOC, plain: n.PlainText, files: files, diags: mine, converted: true}
	for _, r := range refs {
		e.refs = append(e.refs, refKey{target: r.target.Path, id: r.id, dest: r.dest, line: r.line})
	}
	cc.mu.Lock()
	if cc.m == nil {
		cc.m = map[string]converted{}
	}
	cc.m[n.Path] = e
	cc.mu.Unlock()
	return refs, files
}

// fingerprintExtra is what every rendered file depends on besides the
// site graph and the templates.
func fingerprintExtra(cfg *config.Config, opts Options) []byte {
	b, _ := json.Marshal(cfg)
	return append(b, fmt.Sprintf("minify %v", !opts.NoMinify)...)
}

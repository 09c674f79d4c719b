package render

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/pubgen/pubgen/internal/layout"
	"github.com/pubgen/pubgen/internal/memo"
	"github.com/pubgen/pubgen/internal/parallel"
	"github.com/pubgen/pubgen/internal/site"
)

// Versions says, for one build, what a read of each key (record.go) sees:
// a hash of the value the template was handed, worked out from this
// build's graph the first time a key is asked for. An output a session
// rendered before is still right when its job is the same (jobVersion)
// and every key it read has the version it had then: the template would
// take the same path through the same values and write the same bytes.
//
// The versions are the owners' hashes where an owner has one (a page's
// front matter by page.Sum, the data files by sitedata.Tree.Hash) and the
// value itself where it is small (an address, a status, which pages a
// list holds), so a rebuild that works a value out again and finds it
// unchanged renders nothing for it: the clock moving on re-renders only
// the outputs whose statuses it changed.
//
// It is safe for concurrent use.
type Versions struct {
	site    *site.Site
	opts    *Options
	layouts *layout.Layouts
	memo    *PageMemo

	nodesOnce sync.Once
	nodes     map[string]*site.Node // by source path: home, pages, section indexes

	// known holds a slot for every key asked for: written once a key,
	// then only read, by every output's check on every rebuild. A plain
	// map under a read lock: sync.Map boxes each key it is asked for.
	mu    sync.RWMutex
	known map[key]*slot
	// bufs hold *[]byte buffers that sum hashes outputs' reads in, and
	// that ownerVersion and jobVersion write their input in (input): each
	// is worked out for every page or output on every rebuild, and a
	// buffer made for each was a tenth of a rebuild's allocations on
	// 10,000 pages, and so of its garbage collection.
	bufs sync.Pool

	// The keys a session numbered before this build (keyTable), with a
	// slot each, so that checking an output's reads looks them up by
	// number; keys numbered during the build are found in table.
	table    *keyTable
	numbered []key
	slots    []slot

	shapeOnce sync.Once
	shape     [32]byte // shapeVersion

	ownersOnce sync.Once
	owners     map[string][32]byte // ownerVersion of every page, by source path
	// series is the hash of each series' pages in reading order (by
	// name), which every page of the series puts in its owner version:
	// written out by each page it made the owner versions the square of
	// a series' length (a series of 10,000 pages holds over a thousand).
	series map[string][32]byte

	// audit, when set (Audit), answers for the same build from scratch:
	// changed asks it too for every key it keeps on its owner's word, and
	// stale collects the keys whose answers differ.
	audit   *Versions
	staleMu sync.Mutex
	stale   []string
}

// changed works out the version of every key t numbered so far, on all
// cores, and marks, by number, those whose version differs from the one t
// saw in the last build (keyTable.seen). The versions are kept, so that
// the keys read again during this build are not worked out twice.
//
// A key about one page (owned) whose page has the owner version it had in
// the last build keeps the version seen then, without working it out: on
// a one-page edit that is all but a few of the keys.
func (v *Versions) changed(t *keyTable) []bool {
	v.table = t
	v.numbered = t.snapshot()
	v.slots = make([]slot, len(v.numbered))
	seen, owners, shape := t.seenSnapshot()
	same := sameOwners(owners, v.ownerVersions())
	sameShape := shape != [32]byte{} && shape == v.shapeVersion()
	changed := make([]bool, len(v.numbered))
	parallel.For(len(v.numbered), func(id int) {
		if id < len(seen) {
			k := v.numbered[id]
			path, own := owned(k)
			if own && same[path] || !own && sameShape && shaped(k.kind) {
				s := &v.slots[id]
				s.once.Do(func() { s.v = seen[id] })
				if v.audit != nil {
					v.check(k, seen[id])
				}
				return
			}
		}
		ver := v.numberedVersion(uint32(id))
		if v.audit != nil {
			v.check(v.numbered[id], ver)
		}
		changed[id] = id >= len(seen) || seen[id] != ver
	})
	return changed
}

// sameOwners says, by source path, which pages have in now the owner
// version they had in was: one lookup for each of the hundreds of
// thousands of keys changed checks, instead of one in each table.
func sameOwners(was, now map[string][32]byte) map[string]bool {
	same := make(map[string]bool, len(now))
	for path, ver := range now {
		if old, ok := was[path]; ok && old == ver {
			same[path] = true
		}
	}
	return same
}

// Audit makes this build check changed's shortcuts: every key it keeps
// from the last build because its page's owner version is the same, and
// every key it works out through the page memo, is also worked out from
// scratch, without the memo, and Stale lists those whose version differs
// — each an output a session would keep stale. It catches a part of a
// page missing from ownerVersion, or a memo entry kept past a change,
// whatever the templates read, which comparing outputs with a clean build
// finds only when an edit happens to show it. Tests ask for it: it costs
// the version of every key, which the shortcuts exist to save.
func (v *Versions) Audit() { v.audit = NewVersions(v.site, v.opts, v.layouts, nil) }

// Stale is what Audit found in this build, sorted: each key (key.String)
// whose version in this build is not its version from scratch.
func (v *Versions) Stale() []string {
	v.staleMu.Lock()
	defer v.staleMu.Unlock()
	slices.Sort(v.stale)
	return v.stale
}

// check records k as stale unless ver is its version from scratch.
func (v *Versions) check(k key, ver [32]byte) {
	if v.audit.compute(k) == ver {
		return
	}
	v.staleMu.Lock()
	defer v.staleMu.Unlock()
	v.stale = append(v.stale, k.String())
}

// owned is the source path of the page whose owner version (ownerVersion)
// covers everything a read of k sees, and false for a key whose version
// depends on more (a list of the site, a file beside a page).
func owned(k key) (string, bool) {
	return k.id, k.kind < kThumb
}

// shaped reports whether a read of kind k sees only what shapeVersion
// covers: the site's lists and lookups, and the Data helpers' answers
// made from them.
func shaped(k kind) bool { return k >= kSitePages && k <= kLedger }

// shapeVersion is the version of everything a shaped read can see, in one
// hash: the configuration, the clock and its zone, and every page of the
// graph (home, section indexes, pages) with its front matter (the memo's
// meta version), title, address and pin, in the order of each list that
// holds it — the pages, the sections, the plain pages, every term. It
// leaves out the pages' text, which none of those reads sees, so a body
// edit keeps every shaped key without working it out: the statistics, the
// catalogue, each branch's ledger and every list of thousands of pages,
// made again on every rebuild before. A kind of read added among the
// shaped ones must see only what is here (TestShapeVersionCoversSiteReads).
func (v *Versions) shapeVersion() [32]byte {
	v.shapeOnce.Do(func() {
		s := v.site
		h := sha256.New()
		b := v.input()
		// Written out in pieces: the lists of 10,000 pages hold
		// megabytes.
		flush := func() {
			if len(b.b) >= 64<<10 {
				h.Write(b.b)
				b.b = b.b[:0]
			}
		}
		cfg := s.Config.Hash()
		b.bytes(cfg[:])
		b.str(s.Config.Location.String())
		b.num(int(s.Now.UnixNano()))
		node := func(n *site.Node) {
			b.node(n)
			meta, _ := v.memo.page(n)
			b.bytes(meta[:])
			b.str(n.Title)
			b.str(n.URL)
			b.flag(n.Pinned)
			b.flag(s.BySource(n.Path) == n) // a default index has no file
			flush()
		}
		nodes := func(ns []*site.Node) {
			b.num(len(ns))
			for _, n := range ns {
				b.node(n)
				flush()
			}
		}
		node(s.Home)
		b.num(len(s.Pages))
		for _, n := range s.Pages {
			node(n)
		}
		nodes(s.Plain)
		b.num(len(s.Sections))
		for _, sec := range s.Sections {
			b.str(sec.Name)
			b.str(sec.URL)
			node(sec.Index)
			nodes(sec.Pages)
		}
		for _, t := range []*site.Taxonomy{s.Branches, s.Tags, s.Years} {
			b.str(t.Name)
			b.str(t.URL)
			b.num(len(t.Terms))
			for _, term := range t.Terms {
				b.str(term.Name)
				b.str(term.Slug)
				b.str(term.URL)
				nodes(term.Pages)
			}
		}
		h.Write(b.b)
		h.Sum(v.shape[:0])
		*b.p = b.b
		v.bufs.Put(b.p)
	})
	return v.shape
}

// ownerVersions is ownerVersion of every page of this build, by source
// path, worked out once on all cores.
func (v *Versions) ownerVersions() map[string][32]byte {
	v.ownersOnce.Do(func() {
		v.series = seriesSums(v.site)
		nodes := v.allNodes()
		paths := make([]string, 0, len(nodes))
		for p := range nodes {
			paths = append(paths, p)
		}
		vers := make([][32]byte, len(paths))
		parallel.For(len(paths), func(i int) { vers[i] = v.ownerVersion(nodes[paths[i]]) })
		v.owners = make(map[string][32]byte, len(paths))
		for i, p := range paths {
			v.owners[p] = vers[i]
		}
	})
	return v.owners
}

// ownerVersion is the version of everything writePage reads of n, in one
// hash: the page's own file (its Sum, and the memo's versions of its
// front matter and text), its place in the graph (address, section,
// neighbours, related pages, series, bundle files, pin), the clock as its
// statuses see it, and its calendar. A kind of page read added to
// writePage must add what it reads here, or a session keeps its old
// version (TestOwnerVersionCoversPageReads).
func (v *Versions) ownerVersion(n *site.Node) [32]byte {
	s := v.site
	b := v.input()
	b.bytes(n.Page.Sum[:])
	meta, minutes := v.memo.page(n)
	b.bytes(meta[:])
	b.num(minutes)
	body := v.memo.body(n)
	b.bytes(body[:])
	b.str(n.Title)
	b.str(n.URL)
	b.flag(n.Pinned)
	b.node(n.Prev)
	b.node(n.Next)
	b.nodes(n.Related)
	if b.flag(n.Parent != nil) {
		b.str(n.Parent.Name)
		b.str(n.Parent.URL)
	}
	b.num(len(n.Files))
	for _, f := range n.Files {
		b.str(f)
	}
	b.str(s.Config.Location.String())
	b.str(status(s, n))
	span := meetingSpan(s, n)
	if b.flag(span != nil) {
		b.str(span.State)
	}
	nav := s.SeriesNav(n)
	if b.flag(nav != nil) {
		b.str(nav.Name)
		b.num(nav.Index)
		sum := v.series[nav.Name]
		b.bytes(sum[:])
	}
	b.str(calendar(v.opts.Files, n))
	return v.done(b)
}

// seriesSums is the hash of each series' pages, in reading order, by the
// series' name.
func seriesSums(s *site.Site) map[string][32]byte {
	sums := map[string][32]byte{}
	for _, n := range s.Pages {
		if _, done := sums[n.Page.Series]; done || n.Page.Series == "" {
			continue
		}
		if nav := s.SeriesNav(n); nav != nil {
			var in versionInput
			in.nodes(nav.Pages)
			sums[nav.Name] = in.sum()
		}
	}
	return sums
}

// versionInput is what a version hashes, written so that no two inputs
// give the same bytes: each string and list with its length, each
// optional part after a flag saying whether it is there.
type versionInput struct {
	b []byte
	p *[]byte // where b goes back to v.bufs (Versions.done)
}

// input is an empty versionInput on a buffer from v.bufs.
func (v *Versions) input() versionInput {
	p, _ := v.bufs.Get().(*[]byte)
	if p == nil {
		b := make([]byte, 0, 512)
		p = &b
	}
	return versionInput{b: (*p)[:0], p: p}
}

// done is the version in holds; its buffer goes back to v.bufs.
func (v *Versions) done(in versionInput) [32]byte {
	sum := in.sum()
	*in.p = in.b
	v.bufs.Put(in.p)
	return sum
}

func (in *versionInput) bytes(x []byte) { in.b = append(in.b, x...) }

func (in *versionInput) str(x string) {
	in.b = binary.LittleEndian.AppendUint32(in.b, uint32(len(x)))
	in.b = append(in.b, x...)
}

func (in *versionInput) num(n int) { in.b = binary.LittleEndian.AppendUint64(in.b, uint64(n)) }

// flag writes f and returns it, for an optional part to follow it.
func (in *versionInput) flag(f bool) bool {
	if f {
		in.b = append(in.b, 1)
	} else {
		in.b = append(in.b, 0)
	}
	return f
}

// node writes which page n is (appendID), nodes a list of them.
func (in *versionInput) node(n *site.Node) { in.b = appendID(in.b, n) }

func (in *versionInput) nodes(ns []*site.Node) {
	in.num(len(ns))
	for _, n := range ns {
		in.node(n)
	}
}

func (in *versionInput) sum() [32]byte { return sha256.Sum256(in.b) }

// numberedVersion is the version of the key numbered id.
func (v *Versions) numberedVersion(id uint32) [32]byte {
	if int(id) < len(v.slots) {
		s := &v.slots[id]
		// Worked out in its slot, not through of's map: every numbered
		// key is asked for on every rebuild, and filling that map with
		// them cost as much as their versions.
		s.once.Do(func() { s.v = v.compute(v.numbered[id]) })
		return s.v
	}
	return v.of(v.table.key(id))
}

// see records in t the version in this build of every key it numbered,
// once the build's files are rendered: the versions the next build's
// changed compares with.
func (v *Versions) see(t *keyTable) {
	keys := t.snapshot()
	// The last build's versions are written over: the checks that
	// compared with them are done.
	seen, _, _ := t.seenSnapshot()
	if cap(seen) < len(keys) {
		seen = make([][32]byte, len(keys), len(keys)+len(keys)/8)
	}
	seen = seen[:len(keys)]
	parallel.For(len(keys), func(id int) { seen[id] = v.numberedVersion(uint32(id)) })
	t.setSeen(seen, v.ownerVersions(), v.shapeVersion())
}

// appendRead appends one read and its version to what sum hashes.
func appendRead(b []byte, k key, ver [32]byte) []byte {
	b = append(b, byte(k.kind))
	b = binary.LittleEndian.AppendUint32(b, uint32(len(k.id)))
	b = append(b, k.id...)
	return append(b, ver[:]...)
}

type slot struct {
	once sync.Once
	v    [32]byte
}

// NewVersions answers for the graph s rendered with opts and the
// templates l; memo keeps the costly page hashes between the builds of a
// session (nil: none).
func NewVersions(s *site.Site, opts *Options, l *layout.Layouts, memo *PageMemo) *Versions {
	return &Versions{site: s, opts: opts, layouts: l, memo: memo, known: map[key]*slot{}}
}

// of is the version of k in this build.
func (v *Versions) of(k key) [32]byte {
	v.mu.RLock()
	s, ok := v.known[k]
	v.mu.RUnlock()
	if !ok {
		v.mu.Lock()
		if s, ok = v.known[k]; !ok {
			s = &slot{}
			v.known[k] = s
		}
		v.mu.Unlock()
	}
	s.once.Do(func() { s.v = v.compute(k) })
	return s.v
}

// compute works out the version of k in this build.
func (v *Versions) compute(k key) [32]byte {
	var ver [32]byte
	h := sha256.New()
	v.write(h, k)
	h.Sum(ver[:0])
	return ver
}

// sum is the version of everything in keys, in their order, hashed in
// one pass: a session checks every output of the site on every rebuild.
func (v *Versions) sum(keys []key) [32]byte {
	p, _ := v.bufs.Get().(*[]byte)
	if p == nil {
		p = new([]byte)
	}
	b := (*p)[:0]
	for _, k := range keys {
		b = appendRead(b, k, v.of(k))
	}
	sum := sha256.Sum256(b)
	*p = b
	v.bufs.Put(p)
	return sum
}

// jobsVersion is the version of everything jobVersion reads of any job
// Plan makes: the graph's shape (which pages, terms and aliases there
// are, with their titles, addresses and front matter, in every list's
// order; the settings), the templates (layout.Layouts.Hash covers every
// template's file and text, and so what Lookup and Entry answer) and the
// render options jobVersion writes. While it is unchanged, every job has
// the version it had in the last build, which a session takes instead of
// working out each one (a tenth of a body edit's rebuild on 10,000
// pages). Zero without templates: never reused.
func (v *Versions) jobsVersion() [32]byte {
	if v.layouts == nil {
		return [32]byte{}
	}
	shape := v.shapeVersion()
	b := v.input()
	b.bytes(shape[:])
	b.bytes(v.layouts.Hash[:])
	b.flag(v.opts.Pretty)
	b.flag(v.opts.Dev)
	return v.done(b)
}

// checkJob records, under Audit, the job of file as stale unless kept
// (the last build's version, taken on jobsVersion's word) is its version
// worked out.
func (v *Versions) checkJob(j Job, name string, kept [32]byte) {
	if v.audit == nil || v.jobVersion(j, name) == kept {
		return
	}
	v.staleMu.Lock()
	defer v.staleMu.Unlock()
	v.stale = append(v.stale, "job "+j.Data.File)
}

// jobVersion is the version of what a job is, before its template reads
// anything: the output, its kind and title, the layout it runs (and the
// template the layout starts with; the templates it enters are reads), the page,
// term and list it is made for (which pages a list page shows, in order).
func (v *Versions) jobVersion(j Job, name string) [32]byte {
	d := j.Data
	b := v.input()
	page := func(p *PageView) {
		if b.flag(p != nil) {
			b.str(p.n.Path)
		}
	}
	b.str(d.Kind)
	b.str(d.File)
	b.str(d.Title)
	b.num(len(j.Layouts))
	for _, l := range j.Layouts {
		b.str(l)
	}
	b.str(name)
	b.str(v.layouts.Entry(name))
	b.flag(v.opts.Pretty)
	b.flag(v.opts.Dev)
	page(d.Page)
	page(d.Target)
	if b.flag(d.Taxonomy != nil) {
		b.str(d.Taxonomy.t.Name)
	}
	if b.flag(d.Term != nil) {
		b.str(d.Term.term.Name)
		b.str(d.Term.term.Slug)
		b.str(d.Term.term.URL)
	}
	if p := d.Pager; b.flag(p != nil) {
		b.num(p.Number)
		b.num(p.Total)
		b.str(p.URL)
		b.str(p.First)
		b.str(p.Prev)
		b.str(p.Next)
		b.num(len(p.Links))
		for _, l := range p.Links {
			b.num(l.Number)
			b.str(l.URL)
		}
		b.num(len(p.Pages))
		for _, n := range p.Pages {
			page(n)
		}
	}
	return v.done(b)
}

// node is the page built from a source path in this build, or nil.
func (v *Versions) node(path string) *site.Node { return v.allNodes()[path] }

// allNodes is every page of this build by source path: home, pages,
// section indexes.
func (v *Versions) allNodes() map[string]*site.Node {
	v.nodesOnce.Do(func() {
		s := v.site
		v.nodes = make(map[string]*site.Node, len(s.Pages)+len(s.Sections)+1)
		v.nodes[s.Home.Path] = s.Home
		for _, sec := range s.Sections {
			v.nodes[sec.Index.Path] = sec.Index
		}
		for _, n := range s.Pages {
			v.nodes[n.Path] = n
		}
	})
	return v.nodes
}

// write writes what a read of k sees in this build.
func (v *Versions) write(h hash.Hash, k key) {
	if k.kind < kThumb {
		v.writePage(h, k)
		return
	}
	s := v.site
	switch k.kind {
	case kThumb, kSize:
		path, file, _ := strings.Cut(k.id, "\x00")
		n := v.node(path)
		switch {
		case n == nil:
			absent(h)
		case k.kind == kThumb:
			writeJSON(h, thumb(v.opts.Files, n, file))
		default:
			h.Write([]byte(size(v.opts.Files, n, file)))
		}
	case kSitePages:
		ids(h, s.Pages)
	case kSitePlain:
		ids(h, s.Plain)
	case kHome:
		h.Write([]byte(s.Home.Path))
	case kSections:
		for _, sec := range s.Sections {
			fmt.Fprintf(h, "%q %q\n", sec.Name, sec.URL)
		}
	case kSection, kSecIndex, kSecPages:
		sec := s.Section(k.id)
		switch {
		case sec == nil:
			absent(h)
		case k.kind == kSection:
			h.Write([]byte(sec.URL))
		case k.kind == kSecIndex:
			h.Write([]byte(sec.Index.Path))
		default:
			ids(h, sec.Pages)
		}
	case kTaxTerms:
		t := taxonomyNamed(s, k.id)
		if t == nil {
			absent(h)
			return
		}
		for _, term := range t.Terms {
			fmt.Fprintf(h, "%q %q %q\n", term.Name, term.Slug, term.URL)
		}
	case kTermPages:
		if term := termNamed(s, k.id); term != nil {
			ids(h, term.Pages)
		} else {
			absent(h)
		}
	case kBySource:
		id(h, s.BySource(k.id))
	case kByURL:
		id(h, s.ByURL(k.id))
	default:
		v.writeDerived(h, k)
	}
}

// writeDerived is write for the answers of the Data helpers.
func (v *Versions) writeDerived(h hash.Hash, k key) {
	s := v.site
	switch k.kind {
	case kTypeTitle:
		h.Write([]byte(typeTitle(s, k.id)))
	case kTermURL:
		tax, name, _ := strings.Cut(k.id, "\x00")
		h.Write([]byte(termURL(s, tax, name)))
	case kLatest:
		sec, max, _ := strings.Cut(k.id, "\x00")
		n, _ := strconv.Atoi(max)
		ids(h, latest(s, sec, n))
	case kOpen:
		ids(h, openDisclosures(s))
	case kCatalogue:
		for _, y := range catalogue(s, &recorder{}) {
			fmt.Fprintf(h, "year %q\n", y.Year)
			for _, c := range y.Categories {
				fmt.Fprintf(h, "category %q %d\n", c.Name, len(c.Items))
				for _, it := range c.Items {
					fmt.Fprintf(h, "%q\n", it.n.Path)
				}
			}
		}
	case kStats:
		writeJSON(h, stats(s))
	case kLedger:
		for _, t := range s.Branches.Terms {
			if t.Name == k.id {
				writeJSON(h, branchLedger(s, t))
				return
			}
		}
		absent(h)
	case kNow:
		fmt.Fprintf(h, "%d %s\n", s.Now.UnixNano(), s.Config.Location)
	case kData:
		// The values, not the files' bytes: a comment or a reordered
		// table in data/ changes nothing a template can print.
		if d := v.opts.Data; d != nil {
			if b, ok := appendValue(nil, d.Values); ok {
				h.Write(b)
			} else {
				h.Write(d.Hash[:])
			}
		}
	case kAsset:
		if p, ok := v.opts.Assets[k.id]; ok {
			h.Write([]byte(p))
		} else {
			absent(h)
		}
	case kConfig:
		writeJSON(h, configValue(s.Config, k.id))
	case kString:
		if str, ok := v.layouts.Strings[k.id]; ok {
			h.Write([]byte(str))
		} else {
			absent(h)
		}
	case kTemplate:
		layout, name, _ := strings.Cut(k.id, "\x00")
		if tv, ok := v.layouts.TemplateVersion(layout, name); ok {
			h.Write(tv[:])
		} else {
			absent(h)
		}
	default:
		panic(fmt.Sprintf("render: no version for a read of kind %d", k.kind))
	}
}

// writePage is write for the aspects of one page.
func (v *Versions) writePage(h hash.Hash, k key) {
	n := v.node(k.id)
	if n == nil {
		absent(h)
		return
	}
	s := v.site
	switch k.kind {
	case kMeta:
		sum, _ := v.memo.page(n)
		h.Write(sum[:])
	case kTitle:
		h.Write([]byte(n.Title))
	case kPos:
		h.Write(n.Page.Sum[:])
	case kURL:
		h.Write([]byte(n.URL))
	case kPin:
		fmt.Fprint(h, n.Pinned)
	case kBody:
		sum := v.memo.body(n)
		h.Write(sum[:])
	case kNav:
		id(h, n.Prev)
		id(h, n.Next)
	case kRelated:
		ids(h, n.Related)
	case kParent:
		if n.Parent != nil {
			fmt.Fprintf(h, "%q %q", n.Parent.Name, n.Parent.URL)
		}
	case kFiles:
		writeJSON(h, n.Files)
	case kStatus:
		h.Write([]byte(status(s, n)))
	case kPubSpan:
		writeJSON(h, publicitySpan(s, n))
	case kMeetSpan:
		writeJSON(h, meetingSpan(s, n))
	case kMinutes:
		_, minutes := v.memo.page(n)
		fmt.Fprint(h, minutes)
	case kPinEnd:
		writeJSON(h, pinEnd(s, n))
	case kSeries:
		if nav := s.SeriesNav(n); nav != nil {
			fmt.Fprintf(h, "%q %d\n", nav.Name, nav.Index)
			ids(h, nav.Pages)
		}
	case kCalendar:
		h.Write([]byte(calendar(v.opts.Files, n)))
	default:
		panic(fmt.Sprintf("render: no version for a read of kind %d", k.kind))
	}
}

func termNamed(s *site.Site, id string) *site.Term {
	tax, name, _ := strings.Cut(id, "\x00")
	if t := taxonomyNamed(s, tax); t != nil {
		for _, term := range t.Terms {
			if term.Name == name {
				return term
			}
		}
	}
	return nil
}

// absent is what a read of something this build does not have sees.
func absent(h hash.Hash) { h.Write([]byte{0, 0xff}) }

// id writes which page n is.
func id(h hash.Hash, n *site.Node) { h.Write(appendID(nil, n)) }

// ids writes which pages a list holds, in order, in one write: lists of
// thousands of pages are hashed on every rebuild.
func ids(h hash.Hash, ns []*site.Node) {
	b := make([]byte, 0, 8+len(ns)*48)
	b = binary.LittleEndian.AppendUint64(b, uint64(len(ns)))
	for _, n := range ns {
		b = appendID(b, n)
	}
	h.Write(b)
}

// appendID appends which page n is: its source path with its length, or
// absent's bytes, which a path's leading 1 tells apart.
func appendID(b []byte, n *site.Node) []byte {
	if n == nil {
		return append(b, 0, 0xff)
	}
	b = append(b, 1)
	b = binary.LittleEndian.AppendUint32(b, uint32(len(n.Path)))
	return append(b, n.Path...)
}

// PageMemo remembers, across the builds of a session, the costly versions
// of a page — the hash of its front matter and its reading time, and the
// hash of its body — by source path, made from the page's Sum (package
// memo). It is safe for concurrent use.
type PageMemo struct {
	pages memo.Table[pageMemo]
}

func (m *PageMemo) table() *memo.Table[pageMemo] {
	if m == nil {
		return nil
	}
	return &m.pages
}

type pageMemo struct {
	hash    [32]byte
	plain   string
	minutes int
	hasMeta bool
	// content and bodyHash: the hash of the body, converted HTML and
	// table of contents, valid while the converted HTML is content.
	content  string
	bodyHash [32]byte
	hasBody  bool
}

// body hashes what a page's own file shows of its text. Strings that come
// from the conversion cache are the same strings build after build, so the
// check against the remembered one is mostly a pointer comparison. The
// front matter's half and the body's half of an entry may be asked for
// at once: at worst one half is not remembered, never a wrong one.
func (m *PageMemo) body(n *site.Node) [32]byte {
	e, _ := m.table().Get(n.Path, n.Page.Sum)
	if e.hasBody && e.content == string(n.Content) {
		return e.bodyHash
	}
	h := sha256.New()
	h.Write(n.Page.Body)
	h.Write([]byte(n.Content))
	writeJSON(h, n.TOC)
	h.Write([]byte(n.PlainText))
	var sum [32]byte
	h.Sum(sum[:0])
	e.content, e.bodyHash, e.hasBody = string(n.Content), sum, true
	m.table().Put(n.Path, n.Page.Sum, e)
	return sum
}

// page returns the hash of n's front matter and its reading time.
// It is the meta version of the page, so it leaves out what kBody and
// kTitle cover.
func (m *PageMemo) page(n *site.Node) ([32]byte, int) {
	e, _ := m.table().Get(n.Path, n.Page.Sum)
	if e.hasMeta && e.plain == n.PlainText {
		return e.hash, e.minutes
	}
	h := sha256.New()
	p := *n.Page
	p.Body, p.Pos, p.Title = nil, nil, "" // the body and the title are versions of their own
	writeJSON(h, p)
	h.Sum(e.hash[:0])
	e.plain, e.minutes, e.hasMeta = n.PlainText, site.ReadingMinutes(n.PlainText), true
	m.table().Put(n.Path, n.Page.Sum, e)
	return e.hash, e.minutes
}

// Sweep forgets pages the last build did not ask about.
func (m *PageMemo) Sweep() { m.table().Sweep() }

// Len is how many pages the memo holds.
func (m *PageMemo) Len() int { return m.table().Len() }

func writeJSON(h hash.Hash, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("render: version: %v", err)) // only plain data is hashed
	}
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], uint64(len(b)))
	h.Write(n[:])
	h.Write(b)
}

// appendValue appends an encoding of a decoded data value that tells
// apart every two values a template could print or compare differently
// (an int64 1 from a float64 1, a date's zone), and false for a kind of
// value it does not know.
func appendValue(b []byte, v any) ([]byte, bool) {
	str := func(s string) {
		b = binary.LittleEndian.AppendUint32(b, uint32(len(s)))
		b = append(b, s...)
	}
	switch t := v.(type) {
	case nil:
		b = append(b, 'n')
	case string:
		b = append(b, 's')
		str(t)
	case bool:
		b = append(b, 'b')
		b = strconv.AppendBool(b, t)
	case int64:
		b = append(b, 'i')
		b = binary.LittleEndian.AppendUint64(b, uint64(t))
	case float64:
		b = append(b, 'f')
		b = binary.LittleEndian.AppendUint64(b, math.Float64bits(t))
	case time.Time:
		b = append(b, 't')
		str(t.Format(time.RFC3339Nano))
		str(t.Location().String())
	case []any:
		b = append(b, 'l')
		b = binary.LittleEndian.AppendUint32(b, uint32(len(t)))
		for _, x := range t {
			var ok bool
			if b, ok = appendValue(b, x); !ok {
				return nil, false
			}
		}
	case map[string]any:
		b = append(b, 'm')
		b = binary.LittleEndian.AppendUint32(b, uint32(len(t)))
		for _, k := range slices.Sorted(maps.Keys(t)) {
			str(k)
			var ok bool
			if b, ok = appendValue(b, t[k]); !ok {
				return nil, false
			}
		}
	default:
		return nil, false
	}
	return b, true
}

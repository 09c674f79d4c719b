package render

import (
	"crypto/sha256"
	"encoding/binary"
	"encoding/json"
	"fmt"
	"hash"
	"sync"

	"github.com/pubgen/pubgen/internal/memo"
	"github.com/pubgen/pubgen/internal/parallel"
	"github.com/pubgen/pubgen/internal/site"
	"github.com/pubgen/pubgen/internal/sitedata"
)

// Fingerprints say, for each templated file, everything its template can
// see, as one hash: when the hash is unchanged since the last build of a
// session, the file's bytes are unchanged too and the template need not run.
//
// The model of "what a template can see" follows the Data methods:
//   - every file sees the site-wide inputs (config, templates, assets,
//     navigation, taxonomy terms, the day, calendar/thumbnail/size data);
//   - a page sees itself in full (front matter, converted body, derived
//     states) and a summary of its neighbours, related pages and series;
//   - a list sees its index page and the summaries of the pages it lists;
//   - the home page, the statistics page, the 党务公开目录 and branch pages
//     (the ledger) see summaries of every page.
//
// A summary is everything about a page except its body, so a body edit
// re-renders the page alone, while a title edit re-renders the lists that
// show it. Kinds this file does not know see everything.
//
// On top of this model, what a template reads through .Site (SiteView) and
// the Data helpers that list pages is recorded while it runs, and a file is
// reused only while the version of those reads is unchanged (readsSum), so
// a site's own layout reading .Site.Pages stays correct. The model is what
// remains for everything else a template is handed: .Page, .Pager, .Term,
// .Taxonomy and the nodes reached from them. reach.go checks each layout
// against it before the layout runs; a layout reading past it (a sibling
// list, a listed page's body) makes its files depend on the whole graph.
type Fingerprints struct {
	site      *site.Site
	data      *sitedata.Tree
	memo      *FingerprintMemo
	branchAll map[*site.Term][32]byte // summaries of all of a branch's pages
	global    [32]byte
	summ      map[*site.Node][32]byte
	full      map[*site.Node][32]byte
	allSumm   [32]byte

	vmu      sync.Mutex
	versions map[string][32]byte // of recorded reads (readVersion), this build

	allOnce sync.Once
	all     [32]byte // everything()
}

// NewFingerprints hashes the site once for all jobs of a build. templates
// is the template set's hash (layout.Layouts.Hash); extra covers any other
// build input every file may see (config, assets, flags).
func NewFingerprints(s *site.Site, opts *Options, templates [32]byte, extra []byte, memo *FingerprintMemo) *Fingerprints {
	f := &Fingerprints{site: s, data: opts.Data, summ: map[*site.Node][32]byte{}, full: map[*site.Node][32]byte{}, memo: memo, versions: map[string][32]byte{}}
	nodes := append([]*site.Node{s.Home}, s.Pages...)
	for _, sec := range s.Sections {
		nodes = append(nodes, sec.Index)
	}
	// Each node's hashes depend on its own page (summaries) or on
	// summaries already made (full hashes), so both passes run on all cores.
	sums := make([][32]byte, len(nodes))
	parallel.For(len(nodes), func(i int) { sums[i] = f.summary(s, opts, nodes[i]) })
	for i, n := range nodes {
		f.summ[n] = sums[i]
	}
	all := sha256.New()
	for _, n := range s.Pages {
		sum := f.summ[n]
		all.Write(sum[:])
	}
	all.Sum(f.allSumm[:0])
	f.branchAll = map[*site.Term][32]byte{}
	for _, t := range s.Branches.Terms {
		h := sha256.New()
		for _, n := range t.Pages {
			f.writeSumm(h, n)
		}
		var sum [32]byte
		h.Sum(sum[:0])
		f.branchAll[t] = sum
	}
	parallel.For(len(nodes), func(i int) { sums[i] = f.fullHash(s, opts, nodes[i]) })
	for i, n := range nodes {
		f.full[n] = sums[i]
	}
	g := sha256.New()
	g.Write(templates[:])
	g.Write(extra)
	y, m, d := s.Now.In(s.Config.Location).Date()
	fmt.Fprintf(g, "day %d-%d-%d pretty %v dev %v\n", y, m, d, opts.Pretty, opts.Dev)
	writeJSON(g, opts.Assets)
	for _, sec := range s.Sections {
		fmt.Fprintf(g, "sec %q %q %q %d\n", sec.Name, sec.URL, sec.Index.Title, len(sec.Pages))
	}
	for _, n := range s.Plain {
		fmt.Fprintf(g, "plain %q %q\n", n.URL, n.Title)
	}
	for _, t := range []*site.Taxonomy{s.Branches, s.Tags, s.Years} {
		for _, term := range t.Terms {
			fmt.Fprintf(g, "term %q %q %q\n", t.Name, term.Name, term.URL)
		}
	}
	if opts.Files != nil {
		sum := opts.Files.Hash()
		g.Write(sum[:])
	}
	g.Sum(f.global[:0])
	return f
}

// summary hashes what lists show of a page: everything but the body.
func (f *Fingerprints) summary(s *site.Site, opts *Options, n *site.Node) [32]byte {
	h := sha256.New()
	pageHash, minutes := f.memo.page(n)
	h.Write(pageHash[:])
	fmt.Fprintf(h, "url %q status %q minutes %d pinned %v\n", n.URL, site.Status(n.Page, s.Now, s.Config.Location), minutes, n.Pinned)
	if n.Meeting != nil {
		d := Data{Site: newSiteView(s, opts.Data), opts: opts}
		if sp := d.MeetingSpan(n); sp != nil {
			fmt.Fprintf(h, "meeting %q\n", sp.State)
		}
	}
	if n.Parent != nil {
		fmt.Fprintf(h, "parent %q\n", n.Parent.Name)
	}
	writeJSON(h, n.Files)
	var out [32]byte
	h.Sum(out[:0])
	return out
}

// fullHash hashes everything a page's own file shows.
func (f *Fingerprints) fullHash(s *site.Site, opts *Options, n *site.Node) [32]byte {
	h := sha256.New()
	sum := f.summ[n]
	h.Write(sum[:])
	body := f.memo.body(n)
	h.Write(body[:])
	for _, o := range []*site.Node{n.Prev, n.Next} {
		f.writeSumm(h, o)
	}
	for _, o := range n.Related {
		f.writeSumm(h, o)
	}
	if nav := s.SeriesNav(n); nav != nil {
		writeJSON(h, nav.Name)
		for _, o := range nav.Pages {
			f.writeSumm(h, o)
		}
	}
	var out [32]byte
	h.Sum(out[:0])
	return out
}

// everything is the version of the whole site graph, for files whose
// layout reads past the model: every page in full, in list order, and
// every section's and term's pages by path. Computed once a build.
func (f *Fingerprints) everything() [32]byte {
	f.allOnce.Do(func() {
		s := f.site
		h := sha256.New()
		nodes := append([]*site.Node{s.Home}, s.Pages...)
		for _, sec := range s.Sections {
			nodes = append(nodes, sec.Index)
		}
		for _, n := range nodes {
			sum := f.full[n]
			fmt.Fprintf(h, "%q ", n.Path)
			h.Write(sum[:])
		}
		paths := func(ns []*site.Node) {
			for _, n := range ns {
				fmt.Fprintf(h, "%q ", n.Path)
			}
			h.Write([]byte{'\n'})
		}
		for _, sec := range s.Sections {
			fmt.Fprintf(h, "sec %q ", sec.Name)
			paths(sec.Pages)
		}
		paths(s.Plain)
		for _, t := range []*site.Taxonomy{s.Branches, s.Tags, s.Years} {
			for _, term := range t.Terms {
				fmt.Fprintf(h, "term %q %q ", t.Name, term.Name)
				paths(term.Pages)
			}
		}
		h.Sum(f.all[:0])
	})
	return f.all
}

func (f *Fingerprints) writeSumm(h hash.Hash, n *site.Node) {
	if n == nil {
		h.Write([]byte{0})
		return
	}
	sum, ok := f.summ[n]
	if !ok {
		panic("render: fingerprint of a page outside the site graph: " + n.Path)
	}
	h.Write(sum[:])
}

// Of returns the fingerprint of a job, and false for a job that must
// always run. beyond says that the job's layout reads past this model
// (see reach): the file then depends on the whole site graph.
func (f *Fingerprints) Of(j Job, beyond bool) ([32]byte, bool) {
	d := j.Data
	h := sha256.New()
	h.Write(f.global[:])
	fmt.Fprintf(h, "%q %q %v\n", d.Kind, d.File, j.Layouts)
	if beyond {
		all := f.everything()
		h.Write(all[:])
	}
	// Every file's .Page is at least seen by its summary: term, search
	// and 404 files are given the home page, whose summary the base
	// layout prints (its description).
	f.writeSumm(h, d.Page)
	pager := func() {
		if d.Pager == nil {
			return
		}
		fmt.Fprintf(h, "pager %d %d %q %q %q\n", d.Pager.Number, d.Pager.Total, d.Pager.Prev, d.Pager.Next, d.Pager.URL)
		writeJSON(h, d.Pager.Links)
		for _, n := range d.Pager.Pages {
			f.writeSumm(h, n)
		}
	}
	switch d.Kind {
	case "page":
		sum := f.full[d.Page]
		h.Write(sum[:])
	case "section":
		sum := f.full[d.Page]
		h.Write(sum[:])
		pager()
	case "term":
		fmt.Fprintf(h, "%q %q %d\n", d.Taxonomy.Name, d.Term.Name, len(d.Term.Pages)) // the page shows the count
		pager()
		if d.Taxonomy.Name == "branches" { // the ledger counts every meeting of the branch
			sum := f.branchAll[d.Term]
			h.Write(sum[:])
		}
	case "taxonomy":
		for _, t := range d.Taxonomy.Terms {
			fmt.Fprintf(h, "%q %d\n", t.Name, len(t.Pages))
		}
	case "alias":
		f.writeSumm(h, d.Target)
	case "search", "404":
	case "home", "stats", "catalogue":
		sum := f.full[d.Page]
		h.Write(sum[:])
		h.Write(f.allSumm[:])
		pager()
	default:
		return [32]byte{}, false
	}
	var out [32]byte
	h.Sum(out[:0])
	return out, true
}

// FingerprintMemo remembers, across the builds of a session, the costly
// parts of a page's summary — the hash of its front matter and its reading
// time — and the hash of its body, by source path, made from the page's
// Sum (package memo). Safe for one build at a time.
type FingerprintMemo struct {
	pages memo.Table[pageMemo]
}

func (m *FingerprintMemo) table() *memo.Table[pageMemo] {
	if m == nil {
		return nil
	}
	return &m.pages
}

type pageMemo struct {
	hash    [32]byte
	plain   string
	minutes int
	// content and bodyHash: the hash of the body, converted HTML and
	// table of contents, valid while the converted HTML is content.
	content  string
	bodyHash [32]byte
	hasBody  bool
}

// body hashes what a page's own file shows of its text. Strings that come
// from the conversion cache are the same strings build after build, so the
// check against the remembered one is a pointer comparison. Each node is
// hashed by one goroutine, so its entry is not written by two at once.
func (m *FingerprintMemo) body(n *site.Node) [32]byte {
	e, ok := m.table().Get(n.Path, n.Page.Sum)
	if ok && e.hasBody && e.content == string(n.Content) {
		return e.bodyHash
	}
	h := sha256.New()
	h.Write(n.Page.Body)
	h.Write([]byte(n.Content))
	writeJSON(h, n.TOC)
	var sum [32]byte
	h.Sum(sum[:0])
	if ok { // page() ran first for every node, so the entry is there
		e.content, e.bodyHash, e.hasBody = string(n.Content), sum, true
		m.table().Put(n.Path, n.Page.Sum, e)
	}
	return sum
}

func (m *FingerprintMemo) page(n *site.Node) ([32]byte, int) {
	if e, ok := m.table().Get(n.Path, n.Page.Sum); ok && e.plain == n.PlainText {
		return e.hash, e.minutes
	}
	h := sha256.New()
	p := *n.Page
	p.Body, p.Pos = nil, nil
	writeJSON(h, p)
	var e pageMemo
	h.Sum(e.hash[:0])
	e.plain, e.minutes = n.PlainText, site.ReadingMinutes(n.PlainText)
	m.table().Put(n.Path, n.Page.Sum, e)
	return e.hash, e.minutes
}

// Sweep forgets pages the last build did not hash.
func (m *FingerprintMemo) Sweep() { m.table().Sweep() }

func writeJSON(h hash.Hash, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		panic(fmt.Sprintf("render: fingerprint: %v", err)) // only plain data is hashed
	}
	var n [8]byte
	binary.LittleEndian.PutUint64(n[:], uint64(len(b)))
	h.Write(n[:])
	h.Write(b)
}

// Len is how many pages the memo holds.
func (m *FingerprintMemo) Len() int { return m.table().Len() }

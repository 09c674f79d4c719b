package render

import (
	"sort"
	"time"

	"github.com/pubgen/pubgen/internal/config"
	"github.com/pubgen/pubgen/internal/site"
	"github.com/pubgen/pubgen/internal/sitedata"
)

// SiteView is .Site in a template: the site graph, reached through
// accessors that write down, for the file being rendered, which parts of
// the site it read. A session renders the file again when the version of
// any of those parts changes (see Fingerprints.readsSum), so a site's own
// layouts may range over .Site.Pages, or any other list here, without a
// model in this package having to predict it.
//
// What an accessor records is the summary of every page it hands out
// (front matter, address, status, reading time, files; not the body) and
// the shape of the list itself; Pages records every page in full, body
// and neighbours included. The body of a page reached any other way
// (Sections, Section, Plain, taxonomies) is not recorded: a layout that
// prints another page's .Content from there is still covered only by the
// model in deps.go.
//
// A SiteView belongs to one job, so it is used by one goroutine.
type SiteView struct {
	s    *site.Site
	data *sitedata.Tree // nil: the site has no data/ files
	read map[string]bool
}

func newSiteView(s *site.Site, data *sitedata.Tree) *SiteView { return &SiteView{s: s, data: data} }

// record notes that the file read the part of the site named key.
func (v *SiteView) record(key string) {
	if v.read == nil {
		v.read = map[string]bool{}
	}
	v.read[key] = true
}

// reads returns the recorded keys, sorted.
func (v *SiteView) reads() []string {
	out := make([]string, 0, len(v.read))
	for k := range v.read {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

// The keys of what a file can read. Each names something whose version
// Fingerprints.readVersion computes from one build's graph.
const (
	readPages      = "pages"              // every regular page in full, in list order
	readSections   = "sections"           // the sections' names and addresses
	readSection    = "section:"           // + name: whether it exists, its address
	readSecIndex   = "section-index:"     // + name: its index page
	readSecPages   = "section-pages:"     // + name: its pages, in list order
	readSecTitles  = "section-titles"     // each section's title and content type
	readPlain      = "plain"              // pages outside the typed sections
	readHome       = "home"               // the home page
	readTaxonomy   = "taxonomy:"          // + name: its terms and their pages
	readTermURLs   = "term-urls:"         // + name: its terms' names and addresses
	readBranchTerm = "branch-term:"       // + name: one branch's pages
	readSeries     = "series:"            // + source path: a page's series
	readNow        = "now"                // the build's exact time
	readNode       = "node:"              // + source path: one page
	readNodeURL    = "node-url:"          // + site path: the page published there
	readSummaries  = "pages-by-summaries" // for Go helpers: every page's summary
	readData       = "data"               // the data/ files, by sitedata.Tree.Hash
)

// Config is the site's configuration. Every file already depends on all of
// it (NewFingerprints' extra), so reading it records nothing.
func (v *SiteView) Config() *config.Config { return v.s.Config }

// Data is the site's data/ files decoded (package sitedata), as in Hugo:
// data/branches.toml is .Site.Data.branches. The tree is handed out
// whole, so the file depends on every data file: a template cannot be
// followed into a map, and the tree is small.
func (v *SiteView) Data() map[string]any {
	v.record(readData)
	if v.data == nil {
		return map[string]any{}
	}
	return v.data.Values
}

// Now is the build's "today". A file that prints it depends on the exact
// instant; statuses and dates computed from it elsewhere depend on the day.
func (v *SiteView) Now() time.Time {
	v.record(readNow)
	return v.s.Now
}

// Home is the home page.
func (v *SiteView) Home() *site.Node {
	v.record(readHome)
	return v.s.Home
}

// Pages is every published regular page, in list order, as in Hugo.
func (v *SiteView) Pages() []*site.Node {
	v.record(readPages)
	return v.s.Pages
}

// Plain is the pages outside the typed sections (about.md, …).
func (v *SiteView) Plain() []*site.Node {
	v.record(readPlain)
	return v.s.Plain
}

// Sections lists the sections, each read through a SectionView.
func (v *SiteView) Sections() []*SectionView {
	v.record(readSections)
	out := make([]*SectionView, len(v.s.Sections))
	for i, sec := range v.s.Sections {
		out[i] = &SectionView{sec: sec, v: v}
	}
	return out
}

// Section returns the named section, or nil.
func (v *SiteView) Section(name string) *SectionView {
	v.record(readSection + name)
	sec := v.s.Section(name)
	if sec == nil {
		return nil
	}
	return &SectionView{sec: sec, v: v}
}

// Branches, Tags and Years are the taxonomies, with their terms' pages.
func (v *SiteView) Branches() *site.Taxonomy { return v.taxonomy(v.s.Branches) }
func (v *SiteView) Tags() *site.Taxonomy     { return v.taxonomy(v.s.Tags) }
func (v *SiteView) Years() *site.Taxonomy    { return v.taxonomy(v.s.Years) }

func (v *SiteView) taxonomy(t *site.Taxonomy) *site.Taxonomy {
	v.record(readTaxonomy + t.Name)
	return t
}

// SeriesNav returns a study page's place in its series, or nil.
func (v *SiteView) SeriesNav(n *site.Node) *site.SeriesNav {
	v.record(readSeries + n.Path)
	return v.s.SeriesNav(n)
}

// BySource returns the page built from a content file, or nil.
func (v *SiteView) BySource(path string) *site.Node {
	v.record(readNode + path)
	return v.s.BySource(path)
}

// ByURL returns the page published at a site path, or nil.
func (v *SiteView) ByURL(url string) *site.Node {
	v.record(readNodeURL + url)
	return v.s.ByURL(url)
}

// SectionView is one section as a template reads it: its parts are
// recorded one by one, so the navigation, which shows only addresses and
// titles, does not depend on every page of the section.
type SectionView struct {
	sec *site.Section
	v   *SiteView
}

// Name is the section's folder name; URL its site path. Both were recorded
// by the accessor that handed out the section.
func (sv *SectionView) Name() string { return sv.sec.Name }
func (sv *SectionView) URL() string  { return sv.sec.URL }

// Index is the section's index page (from _index.md, or a default).
func (sv *SectionView) Index() *site.Node {
	sv.v.record(readSecIndex + sv.sec.Name)
	return sv.sec.Index
}

// Pages is the section's pages in list order.
func (sv *SectionView) Pages() []*site.Node {
	sv.v.record(readSecPages + sv.sec.Name)
	return sv.sec.Pages
}

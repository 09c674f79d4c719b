package render

import (
	"time"

	"github.com/pubgen/pubgen/internal/site"
	"github.com/pubgen/pubgen/internal/sitedata"
)

// SiteView is .Site in a template: the site graph, reached through
// accessors that record, for the output being rendered, what they handed
// out (see record.go). Lists are recorded as which pages they hold, in
// order; what a template then reads of each page its view records. So a
// site's own layouts may range over .Site.Pages, or any other list here,
// and print anything of any page: the output is rendered again exactly
// when something it printed changed.
//
// A SiteView belongs to one job, so one goroutine uses it.
type SiteView struct {
	s    *site.Site
	data *sitedata.Tree // nil: the site has no data/ files
	rec  *recorder
}

// Config is the site's configuration, each setting read on its own.
func (v *SiteView) Config() *ConfigView { return &ConfigView{c: v.s.Config, rec: v.rec} }

// Data is the site's data/ files decoded (package sitedata), as in Hugo:
// data/branches.toml is .Site.Data.branches. The tree is handed out
// whole, so the file depends on every data file: a template cannot be
// followed into a map, and the tree is small.
func (v *SiteView) Data() map[string]any {
	v.rec.read(kData, "")
	if v.data == nil {
		return map[string]any{}
	}
	return v.data.Values
}

// Now is the build's "today". A file that prints it depends on the exact
// instant; statuses and dates computed from it elsewhere depend on their
// own values.
func (v *SiteView) Now() time.Time {
	v.rec.read(kNow, "")
	return v.s.Now
}

// Home is the home page.
func (v *SiteView) Home() *PageView {
	v.rec.read(kHome, "")
	return v.rec.view(v.s.Home)
}

// Pages is every published regular page, in list order, as in Hugo.
func (v *SiteView) Pages() []*PageView {
	v.rec.read(kSitePages, "")
	return v.rec.views(v.s.Pages)
}

// Plain is the pages outside the typed sections (about.md, …).
func (v *SiteView) Plain() []*PageView {
	v.rec.read(kSitePlain, "")
	return v.rec.views(v.s.Plain)
}

// Sections lists the sections, each read through a SectionView.
func (v *SiteView) Sections() []*SectionView {
	v.rec.read(kSections, "")
	out := make([]*SectionView, len(v.s.Sections))
	for i, sec := range v.s.Sections {
		out[i] = v.rec.section(sec)
	}
	return out
}

// Section returns the named section, or nil.
func (v *SiteView) Section(name string) *SectionView {
	v.rec.read(kSection, name)
	return v.rec.section(v.s.Section(name))
}

// Branches, Tags and Years are the taxonomies, with their terms' pages.
func (v *SiteView) Branches() *TaxonomyView { return &TaxonomyView{t: v.s.Branches, rec: v.rec} }
func (v *SiteView) Tags() *TaxonomyView     { return &TaxonomyView{t: v.s.Tags, rec: v.rec} }
func (v *SiteView) Years() *TaxonomyView    { return &TaxonomyView{t: v.s.Years, rec: v.rec} }

// SeriesNav returns a study page's place in its series, or nil.
func (v *SiteView) SeriesNav(n *PageView) *SeriesView { return v.series(n.n) }

func (v *SiteView) series(n *site.Node) *SeriesView {
	v.rec.read(kSeries, n.Path)
	nav := v.s.SeriesNav(n)
	if nav == nil {
		return nil
	}
	return &SeriesView{Name: nav.Name, Index: nav.Index, Pages: v.rec.views(nav.Pages), Prev: v.rec.view(nav.Prev), Next: v.rec.view(nav.Next)}
}

// BySource returns the page built from a content file, or nil.
func (v *SiteView) BySource(path string) *PageView {
	v.rec.read(kBySource, path)
	return v.rec.view(v.s.BySource(path))
}

// ByURL returns the page published at a site path, or nil.
func (v *SiteView) ByURL(url string) *PageView {
	v.rec.read(kByURL, url)
	return v.rec.view(v.s.ByURL(url))
}

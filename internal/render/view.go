package render

import (
	"html/template"
	"time"

	"github.com/pubgen/pubgen/internal/page"
	"github.com/pubgen/pubgen/internal/site"
)

// PageView is a page as a template reads it: each of its fields is a
// method of the same name (Go templates call a method where a field is
// named, so a layout written for the plain node reads the same), and each
// method notes, for the output being rendered, which aspect of which page
// it handed out. Pages a view leads to (Prev, Next, Related, Parent) are
// views too, so nothing a template can reach from a page goes unrecorded.
//
// A view belongs to one job, so one goroutine uses it.
type PageView struct {
	n    *site.Node
	rec  *recorder
	seen uint64 // kinds this view has already noted
}

// view returns the job's one view of n, so that a template comparing two
// pages ({{ if eq . $p }}) compares the pages, as it did the plain nodes.
func (r *recorder) view(n *site.Node) *PageView {
	if n == nil {
		return nil
	}
	if r.first != nil && r.first.n == n {
		return r.first
	}
	if v, ok := r.pages[n]; ok {
		return v
	}
	v := &PageView{n: n, rec: r}
	if r.first == nil {
		r.first = v
		return v
	}
	if r.pages == nil {
		r.pages = map[*site.Node]*PageView{}
	}
	r.pages[n] = v
	return v
}

func (r *recorder) views(ns []*site.Node) []*PageView {
	if ns == nil {
		return nil
	}
	out := make([]*PageView, len(ns))
	for i, n := range ns {
		out[i] = r.view(n)
	}
	return out
}

// section and term are view for sections and terms.
func (r *recorder) section(sec *site.Section) *SectionView {
	if sec == nil {
		return nil
	}
	if v, ok := r.sections[sec]; ok {
		return v
	}
	if r.sections == nil {
		r.sections = map[*site.Section]*SectionView{}
	}
	v := &SectionView{sec: sec, rec: r}
	r.sections[sec] = v
	return v
}

func (r *recorder) term(tax string, t *site.Term) *TermView {
	if v, ok := r.terms[t]; ok {
		return v
	}
	if r.terms == nil {
		r.terms = map[*site.Term]*TermView{}
	}
	v := &TermView{term: t, tax: tax, rec: r}
	r.terms[t] = v
	return v
}

// note records that the output read aspect k of the page.
func (v *PageView) note(k kind) {
	// A partial captured for reuse lists what it reads itself, even
	// what the output read before it.
	if v.seen&(1<<k) == 0 || v.rec.capturing {
		v.seen |= 1 << k
		v.rec.read(k, v.n.Path)
	}
}

func (v *PageView) meta() *page.Page {
	v.note(kMeta)
	return v.n.Page
}

// Page is the view itself, for layouts that read a node's page fields
// through .Page (.Item.Page.Title), as the plain node allowed.
func (v *PageView) Page() *PageView { return v }

// Path is the page's source file. It is the page's identity, recorded by
// whatever handed the page out, so reading it records nothing more.
func (v *PageView) Path() string { return v.n.Path }

// The front matter.

func (v *PageView) Section() string          { return v.meta().Section }
func (v *PageView) Kind() string             { return v.meta().Kind }
func (v *PageView) Type() string             { return v.meta().Type }
func (v *PageView) Bundle() bool             { return v.meta().Bundle }
func (v *PageView) BundleDir() string        { return v.meta().BundleDir }
func (v *PageView) Title() string            { v.note(kTitle); return v.n.Title }
func (v *PageView) Date() time.Time          { return v.meta().Date }
func (v *PageView) PublishDate() time.Time   { return v.meta().PublishDate }
func (v *PageView) Slug() string             { return v.meta().Slug }
func (v *PageView) Summary() string          { return v.meta().Summary }
func (v *PageView) Tags() []string           { return v.meta().Tags }
func (v *PageView) Branch() string           { return v.meta().Branch }
func (v *PageView) Draft() bool              { return v.meta().Draft }
func (v *PageView) Weight() int              { return v.meta().Weight }
func (v *PageView) PinnedUntil() time.Time   { return v.meta().PinnedUntil }
func (v *PageView) Aliases() []string        { return v.meta().Aliases }
func (v *PageView) Attachments() []page.File { return v.meta().Attachments }
func (v *PageView) Cover() string            { return v.meta().Cover }
func (v *PageView) Meeting() *page.Meeting   { return v.meta().Meeting }
func (v *PageView) Deadline() time.Time      { return v.meta().Deadline }
func (v *PageView) Signoff() *page.Signoff   { return v.meta().Signoff }
func (v *PageView) Category() string         { return v.meta().Category }
func (v *PageView) Publicity() *page.Period  { return v.meta().Publicity }
func (v *PageView) Contact() *page.Contact   { return v.meta().Contact }
func (v *PageView) Result() string           { return v.meta().Result }
func (v *PageView) Review() *page.Review     { return v.meta().Review }
func (v *PageView) Series() string           { return v.meta().Series }
func (v *PageView) Order() int               { return v.meta().Order }
func (v *PageView) Source() string           { return v.meta().Source }
func (v *PageView) Gallery() []page.File     { return v.meta().Gallery }
func (v *PageView) Award() string            { return v.meta().Award }
func (v *PageView) Privacy() *page.Privacy   { return v.meta().Privacy }
func (v *PageView) Sum() [32]byte            { v.note(kMeta); v.note(kBody); v.note(kPos); return v.n.Page.Sum }
func (v *PageView) BodyLine() int            { v.note(kPos); return v.n.BodyLine }
func (v *PageView) Pos() map[string]page.Pos { v.note(kPos); return v.n.Pos }
func (v *PageView) Line(field string) int    { v.note(kPos); return v.n.Line(field) }
func (v *PageView) Body() []byte             { v.note(kBody); return v.n.Page.Body }
func (v *PageView) Content() template.HTML   { v.note(kBody); return v.n.Content }
func (v *PageView) TOC() []site.Heading      { v.note(kBody); return v.n.TOC }
func (v *PageView) PlainText() string        { v.note(kBody); return v.n.PlainText }
func (v *PageView) URL() string              { v.note(kURL); return v.n.URL }
func (v *PageView) File() string             { v.note(kURL); return v.n.File() }
func (v *PageView) Pinned() bool             { v.note(kPin); return v.n.Pinned }
func (v *PageView) Files() []string          { v.note(kFiles); return v.n.Files }
func (v *PageView) Prev() *PageView          { v.note(kNav); return v.rec.view(v.n.Prev) }
func (v *PageView) Next() *PageView          { v.note(kNav); return v.rec.view(v.n.Next) }
func (v *PageView) Related() []*PageView     { v.note(kRelated); return v.rec.views(v.n.Related) }

// Parent is the section listing the page, or nil for a root page.
func (v *PageView) Parent() *SectionView {
	v.note(kParent)
	return v.rec.section(v.n.Parent)
}

// SectionView is a section as a template reads it. Its name and address
// were recorded by whatever handed it out; its index and its list are
// recorded apart, so a navigation showing titles does not depend on every
// page of the section.
type SectionView struct {
	sec *site.Section
	rec *recorder
}

func (sv *SectionView) Name() string { return sv.sec.Name }
func (sv *SectionView) URL() string  { return sv.sec.URL }

// Index is the section's index page (from _index.md, or a default).
func (sv *SectionView) Index() *PageView {
	sv.rec.read(kSecIndex, sv.sec.Name)
	return sv.rec.view(sv.sec.Index)
}

// Pages is the section's pages in list order.
func (sv *SectionView) Pages() []*PageView {
	sv.rec.read(kSecPages, sv.sec.Name)
	return sv.rec.views(sv.sec.Pages)
}

// Count is len .Pages without making a view of each page: a count shown
// on every page of a long list made thousands per file.
func (sv *SectionView) Count() int {
	sv.rec.read(kSecPages, sv.sec.Name)
	return len(sv.sec.Pages)
}

// TaxonomyView is a taxonomy (branches, tags, years) as a template reads
// it. Its name and address are fixed by the taxonomy itself.
type TaxonomyView struct {
	t   *site.Taxonomy
	rec *recorder
}

func (tv *TaxonomyView) Name() string { return tv.t.Name }
func (tv *TaxonomyView) URL() string  { return tv.t.URL }

// Terms are its terms, each with its pages.
func (tv *TaxonomyView) Terms() []*TermView {
	tv.rec.read(kTaxTerms, tv.t.Name)
	out := make([]*TermView, len(tv.t.Terms))
	for i, term := range tv.t.Terms {
		out[i] = tv.rec.term(tv.t.Name, term)
	}
	return out
}

// TermView is one term of a taxonomy. Its name, slug and address were
// recorded by whatever handed it out (Terms, or the job it is the term of).
type TermView struct {
	term *site.Term
	tax  string
	rec  *recorder
}

func (tv *TermView) Name() string { return tv.term.Name }
func (tv *TermView) Slug() string { return tv.term.Slug }
func (tv *TermView) URL() string  { return tv.term.URL }

// Pages are the term's pages in list order.
func (tv *TermView) Pages() []*PageView {
	tv.rec.read(kTermPages, pair(tv.tax, tv.term.Name))
	return tv.rec.views(tv.term.Pages)
}

// Count is len .Pages without making a view of each page (see
// SectionView.Count); it depends on what Pages does.
func (tv *TermView) Count() int {
	tv.rec.read(kTermPages, pair(tv.tax, tv.term.Name))
	return len(tv.term.Pages)
}

// SeriesView is a study page's place in its series, its pages as views.
// All of it was recorded when it was handed out (kSeries).
type SeriesView struct {
	Name       string
	Index      int
	Pages      []*PageView
	Prev, Next *PageView
}

// Pager is one page of a paginated list. Everything but the pages' own
// fields is part of the job (its number, the addresses, which pages it
// lists), so reading it records nothing.
type Pager struct {
	Number int
	Total  int
	URL    string
	First  string
	Prev   string
	Next   string
	Links  []site.PagerLink
	Pages  []*PageView
}

func (r *recorder) pager(p *site.Pager) *Pager {
	if p == nil {
		return nil
	}
	return &Pager{Number: p.Number, Total: p.Total, URL: p.URL, First: p.First, Prev: p.Prev, Next: p.Next, Links: p.Links, Pages: r.views(p.Pages)}
}

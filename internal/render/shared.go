package render

import (
	"time"

	"github.com/pubgen/pubgen/internal/ledger"
	"github.com/pubgen/pubgen/internal/outputs"
)

// Shared is what a partial run through reuse sees instead of the
// output's *Data: every field and method of Data under the same name (a
// test holds the two to each other), so one partial works with either.
// What depends on the output itself — its fields, and the helpers that
// read them (Rel and all that links from the file, IsCurrent, Canonical,
// …) — is asked through ask, which notes the question and its answer for
// reuse.go; what reads only the site graph is Data's own method, whose
// views record it.
type Shared struct {
	d    *Data
	path *[]asked // the partial's questions so far, shared with With's copies
	// item, set by With, is the page of the list the partial shows:
	// given by the partial itself, so reading it asks nothing.
	item     *PageView
	withItem bool
}

func (s *Shared) ask(q question) any {
	a := answer(q, s.d)
	*s.path = append(*s.path, asked{q, a})
	return a
}

// The fields of Data.

func (s *Shared) Site() *SiteView         { return s.d.Site }
func (s *Shared) Kind() string            { return s.ask(question{op: qKind}).(string) }
func (s *Shared) File() string            { return s.ask(question{op: qFile}).(string) }
func (s *Shared) Title() string           { return s.ask(question{op: qTitle}).(string) }
func (s *Shared) Page() *PageView         { s.ask(question{op: qPage}); return s.d.Page }
func (s *Shared) Target() *PageView       { s.ask(question{op: qTarget}); return s.d.Target }
func (s *Shared) Pager() *Pager           { s.ask(question{op: qPager}); return s.d.Pager }
func (s *Shared) Taxonomy() *TaxonomyView { s.ask(question{op: qTaxonomy}); return s.d.Taxonomy }
func (s *Shared) Term() *TermView         { s.ask(question{op: qTerm}); return s.d.Term }

func (s *Shared) Item() *PageView {
	if s.withItem {
		return s.item
	}
	s.ask(question{op: qItem})
	return s.d.Item
}

// With is Data.With: the copy shows n, and asks its questions into the
// same path.
func (s *Shared) With(n *PageView) *Shared {
	c := *s
	c.item, c.withItem = n, true
	return &c
}

// The helpers that read the output's own data.

func (s *Shared) Rel(target string) string {
	return s.ask(question{op: qRel, arg: target}).(string)
}

func (s *Shared) Link(n *PageView) string {
	if n == nil {
		return s.d.Link(n) // the same mistake as Data's
	}
	return s.ask(question{op: qLink, node: n.n}).(string)
}

func (s *Shared) LinkFile(n *PageView, file string) string {
	if n == nil {
		return s.d.LinkFile(n, file)
	}
	return s.ask(question{op: qLinkFile, node: n.n, arg: file}).(string)
}

func (s *Shared) Asset(name string) string {
	return s.ask(question{op: qAsset, arg: name}).(string)
}

func (s *Shared) IsCurrent(target string) bool {
	return s.ask(question{op: qIsCurrent, arg: target}).(bool)
}

func (s *Shared) Canonical() string { return s.ask(question{op: qCanonical}).(string) }

func (s *Shared) ListsDisclosures() bool { return s.ask(question{op: qListsDisclosures}).(bool) }

// Ledger depends on which term and taxonomy the output lists.
func (s *Shared) Ledger() []ledger.Quarter {
	s.Taxonomy()
	s.Term()
	return s.d.Ledger()
}

// The helpers that read only the site graph, the build's options or
// their arguments.

func (s *Shared) Catalogue() []CatalogueYear                    { return s.d.Catalogue() }
func (s *Shared) CatalogueURL() string                          { return s.d.CatalogueURL() }
func (s *Shared) Abs(target string) string                      { return s.d.Abs(target) }
func (s *Shared) RootPath() string                              { return s.d.RootPath() }
func (s *Shared) Status(n *PageView) string                     { return s.d.Status(n) }
func (s *Shared) Dev() bool                                     { return s.d.Dev() }
func (s *Shared) HasAsset(name string) bool                     { return s.d.HasAsset(name) }
func (s *Shared) TypeTitle(typ string) string                   { return s.d.TypeTitle(typ) }
func (s *Shared) TermURL(taxonomy, name string) string          { return s.d.TermURL(taxonomy, name) }
func (s *Shared) Latest(section string, max int) []*PageView    { return s.d.Latest(section, max) }
func (s *Shared) OpenDisclosures() []*PageView                  { return s.d.OpenDisclosures() }
func (s *Shared) PinEnd(n *PageView) time.Time                  { return s.d.PinEnd(n) }
func (s *Shared) Calendar(n *PageView) string                   { return s.d.Calendar(n) }
func (s *Shared) Thumb(n *PageView, file string) *outputs.Thumb { return s.d.Thumb(n, file) }
func (s *Shared) FileSize(n *PageView, file string) string      { return s.d.FileSize(n, file) }
func (s *Shared) FileType(file string) string                   { return s.d.FileType(file) }
func (s *Shared) ReadingMinutes(n *PageView) int                { return s.d.ReadingMinutes(n) }
func (s *Shared) Series(n *PageView) *SeriesView                { return s.d.Series(n) }
func (s *Shared) PublicitySpan(n *PageView) *Span               { return s.d.PublicitySpan(n) }
func (s *Shared) MeetingSpan(n *PageView) *Span                 { return s.d.MeetingSpan(n) }
func (s *Shared) Stats() *Stats                                 { return s.d.Stats() }

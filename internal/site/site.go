package site

import (
	"html/template"
	"time"

	"github.com/pubgen/pubgen/internal/config"
	"github.com/pubgen/pubgen/internal/page"
)

// Site is the whole graph of one build.
type Site struct {
	Config   *config.Config
	Home     *Node
	Pages    []*Node // every published content page, in list order
	Sections []*Section
	Plain    []*Node // pages outside the four typed sections (about.md, …)
	Branches *Taxonomy
	Tags     *Taxonomy
	Years    *Taxonomy
	Now      time.Time    // the build's "today", for statuses
	Waiting  []*page.Page // pages held back until their publish_date, see Schedule
	Awaiting []Awaiting   // disclosures held back until their procedure record is complete

	bySource map[string]*Node
	seriesOf map[string][]*Node
	byURL    map[string]*Node
	outputs  map[string][]Origin // output file → who makes it (see claimAll)
	collided map[string]bool     // pairs of origins already reported
}

// Awaiting is a disclosure not published because its procedure record
// (page.Review) is not complete: held back like a draft while the rest of
// the site builds, and listed in the build report.
type Awaiting struct {
	Page    *page.Page
	Missing []string // steps not filled in, from page.ReviewSteps
	// From is set when the record is complete but approved_on is still to
	// come: the item goes live that day (see Schedule).
	From time.Time
}

// Node is a page placed in the site.
type Node struct {
	*page.Page
	URL     string   // site path of the page's folder, e.g. "notices/a/"; "" for home
	Parent  *Section // the section listing the page; nil for root pages
	Prev    *Node    // the newer page in the section's list
	Next    *Node    // the older page in the section's list
	Related []*Node
	// Pinned is whether the page is pinned (置顶) at the build's Now
	// (PinnedAt). It shadows page.Page.Pinned, the author's word, so
	// that every sort, list and template asking a node gets the pin as it
	// stands, not one that has ended.
	Pinned bool
	// Files are the bundle files, relative to the bundle folder, copied
	// beside the page: all that may be published until the Markdown is
	// converted, then only those the page refers to (PublishReferenced).
	Files []string
	// seriesAt is the page's index in its series' reading order, set by
	// series: SeriesNav is asked for every page of a series on every
	// rebuild, and finding the page by a walk of the series made that
	// the square of the series' length.
	seriesAt int

	// Set once by the build stage after Markdown conversion, before rendering.
	Content   template.HTML
	TOC       []Heading
	PlainText string
}

// Heading is a table-of-contents entry.
type Heading struct {
	Level    int
	ID, Text string
}

// File returns the output file of the page.
func (n *Node) File() string { return OutputFile(n.URL) }

// Section is a folder under content/ with its list.
type Section struct {
	Name  string // folder name, e.g. notices
	Index *Node  // from _index.md; never nil (a default is made)
	Pages []*Node
	URL   string // e.g. "notices/"
}

// Taxonomy is one way of grouping pages (支部, tags, years).
type Taxonomy struct {
	Name  string // branches, tags, years
	URL   string // e.g. "branches/"
	Terms []*Term
}

// Term is one value of a taxonomy with its pages in list order.
type Term struct {
	Name  string
	Slug  string
	URL   string
	Pages []*Node
}

// BySource returns the node built from a content file.
func (s *Site) BySource(path string) *Node { return s.bySource[path] }

// ByURL returns the node published at a site path.
func (s *Site) ByURL(url string) *Node { return s.byURL[url] }

// Section returns the section with that folder name, or nil.
func (s *Site) Section(name string) *Section {
	for _, sec := range s.Sections {
		if sec.Name == name {
			return sec
		}
	}
	return nil
}

package render

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/pubgen/pubgen/internal/site"
)

// A key names one thing a template read: an aspect of a page (its front
// matter, its body, its neighbours, …), a list of the site, a value a Data
// helper worked out. Keys name things by what they are in any build (a
// page's source path, a section's name), never by a pointer into one
// build's graph, so a session can ask the next build for the version of
// what the last one read (Versions.of).
type key struct {
	kind kind
	id   string
}

// String names k in a message: its id and its kind's number in the list
// below.
func (k key) String() string { return fmt.Sprintf("%s (read of kind %d)", k.id, k.kind) }

// kind is what a key is about. Each has one resolver in versions.go that
// says what a read of it saw in a given build.
type kind uint8

const (
	// Aspects of one page; id is its source path.
	kMeta     kind = iota + 1 // the front matter (date, tags, meeting, …): everything but the body and the title
	kTitle                    // the title: navigations, neighbours and links print it alone
	kPos                      // where each field is in the file (Pos, BodyLine, Line)
	kURL                      // the page's address
	kPin                      // whether it is pinned (置顶) at the build's time
	kBody                     // the converted text: Content, TOC, PlainText, Body
	kNav                      // which pages are its Prev and Next
	kRelated                  // which pages are its Related
	kParent                   // which section lists it
	kFiles                    // the bundle files published beside it
	kStatus                   // Status: its publicity status at the build's time
	kPubSpan                  // PublicitySpan
	kMeetSpan                 // MeetingSpan
	kMinutes                  // ReadingMinutes
	kPinEnd                   // PinEnd
	kSeries                   // Series: its place in its series
	kCalendar                 // Calendar: the .ics file of its meeting
	// Files beside a page; id is its source path, a NUL and the file.
	kThumb
	kSize
	// Lists and lookups of the site.
	kSitePages // id "": which pages .Site.Pages holds, in order
	kSitePlain // id "": which pages .Site.Plain holds
	kHome      // id "": which page is the home page
	kSections  // id "": the sections' names and addresses, in order
	kSection   // id name: whether the section exists, and its address
	kSecIndex  // id name: which page is its index
	kSecPages  // id name: which pages it lists, in order
	kTaxTerms  // id taxonomy: its terms' names, slugs and addresses
	kTermPages // id taxonomy NUL term: which pages the term lists
	kBySource  // id path: which page (if any) is built from it
	kByURL     // id site path: which page (if any) is published there
	kTypeTitle // id type: TypeTitle's answer
	kTermURL   // id taxonomy NUL term: TermURL's answer
	kLatest    // id section NUL max: which pages Latest returns
	kOpen      // id "": which pages OpenDisclosures returns
	kCatalogue // id "": the catalogue's years, categories and items
	kStats     // id "": the statistics page's figures
	kLedger    // id branch: the branch's ledger
	kNow       // id "": the build's exact time
	kData      // id "": the data/ files
	kAsset     // id name: a theme asset's hashed address, or none
	kConfig    // id field of config.Config: its value ("Location": the zone the date functions print in)
	kString    // id key: the i18n string T gives for it
	kTemplate  // id layout NUL template name: the template the layout's set holds under that name
)

// recorder collects the keys one output read while its template ran. It
// belongs to one job, so one goroutine uses it.
type recorder struct {
	keys map[key]struct{}
	// The job's views, one for each page, section and term it was
	// handed (view.go). The first page's view is kept apart from the
	// others: most jobs (a page's own file) are handed one page, and a
	// map made for it in every job of every rebuild was a tenth of the
	// plan's allocations.
	first    *PageView
	pages    map[*site.Node]*PageView
	sections map[*site.Section]*SectionView
	terms    map[*site.Term]*TermView
	// captured, while a partial runs for reuse (reuse.go), also lists
	// every read it makes, so that another output the partial's bytes go
	// into can be given the same reads.
	captured  []key
	capturing bool
}

func (r *recorder) read(k kind, id string) {
	if r.keys == nil {
		r.keys = make(map[key]struct{}, 32)
	}
	r.keys[key{k, id}] = struct{}{}
	if r.capturing {
		r.captured = append(r.captured, key{k, id})
	}
}

// capture starts listing the reads; done stops and returns them. A
// capture does not nest: reuse runs a partial inside another one
// directly, and its reads are the outer one's.
func (r *recorder) capture() { r.capturing, r.captured = true, nil }

func (r *recorder) done() []key {
	keys := r.captured
	r.capturing, r.captured = false, nil
	return keys
}

// sorted returns the keys read, in a stable order.
func (r *recorder) sorted() []key {
	out := make([]key, 0, len(r.keys))
	for k := range r.keys {
		out = append(out, k)
	}
	slices.SortFunc(out, func(a, b key) int {
		if c := cmp.Compare(a.kind, b.kind); c != 0 {
			return c
		}
		return cmp.Compare(a.id, b.id)
	})
	return out
}

// release forgets what the recorder holds, once its job is done.
func (r *recorder) release() { *r = recorder{} }

// pair is an id made of two names.
func pair(a, b string) string { return a + "\x00" + b }

package page

import (
	"time"

	"github.com/pubgen/pubgen/internal/memo"
)

// Content types. The type comes from the section folder unless the front
// matter names one.
const (
	Notice     = "notice"
	Disclosure = "disclosure"
	Study      = "study"
	Showcase   = "showcase"
	Plain      = "page"
)

// Kinds of page in the site graph.
const (
	KindPage    = "page"    // a content file
	KindSection = "section" // content/<section>/_index.md
	KindHome    = "home"    // content/_index.md
)

// TypeInfo is one content type: the section folder its pages are in, and
// its name, which titles that section when it has no _index.md and names
// the type in messages (TypeWord).
type TypeInfo struct {
	Name    string // Notice, …
	Section string // "notices"; "" for Plain, which has no section of its own
	Title   string // "支部通知"
}

// Types are the content types, in the order the site lists their sections:
// the one list of their folders and names. It is never changed.
var Types = []TypeInfo{
	{Notice, "notices", "支部通知"},
	{Disclosure, "disclosures", "党务公开"},
	{Study, "study", "学习资料"},
	{Showcase, "showcases", "党建成果展示"},
	{Plain, "", "普通页面"},
}

// SectionTypes maps a section folder to the content type of its pages
// (from Types). It is never changed.
var SectionTypes = sectionTypes()

func sectionTypes() map[string]string {
	m := map[string]string{}
	for _, t := range Types {
		if t.Section != "" {
			m[t.Section] = t.Name
		}
	}
	return m
}

// TypeOf returns the entry of Types for the type name.
func TypeOf(name string) (TypeInfo, bool) {
	for _, t := range Types {
		if t.Name == name {
			return t, true
		}
	}
	return TypeInfo{}, false
}

// MeetingKinds are the kinds of organisational-life meeting (三会一课 and
// others) a notice may announce.
var MeetingKinds = []string{"支部党员大会", "支委会", "党小组会", "党课", "主题党日", "其他"}

// Page is one parsed content file. It is read-only after Parse.
type Page struct {
	Path      string // slash path from the site root: content/notices/a.md or content/notices/a/index.md
	Section   string // first folder under content/, "" for the home page and root pages
	Kind      string // KindPage, KindSection or KindHome
	Type      string // Notice, Disclosure, Study, Showcase or Plain
	Bundle    bool   // name/index.md with its files beside it
	BundleDir string // slash path of the bundle folder, for resolving attachments

	Title       string
	Date        time.Time
	PublishDate time.Time
	Slug        string
	Summary     string
	Tags        []string
	Branch      string
	Draft       bool
	Weight      int
	Pinned      bool
	PinnedUntil time.Time // the pin's end; a date alone pins through that day
	Aliases     []string
	Attachments []File
	Cover       string

	Meeting  *Meeting
	Deadline time.Time
	Signoff  *Signoff // notices and disclosures: the 落款 under the body

	Category  string
	Publicity *Period
	Contact   *Contact
	Result    string
	Review    *Review

	Series string
	Order  int
	Source string

	Gallery []File
	Award   string

	// Privacy lists the personal-data numbers the page publishes on
	// purpose; nil when it names none.
	Privacy *Privacy

	Body     []byte // Markdown after the front matter, LF line endings
	BodyLine int    // line of the file on which Body starts

	// Pos gives the position of each front-matter field present, by dotted
	// name ("attachments[1].file"), for problems found after parsing.
	Pos map[string]Pos

	// Sum is the version of every field above: a hash of what the page
	// is made from (see Version and Default). A session's memos key on
	// it, since a *Page reused across builds says nothing by itself.
	Sum memo.Version `json:"-"`
}

// Version is the Sum of a page parsed from the content file at file, with
// the bytes src, its dates read in loc: Parse depends on nothing else.
func Version(file string, src []byte, loc *time.Location) memo.Version {
	return memo.Sum([]byte("file"), []byte(file), []byte(loc.String()), src)
}

// Default is a page with no file behind it (the home page or a section
// without its _index.md), made from its kind, path, section and title.
func Default(kind, path, section, title string) *Page {
	return &Page{Path: path, Kind: kind, Section: section, Type: Plain, Title: title,
		Sum: memo.Sum([]byte("default"), []byte(kind), []byte(path), []byte(section), []byte(title))}
}

// Pos is a 1-based line and column in the source file.
type Pos struct{ Line, Col int }

// File is an attachment or an image of the page's bundle.
type File struct {
	File  string // relative to the bundle folder
	Title string // attachments: link text; gallery: caption
}

// Meeting is the meeting a notice announces.
type Meeting struct {
	Kind     string
	Start    time.Time
	End      time.Time
	Location string
	Host     string
}

// Period is a publicity period (公示期), both days included.
type Period struct{ Start, End time.Time }

// Review is a disclosure's procedure record (《中国共产党党务公开条例（试行）》
// Art. 15: 提出 → 审核 → 审批 → 实施). It records who took each step; it is
// not access control. ReviewedBy is the 审核 that includes the 保密审查.
type Review struct {
	ProposedBy string
	ReviewedBy string
	ApprovedBy string
	ApprovedOn time.Time
}

// ReviewSteps are the fields of a review record, in the order the steps
// are taken: the one list that parsing, the publish gate and the report
// name them from.
var ReviewSteps = []string{"proposed_by", "reviewed_by", "approved_by", "approved_on"}

// ReviewStepNames name each step as the regulation does, for authors.
var ReviewStepNames = map[string]string{
	"proposed_by": "提出", "reviewed_by": "审核（含保密审查）", "approved_by": "审批", "approved_on": "审批日期",
}

// Missing returns the steps of the record not yet filled in, in order;
// none means the item may be published (as far as its procedure goes).
func (r *Review) Missing() []string {
	if r == nil {
		return ReviewSteps
	}
	var out []string
	for i, done := range []bool{r.ProposedBy != "", r.ReviewedBy != "", r.ApprovedBy != "", !r.ApprovedOn.IsZero()} {
		if !done {
			out = append(out, ReviewSteps[i])
		}
	}
	return out
}

// Signoff is the 落款 of a notice or disclosure (GB/T 9704-2012 7.3.5):
// the issuing body's name above the date the text was written. Date is
// the page's date unless the author gives another, since a notice is
// often dated the day it was signed, before it went up.
type Signoff struct {
	Body string
	Date time.Time
}

// Privacy is the privacy field: numbers the personal-data check would
// report (or refuse) that the page publishes deliberately, and why.
type Privacy struct {
	// Allow holds each number as read (privacy.Number: digits only, an
	// ID's X upper case), in the order written; its position is
	// Pos["privacy.allow[i]"].
	Allow  []string
	Reason string
}

// Contact is where readers send feedback on a disclosure.
type Contact struct{ Phone, Email, Address string }

// Line returns the line of field, or of the front matter's start when the
// field is absent.
func (p *Page) Line(field string) int {
	if pos, ok := p.Pos[field]; ok {
		return pos.Line
	}
	return 1
}

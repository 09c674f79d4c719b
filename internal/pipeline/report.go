package pipeline

import (
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/page"
	"github.com/pubgen/pubgen/internal/publish"
	"github.com/pubgen/pubgen/internal/render"
	"github.com/pubgen/pubgen/internal/search"
	"github.com/pubgen/pubgen/internal/searchdoc"
	"github.com/pubgen/pubgen/internal/site"
)

// Report summarises a build for the terminal and, as JSON, for operators'
// scripts.
type Report struct {
	// Version is the pubgen that built the site (set by the command, which
	// knows its own build information).
	Version    string         `json:"pubgen_version,omitempty"`
	Pages      map[string]int `json:"pages"` // content pages by type
	Files      int            `json:"files"`
	Bytes      int64          `json:"bytes"`
	DurationMS int64          `json:"duration_ms"`
	Warnings   []string       `json:"warnings"`
	// NextStatusChange is the next moment the site changes with no edit
	// (the first of Scheduled), so an operator can rebuild then; empty
	// when none will.
	NextStatusChange string `json:"next_status_change,omitempty"`
	// Scheduled lists every coming change, in time order.
	Scheduled []Scheduled `json:"scheduled,omitempty"`
	Dest      string      `json:"dest,omitempty"`
	// Search counts what the incremental index update did.
	Search search.UpdateStats `json:"search"`
	// Attachments counts the attachments whose text is searched, and how
	// many of them were read this build (0 on a rebuild that changed none).
	Attachments attachmentReport `json:"attachments"`
	// Rendered is how many templates ran; in a rebuild, the others were
	// unchanged and reused.
	Rendered int `json:"rendered"`
	// AwaitingApproval are disclosures held back because their procedure
	// record (review:) is not complete; the rest of the site was built.
	AwaitingApproval []Awaiting `json:"awaiting_approval,omitempty"`
	// PhotosMade is how many cover and gallery photos were decoded to make
	// their thumbnail and web copy; in a rebuild, unchanged ones are reused.
	PhotosMade int `json:"photos_made"`
	// Drafts are notes on drafts that still hold an archetype's hints:
	// not problems (a draft is not published), but what is left to do.
	Drafts []string `json:"drafts,omitempty"`
	// Layouts names, for each templated output, the layout file it was
	// rendered from: the site's layouts/NAME wins over the theme's
	// themes/THEME/layouts/NAME.
	Layouts map[string]string `json:"layouts"`
	// LayoutOverrides are the site's own layouts/ files in use, partials
	// included; a partial here is used by every output that calls it.
	LayoutOverrides []string `json:"layout_overrides"`
}

func newReport(s *site.Site, entries []publish.Entry, d time.Duration) Report {
	r := Report{Pages: map[string]int{}, Files: len(entries), DurationMS: d.Milliseconds(), Warnings: []string{}}
	for _, n := range s.Pages {
		r.Pages[n.Type]++
	}
	for _, e := range entries {
		r.Bytes += int64(len(e.Data))
	}
	for _, c := range s.Schedule() {
		r.Scheduled = append(r.Scheduled, Scheduled{At: c.At.In(s.Config.Location).Format(time.RFC3339), File: c.File, What: c.What})
	}
	if len(r.Scheduled) > 0 {
		r.NextStatusChange = r.Scheduled[0].At
	}
	for _, a := range s.Awaiting {
		w := Awaiting{File: a.Page.Path, Missing: a.Missing}
		if !a.From.IsZero() {
			w.From = a.From.In(s.Config.Location).Format(time.RFC3339)
		}
		r.AwaitingApproval = append(r.AwaitingApproval, w)
	}
	return r
}

// Awaiting is a disclosure held back for its procedure record, see
// site.Awaiting.
type Awaiting struct {
	File    string   `json:"file"`
	Missing []string `json:"missing,omitempty"` // review fields still empty: proposed_by, reviewed_by, approved_by, approved_on
	From    string   `json:"from,omitempty"`    // RFC 3339: approved with a date still to come
}

// Text says what is missing, as the table and check print it.
func (a Awaiting) Text() msg.Text {
	if len(a.Missing) == 0 {
		return msg.New(msg.AwaitingFrom, a.File, a.From)
	}
	var steps []msg.Text
	for _, m := range a.Missing {
		steps = append(steps, msg.New(msg.AwaitingStep, m, page.ReviewStepNames[m]))
	}
	return msg.New(msg.AwaitingMissing, a.File, steps)
}

// String is Text in English.
func (a Awaiting) String() string { return msg.Printer{Lang: msg.English}.Text(a.Text()) }

// Scheduled is one coming change of the site, see site.Change.
type Scheduled struct {
	At   string `json:"at"` // RFC 3339 in the site's time zone
	File string `json:"file"`
	What string `json:"what"` // publish, publicity_from, publicity_to, meeting_start, meeting_end, approved, pin_end
}

// shownScheduled is how many coming changes the table lists; --json has all.
const shownScheduled = 3

// WriteTable prints the report as a table for people, in p's language.
func (r Report) WriteTable(w io.Writer, p msg.Printer) {
	var types []string
	for t := range r.Pages {
		types = append(types, t)
	}
	sort.Strings(types)
	// A type is named in the catalogue's words (支部通知（notice）, notice),
	// the same words the page's own messages use.
	rows := [][]string{{p.Sprint(msg.SumType), p.Sprint(msg.SumPages)}}
	total := 0
	for _, t := range types {
		name := t
		if w, ok := page.TypeWord(t); ok {
			name = p.Text(w)
		}
		rows = append(rows, []string{name, strconv.Itoa(r.Pages[t])})
		total += r.Pages[t]
	}
	rows = append(rows, []string{p.Sprint(msg.SumTotal), strconv.Itoa(total)})
	writeColumns(w, rows)
	fmt.Fprint(w, p.Sprint(msg.SumFiles, r.Files, render.HumanSize(r.Bytes), r.DurationMS))
	if r.Dest != "" {
		fmt.Fprintf(w, " → %s", diag.Escape(r.Dest))
	}
	fmt.Fprintln(w)
	fmt.Fprintln(w, p.Sprint(msg.SumSearch, r.Search.Added, r.Search.Changed, r.Search.Removed, r.Search.Unchanged))
	if len(r.LayoutOverrides) > 0 {
		fmt.Fprintln(w, p.Sprint(msg.SumLayouts, strings.Join(r.LayoutOverrides, ", ")))
	}
	for i, c := range r.Scheduled {
		if i == shownScheduled {
			fmt.Fprintln(w, p.Sprint(msg.SumScheduledMore, len(r.Scheduled)-i))
			break
		}
		if i == 0 {
			fmt.Fprintln(w, p.Sprint(msg.SumScheduled))
		}
		fmt.Fprintf(w, "  %s  %s %s\n", c.At, diag.Escape(c.File), p.Sprint(site.ChangeWord(c.What)))
	}
	if len(r.AwaitingApproval) > 0 {
		fmt.Fprintln(w, p.Sprint(msg.SumAwaiting, len(r.AwaitingApproval)))
		for _, a := range r.AwaitingApproval {
			fmt.Fprintf(w, "  %s\n", diag.Escape(p.Text(a.Text())))
		}
	}
	if len(r.Warnings) > 0 {
		fmt.Fprintf(w, "%s\n  %s\n", p.Sprint(msg.SumWarnings, len(r.Warnings)), strings.Join(r.Warnings, "\n  "))
	}
}

// writeColumns prints rows in columns two spaces apart, each as wide as
// its widest cell on a terminal: a Chinese character takes two columns
// there, which text/tabwriter (counting characters) does not know.
func writeColumns(w io.Writer, rows [][]string) {
	var widths []int
	for _, row := range rows {
		for i, c := range row {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], displayWidth(c))
		}
	}
	for _, row := range rows {
		var b strings.Builder
		for i, c := range row {
			b.WriteString(c)
			if i < len(row)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-displayWidth(c)+2))
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}

// displayWidth is how many terminal columns s takes: two for East Asian
// wide characters (Han, kana, hangul, full-width forms and punctuation),
// one for the rest.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case r >= 0x1100 && r <= 0x115F, r >= 0x2E80 && r <= 0xA4CF, r >= 0xAC00 && r <= 0xD7A3,
			r >= 0xF900 && r <= 0xFAFF, r >= 0xFE30 && r <= 0xFE4F, r >= 0xFF00 && r <= 0xFF60, r >= 0xFFE0 && r <= 0xFFE6:
			n += 2
		default:
			n++
		}
	}
	return n
}

// attachmentReport is what the build report says of attachments.
type attachmentReport struct {
	Files     int `json:"files"`     // searchable attachments published
	Parts     int `json:"parts"`     // search results they make (PDF pages, sheets)
	Extracted int `json:"extracted"` // read this build; the rest came from the cache
}

func newAttachmentReport(texts []searchdoc.Attachment, extracted int) attachmentReport {
	r := attachmentReport{Files: len(texts), Extracted: extracted}
	for _, a := range texts {
		r.Parts += len(a.Parts)
	}
	return r
}

package build

import (
	"fmt"
	"io"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/page"
	"github.com/pubgen/pubgen/internal/publish"
	"github.com/pubgen/pubgen/internal/render"
	"github.com/pubgen/pubgen/internal/search"
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

// String says what is missing, as the table prints it (unescaped: the
// printer escapes the whole line).
func (a Awaiting) String() string {
	if len(a.Missing) == 0 {
		return fmt.Sprintf("%s: approved on %s, published then", a.File, a.From)
	}
	var steps []string
	for _, m := range a.Missing {
		steps = append(steps, fmt.Sprintf("review.%s (%s)", m, page.ReviewStepNames[m]))
	}
	return fmt.Sprintf("%s: missing %s", a.File, strings.Join(steps, ", "))
}

var typeNames = map[string]string{"notice": "支部通知", "disclosure": "党务公开", "study": "学习资料", "showcase": "成果展示", "page": "页面"}

// Scheduled is one coming change of the site, see site.Change.
type Scheduled struct {
	At   string `json:"at"` // RFC 3339 in the site's time zone
	File string `json:"file"`
	What string `json:"what"` // publish, publicity_from, publicity_to, meeting_start, meeting_end, approved, pin_end
}

// scheduleNames says what a change does, for the table.
var scheduleNames = map[string]string{
	site.ChangePublish:       "goes live",
	site.ChangePublicityFrom: "publicity period opens",
	site.ChangePublicityTo:   "publicity period closes",
	site.ChangeMeetingFrom:   "meeting starts",
	site.ChangeMeetingTo:     "meeting ends",
	site.ChangeApproved:      "approved: goes live",
	site.ChangePinEnd:        "pin ends",
}

// shownScheduled is how many coming changes the table lists; --json has all.
const shownScheduled = 3

// WriteTable prints the report as a table for people.
func (r Report) WriteTable(w io.Writer) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	var types []string
	for t := range r.Pages {
		types = append(types, t)
	}
	sort.Strings(types)
	fmt.Fprintln(tw, "type\tpages\t")
	// The Chinese name goes last: tabwriter counts runes, not display
	// columns, so a wide name in the middle would skew the table.
	total := 0
	for _, t := range types {
		fmt.Fprintf(tw, "%s\t%d\t%s\n", t, r.Pages[t], typeNames[t])
		total += r.Pages[t]
	}
	fmt.Fprintf(tw, "total\t%d\t\n", total)
	tw.Flush()
	fmt.Fprintf(w, "%d files, %s, in %d ms", r.Files, render.HumanSize(r.Bytes), r.DurationMS)
	if r.Dest != "" {
		fmt.Fprintf(w, " → %s", diag.Escape(r.Dest))
	}
	fmt.Fprintln(w)
	fmt.Fprintf(w, "search index: %d added, %d changed, %d removed, %d unchanged\n", r.Search.Added, r.Search.Changed, r.Search.Removed, r.Search.Unchanged)
	if len(r.LayoutOverrides) > 0 {
		fmt.Fprintf(w, "site layouts (over the theme's): %s\n", strings.Join(r.LayoutOverrides, ", "))
	}
	for i, c := range r.Scheduled {
		if i == shownScheduled {
			fmt.Fprintf(w, "  … %d more scheduled (see --json)\n", len(r.Scheduled)-i)
			break
		}
		if i == 0 {
			fmt.Fprintln(w, "scheduled changes (build --watch and serve rebuild on time; otherwise build again then):")
		}
		fmt.Fprintf(w, "  %s  %s %s\n", c.At, diag.Escape(c.File), scheduleNames[c.What])
	}
	if len(r.AwaitingApproval) > 0 {
		fmt.Fprintf(w, "%d disclosure(s) awaiting approval, not published (党务公开 procedure: 提出 → 审核 → 审批):\n", len(r.AwaitingApproval))
		for _, a := range r.AwaitingApproval {
			fmt.Fprintf(w, "  %s\n", diag.Escape(a.String()))
		}
	}
	if len(r.Warnings) > 0 {
		fmt.Fprintf(w, "%d warning(s):\n  %s\n", len(r.Warnings), strings.Join(r.Warnings, "\n  "))
	}
}

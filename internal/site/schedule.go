package site

import (
	"sort"
	"time"

	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/page"
)

// What a scheduled change does to the site.
const (
	ChangePublish       = "publish"        // a page's publish_date arrives
	ChangePublicityFrom = "publicity_from" // a publicity period (公示期) opens
	ChangePublicityTo   = "publicity_to"   // … and closes
	ChangeMeetingFrom   = "meeting_start"  // a meeting starts (即将召开 → 进行中)
	ChangeMeetingTo     = "meeting_end"    // … and ends (→ 已召开)
	ChangeApproved      = "approved"       // a disclosure's approved_on arrives
	ChangePinEnd        = "pin_end"        // a pin (置顶) ends: the page takes its place by date
)

// ChangeWord is the catalogue's word for what a change does (what is
// one of the Change… constants), as the build's table says it too.
func ChangeWord(what string) msg.Key {
	switch what {
	case ChangePublish:
		return msg.SchedPublish
	case ChangePublicityFrom:
		return msg.SchedPublicityFrom
	case ChangePublicityTo:
		return msg.SchedPublicityTo
	case ChangeMeetingFrom:
		return msg.SchedMeetingFrom
	case ChangeMeetingTo:
		return msg.SchedMeetingTo
	case ChangeApproved:
		return msg.SchedApproved
	case ChangePinEnd:
		return msg.SchedPinEnd
	}
	return 0
}

// Change is a moment after the build's Now at which the built site would
// come out differently with no file edited: a page goes live, or a status
// the pages print changes.
type Change struct {
	At   time.Time
	File string // the page's source, e.g. content/notices/a.md
	What string // one of the Change… constants
}

// Schedule lists the site's coming changes in time order (then by file),
// so that a long-running publisher can wake and rebuild at each, and the
// report can say what is due.
func (s *Site) Schedule() []Change {
	var cs []Change
	add := func(t time.Time, p *page.Page, what string) {
		if t.After(s.Now) {
			cs = append(cs, Change{At: t, File: p.Path, What: what})
		}
	}
	for _, p := range s.Waiting {
		add(p.PublishDate, p, ChangePublish)
	}
	for _, a := range s.Awaiting {
		if !a.From.IsZero() {
			add(a.From, a.Page, ChangeApproved)
		}
	}
	for _, n := range s.Pages {
		if n.Publicity != nil {
			start, end := PublicityBounds(n.Publicity, s.Config.Location)
			add(start, n.Page, ChangePublicityFrom)
			add(end, n.Page, ChangePublicityTo)
		}
		if start, end, ok := MeetingBounds(n.Meeting, s.Config.Location); ok {
			add(start, n.Page, ChangeMeetingFrom)
			add(end, n.Page, ChangeMeetingTo)
		}
		if n.Pinned {
			if end := PinEnd(n.Page, s.Config.Location); !end.IsZero() {
				add(end, n.Page, ChangePinEnd)
			}
		}
	}
	sort.Slice(cs, func(i, j int) bool {
		if !cs[i].At.Equal(cs[j].At) {
			return cs[i].At.Before(cs[j].At)
		}
		if cs[i].File != cs[j].File {
			return cs[i].File < cs[j].File
		}
		return cs[i].What < cs[j].What
	})
	return cs
}

// MeetingBounds returns the instants a meeting starts and ends; ok is false
// for a page without a meeting time. A meeting without an end (or with one
// before its start) is taken to last until the end of its day in loc, so
// it never reads as over while it runs.
func MeetingBounds(m *page.Meeting, loc *time.Location) (start, end time.Time, ok bool) {
	if m == nil || m.Start.IsZero() {
		return time.Time{}, time.Time{}, false
	}
	start, end = m.Start, m.End
	if end.IsZero() || end.Before(start) {
		d := start.In(loc)
		end = time.Date(d.Year(), d.Month(), d.Day()+1, 0, 0, 0, 0, loc)
	}
	return start, end, true
}

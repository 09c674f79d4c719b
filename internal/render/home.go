package render

import (
	"strconv"
	"time"

	"github.com/pubgen/pubgen/internal/site"
)

// Latest returns up to max pages of a section in list order: its pinned
// pages (置顶) first, then the newest. Each list of the home page shows
// its own section's pins, so no page is shown twice.
func (d *Data) Latest(section string, max int) []*PageView {
	d.rec.read(kLatest, pair(section, strconv.Itoa(max)))
	return d.rec.views(latest(d.graph(), section, max))
}

func latest(s *site.Site, section string, max int) []*site.Node {
	sec := s.Section(section)
	if sec == nil {
		return nil
	}
	return sec.Pages[:min(max, len(sec.Pages))]
}

// OpenDisclosures returns the home page's 公示中 list: the pinned
// disclosures first (a pin ends when its period closes, so these are open
// or about to open), then the others in their publicity period at build
// time, the one closing soonest first: that is the one a reader still has
// to act on.
func (d *Data) OpenDisclosures() []*PageView {
	d.rec.read(kOpen, "")
	return d.rec.views(openDisclosures(d.graph()))
}

func openDisclosures(s *site.Site) []*site.Node {
	var pinned, open []*site.Node
	for _, n := range s.Pages {
		switch {
		case n.Publicity == nil:
		case n.Pinned:
			pinned = append(pinned, n)
		case status(s, n) == site.StatusOpen:
			open = append(open, n)
		}
	}
	loc := s.Config.Location
	for i := 1; i < len(open); i++ { // insertion sort: a handful of items, stable
		for j := i; j > 0; j-- {
			_, a := site.PublicityBounds(open[j-1].Publicity, loc)
			_, b := site.PublicityBounds(open[j].Publicity, loc)
			if !b.Before(a) {
				break
			}
			open[j-1], open[j] = open[j], open[j-1]
		}
	}
	return append(pinned, open...)
}

// PinEnd is the instant a pinned page's pin ends, for status.js to unpin
// it in the reader's browser as it refreshes statuses; zero when the page
// is not pinned or its pin does not end.
func (d *Data) PinEnd(n *PageView) time.Time {
	n.note(kPinEnd)
	return pinEnd(d.graph(), n.n)
}

func pinEnd(s *site.Site, n *site.Node) time.Time {
	if !n.Pinned {
		return time.Time{}
	}
	return site.PinEnd(n.Page, s.Config.Location)
}

package render

import "github.com/pubgen/pubgen/internal/site"

// Pinned returns every pinned page of the site (置顶), in list order.
func (d *Data) Pinned() []*site.Node {
	d.Site.record(readSummaries)
	var out []*site.Node
	for _, n := range d.graph().Pages {
		if n.Pinned {
			out = append(out, n)
		}
	}
	return out
}

// Latest returns up to max pages of a section that are not pinned (those
// are shown first, on their own), in list order.
func (d *Data) Latest(section string, max int) []*site.Node {
	d.Site.record(readSecPages + section)
	sec := d.graph().Section(section)
	if sec == nil {
		return nil
	}
	var out []*site.Node
	for _, n := range sec.Pages {
		if len(out) == max {
			break
		}
		if !n.Pinned {
			out = append(out, n)
		}
	}
	return out
}

// OpenDisclosures returns the disclosures in their publicity period (公示中)
// at build time, the one closing soonest first: that is the one a reader
// still has to act on.
func (d *Data) OpenDisclosures() []*site.Node {
	d.Site.record(readSummaries) // statuses are part of the summaries
	s := d.graph()
	var out []*site.Node
	for _, n := range s.Pages {
		if site.Status(n.Page, s.Now, s.Config.Location) == site.StatusOpen {
			out = append(out, n)
		}
	}
	loc := s.Config.Location
	for i := 1; i < len(out); i++ { // insertion sort: a handful of items, stable
		for j := i; j > 0; j-- {
			_, a := site.PublicityBounds(out[j-1].Publicity, loc)
			_, b := site.PublicityBounds(out[j].Publicity, loc)
			if !b.Before(a) {
				break
			}
			out[j-1], out[j] = out[j], out[j-1]
		}
	}
	return out
}

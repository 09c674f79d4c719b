package site

import "sort"

// SeriesNav is a study page's place in its series (学习资料 in parts).
type SeriesNav struct {
	Name  string
	Pages []*Node // the series in reading order
	Index int     // of the page in Pages
	Prev  *Node   // the part before, or nil
	Next  *Node   // the part after, or nil
}

// series groups pages by their series name, in reading order: by order,
// then date, then path, so parts without an order still sort stably.
func (s *Site) series() {
	s.seriesOf = map[string][]*Node{}
	for _, n := range s.Pages {
		if n.Page.Series != "" {
			s.seriesOf[n.Page.Series] = append(s.seriesOf[n.Page.Series], n)
		}
	}
	for _, pages := range s.seriesOf {
		sort.SliceStable(pages, func(i, j int) bool {
			a, b := pages[i], pages[j]
			if a.Order != b.Order {
				return a.Order < b.Order
			}
			if !a.Date.Equal(b.Date) {
				return a.Date.Before(b.Date)
			}
			return a.Path < b.Path
		})
		for i, n := range pages {
			n.seriesAt = i
		}
	}
}

// SeriesNav returns n's place in its series, or nil when n is in none.
func (s *Site) SeriesNav(n *Node) *SeriesNav {
	pages := s.seriesOf[n.Page.Series]
	if n.Page.Series == "" || len(pages) == 0 {
		return nil
	}
	nav := &SeriesNav{Name: n.Page.Series, Pages: pages}
	i := n.seriesAt
	if i >= len(pages) || pages[i] != n {
		// Not one of the series' pages (a section's index naming a
		// series): the series without a place in it.
		return nav
	}
	nav.Index = i
	if i > 0 {
		nav.Prev = pages[i-1]
	}
	if i+1 < len(pages) {
		nav.Next = pages[i+1]
	}
	return nav
}

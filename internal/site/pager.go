package site

import "strconv"

// Pager is one page of a paginated list.
type Pager struct {
	Number int
	Total  int
	URL    string // site folder of this list page
	Pages  []*Node
	First  string // site folder of page 1
	Prev   string // "" on the first page
	Next   string // "" on the last page
	// Links is the pagination bar: the first and last pages and two on
	// each side of this one, with a gap (Number 0) where pages are left
	// out, so a list of 500 pages does not print 500 links on each.
	Links []PagerLink
}

// PagerLink is a numbered link in a pagination bar; Number 0 is a gap.
type PagerLink struct {
	Number int
	URL    string
}

// window is the pagination bar of page k of total: page 1, the pages
// within two of k, and the last page, with a gap between runs. It is
// worked out from those numbers alone: looking at every page number of
// every list page made a list of n pages cost n² steps, on every build.
func window(k, total int, url func(int) string) []PagerLink {
	out := []PagerLink{{1, url(1)}}
	lo, hi := max(k-2, 2), min(k+2, total-1)
	if lo > 2 {
		out = append(out, PagerLink{})
	}
	for i := lo; i <= hi; i++ {
		out = append(out, PagerLink{i, url(i)})
	}
	if total > 1 {
		if hi < total-1 {
			out = append(out, PagerLink{})
		}
		out = append(out, PagerLink{total, url(total)})
	}
	return out
}

// Paginate splits nodes into list pages of size; page 1 is at base and page
// k at base/page/k/. An empty list still has one (empty) page.
func Paginate(nodes []*Node, size int, base string) []*Pager {
	out := make([]*Pager, pagerCount(len(nodes), size))
	for k := range out {
		out[k] = PagerAt(nodes, size, base, k+1)
	}
	return out
}

// PagerAt is page k of Paginate(nodes, size, base), made alone: the home
// page shows the first page of the list of every page, whose other pages
// nothing renders.
func PagerAt(nodes []*Node, size int, base string, k int) *Pager {
	total := pagerCount(len(nodes), size)
	url := func(k int) string { return pagerURL(base, k) }
	lo, hi := (k-1)*size, k*size
	lo, hi = min(lo, len(nodes)), min(hi, len(nodes))
	p := &Pager{Number: k, Total: total, URL: url(k), Pages: nodes[lo:hi], First: base, Links: window(k, total, url)}
	if k > 1 {
		p.Prev = url(k - 1)
	}
	if k < total {
		p.Next = url(k + 1)
	}
	return p
}

// pagerCount is how many list pages a list of n pages takes: one at least.
func pagerCount(n, size int) int { return max((n+size-1)/size, 1) }

// pagerURL is the site folder of list page k of the list at base.
func pagerURL(base string, k int) string {
	if k == 1 {
		return base
	}
	return base + "page/" + strconv.Itoa(k) + "/"
}

// pagerURLs are the site folders of a list of n pages in pages of size,
// as Paginate makes them, without building the pagers.
func pagerURLs(n, size int, base string) []string {
	out := make([]string, pagerCount(n, size))
	for k := range out {
		out[k] = pagerURL(base, k+1)
	}
	return out
}

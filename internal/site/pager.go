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

func window(k, total int, url func(int) string) []PagerLink {
	var out []PagerLink
	for i := 1; i <= total; i++ {
		if i == 1 || i == total || i >= k-2 && i <= k+2 {
			out = append(out, PagerLink{i, url(i)})
		} else if len(out) > 0 && out[len(out)-1].Number != 0 {
			out = append(out, PagerLink{})
		}
	}
	return out
}

// Paginate splits nodes into list pages of size; page 1 is at base and page
// k at base/page/k/. An empty list still has one (empty) page.
func Paginate(nodes []*Node, size int, base string) []*Pager {
	total := (len(nodes) + size - 1) / size
	if total == 0 {
		total = 1
	}
	url := func(k int) string { return pagerURL(base, k) }
	out := make([]*Pager, total)
	for k := 1; k <= total; k++ {
		lo, hi := (k-1)*size, k*size
		lo, hi = min(lo, len(nodes)), min(hi, len(nodes))
		p := &Pager{Number: k, Total: total, URL: url(k), Pages: nodes[lo:hi], First: base, Links: window(k, total, url)}
		if k > 1 {
			p.Prev = url(k - 1)
		}
		if k < total {
			p.Next = url(k + 1)
		}
		out[k-1] = p
	}
	return out
}

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
	total := max((n+size-1)/size, 1)
	out := make([]string, total)
	for k := range out {
		out[k] = pagerURL(base, k+1)
	}
	return out
}

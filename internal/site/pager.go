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
	All    []PagerLink
}

// PagerLink is a numbered link in a pagination bar.
type PagerLink struct {
	Number int
	URL    string
}

// Paginate splits nodes into list pages of size; page 1 is at base and page
// k at base/page/k/. An empty list still has one (empty) page.
func Paginate(nodes []*Node, size int, base string) []*Pager {
	total := (len(nodes) + size - 1) / size
	if total == 0 {
		total = 1
	}
	url := func(k int) string {
		if k == 1 {
			return base
		}
		return base + "page/" + strconv.Itoa(k) + "/"
	}
	var all []PagerLink
	for k := 1; k <= total; k++ {
		all = append(all, PagerLink{k, url(k)})
	}
	out := make([]*Pager, total)
	for k := 1; k <= total; k++ {
		lo, hi := (k-1)*size, k*size
		lo, hi = min(lo, len(nodes)), min(hi, len(nodes))
		p := &Pager{Number: k, Total: total, URL: url(k), Pages: nodes[lo:hi], First: base, All: all}
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

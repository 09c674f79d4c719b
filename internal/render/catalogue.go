package render

import (
	"sort"
	"strconv"

	"github.com/pubgen/pubgen/internal/page"
	"github.com/pubgen/pubgen/internal/site"
)

// CatalogueYear is one year of the 党务公开目录.
type CatalogueYear struct {
	Year       string
	Categories []CatalogueCategory
}

// CatalogueCategory is one category of a year, with its items newest first.
type CatalogueCategory struct {
	Name  string
	Items []*PageView
}

// uncategorised files items without a category, last in their year.
const uncategorised = "其他"

// Catalogue lists every published disclosure by year (of its date, in the
// site's zone, as the year pages count it) and category: newest year
// first, categories in the order of their newest item (其他 last), items
// newest first — a record, so pins and weights do not reorder it.
// Held-back items (drafts, awaiting approval) are not in the site, so they
// are not here either.
func (d *Data) Catalogue() []CatalogueYear {
	d.rec.read(kCatalogue, "")
	return catalogue(d.graph(), d.rec)
}

// catalogue is the catalogue of s, its items as views recording into r.
func catalogue(s *site.Site, r *recorder) []CatalogueYear {
	var items []*site.Node
	for _, n := range s.Pages {
		if n.Type == page.Disclosure && !n.Date.IsZero() {
			items = append(items, n)
		}
	}
	sort.SliceStable(items, func(a, b int) bool {
		if !items[a].Date.Equal(items[b].Date) {
			return items[a].Date.After(items[b].Date)
		}
		return items[a].Path < items[b].Path
	})
	var years []CatalogueYear
	at := map[string]int{}     // year → index in years
	cat := map[[2]string]int{} // year, category → index in its year
	for _, n := range items {
		y := strconv.Itoa(n.Date.In(s.Config.Location).Year())
		name := n.Category
		if name == "" {
			name = uncategorised
		}
		i, ok := at[y]
		if !ok {
			i = len(years)
			at[y] = i
			years = append(years, CatalogueYear{Year: y})
		}
		key := [2]string{y, name}
		j, ok := cat[key]
		if !ok {
			j = len(years[i].Categories)
			cat[key] = j
			years[i].Categories = append(years[i].Categories, CatalogueCategory{Name: name})
		}
		years[i].Categories[j].Items = append(years[i].Categories[j].Items, r.view(n))
	}
	for _, y := range years {
		sort.SliceStable(y.Categories, func(a, b int) bool {
			return y.Categories[a].Name != uncategorised && y.Categories[b].Name == uncategorised
		})
	}
	return years
}

// CatalogueURL is the site path of the catalogue, for links to it.
func (d *Data) CatalogueURL() string { return site.CatalogueURL }

// ListsDisclosures says whether the file is the list of the disclosure
// section, which links to the catalogue.
func (d *Data) ListsDisclosures() bool {
	return d.Kind == "section" && page.SectionTypes[d.Page.Section()] == page.Disclosure
}

package render

import (
	"github.com/pubgen/pubgen/internal/layout"
	"github.com/pubgen/pubgen/internal/site"
)

// Job is one templated output file.
type Job struct {
	Layouts []string // candidate layout names, most specific first
	Data    *Data
}

// Plan lists every templated file of the site, in a stable order.
func Plan(s *site.Site, opts *Options) []Job {
	var jobs []Job
	add := func(d *Data, layouts ...string) {
		d.Site, d.opts = newSiteView(s, opts.Data), opts
		jobs = append(jobs, Job{Layouts: layouts, Data: d})
	}
	size := s.Config.PageSize
	home := site.Paginate(s.Pages, size, "")
	add(&Data{Page: s.Home, Pager: home[0], Kind: "home", File: "index.html", Title: s.Config.Title},
		"index.html", "_default/home.html", "_default/list.html")
	for _, sec := range s.Sections {
		typ := sec.Index.Type
		if len(sec.Pages) > 0 {
			typ = sec.Pages[0].Type
		}
		for _, p := range site.Paginate(sec.Pages, size, sec.URL) {
			add(&Data{Page: sec.Index, Pager: p, Kind: "section", File: site.OutputFile(p.URL), Title: sec.Index.Title},
				typ+"/list.html", sec.Name+"/list.html", "_default/list.html")
		}
	}
	for _, n := range s.Pages {
		add(&Data{Page: n, Kind: "page", File: n.File(), Title: n.Title},
			n.Type+"/single.html", n.Section+"/single.html", "_default/single.html")
	}
	for _, t := range []*site.Taxonomy{s.Branches, s.Tags, s.Years} {
		add(&Data{Page: s.Home, Taxonomy: t, Kind: "taxonomy", File: site.OutputFile(t.URL)},
			t.Name+"/taxonomy.html", "_default/taxonomy.html")
		for _, term := range t.Terms {
			for _, p := range site.Paginate(term.Pages, size, term.URL) {
				add(&Data{Page: s.Home, Taxonomy: t, Term: term, Pager: p, Kind: "term", File: site.OutputFile(p.URL), Title: term.Name},
					t.Name+"/term.html", "_default/term.html", "_default/list.html")
			}
		}
	}
	for _, a := range s.Aliases() {
		add(&Data{Page: a.Target, Target: a.Target, Kind: "alias", File: site.OutputFile(a.URL), Title: a.Target.Title}, "alias.html")
	}
	add(&Data{Page: s.Home, Kind: "search", File: "search/index.html", Title: "搜索"}, "search.html")
	add(&Data{Page: s.Home, Kind: "stats", File: "stats/index.html", Title: "数据统计"}, "stats.html")
	add(&Data{Page: s.Home, Kind: "catalogue", File: site.OutputFile(site.CatalogueURL), Title: "党务公开目录"}, "catalogue.html")
	add(&Data{Page: s.Home, Kind: "404", File: "404.html", Title: "404"}, "404.html")
	return jobs
}

// LayoutSources names, for each templated output, the file of the layout
// it is rendered from, so an author can see whether the site's layouts/ or
// the theme's won. Jobs without a layout are left out (Run reports them).
func LayoutSources(l *layout.Layouts, jobs []Job) map[string]string {
	out := make(map[string]string, len(jobs))
	for _, j := range jobs {
		if name, ok := l.Lookup(j.Layouts...); ok {
			out[j.Data.File] = l.Source(name)
		}
	}
	return out
}

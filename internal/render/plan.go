package render

import (
	"github.com/pubgen/pubgen/internal/layout"
	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/site"
)

// Job is one templated output file.
type Job struct {
	Layouts []string // candidate layout names, most specific first
	Data    *Data
	// From names the file when the site graph does not (the site's own
	// pages: search, statistics, catalogue, 404), for messages about its
	// address; zero for the graph's pages, lists, terms and aliases.
	From site.Origin
}

// Plan lists every templated file of the site, in a stable order. Each
// job has its own recorder: the views it is handed write into it.
func Plan(s *site.Site, opts *Options) []Job {
	var jobs []Job
	type parts struct {
		page, target *site.Node
		pager        *site.Pager
		tax          *site.Taxonomy
		term         *site.Term
	}
	add := func(p parts, kind, file, title string, layouts ...string) *Job {
		r := &recorder{}
		d := &Data{Site: &SiteView{s: s, data: opts.Data, rec: r}, Page: r.view(p.page), Target: r.view(p.target), Pager: r.pager(p.pager),
			Kind: kind, File: file, Title: title, opts: opts, rec: r}
		if p.tax != nil {
			d.Taxonomy = &TaxonomyView{t: p.tax, rec: r}
		}
		if p.term != nil {
			d.Term = r.term(p.tax.Name, p.term)
		}
		jobs = append(jobs, Job{Layouts: layouts, Data: d})
		return &jobs[len(jobs)-1]
	}
	size := s.Config.PageSize
	home := site.PagerAt(s.Pages, size, "", 1)
	add(parts{page: s.Home, pager: home}, "home", "index.html", s.Config.Title,
		"index.html", "_default/home.html", "_default/list.html")
	for _, sec := range s.Sections {
		typ := sec.Index.Type
		if len(sec.Pages) > 0 {
			typ = sec.Pages[0].Type
		}
		for _, p := range site.Paginate(sec.Pages, size, sec.URL) {
			add(parts{page: sec.Index, pager: p}, "section", site.OutputFile(p.URL), sec.Index.Title,
				typ+"/list.html", sec.Name+"/list.html", "_default/list.html")
		}
	}
	for _, n := range s.Pages {
		add(parts{page: n}, "page", n.File(), n.Title,
			n.Type+"/single.html", n.Section+"/single.html", "_default/single.html")
	}
	for _, t := range []*site.Taxonomy{s.Branches, s.Tags, s.Years} {
		add(parts{page: s.Home, tax: t}, "taxonomy", site.OutputFile(t.URL), "",
			t.Name+"/taxonomy.html", "_default/taxonomy.html")
		for _, term := range t.Terms {
			for _, p := range site.Paginate(term.Pages, size, term.URL) {
				add(parts{page: s.Home, tax: t, term: term, pager: p}, "term", site.OutputFile(p.URL), term.Name,
					t.Name+"/term.html", "_default/term.html", "_default/list.html")
			}
		}
	}
	for _, a := range s.Aliases() {
		add(parts{page: a.Target, target: a.Target}, "alias", site.OutputFile(a.URL), a.Target.Title, "alias.html")
	}
	own := func(kind, file, title, layout string, name msg.Key) {
		add(parts{page: s.Home}, kind, file, title, layout).From = site.Origin{Name: name}
	}
	own("search", "search/index.html", "搜索", "search.html", msg.OriginSearchPage)
	own("stats", "stats/index.html", "数据统计", "stats.html", msg.OriginStatsPage)
	own("catalogue", site.OutputFile(site.CatalogueURL), "党务公开目录", "catalogue.html", msg.OriginCatalogue)
	own("404", "404.html", "404", "404.html", msg.Origin404)
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

package pipeline

import (
	"strings"

	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/publish"
	"github.com/pubgen/pubgen/internal/search"
	"github.com/pubgen/pubgen/internal/site"
)

// checkOutputs runs every output path but the search shards through
// site.CheckOutputs, each with who makes it. The shards' folder is kept for
// them instead, as check makes no shards: so check and build see the same
// paths, and whatever would fail at publish fails at check first.
func checkOutputs(s *site.Site, entries []publish.Entry, assets []publish.Entry) error {
	theme := map[string]bool{}
	for _, a := range assets {
		theme[a.Path] = true
	}
	claims := []site.Claim{{Path: search.ExportDir, From: site.Origin{Name: msg.OriginSearchIndex}}}
	used := map[string]int{} // how many rendered entries at a path were given an origin
	for _, e := range entries {
		var o site.Origin
		switch {
		case e.SrcPath != "":
			o = site.Origin{File: e.SrcPath}
		case theme[e.Path]:
			o = site.Origin{Name: msg.OriginThemeFile, Arg: e.Path}
		default:
			// Two rendered entries at one path take the site graph's
			// origins first, then the site's own page of that name.
			cands := append(s.Origins(e.Path), generated(e.Path)...)
			i := used[e.Path]
			used[e.Path]++
			o = site.Origin{Name: msg.OriginGenerated}
			if i < len(cands) {
				o = cands[i]
			}
		}
		claims = append(claims, site.Claim{Path: e.Path, From: o})
	}
	var l diag.List = site.CheckOutputs(claims)
	return l.Err(false)
}

// generated names the files render makes by itself, whatever the content
// (see render.Plan and outputs.Feeds).
func generated(p string) []site.Origin {
	o := site.Origin{}
	switch {
	case p == "search/index.html":
		o.Name = msg.OriginSearchPage
	case p == "stats/index.html":
		o.Name = msg.OriginStatsPage
	case p == site.OutputFile(site.CatalogueURL):
		o.Name = msg.OriginCatalogue
	case p == "404.html":
		o.Name = msg.Origin404
	case p == "sitemap.xml":
		o.Name = msg.OriginSitemap
	case p == "robots.txt":
		o.Name = msg.OriginRobots
	case strings.HasSuffix(p, "/index.xml"):
		o.Name, o.Arg = msg.OriginFeed, strings.TrimSuffix(p, "index.xml")
	default:
		return nil
	}
	return []site.Origin{o}
}

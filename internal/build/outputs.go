package build

import (
	"strings"

	"github.com/pubgen/pubgen/internal/diag"
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
	claims := []site.Claim{{Path: search.ExportDir, From: site.Origin{Name: "the search index (搜索索引)"}}}
	used := map[string]int{} // how many rendered entries at a path were given an origin
	for _, e := range entries {
		var o site.Origin
		switch {
		case e.SrcPath != "":
			o = site.Origin{File: e.SrcPath}
		case theme[e.Path]:
			o = site.Origin{Name: "the theme's " + e.Path}
		default:
			// Two rendered entries at one path take the site graph's
			// origins first, then the site's own page of that name.
			cands := append(s.Origins(e.Path), generated(e.Path)...)
			i := used[e.Path]
			used[e.Path]++
			o = site.Origin{Name: "a generated file"}
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
	name := ""
	switch {
	case p == "search/index.html":
		name = "the search page (搜索页)"
	case p == "stats/index.html":
		name = "the statistics page (数据统计)"
	case p == site.OutputFile(site.CatalogueURL):
		name = "the disclosure catalogue (党务公开目录)"
	case p == "404.html":
		name = "the 404 page"
	case p == "sitemap.xml":
		name = "the sitemap"
	case p == "robots.txt":
		name = "robots.txt"
	case strings.HasSuffix(p, "/index.xml"):
		name = "the Atom feed of " + strings.TrimSuffix(p, "index.xml")
	default:
		return nil
	}
	return []site.Origin{{Name: name}}
}

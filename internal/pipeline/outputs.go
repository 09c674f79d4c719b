package pipeline

import (
	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/publish"
	"github.com/pubgen/pubgen/internal/search"
	"github.com/pubgen/pubgen/internal/site"
)

// checkOutputs runs every output path but the search shards through
// site.CheckOutputs, each with who makes it. The shards' folder is kept for
// them instead, as check makes no shards: so check and build see the same
// paths, and whatever would fail at publish fails at check first. entries
// are the rendered and copied files, assets the theme's; own are
// the claims of the files the site graph does not know, as the producers
// that make them name them (render.Job.From, outputs.Feeds). A session's
// memo m answers for claims it checked before (nil: check every time).
func checkOutputs(s *site.Site, entries []publish.Entry, assets []publish.Entry, own []site.Claim, m *site.ClaimsMemo) error {
	named := make(map[string]site.Origin, len(own))
	for _, c := range own {
		named[c.Path] = c.From
	}
	// Sized for every output at once: the list and the map (below)
	// growing step by step were a third of the check's time on every
	// rebuild of 10,000 pages.
	claims := make([]site.Claim, 0, 1+len(assets)+len(entries))
	claims = append(claims, site.Claim{Path: search.ExportDir, From: site.Origin{Name: msg.OriginSearchIndex}})
	for _, a := range assets {
		claims = append(claims, site.Claim{Path: a.Path, From: site.Origin{Name: msg.OriginThemeFile, Arg: a.Path}})
	}
	used := make(map[string]int, len(entries)) // how many rendered entries at a path were given an origin
	for _, e := range entries {
		var o site.Origin
		switch {
		case e.SrcPath != "":
			o = site.Origin{File: e.SrcPath}
		default:
			// Two rendered entries at one path take the site graph's
			// origins first, then the producer's name for the site's own
			// file there.
			cands := s.Origins(e.Path)
			if n, ok := named[e.Path]; ok {
				cands = append(cands[:len(cands):len(cands)], n)
			}
			i := used[e.Path]
			used[e.Path]++
			o = site.Origin{Name: msg.OriginGenerated}
			if i < len(cands) {
				o = cands[i]
			}
		}
		claims = append(claims, site.Claim{Path: e.Path, From: o})
	}
	var l diag.List = site.CheckOutputsVia(claims, m)
	return l.Err(false)
}

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
	// Sized for every output at once: the list growing step by step was a
	// third of the check's time on every rebuild of 10,000 pages.
	paths := make([]string, 0, 1+len(assets)+len(entries))
	paths = append(paths, search.ExportDir)
	for _, a := range assets {
		paths = append(paths, a.Path)
	}
	for _, e := range entries {
		paths = append(paths, e.Path)
	}
	origins := func(at []int) []site.Origin {
		out := make([]site.Origin, len(at))
		used := map[string]int{} // how many rendered entries at a path were given an origin
		for k, i := range at {
			switch {
			case i == 0:
				out[k] = site.Origin{Name: msg.OriginSearchIndex}
			case i <= len(assets):
				out[k] = site.Origin{Name: msg.OriginThemeFile, Arg: assets[i-1].Path}
			default:
				out[k] = entryOrigin(s, entries[i-1-len(assets)], named, used)
			}
		}
		return out
	}
	var l diag.List = site.CheckClaimsVia(site.Claims{Paths: paths, Origins: origins}, m)
	return l.Err(false)
}

// entryOrigin is who makes the rendered or copied file e. Two rendered
// entries at one path take the site graph's origins first, then the
// producer's name for the site's own file there: used counts the entries
// at each path given an origin so far.
func entryOrigin(s *site.Site, e publish.Entry, named map[string]site.Origin, used map[string]int) site.Origin {
	if e.SrcPath != "" {
		return site.Origin{File: e.SrcPath}
	}
	cands := s.Origins(e.Path)
	if n, ok := named[e.Path]; ok {
		cands = append(cands[:len(cands):len(cands)], n)
	}
	i := used[e.Path]
	used[e.Path]++
	if i < len(cands) {
		return cands[i]
	}
	return site.Origin{Name: msg.OriginGenerated}
}

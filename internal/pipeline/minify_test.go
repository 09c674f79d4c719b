package pipeline

import (
	"bytes"
	"path"
	"strings"
	"testing"

	"github.com/pubgen/pubgen/internal/minify"
	"github.com/pubgen/pubgen/internal/search"
)

// minifySite makes every kind of output a type the stage knows: pages,
// lists, terms and the site's own pages (HTML), the theme's and the site's
// assets (CSS, JS, SVG), feeds and the sitemap (XML, with base_url), the
// search engine (JS) and shards.
const minifySite = minimal + `
-- pubgen.toml --
title = "测试门户"
base_url = "https://dj.example.com/"
-- content/notices/a.md --
---
title: 支部党员大会通知
date: 2024-07-01
tags: [党建]
meeting: {kind: 党课, start: 2024-07-05 14:30, end: 2024-07-05 16:00, location: 会议室, host: 王书记}
---
请  全体   党员   参加。
-- assets/site-extra.css --
/* the site's own stylesheet */
.extra  {
  color :  red ;
}
-- assets/mark.svg --
<svg xmlns="http://www.w3.org/2000/svg"  width="10"  height="10">
  <!-- a mark -->
  <rect width="10" height="10" />
</svg>
`

// TestEveryOutputMinified builds the same site with and without minifying
// and holds every file made in memory of a type minify knows to the
// minifier's answer for its unminified bytes: a producer whose files
// bypassed the one stage (or went through it twice) fails here. Asset
// names carry the hash of the minified bytes, so the unminified build's
// names are mapped to the minified build's before comparing. The search
// shards are data, left as the encoder wrote them: the same bytes in both.
func TestEveryOutputMinified(t *testing.T) {
	fsys := siteFS(t, minifySite)
	raw, err := Run(fsys, Options{Now: demoNow, NoMinify: true})
	if err != nil {
		t.Fatal(err)
	}
	res, err := Run(fsys, Options{Now: demoNow})
	if err != nil {
		t.Fatal(err)
	}
	plain := func(p string) string { return assetHash.ReplaceAllString(p, ".$1") }
	rawByName := map[string][]byte{}
	var names []string // old → new asset names, for strings.NewReplacer
	newName := map[string]string{}
	for _, e := range res.Entries {
		newName[plain(e.Path)] = e.Path
	}
	for _, e := range raw.Entries {
		rawByName[plain(e.Path)] = e.Data
		if n := newName[plain(e.Path)]; n != e.Path && n != "" {
			names = append(names, path.Base(e.Path), path.Base(n))
		}
	}
	rename := strings.NewReplacer(names...)
	m := minify.New()
	changed := map[string]int{} // by extension: files the stage made smaller
	engine := false
	for _, e := range res.Entries {
		if e.Src != nil || !minify.Supports(e.Path) {
			continue
		}
		before, ok := rawByName[plain(e.Path)]
		if !ok {
			t.Errorf("%s: not in the unminified build", e.Path)
			continue
		}
		if isShard(e.Path) {
			if !bytes.Equal(e.Data, before) {
				t.Errorf("%s: search shard changed by minifying", e.Path)
			}
			continue
		}
		want, err := m.File(e.Path, []byte(rename.Replace(string(before))))
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(e.Data, want) {
			t.Errorf("%s: not what the minify stage makes of it:\n got %.200q\nwant %.200q", e.Path, e.Data, want)
		}
		if len(e.Data) < len(before) {
			changed[path.Ext(e.Path)]++
			engine = engine || e.Path == search.EnginePath()
		}
	}
	// Each kind must have been there and been minified, or the test
	// proves nothing about it.
	for _, ext := range []string{".html", ".css", ".js", ".svg", ".xml"} {
		if changed[ext] == 0 {
			t.Errorf("no %s file was minified", ext)
		}
	}
	if !engine {
		t.Errorf("the search engine %s was not minified", search.EnginePath())
	}
	for _, p := range []string{"notices/index.xml", "sitemap.xml", "notices/a/index.html", "search/index.html", "404.html"} {
		if _, ok := rawByName[p]; !ok {
			t.Errorf("%s not built", p)
		}
	}
}

// isShard reports whether p is one of the search index's exported data
// files (not the engine, not the search page).
func isShard(p string) bool {
	return strings.HasPrefix(p, search.ExportDir) && p != search.EnginePath() && p != "search/index.html"
}

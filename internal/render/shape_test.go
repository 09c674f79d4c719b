package render

import (
	"testing"
	"testing/fstest"
	"time"

	"github.com/pubgen/pubgen/internal/config"
	"github.com/pubgen/pubgen/internal/layout"
	"github.com/pubgen/pubgen/internal/page"
	"github.com/pubgen/pubgen/internal/site"
)

// shapedKeys are the shaped reads (shaped) a template could make of
// either site: every list and lookup, of everything either holds, and of
// some names neither does.
func shapedKeys(sites ...*site.Site) []key {
	ks := []key{{kSitePages, ""}, {kSitePlain, ""}, {kHome, ""}, {kSections, ""}, {kOpen, ""}, {kCatalogue, ""}, {kStats, ""},
		{kSection, "nosuch"}, {kBySource, "content/none.md"}, {kByURL, "none/"}, {kTermURL, pair("tags", "无")}}
	for _, typ := range []string{page.Notice, page.Disclosure, page.Study, page.Showcase, page.Plain} {
		ks = append(ks, key{kTypeTitle, typ})
	}
	for _, s := range sites {
		for _, sec := range s.Sections {
			ks = append(ks, key{kSection, sec.Name}, key{kSecIndex, sec.Name}, key{kSecPages, sec.Name}, key{kLatest, pair(sec.Name, "1")}, key{kLatest, pair(sec.Name, "5")})
		}
		for _, t := range []*site.Taxonomy{s.Branches, s.Tags, s.Years} {
			ks = append(ks, key{kTaxTerms, t.Name})
			for _, term := range t.Terms {
				ks = append(ks, key{kTermPages, pair(t.Name, term.Name)}, key{kTermURL, pair(t.Name, term.Name)})
				if t == s.Branches {
					ks = append(ks, key{kLedger, term.Name})
				}
			}
		}
		nodes := append([]*site.Node{s.Home}, s.Pages...)
		for _, sec := range s.Sections {
			nodes = append(nodes, sec.Index)
		}
		for _, n := range nodes {
			ks = append(ks, key{kBySource, n.Path}, key{kByURL, n.URL})
		}
	}
	for _, k := range ks {
		if !shaped(k.kind) {
			panic("not a shaped kind: " + k.String())
		}
	}
	return ks
}

// TestShapeVersionCoversSiteReads: for edits of every part of a page, of
// its place, of the settings and of the clock, no shaped read changes
// version while the site's shape version stays the same — a session keeps
// such a key's old version without working it out, so a miss here is a
// stale list, statistics page or ledger. A body edit must leave the shape
// alone (that is what the shortcut is for), and the edits are checked to
// change some shaped key, so the test can fail both ways.
func TestShapeVersionCoversSiteReads(t *testing.T) {
	type pages = map[string]*page.Page
	base := ownerSite(t, func(ps pages, _ *config.Config, _ *time.Time, _ map[string][]string) {
		ps["n"].Branch = "第一支部"
		ps["d"].Category = "党费收缴"
	})
	moved := 0
	for _, c := range shapeEdits() {
		t.Run(c.name, func(t *testing.T) {
			edited := ownerSite(t, func(ps pages, cfg *config.Config, now *time.Time, b map[string][]string) {
				ps["n"].Branch = "第一支部"
				ps["d"].Category = "党费收缴"
				c.edit(ps, cfg, now, b)
			})
			was, now := NewVersions(base, &Options{}, nil, nil), NewVersions(edited, &Options{}, nil, nil)
			same := was.shapeVersion() == now.shapeVersion()
			changed := 0
			for _, k := range shapedKeys(base, edited) {
				if was.compute(k) == now.compute(k) {
					continue
				}
				changed++
				if same {
					t.Errorf("%s: the version of %v changed, the shape version did not", c.name, k)
				}
			}
			if changed > 0 {
				moved++
			}
			if c.name == "body" || c.name == "bundle file" {
				if !same {
					t.Errorf("%s changed the shape version: a body edit would work out every list again", c.name)
				}
			}
		})
	}
	if moved < 10 {
		t.Errorf("only %d edits changed a shaped read: the edits test little", moved)
	}
}

type shapeEdit struct {
	name string
	edit func(ps map[string]*page.Page, cfg *config.Config, now *time.Time, bundles map[string][]string)
}

// shapeEdits are edits of every part of a page, of its place, of the
// settings and of the clock, the first two leaving the shape alone.
func shapeEdits() []shapeEdit {
	type pages = map[string]*page.Page
	return []shapeEdit{
		{"body", func(ps pages, _ *config.Config, _ *time.Time, _ map[string][]string) {
			ps["a"].Body = []byte("新的正文，长一些长一些长一些长一些长一些长一些长一些长一些长一些长一些")
		}},
		{"bundle file", func(ps pages, _ *config.Config, _ *time.Time, b map[string][]string) {
			b["content/study/c"] = append(b["content/study/c"], "图.png")
		}},
		{"title", func(ps pages, _ *config.Config, _ *time.Time, _ map[string][]string) { ps["a"].Title = "新标题" }},
		{"slug", func(ps pages, _ *config.Config, _ *time.Time, _ map[string][]string) { ps["a"].Slug = "first" }},
		{"date", func(ps pages, _ *config.Config, _ *time.Time, _ map[string][]string) {
			ps["a"].Date = ps["a"].Date.AddDate(0, 0, 10)
		}},
		{"year", func(ps pages, _ *config.Config, _ *time.Time, _ map[string][]string) {
			ps["x"].Date = ps["x"].Date.AddDate(-1, 0, 0)
		}},
		{"tags", func(ps pages, _ *config.Config, _ *time.Time, _ map[string][]string) {
			ps["x"].Tags = []string{"学习"}
		}},
		{"branch", func(ps pages, _ *config.Config, _ *time.Time, _ map[string][]string) { ps["a"].Branch = "第一支部" }},
		{"category", func(ps pages, _ *config.Config, _ *time.Time, _ map[string][]string) {
			ps["d"].Category = "发展党员"
		}},
		{"meeting", func(ps pages, _ *config.Config, _ *time.Time, _ map[string][]string) {
			ps["n"].Meeting.Start = ps["n"].Meeting.Start.AddDate(0, -2, 0)
		}},
		{"weight", func(ps pages, _ *config.Config, _ *time.Time, _ map[string][]string) { ps["b"].Weight = 1 }},
		{"draft", func(ps pages, _ *config.Config, _ *time.Time, _ map[string][]string) { ps["b"].Draft = true }},
		{"new page", func(ps pages, _ *config.Config, _ *time.Time, _ map[string][]string) {
			ps["e"] = &page.Page{Path: "content/showcases/e.md", Kind: page.KindPage, Section: "showcases", Type: page.Showcase, Title: "新", Date: ps["b"].Date}
		}},
		{"section index", func(ps pages, _ *config.Config, _ *time.Time, _ map[string][]string) {
			ps["i"] = &page.Page{Path: "content/study/_index.md", Kind: page.KindSection, Section: "study", Type: page.Study, Title: "学习园地"}
		}},
		{"publicity opens", func(_ pages, _ *config.Config, now *time.Time, _ map[string][]string) { *now = now.AddDate(0, 0, -2) }},
		{"pin ends", func(_ pages, _ *config.Config, now *time.Time, _ map[string][]string) { *now = now.AddDate(0, 0, 4) }},
		{"zone", func(_ pages, cfg *config.Config, _ *time.Time, _ map[string][]string) {
			cfg.Location = time.FixedZone("UTC+9", 9*3600)
		}},
		{"page size", func(_ pages, cfg *config.Config, _ *time.Time, _ map[string][]string) { cfg.PageSize = 1 }},
		{"ledger rules", func(_ pages, cfg *config.Config, _ *time.Time, _ map[string][]string) {
			cfg.Ledger.Rules = nil
		}},
	}
}

// jobLayouts is a theme with a template for every job Plan makes; extra
// is added to the list page.
func jobLayouts(t *testing.T, extra string) *layout.Layouts {
	t.Helper()
	fsys := fstest.MapFS{}
	for _, name := range []string{"_default/single.html", "_default/list.html", "_default/taxonomy.html", "_default/term.html",
		"alias.html", "index.html", "search.html", "stats.html", "catalogue.html", "404.html"} {
		fsys["themes/default/layouts/"+name] = &fstest.MapFile{Data: []byte(name)}
	}
	fsys["themes/default/layouts/_default/list.html"].Data = []byte("list" + extra)
	l, err := layout.Load(fsys, "default", "zh-CN", Funcs(time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// TestJobsVersionCoversJobVersions: for the edits of
// TestShapeVersionCoversSiteReads and a template's, no job of the same
// file changes version while jobsVersion stays the same — a session takes
// each job's last version on its word — and a body edit leaves it alone.
func TestJobsVersionCoversJobVersions(t *testing.T) {
	type pages = map[string]*page.Page
	common := func(ps pages, _ *config.Config, _ *time.Time, _ map[string][]string) {
		ps["n"].Branch = "第一支部"
		ps["a"].Aliases = []string{"old/a"}
	}
	base, l := ownerSite(t, common), jobLayouts(t, "")
	edits := append(shapeEdits(), shapeEdit{"template", nil})
	moved := 0
	for _, c := range edits {
		t.Run(c.name, func(t *testing.T) {
			el := l
			edited := base
			if c.edit == nil {
				el = jobLayouts(t, "（改）")
			} else {
				edited = ownerSite(t, func(ps pages, cfg *config.Config, now *time.Time, b map[string][]string) {
					common(ps, cfg, now, b)
					c.edit(ps, cfg, now, b)
				})
			}
			opts := &Options{Pretty: true}
			was, now := NewVersions(base, opts, l, nil), NewVersions(edited, opts, el, nil)
			versions := func(v *Versions, s *site.Site, l *layout.Layouts) map[string][32]byte {
				out := map[string][32]byte{}
				for _, j := range Plan(s, opts) {
					name, ok := l.Lookup(j.Layouts...)
					if !ok {
						t.Fatalf("no layout for %s", j.Data.File)
					}
					out[j.Data.File] = v.jobVersion(j, name)
				}
				return out
			}
			before, after := versions(was, base, l), versions(now, edited, el)
			same := was.jobsVersion() == now.jobsVersion()
			changed := 0
			for file, a := range after {
				if b, ok := before[file]; ok && a != b {
					changed++
					if same {
						t.Errorf("%s: the job of %s changed version, jobsVersion did not", c.name, file)
					}
				}
			}
			if changed > 0 {
				moved++
			}
			if (c.name == "body" || c.name == "bundle file") && !same {
				t.Errorf("%s changed jobsVersion: a body edit would work out every job's version again", c.name)
			}
		})
	}
	if moved < 5 {
		t.Errorf("only %d edits changed a job's version: the edits test little", moved)
	}
}

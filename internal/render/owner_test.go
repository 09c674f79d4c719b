package render

import (
	"encoding/json"
	"html/template"
	"testing"
	"time"

	"github.com/pubgen/pubgen/internal/config"
	"github.com/pubgen/pubgen/internal/page"
	"github.com/pubgen/pubgen/internal/site"
)

// ownerSite is a site with a page of every kind a page read can see
// change: a meeting, a publicity period, a series, a pin with an end, a
// bundle, tags shared for related pages, made by edit from the same
// pages, at now.
func ownerSite(t *testing.T, edit func(ps map[string]*page.Page, cfg *config.Config, now *time.Time, bundles map[string][]string)) *site.Site {
	t.Helper()
	cfg := config.Default()
	day := time.Date(2026, 7, 1, 0, 0, 0, 0, cfg.Location)
	now := day.AddDate(0, 0, 3)
	mk := func(path, section, typ, title string, date time.Time, tags ...string) *page.Page {
		return &page.Page{Path: path, Kind: page.KindPage, Section: section, Type: typ, Title: title, Date: date, Tags: tags, Body: []byte(title + "的正文")}
	}
	ps := map[string]*page.Page{
		"n": mk("content/notices/n.md", "notices", page.Notice, "通知", day, "学习"),
		"d": mk("content/disclosures/d.md", "disclosures", page.Disclosure, "公示", day, "公开"),
		"a": mk("content/study/a.md", "study", page.Study, "第一讲", day, "学习"),
		"b": mk("content/study/b.md", "study", page.Study, "第二讲", day.AddDate(0, 0, 1), "学习"),
		"c": mk("content/study/c/index.md", "study", page.Study, "第三讲", day.AddDate(0, 0, 2)),
		"p": mk("content/study/p.md", "study", page.Study, "置顶", day.AddDate(0, 0, -5)),
		"x": mk("content/about.md", "", page.Plain, "关于", day),
	}
	ps["n"].Meeting = &page.Meeting{Kind: "党课", Start: day.AddDate(0, 0, 5), Location: "会议室"}
	ps["d"].Publicity = &page.Period{Start: day.AddDate(0, 0, 2), End: day.AddDate(0, 0, 9)}
	ps["d"].Review = &page.Review{ProposedBy: "甲", ReviewedBy: "乙", ApprovedBy: "丙", ApprovedOn: day}
	ps["a"].Series, ps["a"].Order = "党史", 1
	ps["b"].Series, ps["b"].Order = "党史", 2
	ps["c"].Bundle, ps["c"].BundleDir = true, "content/study/c"
	ps["p"].Pinned, ps["p"].PinnedUntil = true, day.AddDate(0, 0, 6)
	bundles := map[string][]string{"content/study/c": {"讲义.pdf"}}
	ps["c"].Attachments = []page.File{{File: "讲义.pdf", Title: "讲义"}}
	if edit != nil {
		edit(ps, cfg, &now, bundles)
	}
	var pages []*page.Page
	for _, p := range ps {
		// What parsing guarantees: the Sum changes with every field.
		b, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		p.Sum = page.Version(p.Path, b, cfg.Location)
		pages = append(pages, p)
	}
	s, l := site.Build(cfg, pages, bundles, site.Options{Now: now})
	if l.HasErrors(false) {
		t.Fatal(l)
	}
	for _, n := range s.Pages {
		n.Content = template.HTML("<p>" + string(n.Body) + "</p>")
		n.PlainText = string(n.Body)
	}
	return s
}

// TestOwnerVersionCoversPageReads: for edits of every part of a page and
// of its place in the site, a key about one page (owned) never changes
// version while its page's owner version stays the same — a session keeps
// such a key's old version without working it out, so a miss here is a
// stale output. The edits are checked to change some key, and each to
// leave some page's owner version alone, so the test can fail both ways.
func TestOwnerVersionCoversPageReads(t *testing.T) {
	type pages = map[string]*page.Page
	type edit = func(ps pages, cfg *config.Config, now *time.Time, bundles map[string][]string)
	base := ownerSite(t, nil)
	for _, c := range []struct {
		name string
		edit edit
	}{
		{"title", func(ps pages, _ *config.Config, _ *time.Time, _ map[string][]string) { ps["a"].Title = "新标题" }},
		{"body", func(ps pages, _ *config.Config, _ *time.Time, _ map[string][]string) {
			ps["a"].Body = []byte("新的正文，长一些长一些长一些长一些长一些长一些长一些长一些长一些长一些长一些长一些长一些长一些长一些长一些长一些长一些长一些长一些长一些长一些长一些长一些长一些长一些长一些长一些长一些")
		}},
		{"slug", func(ps pages, _ *config.Config, _ *time.Time, _ map[string][]string) { ps["a"].Slug = "first" }},
		{"date", func(ps pages, _ *config.Config, _ *time.Time, _ map[string][]string) {
			ps["a"].Date = ps["a"].Date.AddDate(0, 0, 10)
		}},
		{"tags", func(ps pages, _ *config.Config, _ *time.Time, _ map[string][]string) {
			ps["x"].Tags = []string{"学习"}
		}},
		{"series order", func(ps pages, _ *config.Config, _ *time.Time, _ map[string][]string) { ps["a"].Order = 3 }},
		{"new page", func(ps pages, _ *config.Config, _ *time.Time, _ map[string][]string) {
			ps["e"] = &page.Page{Path: "content/study/e.md", Kind: page.KindPage, Section: "study", Type: page.Study, Title: "新", Date: ps["b"].Date.AddDate(0, 0, 1), Series: "党史", Order: 9}
		}},
		{"bundle file", func(ps pages, _ *config.Config, _ *time.Time, b map[string][]string) {
			b["content/study/c"] = append(b["content/study/c"], "图.png")
		}},
		{"publicity opens", func(_ pages, _ *config.Config, now *time.Time, _ map[string][]string) { *now = now.AddDate(0, 0, -2) }},
		{"meeting starts", func(_ pages, _ *config.Config, now *time.Time, _ map[string][]string) {
			*now = now.AddDate(0, 0, 2).Add(time.Hour)
		}},
		{"pin ends", func(_ pages, _ *config.Config, now *time.Time, _ map[string][]string) { *now = now.AddDate(0, 0, 4) }},
		{"zone", func(_ pages, cfg *config.Config, _ *time.Time, _ map[string][]string) {
			cfg.Location = time.FixedZone("UTC+9", 9*3600)
		}},
	} {
		t.Run(c.name, func(t *testing.T) {
			edited := ownerSite(t, c.edit)
			was, now := NewVersions(base, &Options{}, nil, nil), NewVersions(edited, &Options{}, nil, nil)
			paths := map[string]bool{}
			for p := range was.allNodes() {
				paths[p] = true
			}
			for p := range now.allNodes() {
				paths[p] = true
			}
			wasOwners, nowOwners := was.ownerVersions(), now.ownerVersions()
			changedKeys, kept := 0, 0
			for p := range paths {
				a, inA := wasOwners[p]
				b, inB := nowOwners[p]
				same := inA && inB && a == b
				if same {
					kept++
				}
				for k := kMeta; k < kThumb; k++ {
					key := key{k, p}
					if _, ok := owned(key); !ok {
						t.Fatalf("%v: kind %d before kThumb is not owned", key, k)
					}
					if was.compute(key) == now.compute(key) {
						continue
					}
					changedKeys++
					if same {
						t.Errorf("%s: the version of kind %d of %s changed, its owner version did not", c.name, k, p)
					}
				}
			}
			if changedKeys == 0 {
				t.Errorf("%s changed no page's reads: the edit tests nothing", c.name)
			}
			if kept == 0 && c.name != "zone" {
				t.Errorf("%s changed every page's owner version: nothing would be reused", c.name)
			}
		})
	}
}

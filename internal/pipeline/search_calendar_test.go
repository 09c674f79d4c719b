package pipeline

import (
	"net/url"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/pubgen/pubgen/internal/browsertest"
	"github.com/pubgen/pubgen/internal/publish"
)

// listedPage is one line of a term page (a year's or a branch's list), as
// the site shows it: the output path it links to, the day it shows (not
// for a disclosure, which shows its 公示期), and a disclosure's status.
type listedPage struct {
	url, day, status string
}

var (
	listItemRE   = regexp.MustCompile(`(?s)<li class="?item[^>]*>(.*?)</li>`)
	listHrefRE   = regexp.MustCompile(`class="?item-title"? href="?([^" >]+)`)
	listDayRE    = regexp.MustCompile(`<span class="?item-date"?><time datetime="?[^" >]+"?>([0-9-]+)</time>`)
	listStatusRE = regexp.MustCompile(`class="?badge status status-([a-z]+)`)
	yearPageRE   = regexp.MustCompile(`^years/([0-9]+)/index\.html$`)
)

// termList reads the list of the term page dir/index.html in out.
func termList(t *testing.T, out map[string]string, dir string) map[string]listedPage {
	t.Helper()
	html, ok := out[dir+"/index.html"]
	if !ok {
		t.Fatalf("the site has no %s/index.html", dir)
	}
	list := map[string]listedPage{}
	for _, m := range listItemRE.FindAllStringSubmatch(html, -1) {
		h := listHrefRE.FindStringSubmatch(m[1])
		if h == nil {
			t.Fatalf("%s: an item without a link: %s", dir, m[1])
		}
		l := listedPage{url: path.Join(dir, h[1])}
		if d := listDayRE.FindStringSubmatch(m[1]); d != nil {
			l.day = d[1]
		}
		if s := listStatusRE.FindStringSubmatch(m[1]); s != nil {
			l.status = s[1]
		}
		list[l.url] = l
	}
	return list
}

// calendarArchive is the calendar site with its time zone set.
func calendarArchive(t *testing.T, zone string) string {
	t.Helper()
	b, err := os.ReadFile("testdata/search/calendar.txtar")
	if err != nil {
		t.Fatal(err)
	}
	return strings.ReplaceAll(string(b), "ZONE", zone)
}

// TestSearchCalendarBrowser holds search.js to the site's own calendar,
// in a browser whose clock is in yet another zone (Honolulu, west of both
// sites' zones): the year facet has the years of the site's year pages,
// each counting and, chosen, listing exactly that page's pages; the branch
// facet the branch pages' counts; every result, on the search page and in
// the header's suggestions, shows the day the site's lists show; and a
// disclosure's status is the badge they show.
func TestSearchCalendarBrowser(t *testing.T) {
	ctx := browsertest.New(t)
	if _, err := chromedp.Call(ctx, emulation.SetTimezoneOverride, emulation.SetTimezoneOverrideParams{TimezoneID: "Pacific/Honolulu"}); err != nil {
		t.Fatal(err)
	}
	if _, err := chromedp.Call(ctx, emulation.SetFocusEmulationEnabled, emulation.SetFocusEmulationEnabledParams{Enabled: true}); err != nil {
		t.Fatal(err)
	}
	b := tab{t, ctx}
	for _, zone := range []string{"Asia/Shanghai", "America/New_York"} {
		t.Logf("site in %s", zone)
		res, err := Run(siteFS(t, calendarArchive(t, zone)), Options{Now: demoNow.AddDate(0, 1, 9)})
		if err != nil {
			t.Fatalf("build: %v", err)
		}
		dir := filepath.Join(t.TempDir(), "public")
		if _, err := publish.Publish(dir, res.Entries); err != nil {
			t.Fatal(err)
		}
		out := buildOutputs(t, res)
		root := (&url.URL{Scheme: "file", Path: filepath.ToSlash(dir) + "/"}).String()
		checkCalendar(t, b, out, root)
	}
}

func buildOutputs(t *testing.T, res *Result) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, e := range res.Entries {
		if e.Src == nil {
			out[e.Path] = string(e.Data)
		}
	}
	return out
}

// shownResult is a result as the browser shows it: the page it opens
// and the texts of its meta line.
type shownResult struct {
	URL  string
	Meta []string
}

const shownResults = `[...document.querySelectorAll(%s)].map(li => ({URL: (li.dataset.href || li.querySelector('a').href).slice(%d), Meta: [...li.querySelectorAll('.search-result-meta span')].map(s => s.className + ' ' + s.textContent)}))`

func checkCalendar(t *testing.T, b tab, out map[string]string, root string) {
	t.Helper()
	var years []string
	byURL := map[string]listedPage{}
	for p := range out {
		if m := yearPageRE.FindStringSubmatch(p); m != nil {
			years = append(years, m[1])
			for u, l := range termList(t, out, "years/"+m[1]) {
				byURL[u] = l
			}
		}
	}
	slices.Sort(years)
	if len(years) < 2 || len(byURL) != 7 {
		t.Fatalf("the site's year pages %q list %d pages, want two years and all 7", years, len(byURL))
	}

	b.open(root + "search/index.html?q=" + url.QueryEscape("党建"))
	b.wait("the results", `(document.querySelector('.search-summary') || {}).textContent === '找到 7 条结果'`)
	facets := map[string]map[string]string{}
	var fs []struct{ Facet, Value, Label string }
	b.value(`[...document.querySelectorAll('.search-facet-value')].filter(e => e.dataset.value).map(e => ({Facet: e.dataset.facet, Value: e.dataset.value, Label: e.textContent}))`, &fs)
	for _, f := range fs {
		if facets[f.Facet] == nil {
			facets[f.Facet] = map[string]string{}
		}
		facets[f.Facet][f.Value] = f.Label
	}
	var shownYears []string
	for y := range facets["year"] {
		shownYears = append(shownYears, y)
	}
	slices.Sort(shownYears)
	if !slices.Equal(shownYears, years) {
		t.Errorf("year facet %q, the site has year pages %q", shownYears, years)
	}
	results := func(sel string) []shownResult {
		var r []shownResult
		b.value(strings.Replace(strings.Replace(shownResults, "%s", js(t, sel), 1), "%d", strconv.Itoa(len(root)), 1), &r)
		return r
	}
	checkShown := func(where string, got []shownResult, want map[string]listedPage) {
		t.Helper()
		var g, w []string
		for _, r := range got {
			g = append(g, r.URL)
			l, ok := byURL[r.URL]
			if !ok {
				continue
			}
			if l.day != "" && !slices.ContainsFunc(r.Meta, func(m string) bool { return strings.HasSuffix(m, " "+l.day) }) {
				t.Errorf("%s: %s shows %q, the site's lists show %s", where, r.URL, r.Meta, l.day)
			}
			if l.status != "" && !slices.ContainsFunc(r.Meta, func(m string) bool { return strings.HasPrefix(m, "search-status search-status-"+l.status+" ") }) {
				t.Errorf("%s: %s shows %q, the site's lists show status %s", where, r.URL, r.Meta, l.status)
			}
		}
		for u := range want {
			w = append(w, u)
		}
		slices.Sort(g)
		slices.Sort(w)
		if !slices.Equal(g, w) {
			t.Errorf("%s lists\n%q\nthe site's page lists\n%q", where, g, w)
		}
	}
	checkShown("the search page", results("#search-results .search-result"), byURL)
	for _, y := range years {
		want := termList(t, out, "years/"+y)
		if l := facets["year"][y]; !strings.HasSuffix(l, "("+strconv.Itoa(len(want))+")") {
			t.Errorf("year facet %s reads %q, the year page lists %d", y, l, len(want))
		}
		b.do(chromedp.Click(`[data-facet=year][data-value="` + y + `"]`))
		b.wait("the "+y+" results", `new URLSearchParams(location.search).get('year') === `+js(t, y)+` && document.querySelector('.search-summary').textContent === `+js(t, "找到 "+strconv.Itoa(len(want))+" 条结果"))
		checkShown("year "+y, results("#search-results .search-result"), want)
	}
	for _, slug := range []string{"first", "second"} {
		name := map[string]string{"first": "第一党支部", "second": "第二党支部"}[slug]
		want := termList(t, out, "branches/"+slug)
		if l := facets["branch"][name]; !strings.HasSuffix(l, "("+strconv.Itoa(len(want))+")") {
			t.Errorf("branch facet %s reads %q, the branch page lists %d", name, l, len(want))
		}
	}

	// The header's suggestions show the same days.
	b.open(root + "index.html")
	b.do(chromedp.Focus(`form.search-form input[name=q]`), chromedp.SendKeys(`form.search-form input[name=q]`, "党建"))
	b.wait("the suggestions", `document.querySelectorAll('.search-dropdown:not([hidden]) [role=option]').length === 7`)
	checkShown("the suggestions", results(".search-dropdown [role=option]"), byURL)
}

package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"
)

// calendarSite writes the site of the calendar tests, whose pages sit on
// the edges of days and years, with its time zone set to zone.
func calendarSite(t *testing.T, zone string) string {
	t.Helper()
	b, err := os.ReadFile("../../internal/pipeline/testdata/search/calendar.txtar")
	if err != nil {
		t.Fatal(err)
	}
	files := map[string]string{}
	for _, f := range txtar.Parse(b).Files {
		files[f.Name] = strings.ReplaceAll(string(f.Data), "ZONE", zone)
	}
	return writeSite(t, files)
}

// listed is one line of a year or branch page, as the site shows it.
type listed struct {
	url, day, status string
}

var (
	itemRE   = regexp.MustCompile(`(?s)<li class="?item[^>]*>(.*?)</li>`)
	hrefRE   = regexp.MustCompile(`class="?item-title"? href="?([^" >]+)`)
	dayRE    = regexp.MustCompile(`<span class="?item-date"?><time datetime="?[^" >]+"?>([0-9-]+)</time>`)
	statusRE = regexp.MustCompile(`class="?badge status status-([a-z]+)`)
)

// termPage reads the list of a term page (public/<dir>/index.html): the
// pages it lists, as output paths, with the day each shows and, for a
// disclosure, its status badge.
func termPage(t *testing.T, site, dir string) map[string]listed {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(site, "public", filepath.FromSlash(dir), "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]listed{}
	for _, m := range itemRE.FindAllStringSubmatch(string(b), -1) {
		h := hrefRE.FindStringSubmatch(m[1])
		if h == nil {
			t.Fatalf("%s: an item without a link: %s", dir, m[1])
		}
		l := listed{url: path.Join(dir, h[1])}
		if d := dayRE.FindStringSubmatch(m[1]); d != nil {
			l.day = d[1]
		}
		if s := statusRE.FindStringSubmatch(m[1]); s != nil {
			l.status = s[1]
		}
		out[l.url] = l
	}
	if len(out) == 0 {
		t.Fatalf("%s lists no pages", dir)
	}
	return out
}

// cliHit is one result of pubgen search --json.
type cliHit struct {
	URL, Type, Status, Day, Year string
	Date                         string
}

func searchJSON(t *testing.T, site string, args ...string) []cliHit {
	t.Helper()
	var out, errOut bytes.Buffer
	if code := run(append([]string{"search", "--source", site, "--json", "--limit", "100"}, args...), &out, &errOut); code != 0 {
		t.Fatalf("search %q: %s", args, errOut.String())
	}
	var hits []cliHit
	if err := json.Unmarshal(out.Bytes(), &hits); err != nil {
		t.Fatalf("--json output: %v\n%s", err, out.String())
	}
	return hits
}

// TestSearchCalendar holds pubgen search to the site's own calendar, with
// the site's year and branch pages as the oracle: --year Y finds exactly
// the pages the year page Y lists, --branch exactly those of the branch's
// page; each result's day is the day those pages show, its date carries
// the site's offset, and a disclosure's status is the badge they show. A
// zone east of UTC and one west of it turn a UTC calendar wrong both ways.
func TestSearchCalendar(t *testing.T) {
	for _, zone := range []string{"Asia/Shanghai", "America/New_York"} {
		t.Run(strings.ReplaceAll(zone, "/", "_"), func(t *testing.T) {
			loc, err := time.LoadLocation(zone)
			if err != nil {
				t.Fatal(err)
			}
			site := calendarSite(t, zone)
			var out, errOut bytes.Buffer
			if code := run([]string{"build", "--source", site, "--now", "2026-01-03"}, &out, &errOut); code != 0 {
				t.Fatalf("build: %s", errOut.String())
			}
			all := searchJSON(t, site, "党建")
			if len(all) != 7 {
				t.Fatalf("党建 finds %d pages, want all 7", len(all))
			}
			shown := map[string]listed{}
			var years []string
			for _, h := range all {
				if !slices.Contains(years, h.Year) {
					years = append(years, h.Year)
				}
			}
			for _, y := range years {
				want := termPage(t, site, "years/"+y)
				got := searchJSON(t, site, "党建", "--year", y)
				checkListed(t, "--year "+y, got, want)
				for u, l := range want {
					shown[u] = l
				}
			}
			if len(shown) != len(all) {
				t.Errorf("the year pages list %d pages, search finds %d", len(shown), len(all))
			}
			for _, slug := range []string{"first", "second"} {
				want := termPage(t, site, "branches/"+slug)
				name := map[string]string{"first": "第一党支部", "second": "第二党支部"}[slug]
				checkListed(t, "--branch "+name, searchJSON(t, site, "党建", "--branch", name), want)
			}
			for _, h := range all {
				l := shown[h.URL]
				if h.Day != l.day && h.Type != "disclosure" {
					t.Errorf("%s: search shows %s, the site's pages %s", h.URL, h.Day, l.day)
				}
				if h.Status != l.status {
					t.Errorf("%s: search says status %q, the site's pages %q", h.URL, h.Status, l.status)
				}
				d, err := time.Parse(time.RFC3339, h.Date)
				if err != nil {
					t.Errorf("%s: date %q: %v", h.URL, h.Date, err)
					continue
				}
				_, want := d.In(loc).Zone()
				if _, off := d.Zone(); off != want || !strings.HasPrefix(h.Date, h.Day+"T") {
					t.Errorf("%s: date %q, want the site's offset and day %s", h.URL, h.Date, h.Day)
				}
			}
		})
	}
}

// checkListed compares what a filtered search finds with a term page.
func checkListed(t *testing.T, what string, got []cliHit, want map[string]listed) {
	t.Helper()
	var g, w []string
	for _, h := range got {
		g = append(g, h.URL)
	}
	for u := range want {
		w = append(w, u)
	}
	slices.Sort(g)
	slices.Sort(w)
	if !slices.Equal(g, w) {
		t.Errorf("search 党建 %s finds\n%q\nthe site's page lists\n%q", what, g, w)
	}
}

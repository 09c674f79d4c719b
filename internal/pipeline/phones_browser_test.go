package pipeline

import (
	"context"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/pubgen/pubgen/internal/browsertest"
	"github.com/pubgen/pubgen/internal/page"
	"github.com/pubgen/pubgen/internal/publish"
)

// phoneWidths are the narrowest screens readers use: small Android phones
// and WeChat's browser on them (320), the common Android width (360) and
// recent iPhones (390).
var phoneWidths = []int64{320, 360, 390}

// TestPhones checks the demo portal as phones show it, on one build and
// one browser: every page at each phone width, the meetings' weekdays and
// the contacts' links, and the statistics page's chart labels.
func TestPhones(t *testing.T) {
	ctx := browsertest.New(t)
	out := filepath.Join(t.TempDir(), "public")
	// With a search cache, so the search page has an index to answer from.
	res, err := Run(os.DirFS(demoSite(t, nil)), Options{Now: demoNow, SearchCache: t.TempDir()})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := publish.Publish(out, res.Entries); err != nil {
		t.Fatal(err)
	}
	t.Run("widths", func(t *testing.T) { phonePages(t, ctx, out) })
	t.Run("meeting details", func(t *testing.T) { meetingDetails(t, ctx, out, res) })
	t.Run("chart labels", func(t *testing.T) { chartLabels(t, ctx, out) })
}

// phonePages opens every page of the built demo portal, and the search
// page with results, at each phone width: none may scroll sideways, and
// no date may break across lines (a <time> or a nowrap part of one on two
// lines is what 2026年12 / 月9日 looked like).
func phonePages(t *testing.T, ctx context.Context, out string) {
	var files []string
	err := filepath.WalkDir(out, func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.HasSuffix(p, ".html") {
			// Alias pages only redirect; they have nothing to lay out.
			if b, _ := os.ReadFile(p); !strings.Contains(string(b), `http-equiv="refresh"`) && !strings.Contains(string(b), `http-equiv=refresh`) {
				rel, _ := filepath.Rel(out, p)
				files = append(files, filepath.ToSlash(rel))
			}
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(files) < 100 {
		t.Fatalf("only %d pages found in the demo site", len(files))
	}
	t.Logf("%d pages at %v px", len(files), phoneWidths)
	files = append(files, "search/index.html?q="+url.QueryEscape("党费"))
	p := themePage{t, ctx}
	const check = `(function(){
	  var bad = [];
	  var w = document.documentElement.scrollWidth, vw = window.innerWidth;
	  if (w > vw) {
	    var wide = [...document.querySelectorAll("body *")].filter(e => e.getBoundingClientRect().right > vw + 0.5 && getComputedStyle(e).position !== "absolute").slice(-1)[0];
	    bad.push("scrolls sideways: " + w + " px" + (wide ? " (" + wide.tagName.toLowerCase() + "." + wide.className + ": " + (wide.textContent || "").slice(0, 30) + ")" : ""));
	  }
	  for (const el of document.querySelectorAll("time:not(.datetime), .nw")) {
	    if (el.closest("[hidden], .visually-hidden") || el.getClientRects().length === 0) continue;
	    var lines = new Set([...el.getClientRects()].map(r => Math.round(r.top)));
	    if (lines.size > 1) bad.push("date broken across lines: " + el.textContent);
	  }
	  // A table cell may wrap its text, but not inside a number or a date
	  // (2025- / 03): the table scrolls or stacks instead.
	  for (const cell of document.querySelectorAll("td, th")) {
	    if (cell.closest("[hidden], .visually-hidden")) continue;
	    var walk = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT), n;
	    while ((n = walk.nextNode())) {
	      for (const m of n.data.matchAll(/\d{4}年\d{1,2}月(\d{1,2}日)?|\d{1,2}月\d{1,2}日|[0-9A-Za-z][0-9A-Za-z.:\-\/]*[0-9A-Za-z]/g)) {
	        var r = document.createRange();
	        r.setStart(n, m.index);
	        r.setEnd(n, m.index + m[0].length);
	        var tops = new Set([...r.getClientRects()].map(x => Math.round(x.top)));
	        if (tops.size > 1) bad.push("table cell breaks " + m[0]);
	      }
	    }
	  }
	  return bad.join("; ");
	})()`
	for _, f := range files {
		p.do(chromedp.EmulateViewport(phoneWidths[0], 800))
		if strings.Contains(f, "?q=") {
			p.do(chromedp.Navigate("about:blank")) // a page differing only in its query is loaded anew
		}
		p.do(chromedp.Navigate("file://" + filepath.ToSlash(out) + "/" + f))
		if strings.Contains(f, "?q=") {
			waitFor(t, ctx, `document.querySelectorAll("#search-results .search-result").length > 0`)
		}
		for _, w := range phoneWidths {
			if w != phoneWidths[0] {
				p.do(chromedp.EmulateViewport(w, 800))
			}
			if bad := eval[string](p, check); bad != "" {
				t.Errorf("%s at %d px: %s", f, w, bad)
			}
		}
	}
}

// meetingDetails: a meeting's date carries the right weekday, checked by
// the browser's own calendar in the site's zone, not by the Go code that
// wrote it; phone numbers of hosts and disclosure contacts, and those in
// the text, are tel: links and email addresses mailto: links.
func meetingDetails(t *testing.T, ctx context.Context, out string, res *Result) {
	p := themePage{t, ctx}
	p.do(chromedp.EmulateViewport(1280, 800))
	meetings, tels := 0, 0
	for _, n := range res.Site.Pages {
		if n.Meeting == nil && n.Contact == nil {
			continue
		}
		p.do(chromedp.Navigate("file://" + filepath.ToSlash(out) + "/" + n.File()))
		bad := eval[string](p, fmt.Sprintf(`(function(){
		  var bad = [];
		  var fmt = new Intl.DateTimeFormat("zh-CN", {weekday: "long", timeZone: %q});
		  for (const t of document.querySelectorAll(".meeting time.datetime")) {
		    var m = t.textContent.match(/^(\d{4})年(\d{1,2})月(\d{1,2})日（(星期.)）(\d\d:\d\d)?$/);
		    if (!m) { if (t.textContent.indexOf("年") >= 0) bad.push("no weekday: " + t.textContent); continue; }
		    var want = fmt.format(new Date(t.getAttribute("datetime")));
		    if (m[4] !== want) bad.push(t.textContent + " is a " + want);
		  }
		  return bad.join("; ");
		})()`, res.Site.Config.Location.String()))
		if bad != "" {
			t.Errorf("%s: %s", n.File(), bad)
		}
		if n.Meeting != nil && !n.Meeting.Start.IsZero() {
			meetings++
		}
		// A number in the text (反映方式: 电话0571-8765 2100) dials too.
		if left := eval[string](p, `(function(){
		  var out = [], walk = document.createTreeWalker(document.querySelector(".prose"), NodeFilter.SHOW_TEXT), n;
		  while ((n = walk.nextNode())) {
		    if (n.parentElement.closest("a, code, pre")) continue;
		    var m = n.data.match(/0\d{2,3}-\d{4} ?\d{4}/);
		    if (m) out.push(m[0]);
		  }
		  return out.join(", ");
		})()`); left != "" {
			t.Errorf("%s: numbers in the text that do not dial: %s", n.File(), left)
		}
		// Every number written as a phone is a link that dials it.
		links := eval[string](p, `[...document.querySelectorAll(".meeting dd a[href^='tel:'], .contact a[href^='tel:'], .contact a[href^='mailto:']")].map(a => a.getAttribute("href") + "=" + a.textContent).join(" ")`)
		for _, want := range phoneLinks(n.Contact, n.Meeting) {
			if !strings.Contains(" "+links+" ", " "+want+" ") {
				t.Errorf("%s: no link %s among %q", n.File(), want, links)
			}
			tels++
		}
	}
	if meetings < 20 || tels < 20 {
		t.Errorf("checked %d meetings and %d contact links; the demo has more", meetings, tels)
	}
}

// phoneLinks are the links a page's contact and meeting host must show, as
// href=text, read from the demo's way of writing them: a contact phone is
// the whole field, a host's number follows 电话.
func phoneLinks(c *page.Contact, m *page.Meeting) []string {
	digits := func(s string) string {
		return strings.Map(func(r rune) rune {
			if r >= '0' && r <= '9' {
				return r
			}
			return -1
		}, s)
	}
	var out []string
	if c != nil && c.Phone != "" {
		out = append(out, "tel:"+digits(c.Phone)+"="+c.Phone)
	}
	if c != nil && c.Email != "" {
		out = append(out, "mailto:"+c.Email+"="+c.Email)
	}
	if m != nil {
		if _, num, ok := strings.Cut(m.Host, "电话 "); ok {
			num, _, _ = strings.Cut(num, "）")
			out = append(out, "tel:"+digits(num)+"="+num)
		}
	}
	return out
}

// chartLabels: on a 360 px phone every label of the statistics page's
// charts shows at 11 px or more. An SVG's text scales with its drawing, so
// the size is the font size times the drawing's scale on screen, measured
// from each label's transform to the screen.
func chartLabels(t *testing.T, ctx context.Context, out string) {
	p := themePage{t, ctx}
	for _, w := range []int64{360, 1280} {
		p.do(chromedp.EmulateViewport(w, 800))
		p.do(chromedp.Navigate("file://" + filepath.ToSlash(out) + "/stats/index.html"))
		sizes := eval[[]float64](p, `[...document.querySelectorAll(".stats svg text")].map(e => parseFloat(getComputedStyle(e).fontSize) * e.getScreenCTM().a)`)
		if len(sizes) < 20 {
			t.Fatalf("at %d px: only %d chart labels", w, len(sizes))
		}
		smallest, largest := sizes[0], sizes[0]
		for _, s := range sizes {
			smallest, largest = min(smallest, s), max(largest, s)
		}
		if smallest < 11 {
			t.Errorf("at %d px: chart labels down to %.1f px, want at least 11", w, smallest)
		}
		if largest > 20 {
			t.Errorf("at %d px: chart labels up to %.1f px, want at most 20", w, largest)
		}
		t.Logf("at %d px: chart labels %.1f–%.1f px", w, smallest, largest)
		if ov := eval[string](p, `[...document.querySelectorAll(".stats svg text")].filter(e => { var r = e.getBoundingClientRect(), s = e.ownerSVGElement.getBoundingClientRect(); return r.left < s.left - 0.5 || r.right > s.right + 0.5; }).map(e => e.textContent).join(", ")`); ov != "" {
			t.Errorf("at %d px: labels outside their chart: %s", w, ov)
		}
	}
}

package pipeline

import (
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pubgen/pubgen/internal/site"
)

// pinsSite pins six pages whose pins stand or have ended at demoNow
// (2026-11-25 20:00 in Shanghai) for each of the ways a pin ends.
const pinsSite = minimal + `
-- content/notices/until-past.md --
---
title: 置顶到昨天
date: 2026-11-01
pinned: true
pinned_until: 2026-11-24
---
-- content/notices/until-today.md --
---
title: 置顶到今天
date: 2026-11-02
pinned: true
pinned_until: 2026-11-25
---
-- content/notices/until-evening.md --
---
title: 置顶到今天傍晚
date: 2026-11-03
pinned: true
pinned_until: 2026-11-25 18:00
---
-- content/notices/held.md --
---
title: 会议已召开
date: 2026-11-04
pinned: true
meeting:
  kind: 支委会
  start: 2026-11-20 14:00
  end: 2026-11-20 16:00
---
-- content/notices/coming.md --
---
title: 会议将召开
date: 2026-11-05
pinned: true
meeting:
  kind: 党课
  start: 2026-12-10 14:30
  end: 2026-12-10 16:00
---
-- content/notices/plain.md --
---
title: 普通通知
date: 2026-11-06
---
-- content/disclosures/closed.md --
---
title: 公示已结束
date: 2026-11-01
pinned: true
category: 发展党员公示
publicity: {start: 2026-11-01, end: 2026-11-10}
contact: {phone: 0571-87652100}
review: {proposed_by: 支部委员会, reviewed_by: 党委办公室, approved_by: 党委, approved_on: 2026-10-30}
---
-- content/disclosures/open.md --
---
title: 公示进行中
date: 2026-11-20
pinned: true
category: 发展党员公示
publicity: {start: 2026-11-20, end: 2026-11-30}
contact: {phone: 0571-87652100}
review: {proposed_by: 支部委员会, reviewed_by: 党委办公室, approved_by: 党委, approved_on: 2026-10-30}
---
`

// TestPinsEnd builds a site whose pins end by pinned_until (a date, which
// pins through that day, or a time), by a meeting held and by a publicity
// period closed: only the pins still standing at build time are shown
// first and badged, the others take their place by date; each standing pin
// that ends carries the instant for status.js, and the end is a scheduled
// change, so serve and build --watch rebuild when it comes.
func TestPinsEnd(t *testing.T) {
	res, err := Run(siteFS(t, strings.Replace(pinsSite, "page_size = 2", "page_size = 20", 1)), Options{Now: demoNow})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range res.Entries {
		out[e.Path] = string(e.Data)
	}
	list := out["notices/index.html"]
	if got, want := itemTitles(list), []string{"会议将召开", "置顶到今天", "普通通知", "会议已召开", "置顶到今天傍晚", "置顶到昨天"}; !slices.Equal(got, want) {
		t.Errorf("notices list:\n got %q\nwant %q (standing pins first, then by date)", got, want)
	}
	if got := pinnedTitles(list); !slices.Equal(got, []string{"会议将召开", "置顶到今天"}) {
		t.Errorf("badged 置顶 in the notices list: %q, want the two standing pins", got)
	}
	if got := pinnedTitles(out["disclosures/index.html"]); !slices.Equal(got, []string{"公示进行中"}) {
		t.Errorf("badged 置顶 in the disclosures list: %q, want the open one only", got)
	}
	wantContains(t, out, "notices/index.html",
		`data-pin-end="2026-11-26T00:00:00+08:00"><span class="item-head"><span class="badge badge-pin">置顶</span><a class="item-title" href="until-today/index.html">`,
		`data-pin-end="2026-12-10T16:00:00+08:00"><span class="item-head"><span class="badge badge-pin">置顶</span><a class="item-title" href="coming/index.html">`)
	wantContains(t, out, "disclosures/index.html", `data-pin-end="2026-12-01T00:00:00+08:00"`)
	if n := strings.Count(list, "data-pin-end"); n != 2 {
		t.Errorf("%d items of the notices list carry data-pin-end, want 2 (ended pins carry none)", n)
	}

	var ends []string
	for _, c := range res.Site.Schedule() {
		if c.What == site.ChangePinEnd {
			ends = append(ends, c.At.In(res.Site.Config.Location).Format(time.RFC3339)+" "+c.File)
		}
	}
	want := []string{
		"2026-11-26T00:00:00+08:00 content/notices/until-today.md",
		"2026-12-01T00:00:00+08:00 content/disclosures/open.md",
		"2026-12-10T16:00:00+08:00 content/notices/coming.md",
	}
	if !slices.Equal(ends, want) {
		t.Errorf("scheduled pin ends:\n got %q\nwant %q", ends, want)
	}

	// Built again when the first pin has ended, the list is in date order
	// but for the last pin standing.
	res, err = Run(siteFS(t, strings.Replace(pinsSite, "page_size = 2", "page_size = 20", 1)), Options{Now: time.Date(2026, 11, 26, 0, 0, 0, 0, res.Site.Config.Location)})
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range res.Entries {
		if e.Path == "notices/index.html" {
			if got := pinnedTitles(string(e.Data)); !slices.Equal(got, []string{"会议将召开"}) {
				t.Errorf("at the end of 置顶到今天's pin, badged: %q", got)
			}
		}
	}
}

// TestPinnedUntilWithoutPin is an author's half-done edit: an error at the
// line, not a guess.
func TestPinnedUntilWithoutPin(t *testing.T) {
	msgs := buildErrors(t, minimal+"-- content/notices/a.md --\n---\ntitle: 通知\ndate: 2026-11-01\npinned_until: 2026-12-01\n---\n")
	if want := "content/notices/a.md:4:15: pinned_until: 写了置顶截止日期，但页面没有置顶。请在旁边加一行 pinned: true"; !strings.Contains(msgs, want) {
		t.Errorf("got\n%s\nwant %s", msgs, want)
	}
}

var (
	itemRE   = regexp.MustCompile(`<a class="?item-title"? href="?([^"> ]+)"?>(?:<span class="?showcase-title"?>)?([^<]*)`)
	pinnedRE = regexp.MustCompile(`<span class="?badge badge-pin"?>[^<]*</span><a class="?item-title"? href="?[^"> ]+"?>([^<]*)`)
)

// itemTitles lists the titles of the items of a list page, in order.
func itemTitles(html string) []string {
	var out []string
	for _, m := range itemRE.FindAllStringSubmatch(html, -1) {
		out = append(out, m[2])
	}
	return out
}

func pinnedTitles(html string) []string {
	var out []string
	for _, m := range pinnedRE.FindAllStringSubmatch(html, -1) {
		out = append(out, m[1])
	}
	return out
}

// TestNoItemTwiceOnAPage builds the demo portal and reads every HTML page:
// no page lists the same item twice (a pinned item is not repeated in
// the list below it, a pinned disclosure in its publicity period is not
// both pinned and 公示中).
func TestNoItemTwiceOnAPage(t *testing.T) {
	res, err := Run(os.DirFS(demoSite(t, nil)), Options{Now: demoNow})
	if err != nil {
		t.Fatal(err)
	}
	lists := 0
	for _, e := range res.Entries {
		if !strings.HasSuffix(e.Path, ".html") {
			continue
		}
		seen := map[string]bool{}
		items := itemRE.FindAllStringSubmatch(string(e.Data), -1)
		for _, m := range items {
			if seen[m[1]] {
				t.Errorf("%s lists %s (%s) twice", e.Path, m[1], m[2])
			}
			seen[m[1]] = true
		}
		if len(items) > 0 {
			lists++
		}
		if e.Path == "index.html" {
			if n := len(pinnedRE.FindAllString(string(e.Data), -1)); n < 3 {
				t.Errorf("the home page badges %d pinned items; the demo pins at least 3 at its build date", n)
			}
			if len(items) < 15 {
				t.Errorf("the home page lists %d items; the regexp no longer reads the lists", len(items))
			}
		}
	}
	if lists < 20 {
		t.Errorf("only %d pages with lists read", lists)
	}
}

package pipeline

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/pubgen/pubgen/internal/diag"
)

// TestDatesAsPeopleWriteThem builds a site whose pages write dates the
// ways people do, and finds each page dated as meant: the same day, the
// meeting at 14:30, and a page with a full-width publish time published
// from that minute on, not before.
func TestDatesAsPeopleWriteThem(t *testing.T) {
	forms := []string{"2026-12-03", "2026-12-3", "2026/12/03", "2026.12.03", "2026年12月3日", "２０２６年１２月３日", "2026年12月3日 09:00"}
	var site strings.Builder
	site.WriteString(minimal)
	for i, f := range forms {
		fmt.Fprintf(&site, "-- content/notices/n%d.md --\n---\ntitle: 通知%d\ndate: %s\n---\n", i, i, f)
	}
	site.WriteString("-- content/notices/meeting.md --\n---\ntitle: 会议\ndate: 2026年12月1日\nmeeting:\n  kind: 党课\n  start: 2026年12月3日 14:30\n  end: 2026-12-3 １６：００\n---\n")
	site.WriteString("-- content/notices/later.md --\n---\ntitle: 定时通知\ndate: 2026-12-01\npublish_date: ２０２６年１２月３日　１４：３０\n---\n")
	shanghai, _ := time.LoadLocation("Asia/Shanghai")
	before := buildSite(t, site.String(), Options{Now: time.Date(2026, 12, 3, 14, 29, 0, 0, shanghai)})
	for i := range forms {
		wantContains(t, before, fmt.Sprintf("notices/n%d/index.html", i), `datetime="2026-12-03T`)
	}
	wantContains(t, before, "notices/meeting/index.html", `datetime="2026-12-03T14:30:00+08:00"`, `datetime="2026-12-03T16:00:00+08:00"`)
	wantAbsent(t, before, "notices/later/index.html")
	after := buildSite(t, site.String(), Options{Now: time.Date(2026, 12, 3, 14, 30, 0, 0, shanghai)})
	wantContains(t, after, "notices/later/index.html", "定时通知")
}

// TestImpossibleDateShowsToday: the example in a date message is the
// build's today, in the site's zone (Shanghai is a day ahead of UTC here).
func TestImpossibleDateShowsToday(t *testing.T) {
	_, err := Run(siteFS(t, minimal+"-- content/notices/a.md --\n---\ntitle: 通知\ndate: 2026-02-30\n---\n"), Options{Now: time.Date(2026, 12, 3, 20, 0, 0, 0, time.UTC)})
	want := "content/notices/a.md:3:7: date: 2026 年 2 月没有 30 日（这个月只有 28 天）。请检查日期，例如：date: 2026-12-04\n共 1 处错误。"
	if err == nil || err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}
}

// TestMessagesInEnglish: language = "en" gives the catalogue's English
// texts, the count line included; the prefix is the same.
func TestMessagesInEnglish(t *testing.T) {
	site := strings.Replace(minimal, "title = \"测试门户\"", "title = \"测试门户\"\nlanguage = \"en\"", 1) +
		"-- content/notices/a.md --\n---\ntitle：通知\ndate: 2026-12-03\n---\n" +
		"-- content/notices/b.md --\n---\ntitle: 通知\ndate: 2026-02-30\nmeetng: {kind: 党课}\n---\n"
	_, err := Run(siteFS(t, site), Options{Now: demoNow})
	want := "content/notices/a.md:2:6: title: uses a full-width colon \"：\" after the field name (want an ASCII colon and a space: title: 通知)\n" +
		"content/notices/b.md:3:7: date: 2026-02 has no day 30 (it has 28 days; want e.g. date: 2026-11-25)\n" +
		"content/notices/b.md:4:1: meetng: unknown field (did you mean meeting?)\n" +
		"3 error(s)"
	if _, ok := err.(*diag.Errors); !ok || err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}
}

// TestBrokenConfigInEnglish: a pubgen.toml that cannot be read still has
// its problems told in the language it asks for.
func TestBrokenConfigInEnglish(t *testing.T) {
	_, err := Run(siteFS(t, "-- pubgen.toml --\nlanguage = \"en\"\npage_sise = 10\n"), Options{Now: demoNow})
	if want := "pubgen.toml:2:1: page_sise: unknown key (did you mean page_size?)\n1 error(s)"; err == nil || err.Error() != want {
		t.Errorf("got\n%v\nwant\n%s", err, want)
	}
}

// TestEveryProblemAtOnce: one build names the problems of every page and
// field together; a missing attachment or a wrong field does not hide a
// missing photo or a broken link in the text.
func TestEveryProblemAtOnce(t *testing.T) {
	got := buildErrors(t, minimal+`
-- content/study/a/index.md --
---
title: 学习
date: 2026-12-01
attachments:
  - file: 没有的.pdf
---
![合影](没有的.jpg)

[链接](../../notices/nothere.md)
-- content/showcases/s/index.md --
---
title: 展示
date: 2026-12-01
cover: 封面.jpg
gallery:
  - 合影.jpg
---
-- content/notices/b.md --
---
title: 通知
date: 2026-02-30
meetng: {kind: 党课}
---
`)
	for _, want := range []string{
		"content/notices/b.md:3:7: date: ",
		"content/notices/b.md:4:1: meetng: ",
		"content/showcases/s/index.md:4: cover: ",
		"content/showcases/s/index.md:6: gallery[0].file: ",
		"content/study/a/index.md:5: attachments[0]: ",
		"content/study/a/index.md:7: 图片“没有的.jpg”：",
		"content/study/a/index.md:9: 链接“../../notices/nothere.md”：",
		"共 7 处错误。",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("lacks %q in\n%s", want, got)
		}
	}
}

// TestFileNamesMakeCleanAddresses: a file named as office documents are
// named publishes no spaces, brackets or 终稿 in its address; a slug
// still says exactly what the address is.
func TestFileNamesMakeCleanAddresses(t *testing.T) {
	out := buildSite(t, minimal+
		"-- content/notices/12月 支部党员大会 通知（终稿）.md --\n---\ntitle: 通知\ndate: 2026-12-01\n---\n"+
		"-- content/notices/讲话稿 - 副本/index.md --\n---\ntitle: 讲话稿\ndate: 2026-12-01\n---\n"+
		"-- content/notices/学习 (2).md --\n---\ntitle: 学习\ndate: 2026-12-01\nslug: study-2\n---\n", Options{})
	wantContains(t, out, "notices/12月-支部党员大会-通知/index.html", "通知")
	wantContains(t, out, "notices/讲话稿/index.html", "讲话稿")
	wantContains(t, out, "notices/study-2/index.html", "学习")
	for p := range out {
		if strings.ContainsAny(p, " （）()") || strings.Contains(p, "终稿") || strings.Contains(p, "副本") {
			t.Errorf("%s: the file name leaked into the address", p)
		}
	}
}

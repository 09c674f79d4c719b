package page

import (
	"strings"
	"testing"
	"time"

	"github.com/pubgen/pubgen/internal/msg"
)

var shanghai, _ = time.LoadLocation("Asia/Shanghai")

// parse parses src and returns its problems in English, one a line; the
// Chinese texts are held whole by TestMistakes.
func parse(t *testing.T, file, src string) (*Page, string) {
	t.Helper()
	return parseIn(t, msg.English, file, src)
}

func parseIn(t *testing.T, lang msg.Lang, file, src string) (*Page, string) {
	t.Helper()
	p, l := Parse(file, []byte(src), shanghai)
	l.Sort()
	var msgs []string
	for _, d := range l {
		msgs = append(msgs, d.In(msg.Printer{Lang: lang}))
	}
	return p, strings.Join(msgs, "\n")
}

func TestParseNotice(t *testing.T) {
	p, msgs := parse(t, "content/notices/q3/index.md", `---
title: 关于召开第三季度支部党员大会的通知
date: 2024-07-01
branch: 机关第一党支部
tags: [三会一课, 党员大会]
pinned: true
meeting:
  kind: 支部党员大会
  start: 2024-07-05 14:30
  end: 2024-07-05 16:00
  location: 三楼会议室
attachments:
  - file: agenda.pdf
    title: 会议议程
---
正文
`)
	if p == nil {
		t.Fatalf("not parsed: %s", msgs)
	}
	if p.Type != Notice || p.Section != "notices" || !p.Bundle || p.BundleDir != "content/notices/q3" {
		t.Errorf("placement: type %q section %q bundle %v dir %q", p.Type, p.Section, p.Bundle, p.BundleDir)
	}
	want := time.Date(2024, 7, 5, 14, 30, 0, 0, shanghai)
	if p.Meeting == nil || !p.Meeting.Start.Equal(want) || p.Meeting.Kind != "支部党员大会" {
		t.Errorf("meeting = %+v, want start %v", p.Meeting, want)
	}
	if len(p.Tags) != 2 || !p.Pinned || p.Branch != "机关第一党支部" {
		t.Errorf("common fields: %+v", p)
	}
	if len(p.Attachments) != 1 || p.Attachments[0].File != "agenda.pdf" || p.Line("attachments[0]") != 13 {
		t.Errorf("attachments = %+v at line %d", p.Attachments, p.Line("attachments[0]"))
	}
	if string(p.Body) != "正文\n" || p.BodyLine != 16 {
		t.Errorf("body %q at line %d", p.Body, p.BodyLine)
	}
}

func TestParseTOMLAndLineEndings(t *testing.T) {
	p, msgs := parse(t, "content/study/a.md", "\xef\xbb\xbf+++\r\ntitle = \"学习\"\r\ndate = 2024-03-01\r\nseries = \"二十大精神\"\r\norder = 2\r\n+++\r\n正文\r\n")
	if p == nil {
		t.Fatalf("not parsed: %s", msgs)
	}
	if p.Title != "学习" || p.Series != "二十大精神" || p.Order != 2 || string(p.Body) != "正文\n" {
		t.Errorf("got %+v", p)
	}
	if !p.Date.Equal(time.Date(2024, 3, 1, 0, 0, 0, 0, shanghai)) {
		t.Errorf("date %v not in Asia/Shanghai", p.Date)
	}
}

func TestParseOnlyFrontMatter(t *testing.T) {
	p, msgs := parse(t, "content/about.md", "---\ntitle: 关于\ndate: 2024-01-01\n---\n")
	if p == nil || len(p.Body) != 0 || p.Type != Plain {
		t.Fatalf("page with only front matter: %v %s", p, msgs)
	}
}

func TestParseErrors(t *testing.T) {
	const disclosure = "content/disclosures/a.md"
	cases := []struct {
		file, src, want string
	}{
		{"content/notices/a.md", "", "content/notices/a.md:1:1: file is empty"},
		{"content/notices/a.md", "# 标题\n", "content/notices/a.md:1:1: has no front matter"},
		{"content/notices/a.md", "---\ntitle: a\n", "front matter is not closed"},
		{"content/notices/a.md", "---\ntitle: \xff\ndate: 2024-01-01\n---\n", "content/notices/a.md:2:8: is not valid UTF-8"},
		{"content/notices/a.md", "---\ntitle: a\x00\n---\n", "contains a NUL byte"},
		{"content/notices/a.md", "---\ntitle: \"unclosed\ndate: 2024-01-01\n---\n", "content/notices/a.md:2:8: title: opens a quote \" that is not closed"},
		{"content/notices/a.md", "---\ntitle: a\ndate: 2024-01-01\nmeeting: {kind: 党课, start: 2024-01-02\n---\n", "content/notices/a.md:4:10: meeting: opens { without a closing } on its line"},
		{"content/notices/a.md", "---\ntitle: a\n\tdate: 2024-01-01\n---\n", "content/notices/a.md:3:1: is indented with a tab"},
		{"content/notices/a.md", "---\ntitle: a\ntitle: b\ndate: 2024-01-01\n---\n", "content/notices/a.md:3:1: title: is written twice (first on line 2"},
		{"content/notices/a.md", "---\ntitle: a\ndate: 2024-02-30\n---\n", `content/notices/a.md:3:7: date: 2024-02 has no day 30 (it has 29 days; want e.g. date: 2026-12-04)`},
		{"content/notices/a.md", "---\ntitle: a\ndate: [2024-01-01]\n---\n", "date: is a list (want a single value)"},
		{"content/notices/a.md", "---\ntitle: a\ndate: 9999-12-31\n---\n", `content/notices/a.md:3:7: date: "9999-12-31" is outside the years 1900–2100 (want a date in that range; check the year for a typo)`},
		{"content/notices/a.md", "---\ntitle: a\ndate: 1899-12-31 23:59\n---\n", `date: "1899-12-31 23:59" is outside the years 1900–2100`},
		{"content/notices/a.md", "---\ntitle: a\ndate: 2024-01-01\npublish_date: 2101-01-01\n---\n", `content/notices/a.md:4:15: publish_date: "2101-01-01" is outside the years`},
		{"content/notices/a.md", "---\ntitle: a\ndate: 2024-01-01\nmeeting: {kind: 党课, start: 0024-01-02 10:00}\n---\n", `meeting.start: "0024-01-02 10:00" is outside the years`},
		{"content/notices/a.md", "---\ndate: 2024-01-01\n---\n", "title: is missing"},
		{"content/notices/a.md", "---\ntitle: a\n---\n", "date: is missing"},
		{"content/notices/a.md", "---\ntitle: a\ndate: 2024-01-01\nmeetng: {kind: 党课}\n---\n", "content/notices/a.md:4:1: meetng: unknown field (did you mean meeting?)"},
		{"content/notices/a.md", "---\ntitle: a\ndate: 2024-01-01\nmeeting: {kind: 茶话会, start: 2024-01-02}\n---\n", `meeting.kind: "茶话会" is not a meeting kind`},
		{"content/notices/a.md", "---\ntitle: a\ndate: 2024-01-01\nmeeting: {kind: 党课, start: 2024-01-02 10:00, end: 2024-01-02 09:00}\n---\n", "meeting.end: is before meeting.start"},
		{"content/notices/a.md", "---\ntitle: a\ndate: 2024-01-01\npublicity: {start: 2024-01-01, end: 2024-01-05}\n---\n", "publicity: unknown field (publicity belongs to disclosure pages"},
		{disclosure, "---\ntitle: a\ndate: 2024-01-01\ncontact: {phone: 0571-1}\n---\n", "content/disclosures/a.md:2:1: publicity: is missing"},
		{disclosure, "---\ntitle: a\ndate: 2024-01-01\npublicity: {start: 2024-01-01}\ncontact: {phone: 0571-1}\n---\n", "publicity.end: is missing"},
		{disclosure, "---\ntitle: a\ndate: 2024-01-01\npublicity: {start: 2024-01-05, end: 2024-01-01}\ncontact: {phone: 0571-1}\n---\n", "publicity.end: is before publicity.start"},
		{disclosure, "---\ntitle: a\ndate: 2024-01-01\npublicity: {start: 2024-01-01, end: 2024-01-05}\n---\n", "contact: is missing"},
		{disclosure, "---\ntitle: a\ndate: 2024-01-01\npublicity: {start: 2024-01-01, end: 2024-01-05}\ncontact: {email: not-an-email}\n---\n", `contact.email: "not-an-email" is not an email address`},
		{"content/showcases/a/index.md", "---\ntitle: a\ndate: 2024-01-01\n---\n", "cover: is missing"},
		{"content/notices/a.md", "---\ntitle: a\ndate: 2024-01-01\nslug: ../../etc\n---\n", `slug: "../../etc" cannot be part of a web address`},
		{"content/notices/a.md", "---\ntitle: a\ndate: 2024-01-01\naliases: [../../etc/passwd]\n---\n", `aliases[0]: "../../etc/passwd" is not a path inside the site`},
		{"content/notices/a.md", "---\ntitle: a\ndate: 2024-01-01\naliases: /a/\n---\n", "aliases: is a single value (want a list"},
		{"content/notices/a.md", "---\ntitle: a\ndate: 2024-01-01\ndraft: maybe\n---\n", `draft: "maybe" is not true or false`},
		{"content/notices/a.md", "---\ntitle: a\ndate: 2024-01-01\ntype: news\n---\n", `type: "news" is not a content type`},
		{"content/notices/a.md", "+++\ntitle = \"a\"\ndate = \"2024-13-01\"\n+++\n", `content/notices/a.md:3:8: date: 2024 has no month 13`},
		{"content/notices/a.md", "+++\ntitle = \"a\n+++\n", "front matter is not valid TOML"},
	}
	for _, c := range cases {
		p, msgs := parse(t, c.file, c.src)
		if p != nil {
			t.Errorf("%q: accepted, want error %q", c.src, c.want)
			continue
		}
		if !strings.Contains(msgs, c.want) {
			t.Errorf("%q:\ngot  %s\nwant %s", c.src, msgs, c.want)
		}
	}
}

func TestAllProblemsReported(t *testing.T) {
	_, msgs := parse(t, "content/disclosures/a.md", "---\ntitel: a\ndate: 2024-02-30\n---\n")
	for _, want := range []string{"titel: unknown field (did you mean title?)", "title: is missing", "date:", "publicity: is missing", "contact: is missing"} {
		if !strings.Contains(msgs, want) {
			t.Errorf("missing %q in\n%s", want, msgs)
		}
	}
}

func TestCleanAlias(t *testing.T) {
	cases := []struct {
		in, want string
		ok       bool
	}{
		{"/old/notice-1/", "old/notice-1", true},
		{"old/a/index.html", "old/a", true},
		{"/旧通知/", "旧通知", true},
		{"../x", "", false},
		{"/", "", false},
		{"https://evil.example/", "", false},
		{`a\b`, "", false},
	}
	for _, c := range cases {
		got, ok := CleanAlias(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("CleanAlias(%q) = %q, %v; want %q, %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("---\ntitle: 通知\ndate: 2024-07-01\nmeeting: {kind: 党课, start: 2024-07-02 09:00}\n---\n正文"))
	f.Add([]byte("+++\ntitle = \"a\"\ndate = 2024-01-01\n+++\n"))
	f.Add([]byte("---\ntitle: &a x\ndate: *a\n---\n"))
	f.Fuzz(func(t *testing.T, src []byte) {
		for _, file := range []string{"content/notices/a.md", "content/disclosures/b/index.md", "content/showcases/c.md"} {
			p, l := Parse(file, src, shanghai)
			if p == nil && !l.HasErrors(false) {
				t.Fatalf("%s: no page and no error", file)
			}
			if p != nil && (p.Title == "" || p.Date.IsZero()) {
				t.Fatalf("%s: accepted a page without title or date", file)
			}
			for _, d := range l {
				if d.File != file || d.Line < 0 {
					t.Fatalf("bad diagnostic position: %v", d)
				}
			}
		}
	})
}

// TestDateRangeEdges holds the year range inclusive at both ends, for YAML
// and for TOML's own date values.
func TestDateRangeEdges(t *testing.T) {
	for _, c := range []struct {
		src string
		ok  bool
	}{
		{"---\ntitle: a\ndate: 1900-01-01\n---\n", true},
		{"---\ntitle: a\ndate: 2100-12-31 23:59\n---\n", true},
		{"---\ntitle: a\ndate: 2101-01-01\n---\n", false},
		{"+++\ntitle = \"a\"\ndate = 2100-12-31\n+++\n", true},
		{"+++\ntitle = \"a\"\ndate = 9999-12-31\n+++\n", false},
	} {
		p, msgs := parse(t, "content/notices/a.md", c.src)
		if (p != nil) != c.ok {
			t.Errorf("%q: accepted %v, want %v (%s)", c.src, p != nil, c.ok, msgs)
		}
	}
}

// TestParsePrivacy: privacy.allow holds each number as read, whatever its
// form, in YAML and TOML alike, with each entry's line.
func TestParsePrivacy(t *testing.T) {
	for _, src := range []string{
		"---\ntitle: 通知\ndate: 2024-07-01\nprivacy:\n  allow:\n    - \"+86 138-1234-5678\"\n    - １１０１０５ １９４９１２３１ ００２ｘ\n  reason: 本人同意\n---\n",
		"+++\ntitle = \"通知\"\ndate = 2024-07-01\n[privacy]\nallow = [\n  \"+86 138-1234-5678\",\n  \"１１０１０５ １９４９１２３１ ００２ｘ\"]\nreason = \"本人同意\"\n+++\n",
	} {
		p, msgs := parse(t, "content/notices/a.md", src)
		if p == nil {
			t.Fatalf("not parsed: %s", msgs)
		}
		if pr := p.Privacy; pr == nil || strings.Join(pr.Allow, " ") != "13812345678 11010519491231002X" || pr.Reason != "本人同意" {
			t.Errorf("privacy = %+v", p.Privacy)
		}
		if p.Line("privacy.allow[0]") != 6 || p.Line("privacy.allow[1]") != 7 {
			t.Errorf("allow lines %d, %d; want 6, 7", p.Line("privacy.allow[0]"), p.Line("privacy.allow[1]"))
		}
	}
}

package pipeline

import (
	"strings"
	"testing"
)

// piiCase is one way an author can publish a number, and the message it
// must give (its key part: place, field and masked number).
type piiCase struct {
	name string
	site string // txtar, added to minimal
	want string
}

// disclosure writes a disclosure with the given extra front-matter lines
// and body; its own contact number is on line 5.
func disclosure(fm, body string) string {
	return "-- content/disclosures/a.md --\n---\ntitle: 公示\ndate: 2024-07-01\npublicity: {start: 2024-07-01, end: 2024-07-05}\ncontact: {phone: \"0571-88880000\"}\n" + fm + "---\n" + body
}

// renderedCases hide a number from a scan of the Markdown source: only
// the text as a reader sees it shows the number.
var renderedCases = []piiCase{
	{name: "emphasis inside a mobile number",
		site: notice("title: 通知\ndate: 2024-07-01\n", "第一行\n联系人138**1234**5678。\n"),
		want: "content/notices/a.md:6:4: warning: body: 页面显示的文字中像是有手机号 138****5678（源文件里"},
	{name: "character references for digits",
		site: notice("title: 通知\ndate: 2024-07-01\n", "联系人&#49;&#x33;8123456&#55;8。\n"),
		want: "content/notices/a.md:5:4: warning: body: 页面显示的文字中像是有手机号 138****5678（源文件里"},
	{name: "raw HTML tags inside a mobile number (dropped in safe mode, the digits stay)",
		site: notice("title: 通知\ndate: 2024-07-01\n", "电话138<span>1234</span>5678\n"),
		want: "content/notices/a.md:5:3: warning: body: 页面显示的文字中像是有手机号 138****5678（源文件里"},
	{name: "code span inside an ID number",
		site: notice("title: 通知\ndate: 2024-07-01\n", "身份证号110105`1949`1231002X\n"),
		want: "content/notices/a.md:5:5: warning: body: 页面显示的文字中像是有身份证号 1101**********002X（源文件里"},
	{name: "backslash escapes",
		site: notice("title: 通知\ndate: 2024-07-01\n", "电话138\\-1234\\-5678\n"),
		want: "content/notices/a.md:5:3: warning: body: 页面显示的文字中像是有手机号 138****5678（源文件里"},
	{name: "a line break inside the number",
		site: notice("title: 通知\ndate: 2024-07-01\n", "正文\n\n联系人138 1234\n5678。\n"),
		want: "content/notices/a.md:7:4: warning: body: 页面显示的文字中像是有手机号 138****5678（源文件里"},
	{name: "a number over three lines",
		site: notice("title: 通知\ndate: 2024-07-01\n", "正文\n\n联系人138\n1234\n5678。\n"),
		want: "content/notices/a.md:5: warning: body: 页面显示的文字中像是有手机号 138****5678（源文件里"},
	{name: "link text split from the rest",
		site: notice("title: 通知\ndate: 2024-07-01\n", "联系人[138](https://example.com/)12345678。\n"),
		want: "content/notices/a.md:5: warning: body: 页面显示的文字中像是有手机号 138****5678（源文件里"},
}

// sourceCases are written so a reader sees the number whole; the scan of
// the source names its line and column.
var sourceCases = []piiCase{
	{name: "full-width digits",
		site: notice("title: 通知\ndate: 2024-07-01\n", "电话１３８１２３４５６７８\n"),
		want: "content/notices/a.md:5:3: warning: body: 像是有手机号 138****5678（请删去"},
	{name: "+86 prefix",
		site: notice("title: 通知\ndate: 2024-07-01\n", "电话 +86 138 1234 5678\n"),
		want: "content/notices/a.md:5:4: warning: body: 像是有手机号 138****5678（请删去"},
	{name: "86- prefix",
		site: notice("title: 通知\ndate: 2024-07-01\n", "电话86-13812345678\n"),
		want: "content/notices/a.md:5:3: warning: body: 像是有手机号 138****5678（请删去"},
	{name: "ID grouped 6-8-4",
		site: notice("title: 通知\ndate: 2024-07-01\n", "身份证110105 19491231 002X\n"),
		want: "content/notices/a.md:5:4: warning: body: 像是有身份证号 1101**********002X（请删去"},
	{name: "NBSP between groups",
		site: notice("title: 通知\ndate: 2024-07-01\n", "电话138\u00a01234\u00a05678\n"),
		want: "content/notices/a.md:5:3: warning: body: 像是有手机号 138****5678（请删去"},
	{name: "U+3000 between groups",
		site: notice("title: 通知\ndate: 2024-07-01\n", "身份证110105\u300019491231\u3000002X\n"),
		want: "content/notices/a.md:5:4: warning: body: 像是有身份证号 1101**********002X（请删去"},
	{name: "U+200B between digits",
		site: notice("title: 通知\ndate: 2024-07-01\n", "电话1\u200b3\u200b8\u200b1234\u200b5678\n"),
		want: "content/notices/a.md:5:3: warning: body: 像是有手机号 138****5678（请删去"},
}

func TestPersonalDataAttackForms(t *testing.T) {
	for _, c := range append(append([]piiCase{}, renderedCases...), sourceCases...) {
		t.Run(c.name, func(t *testing.T) {
			res, err := Run(siteFS(t, minimal+c.site), Options{Now: demoNow})
			var got string
			if err != nil {
				got = err.Error()
			} else {
				got = warnings(res.Warnings)
			}
			if !strings.Contains(got, c.want) {
				t.Errorf("want %q in:\n%s", c.want, got)
			}
			if n := strings.Count(got, "138****5678") + strings.Count(got, "1101**********002X"); n != 1 {
				t.Errorf("want the number reported once, got %d times:\n%s", n, got)
			}
		})
	}
}

package pipeline

import (
	"encoding/json"
	"encoding/xml"
	"io"
	"regexp"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

const hostileSite = `
-- pubgen.toml --
title = "门户</title><script>alert(0)</script>"
base_url = "https://dangjian.example.com/"
[[branches]]
name = "支部</script><script>alert(5)</script>"
slug = "evil"
-- content/notices/a.md --
---
title: "` + "通知" + `</title><script>alert(1)</script>\"'><img src=x onerror=alert(2)>]]></summary>"
date: 2024-07-01
summary: "摘要]]></summary><script>alert(3)</script><!--"
tags: ["<b onmouseover=alert(4)>", "\"><svg onload=alert(5)>"]
branch: "支部</script><script>alert(5)</script>"
meeting:
  kind: 党课
  start: 2024-07-05 14:30
  end: 2024-07-05 16:00
  location: "会议室\r\nBEGIN:VEVENT\r\nSUMMARY:<script>alert(6)</script>"
  host: "\"onfocus=\"alert(7)"
aliases: ["/old/it's & 旧 (1)/"]
---
正文<script>alert(9)</script>

[点我](https://example.com/"onmouseover="alert(10))

<img src=x onerror=alert(14)>

<javascript:alert(15)>

<a href="javascript:alert(16)">x</a>

` + "```html\n</code></pre><script>alert(17)</script>\n```" + `
-- content/study/b/index.md --
---
title: "学习\u2028</script><script>alert(18)</script>"
date: 2024-07-02
attachments: [{file: "a.pdf", title: "<iframe src=javascript:alert(19)>"}]
---
` + "`</script>`" + `

![图](x.png "\" onerror=\"alert(13)")
-- content/study/b/x.png --
png
-- content/study/b/a.pdf --
pdf
`

// benignSite has the same shape as hostileSite with harmless text, so that
// its output shows which elements the theme and Markdown write.
const benignSite = `
-- pubgen.toml --
title = "门户"
base_url = "https://dangjian.example.com/"
[[branches]]
name = "第一支部"
slug = "evil"
-- content/notices/a.md --
---
title: 通知
date: 2024-07-01
summary: 摘要
tags: [党课, 学习]
branch: 第一支部
meeting: {kind: 党课, start: 2024-07-05 14:30, end: 2024-07-05 16:00, location: 会议室, host: 王书记}
aliases: ["/old/a/"]
---
正文

[点我](https://example.com/) <https://example.com/>

` + "```html\n<p>代码</p>\n```" + `
-- content/study/b/index.md --
---
title: 学习
date: 2024-07-02
attachments: [{file: a.pdf, title: 附件}]
---
` + "`代码`" + `

![图](x.png "标题")
-- content/study/b/x.png --
png
-- content/study/b/a.pdf --
pdf
`

// TestHostileContentIsInert builds a site whose every field tries to inject
// markup or script, and checks by parsing each output that nothing got
// through: no element the theme does not write, no event-handler
// attribute, no script but the theme's, no javascript: address, feeds and
// sitemap well-formed with the text intact, one event per .ics file, and
// search shards that are data, not code.
func TestHostileContentIsInert(t *testing.T) {
	benign := buildSite(t, benignSite, Options{})
	allowed := map[string]bool{}
	for name, data := range benign {
		if strings.HasSuffix(name, ".html") {
			for _, el := range elements(t, data) {
				allowed[el] = true
			}
		}
	}
	out := buildSite(t, hostileSite, Options{})
	checked := map[string]int{}
	for name, data := range out {
		switch {
		case strings.HasSuffix(name, ".html"):
			checkHTML(t, name, data, allowed)
			checked["html"]++
		case strings.HasSuffix(name, ".xml"):
			checkXML(t, name, data)
			checked["xml"]++
		case strings.HasSuffix(name, ".ics"):
			checkICS(t, name, data)
			checked["ics"]++
		case strings.HasPrefix(name, "search/engine."):
			// The engine is code, and the same whatever the pages say.
			if data != benign[name] {
				t.Errorf("%s differs from the benign site's engine", name)
			}
			checked["engine"]++
		case strings.HasPrefix(name, "search/") && strings.HasSuffix(name, ".js"):
			checkShard(t, name, data)
			checked["shard"]++
		}
	}
	if checked["html"] < 10 || checked["xml"] < 3 || checked["ics"] != 1 || checked["shard"] < 3 || checked["engine"] != 1 {
		t.Errorf("checked too little: %v", checked)
	}
	if _, ok := out["old/it's & 旧 (1)/index.html"]; !ok {
		t.Error("the alias page was not written")
	}
	wantTitle := `通知</title><script>alert(1)</script>"'><img src=x onerror=alert(2)>]]></summary>`
	if got := feedTitles(t, out["notices/index.xml"]); len(got) != 1 || got[0] != wantTitle {
		t.Errorf("feed entry titles = %q; want the title as text, %q", got, wantTitle)
	}
}

// elements lists the element names of an HTML document.
func elements(t *testing.T, doc string) []string {
	var out []string
	z := html.NewTokenizer(strings.NewReader(doc))
	for {
		switch z.Next() {
		case html.ErrorToken:
			if z.Err() != io.EOF {
				t.Fatal(z.Err())
			}
			return out
		case html.StartTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			out = append(out, string(name))
		}
	}
}

func checkHTML(t *testing.T, name, doc string, allowed map[string]bool) {
	t.Helper()
	z := html.NewTokenizer(strings.NewReader(doc))
	for {
		tt := z.Next()
		if tt == html.ErrorToken {
			return
		}
		if tt != html.StartTagToken && tt != html.SelfClosingTagToken {
			continue
		}
		tok := z.Token()
		if !allowed[tok.Data] {
			t.Errorf("%s: <%s> is not an element the theme writes", name, tok.Data)
		}
		src := ""
		for _, a := range tok.Attr {
			if strings.HasPrefix(strings.ToLower(a.Key), "on") {
				t.Errorf("%s: <%s %s=%q> is an event handler", name, tok.Data, a.Key, a.Val)
			}
			if isJS(a.Val) || strings.HasPrefix(strings.ToLower(strings.TrimSpace(a.Val)), "data:text/html") {
				t.Errorf("%s: <%s %s=%q> runs script", name, tok.Data, a.Key, a.Val)
			}
			if a.Key == "src" {
				src = a.Val
			}
		}
		if tok.Data == "script" && !strings.Contains(src, "assets/") {
			t.Errorf("%s: a <script> that is not one of the theme's assets: %v", name, tok)
		}
	}
}

// checkXML parses a feed or the sitemap whole; every address in it must be
// under base_url.
func checkXML(t *testing.T, name, doc string) {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(doc))
	var in string
	for {
		tok, err := d.Token()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Errorf("%s is not well-formed XML: %v", name, err)
			return
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			in = tok.Name.Local
			for _, a := range tok.Attr {
				if a.Name.Local == "href" && !strings.HasPrefix(a.Value, "https://dangjian.example.com/") {
					t.Errorf("%s: link to %q, outside the site", name, a.Value)
				}
			}
			if tok.Name.Local == "script" {
				t.Errorf("%s has a <script> element", name)
			}
		case xml.CharData:
			if (in == "loc" || in == "id") && strings.TrimSpace(string(tok)) != "" && !strings.HasPrefix(string(tok), "https://dangjian.example.com/") {
				t.Errorf("%s: <%s>%s, outside the site", name, in, tok)
			}
		}
	}
}

func feedTitles(t *testing.T, doc string) []string {
	var feed struct {
		Entries []struct {
			Title string `xml:"title"`
		} `xml:"entry"`
	}
	if err := xml.Unmarshal([]byte(doc), &feed); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, e := range feed.Entries {
		out = append(out, e.Title)
	}
	return out
}

// checkICS: a line break in a field must not start a new property or a
// second event.
func checkICS(t *testing.T, name, doc string) {
	t.Helper()
	if n := strings.Count(doc, "\r\nBEGIN:VEVENT\r\n"); n != 1 {
		t.Errorf("%s has %d events; want 1", name, n)
	}
	known := "BEGIN END VERSION PRODID CALSCALE METHOD TZID DTSTART TZOFFSETFROM TZOFFSETTO TZNAME UID DTSTAMP DTEND SUMMARY LOCATION DESCRIPTION URL ORGANIZER"
	for _, line := range strings.Split(strings.TrimSuffix(doc, "\r\n"), "\r\n") {
		if strings.HasPrefix(line, " ") {
			continue // a folded continuation
		}
		prop, _, _ := strings.Cut(line, ":")
		prop, _, _ = strings.Cut(prop, ";")
		if !strings.Contains(" "+known+" ", " "+prop+" ") {
			t.Errorf("%s: line %q is not a property pubgen writes", name, line)
		}
	}
}

var shardRE = regexp.MustCompile(`^__pubgenSearch\.(\w+)\(([\s\S]*)\);\s*$`)

// checkShard: a search shard is one call of the search script with JSON
// arguments, whatever the pages say.
func checkShard(t *testing.T, name, data string) {
	t.Helper()
	m := shardRE.FindStringSubmatch(data)
	if m == nil {
		t.Errorf("%s is not one __pubgenSearch call: %.200s", name, data)
		return
	}
	var args []any
	if err := json.Unmarshal([]byte("["+m[2]+"]"), &args); err != nil {
		t.Errorf("%s: the arguments are not JSON: %v", name, err)
	}
}

func isJS(s string) bool {
	s = strings.ToLower(strings.TrimLeft(s, " \t\r\n\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"))
	return strings.HasPrefix(s, "javascript:") || strings.HasPrefix(s, "vbscript:")
}

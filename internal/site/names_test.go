package site

import (
	"strings"
	"testing"
)

func TestNameProblem(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"index.html", ""},
		{"三会一课", ""},
		{"2024-q3_meeting.pdf", ""},
		{"consul", ""},
		{"com0", ""},
		{"lpt10", ""},
		{strings.Repeat("a", 255), ""},
		{strings.Repeat("党", 85), ""},
		{strings.Repeat("a", 256), "is 256 bytes long"},
		{strings.Repeat("党", 86), "is 258 bytes long"},
		{"a#b", `contains '#', which ends a web address`},
		{"a?b", `contains '?', which ends a web address`},
		{"a<b", `contains '<', which Windows does not allow`},
		{"a>b", `contains '>', which Windows does not allow`},
		{"a:b", `contains ':', which Windows does not allow`},
		{`a"b`, `contains '"', which Windows does not allow`},
		{`a\b`, `contains '\\', which Windows does not allow`},
		{"a|b", `contains '|', which Windows does not allow`},
		{"a*b", `contains '*', which Windows does not allow`},
		{"a\tb", `contains the control character '\t'`},
		{"a\x7fb", `contains the control character '\x7f'`},
		{"a\u0085b", `contains the control character '\u0085'`},
		{"notes.", `ends in ".", which Windows drops`},
		{"notes ", `ends in " ", which Windows drops`},
		{"CON", "is a device name on Windows"},
		{"con", "is a device name on Windows"},
		{"Prn.txt", "is a device name on Windows"},
		{"aux.tar.gz", "is a device name on Windows"},
		{"NUL", "is a device name on Windows"},
		{"com1", "is a device name on Windows"},
		{"COM9.pdf", "is a device name on Windows"},
		{"lpt1", "is a device name on Windows"},
		{"LPT9.html", "is a device name on Windows"},
	} {
		got := NameProblem(c.in)
		if c.want == "" && got != "" || !strings.Contains(got, c.want) {
			t.Errorf("NameProblem(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestCheckOutputs(t *testing.T) {
	page := func(file string) Origin { return Origin{File: file} }
	slug := func(file, s string) Origin { return Origin{File: file, Line: 4, Field: "slug", Value: s} }
	gen := func(name string) Origin { return Origin{Name: name} }
	for _, c := range []struct {
		name   string
		claims []Claim
		want   string // "" for no problem
	}{
		{"distinct", []Claim{{"a/index.html", page("content/a.md")}, {"b/index.html", page("content/b.md")}}, ""},
		{"one origin twice", []Claim{{"a/index.html", page("content/a.md")}, {"a/index.html", page("content/a.md")}}, ""},
		{"same file", []Claim{{"search/index.html", gen("the search page")}, {"search/index.html", page("content/search.md")}},
			"content/search.md: this file and the search page both become search/index.html (want another file name, or a slug in the front matter)"},
		{"case only", []Claim{{"n/A/index.html", page("content/n/A.md")}, {"n/a/index.html", page("content/n/a.md")}},
			"content/n/A.md: this file becomes n/A/index.html and content/n/a.md becomes n/a/index.html: the names differ only in case"},
		{"file and folder", []Claim{{"n/index.html", page("content/n/")}, {"n/index.html/index.html", slug("content/n/b.md", "index.html")}},
			`content/n/b.md:4: slug: "index.html" becomes n/index.html/index.html, but content/n/ makes n/index.html a file: one name cannot be both a file and a folder (want another slug)`},
		{"file and folder but for case", []Claim{{"Sitemap.xml/index.html", page("content/Sitemap.xml.md")}, {"sitemap.xml", gen("the sitemap")}},
			"but the sitemap makes sitemap.xml a file"},
		{"kept folder", []Claim{{"search/", gen("the search index")}, {"search/x.txt", page("static/search/x.txt")}},
			"static/search/x.txt: this file becomes search/x.txt, but search/ belongs to the search index (want the file in static/ renamed, moved or removed)"},
		{"kept folder, own file", []Claim{{"search/", gen("the search index")}, {"search/index.html", gen("the search page")}}, ""},
		{"bad name once per folder", []Claim{{"n/a#b/_thumbs/c.jpg", page("content/n/a#b/c.jpg")}, {"n/a#b/index.html", page("content/n/a#b/index.md")}},
			"content/n/a#b/index.md: this file becomes n/a#b/index.html: \"a#b\" contains '#'"},
	} {
		l := CheckOutputs(c.claims)
		var got []string
		for _, d := range l {
			got = append(got, d.String())
		}
		switch {
		case c.want == "" && len(got) > 0:
			t.Errorf("%s: got %q, want no problem", c.name, got)
		case c.want != "" && (len(got) != 1 || !strings.Contains(got[0], c.want)):
			t.Errorf("%s: got %q, want one message with %q", c.name, got, c.want)
		}
	}
}

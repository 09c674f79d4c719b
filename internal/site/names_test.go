package site

import (
	"slices"
	"strings"
	"testing"

	"github.com/pubgen/pubgen/internal/msg"
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
		got := msg.Printer{Lang: msg.English}.Text(NameProblem(c.in))
		if c.want == "" && got != "" || !strings.Contains(got, c.want) {
			t.Errorf("NameProblem(%q) = %q, want %q", c.in, got, c.want)
		}
	}
}

func TestCheckOutputs(t *testing.T) {
	page := func(file string) Origin { return Origin{File: file} }
	slug := func(file, s string) Origin { return Origin{File: file, Line: 4, Field: "slug", Value: s} }
	gen := func(name msg.Key) Origin { return Origin{Name: name} }
	for _, c := range []struct {
		name   string
		claims []Claim
		want   string // "" for no problem
	}{
		{"distinct", []Claim{{"a/index.html", page("content/a.md")}, {"b/index.html", page("content/b.md")}}, ""},
		{"one origin twice", []Claim{{"a/index.html", page("content/a.md")}, {"a/index.html", page("content/a.md")}}, ""},
		{"same file", []Claim{{"search/index.html", gen(msg.OriginSearchPage)}, {"search/index.html", page("content/search.md")}},
			"content/search.md: this file and the search page (搜索页) both become search/index.html (want another file name, or a slug in the front matter)"},
		{"case only", []Claim{{"n/A/index.html", page("content/n/A.md")}, {"n/a/index.html", page("content/n/a.md")}},
			"content/n/A.md: this file becomes n/A/index.html and content/n/a.md becomes n/a/index.html: the names differ only in case"},
		{"file and folder", []Claim{{"n/index.html", page("content/n/")}, {"n/index.html/index.html", slug("content/n/b.md", "index.html")}},
			`content/n/b.md:4: slug: "index.html" becomes n/index.html/index.html, but content/n/ makes n/index.html a file: one name cannot be both a file and a folder (want another slug)`},
		{"file and folder but for case", []Claim{{"Sitemap.xml/index.html", page("content/Sitemap.xml.md")}, {"sitemap.xml", gen(msg.OriginSitemap)}},
			"but the sitemap makes sitemap.xml a file"},
		{"kept folder", []Claim{{"search/", gen(msg.OriginSearchIndex)}, {"search/x.txt", page("static/search/x.txt")}},
			"static/search/x.txt: this file becomes search/x.txt, but search/ belongs to the search index (搜索索引) (want the file in static/ renamed, moved or removed)"},
		{"kept folder, own file", []Claim{{"search/", gen(msg.OriginSearchIndex)}, {"search/index.html", gen(msg.OriginSearchPage)}}, ""},
		{"bad name once per folder", []Claim{{"n/a#b/_thumbs/c.jpg", page("content/n/a#b/c.jpg")}, {"n/a#b/index.html", page("content/n/a#b/index.md")}},
			"content/n/a#b/index.md: this file becomes n/a#b/index.html: \"a#b\" contains '#'"},
	} {
		l := CheckOutputs(c.claims)
		var got []string
		for _, d := range l {
			got = append(got, d.In(msg.Printer{Lang: msg.English}))
		}
		switch {
		case c.want == "" && len(got) > 0:
			t.Errorf("%s: got %q, want no problem", c.name, got)
		case c.want != "" && (len(got) != 1 || !strings.Contains(got[0], c.want)):
			t.Errorf("%s: got %q, want one message with %q", c.name, got, c.want)
		}
	}
}

// TestCheckOutputsInChinese is what an author reads in the site's default
// language: the file and line that chose the address, what is wrong with
// the name or which other source makes the same file, and what to change.
func TestCheckOutputsInChinese(t *testing.T) {
	for _, c := range []struct {
		claims []Claim
		want   string
	}{
		{[]Claim{{"notices/a:b/index.html", Origin{File: "content/notices/a:b.md"}}},
			"content/notices/a:b.md: 这个文件会生成 notices/a:b/index.html，其中的“a:b”含有“:”，Windows 的文件名里不能有这个字符。请只用汉字、字母、数字、- 或 _。"},
		{[]Claim{{"notices/2026#1/index.html", Origin{File: "content/notices/a.md", Line: 4, Field: "slug", Value: "2026#1"}}},
			"content/notices/a.md:4: slug: “2026#1”会生成 notices/2026#1/index.html，其中的“2026#1”含有“#”，在网址里它表示地址到此为止，链接会打不开。请只用汉字、字母、数字、- 或 _。"},
		{[]Claim{{"notices/con/index.html", Origin{File: "content/notices/con.md"}}},
			"content/notices/con.md: 这个文件会生成 notices/con/index.html，其中的“con”是 Windows 留给设备用的名字，那里的文件不能叫这个名字。请换一个名字。"},
		{[]Claim{{"search/index.html", Origin{Name: msg.OriginSearchPage}}, {"search/index.html", Origin{File: "content/search.md"}}},
			"content/search.md: 这个文件和 搜索页 都会生成 search/index.html。请给文件改名，或在前言区写一个 slug，例如：slug: 2026-12-04-meeting-2"},
		{[]Claim{{"n/A/index.html", Origin{File: "content/n/A.md"}}, {"n/a/index.html", Origin{File: "content/n/a.md"}}},
			"content/n/A.md: 这个文件会生成 n/A/index.html，content/n/a.md 会生成 n/a/index.html：两个名字只差大小写，复制到 Windows 的共享文件夹里就成了同一个文件。请给文件改名，或在前言区写一个 slug，例如：slug: 2026-12-04-meeting-2"},
		{[]Claim{{"search/", Origin{Name: msg.OriginSearchIndex}}, {"search/x.txt", Origin{File: "static/search/x.txt"}}},
			"static/search/x.txt: 这个文件会生成 search/x.txt，但 search/ 这个文件夹归搜索索引使用。请把 static/ 里的这个文件改名、移走或删除。"},
	} {
		l := CheckOutputs(c.claims)
		if len(l) != 1 || l[0].String() != c.want {
			t.Errorf("got %v\nwant %s", l, c.want)
		}
	}
}

// TestClaimsMemoAnswersOnlyForTheSameClaims: a session's memo passes
// the paths of its last clean check without checking while the origins
// its answer rests on are the same, and checks anything else — a clash
// added to clean claims is found, the claims it refused are not passed by
// the next build, and with the same paths a change of a delicate origin
// (two claims on one file no longer the same maker, a page in the search
// index's folder) is found. Every answer is CheckOutputs' own.
func TestClaimsMemoAnswersOnlyForTheSameClaims(t *testing.T) {
	clean := []Claim{{"search/", Origin{Name: msg.OriginSearchIndex}}, {"search/index.html", Origin{Name: msg.OriginSearchPage}},
		{"b/index.html", Origin{File: "content/b.md"}}, {"a/index.html", Origin{File: "content/a.md"}},
		{"b/x.txt", Origin{File: "content/b/x.txt"}}, {"b/x.txt", Origin{File: "content/b/x.txt"}}}
	with := func(i int, c Claim) []Claim {
		out := slices.Clone(clean)
		if i == len(out) {
			return append(out, c)
		}
		out[i] = c
		return out
	}
	clash := with(len(clean), Claim{"A/index.html", Origin{File: "content/A.md"}})
	twoMakers := with(5, Claim{"b/x.txt", Origin{File: "static/b/x.txt"}})
	pageInIndex := with(1, Claim{"search/index.html", Origin{File: "content/search.md"}})
	renamed := with(2, Claim{"b/index.html", Origin{File: "content/b/index.md"}}) // not delicate: passed
	var m ClaimsMemo
	for i, claims := range [][]Claim{clean, clean, clash, clash, clean, twoMakers, clean, pageInIndex, clean, renamed, clean[:3], clash} {
		asked := 0
		c := Claims{Paths: make([]string, len(claims)), Origins: func(at []int) []Origin {
			out := make([]Origin, len(at))
			for k, i := range at {
				out[k] = claims[i].From
			}
			asked += len(at)
			return out
		}}
		for i, cl := range claims {
			c.Paths[i] = cl.Path
		}
		got := len(CheckClaimsVia(c, &m)) > 0
		if want := len(CheckOutputs(slices.Clone(claims))) > 0; got != want {
			t.Errorf("check %d: problems found %v, want %v", i, got, want)
		}
		if i == 1 && asked > 4 {
			t.Errorf("check %d: the same paths again asked for %d origins, want only the 4 delicate ones", i, asked)
		}
	}
}

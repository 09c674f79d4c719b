package build

import (
	"net/url"
	"path"
	"strings"
	"testing"
)

const resolveSite = minimal + `
-- content/notices/a.md --
---
title: 甲
date: 2024-07-01
---
## 议程
-- content/study/b/index.md --
---
title: 乙
date: 2024-07-01
---
-- content/study/b/report.pdf --
pdf
-- static/files/rules.pdf --
pdf
`

// FuzzResolve holds the link rewriter's promises for any destination an
// author writes: a destination it accepts without a problem, rewritten
// into a path, stays inside the published site; and nothing that was not
// already a javascript: link becomes one.
func FuzzResolve(f *testing.F) {
	for _, d := range []string{"../notices/a.md", "../notices/a.md#议程", "/notices/a.md", "report.pdf", "/files/rules.pdf",
		"../../../../etc/passwd", "/study/b/", "javascript:alert(1)", "#议程", "%2e%2e/%2e%2e/x.md", "//evil.example/x", "./report.pdf#p=2", "a/../report.pdf"} {
		f.Add(d, false)
		f.Add(d, true)
	}
	res, err := Run(siteFS(f, resolveSite), Options{Now: demoNow})
	if err != nil {
		f.Fatal(err)
	}
	s := res.Site
	n := s.BySource("content/study/b/index.md")
	static := map[string]bool{"files/rules.pdf": true}
	f.Fuzz(func(t *testing.T, dest string, pretty bool) {
		out, _, problem := resolve(s, n, dest, static, pretty)
		if isJS(out) && !isJS(dest) {
			t.Fatalf("resolve(%q) = %q became a javascript: link", dest, out)
		}
		if !problem.IsZero() || out == "" || schemeRE.MatchString(out) || strings.HasPrefix(out, "//") {
			return
		}
		raw, _, _ := strings.Cut(out, "#")
		p, err := url.PathUnescape(raw)
		if err != nil {
			t.Fatalf("resolve(%q) = %q, not a valid address", dest, out)
		}
		if p == "" {
			return
		}
		if at := path.Join(path.Dir(n.File()), p); at == ".." || strings.HasPrefix(at, "../") || path.IsAbs(p) {
			t.Fatalf("resolve(%q) = %q, which leaves the site from %s", dest, out, n.File())
		}
	})
}

func isJS(s string) bool {
	s = strings.ToLower(strings.TrimLeft(s, " \t\r\n\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f"))
	return strings.HasPrefix(s, "javascript:") || strings.HasPrefix(s, "vbscript:")
}

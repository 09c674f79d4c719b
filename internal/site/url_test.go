package site

import (
	"net/url"
	"path"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestRel(t *testing.T) {
	cases := []struct {
		from, to string
		pretty   bool
		want     string
	}{
		{"index.html", "notices/a/", false, "notices/a/index.html"},
		{"index.html", "notices/a/", true, "notices/a/"},
		{"notices/a/index.html", "", false, "../../index.html"},
		{"notices/a/index.html", "", true, "../../"},
		{"notices/a/index.html", "notices/b/", false, "../b/index.html"},
		{"notices/a/index.html", "notices/a/", false, "index.html"},
		{"notices/a/index.html", "notices/a/", true, "./"},
		{"notices/a/index.html", "notices/a/#议程", false, "index.html#议程"},
		{"notices/a/index.html", "notices/a/agenda.pdf", false, "agenda.pdf"},
		{"notices/a/index.html", "assets/style.css", false, "../../assets/style.css"},
		{"404.html", "assets/style.css", false, "assets/style.css"},
		{"index.html", "branches/第一支部/", false, "branches/%E7%AC%AC%E4%B8%80%E6%94%AF%E9%83%A8/index.html"},
		{"index.html", "files/a b.pdf", false, "files/a%20b.pdf"},
	}
	for _, c := range cases {
		if got := Rel(c.from, c.to, c.pretty); got != c.want {
			t.Errorf("Rel(%q, %q, %v) = %q, want %q", c.from, c.to, c.pretty, got, c.want)
		}
	}
}

// FuzzRel checks the property every link of the site relies on: following
// the relative link from the file that holds it leads to the target file,
// whatever the two paths are (Chinese, spaces, deep or shallow).
func FuzzRel(f *testing.F) {
	f.Add("notices/a/index.html", "study/b/", false)
	f.Add("index.html", "branches/第一支部/", true)
	f.Add("a/b/c/index.html", "a/x y.pdf", false)
	f.Add("404.html", "", false)
	f.Fuzz(func(t *testing.T, from, to string, pretty bool) {
		if !cleanSitePath(from) || strings.HasSuffix(from, "/") || from == "" || !cleanSitePath(strings.TrimSuffix(to, "/")) && to != "" {
			t.Skip()
		}
		rel := Rel(from, to, pretty)
		u, err := url.Parse(rel)
		if err != nil {
			t.Fatalf("Rel(%q, %q) = %q: not a URL: %v", from, to, rel, err)
		}
		if u.Scheme != "" || u.Host != "" || strings.HasPrefix(u.Path, "/") {
			t.Fatalf("Rel(%q, %q) = %q is not relative", from, to, rel)
		}
		got := path.Join(path.Dir(from), u.Path)
		want := strings.TrimSuffix(OutputFile(to), "/")
		if pretty && (to == "" || strings.HasSuffix(to, "/")) {
			want = strings.TrimSuffix(strings.TrimSuffix(OutputFile(to), "index.html"), "/")
			if want == "" {
				want = "."
			}
		}
		if got != want {
			t.Fatalf("Rel(%q, %q, %v) = %q leads to %q, want %q", from, to, pretty, rel, got, want)
		}
	})
}

// cleanSitePath accepts the paths the site graph makes: relative, clean,
// no empty, dot or control segments.
func cleanSitePath(p string) bool {
	if p == "" || strings.HasPrefix(p, "/") || path.Clean(p) != p || strings.ContainsAny(p, "\\#?%\x00") {
		return false
	}
	for _, seg := range strings.Split(p, "/") {
		if seg == "." || seg == ".." || !utf8.ValidString(seg) {
			return false
		}
		for _, r := range seg {
			if r < 0x20 || r == 0x7f {
				return false
			}
		}
	}
	return true
}

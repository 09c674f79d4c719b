package site

import "testing"

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

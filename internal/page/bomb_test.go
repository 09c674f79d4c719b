package page

import (
	"fmt"
	"strings"
	"testing"
)

// laughs is a "billion laughs" front matter padded to size bytes: levels
// lists of width aliases to the list before, width^levels values in all.
// The last list is the tags field, so expanding it is what a page needs.
func laughs(levels, width, size int) string {
	var b strings.Builder
	b.WriteString("---\ntitle: 笑\ndate: 2024-01-01\n")
	for i := range levels {
		key, item := fmt.Sprintf("k%d", i), "lol"
		if i == levels-1 {
			key = "tags"
		}
		if i > 0 {
			item = fmt.Sprintf("*a%d", i-1)
		}
		fmt.Fprintf(&b, "%s: &a%d [%s]\n", key, i, strings.Repeat(item+",", width-1)+item)
	}
	if pad := size - b.Len() - len("#\n---\n"); pad >= 0 {
		b.WriteString("#" + strings.Repeat("x", pad) + "\n")
	}
	b.WriteString("---\n")
	return b.String()
}

// deepYAML nests depth flow lists inside tags.
func deepYAML(depth int) string {
	return "---\ntitle: a\ndate: 2024-01-01\ntags: " + strings.Repeat("[", depth) + strings.Repeat("]", depth) + "\n---\n"
}

func TestBombs(t *testing.T) {
	const file = "content/notices/a.md"
	cases := []struct {
		name, src, want string
	}{
		{"self cycle", "---\ntitle: a\ndate: 2024-01-01\ntags: &a [x, *a]\n---\n",
			file + ":4:14: tags[1]: the alias *a is inside the value &a it names, so it would repeat forever"},
		{"cycle through a map", "---\ntitle: a\ndate: 2024-01-01\nmeeting: &m\n  kind: 党课\n  again: [1, {deeper: *m}]\n---\n",
			file + ":6:23: meeting.again[1].deeper: the alias *m is inside the value &m it names"},
		{"cycle reached through an alias", "---\ntitle: a\ndate: 2024-01-01\nx: &b [1, &c [*c]]\ntags: *b\n---\n",
			file + ":4:15: x[1][0]: the alias *c is inside the value &c it names"},
		// Expanding k5 is the first to pass 100,000 values: 9^6 = 531,441.
		{"billion laughs, 424 bytes", laughs(8, 9, 424),
			file + ":9:10: k5[0]: the alias *a4 makes the front matter hold more than 100000 values"},
		{"billion laughs, 600 bytes", laughs(11, 9, 600),
			file + ":9:10: k5[0]: the alias *a4 makes the front matter hold more than 100000 values"},
		{"wide and shallow", laughs(2, 400, 0),
			file + ":5:1000: tags[247]: the alias *a0 makes the front matter hold more than 100000 values"},
		{"no aliases, many values", "---\ntitle: a\ndate: 2024-01-01\ntags: [" + strings.Repeat("x,", maxValues) + "x]\n---\n",
			"tags[99996]: front matter holds more than 100000 values"},
		{"YAML, 10 MB of values", "---\ntitle: a\ndate: 2024-01-01\ntags: [" + strings.Repeat("x,", 5<<20) + "x]\n---\n",
			file + ":2:1: front matter is 10240 KB (want under 256 KB"},
		{"TOML, 10 MB of values", "+++\ntitle = \"a\"\ndate = 2024-01-01\ntags = [" + strings.Repeat("1,", 5<<20) + "1]\n+++\n",
			file + ":2:1: front matter is 10240 KB (want under 256 KB"},
		{"deep nesting", deepYAML(20000), file + ":4:1: front matter nests too deep: exceeded max depth"},
		{"TOML, many values", "+++\ntitle = \"a\"\ndate = 2024-01-01\ntags = [" + strings.Repeat("1,", maxValues) + "1]\n+++\n",
			"tags[99997]: front matter holds more than 100000 values"},
		{"TOML, deep nesting", "+++\ntitle = \"a\"\ndate = 2024-01-01\ntags = " + strings.Repeat("[", 20000) + strings.Repeat("]", 20000) + "\n+++\n",
			file + ":4:1: front matter nests too deep: toml: arrays and inline tables are nested more than the maximum of 10000 levels deep"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			if strings.HasPrefix(c.name, "billion") {
				if n := strings.TrimSuffix(strings.Fields(c.name)[2], ","); fmt.Sprint(len(c.src)) != n {
					t.Fatalf("bomb is %d bytes, want %s", len(c.src), n)
				}
			}
			p, msgs := parse(t, file, c.src)
			if p != nil || !strings.Contains(msgs, c.want) {
				t.Errorf("got page %v and\n%s\nwant %s", p != nil, msgs, c.want)
			}
			if strings.Count(msgs, "\n") > 0 {
				t.Errorf("want one problem, got\n%s", msgs)
			}
		})
	}
}

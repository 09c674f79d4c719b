package sitedata

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"
)

func load(t *testing.T, files map[string]string) (*Tree, []string) {
	t.Helper()
	fsys := fstest.MapFS{}
	for p, s := range files {
		fsys[p] = &fstest.MapFile{Data: []byte(s)}
	}
	tree, l := Load(fsys)
	var msgs []string
	for _, d := range l {
		msgs = append(msgs, d.String())
	}
	return tree, msgs
}

func TestLoadFormatsAndFolders(t *testing.T) {
	tree, msgs := load(t, map[string]string{
		"data/branches.toml":   "[[branch]]\nname = \"机关第一党支部\"\nmembers = 12\n",
		"data/org/units.yaml":  "- name: 一车间\n  members: 30\n",
		"data/contacts.json":   `{"office": "党委办公室", "rooms": [101, 2.5]}`,
		"data/.hidden.toml":    "x = 1",
		"data/notes.toml~":     "x = 1",
		"content/notices/a.md": "not data",
	})
	if len(msgs) > 0 {
		t.Fatalf("problems: %v", msgs)
	}
	want := map[string]any{
		"branches": map[string]any{"branch": []any{map[string]any{"name": "机关第一党支部", "members": int64(12)}}},
		"org":      map[string]any{"units": []any{map[string]any{"name": "一车间", "members": 30}}},
		"contacts": map[string]any{"office": "党委办公室", "rooms": []any{int64(101), 2.5}},
	}
	if !reflect.DeepEqual(tree.Values, want) {
		t.Errorf("Values =\n%#v\nwant\n%#v", tree.Values, want)
	}
	if got := strings.Join(tree.Files, " "); got != "data/branches.toml data/contacts.json data/org/units.yaml" {
		t.Errorf("Files = %s", got)
	}
}

func TestLoadHash(t *testing.T) {
	a, _ := load(t, map[string]string{"data/a.toml": "x = 1"})
	b, _ := load(t, map[string]string{"data/a.toml": "x = 2"})
	c, _ := load(t, map[string]string{"data/b.toml": "x = 1"})
	a2, _ := load(t, map[string]string{"data/a.toml": "x = 1"})
	none, _ := load(t, nil)
	if a.Hash == b.Hash || a.Hash == c.Hash || a.Hash == none.Hash {
		t.Error("trees of different files have the same Hash")
	}
	if a.Hash != a2.Hash {
		t.Error("the same files give different Hashes")
	}
	if len(none.Values) != 0 {
		t.Errorf("a site without data/ has data: %v", none.Values)
	}
}

// TestLoadProblems: every problem names the file, and the line and column
// where there is one, on one line.
func TestLoadProblems(t *testing.T) {
	laughs := "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	for i := 'b'; i <= 'j'; i++ {
		laughs += fmt.Sprintf("%c: &%c [*%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c]\n", i, i, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1)
	}
	for _, c := range []struct{ file, text, want string }{
		{"data/a.toml", "x = 1\ny = \n", "data/a.toml:2:5: is not valid TOML"},
		{"data/a.toml", "x = 1\nx = 2\n", "data/a.toml:2:1: is not valid TOML"},
		{"data/a.toml", "x = [" + strings.Repeat("1,", 100_001) + "1]", "data/a.toml:1:1: holds more than 100000 values"},
		{"data/a.json", "{\"x\": 1,\n \"y\": ]}", "data/a.json:2:7: is not valid JSON"},
		{"data/a.json", "{\"x\": 1", "data/a.json:1:8: is not valid JSON: the file ends inside a value"},
		{"data/a.json", "{\"x\": 1}\n{\"y\": 2}", "data/a.json:2:1: is not valid JSON: more after the first value"},
		{"data/a.yaml", "x: 1\ny: b: c\n", "data/a.yaml:2: is not valid YAML: mapping values are not allowed"},
		{"data/a.yaml", "x: 1\n\ty: 2\n", "data/a.yaml:2: is not valid YAML"},
		{"data/a.yaml", "x: 1\nx: 2\n", "data/a.yaml:2: is not valid YAML: mapping key \"x\" already defined"},
		{"data/a.yaml", "a: &a [1, *a]\n", "data/a.yaml:1:11: the alias *a is inside the value &a it names"},
		{"data/a.yaml", laughs, "data/a.yaml:5:36: the alias *d makes the file hold more than 100000 values"},
		{"data/a.csv", "a,b\n", "data/a.csv: warning: is not read: templates see only data files ending in .json, .toml, .yaml, .yml"},
		{"data/a.toml", strings.Repeat("#", MaxSize+1), "data/a.toml:1:1: is 1024 KB (want under 1024 KB"},
	} {
		start := time.Now()
		tree, msgs := load(t, map[string]string{c.file: c.text})
		if took := time.Since(start); took > time.Second {
			t.Errorf("%s %.40q: took %v", c.file, c.text, took)
		}
		if len(msgs) != 1 || !strings.HasPrefix(msgs[0], c.want) {
			t.Errorf("%s %.40q:\n got %q\nwant %q…", c.file, c.text, msgs, c.want)
		}
		if len(tree.Values) != 0 {
			t.Errorf("%s %.40q: a file with a problem is in the tree: %v", c.file, c.text, tree.Values)
		}
	}
}

func TestLoadNameClash(t *testing.T) {
	for _, c := range []struct {
		files map[string]string
		want  string
	}{
		{map[string]string{"data/a.toml": "x = 1", "data/a.json": `{"x": 1}`}, `data/a.toml: gives .Site.Data the name "a", which data/a.json already has`},
		{map[string]string{"data/a.toml": "x = 1", "data/a/b.toml": "x = 1"}, `data/a/b.toml: gives .Site.Data the name "a.b", which data/a.toml already has`},
		{map[string]string{"data/a/b.toml": "x = 1", "data/a.yml": "x: 1"}, `data/a/b.toml: gives .Site.Data the name "a.b", which data/a.yml already has`},
	} {
		_, msgs := load(t, c.files)
		if len(msgs) != 1 || !strings.HasPrefix(msgs[0], c.want) {
			t.Errorf("%v:\n got %q\nwant %q…", c.files, msgs, c.want)
		}
	}
}

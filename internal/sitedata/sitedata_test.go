package sitedata

import (
	"fmt"
	"github.com/pubgen/pubgen/internal/deniedfs"
	"reflect"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/msg"
)

// load loads files and gives the problems as an author reads them.
func load(t *testing.T, files map[string]string) (*Tree, []string) {
	t.Helper()
	tree, l := loadList(t, files)
	var msgs []string
	for _, d := range l {
		msgs = append(msgs, d.String())
	}
	return tree, msgs
}

func loadList(t *testing.T, files map[string]string) (*Tree, diag.List) {
	t.Helper()
	fsys := fstest.MapFS{}
	for p, s := range files {
		fsys[p] = &fstest.MapFile{Data: []byte(s)}
	}
	return Load(fsys)
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
// where there is one, on one line; the texts are the catalogue's (here in
// English, whose parser words say which mistake each case is).
func TestLoadProblems(t *testing.T) {
	laughs := "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
	for i := 'b'; i <= 'j'; i++ {
		laughs += fmt.Sprintf("%c: &%c [*%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c, *%c]\n", i, i, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1, i-1)
	}
	for _, c := range []struct{ file, text, want string }{
		{"data/a.toml", "x = 1\ny = \n", "data/a.toml:2:5: is not valid TOML"},
		{"data/a.toml", "x = 1\nx = 2\n", "data/a.toml:2:1: is not valid TOML: key x is already defined (want each key once)"},
		{"data/a.toml", "name = \"机关\" x\n", "data/a.toml:1:13: is not valid TOML: expected newline"},
		{"data/a.toml", "x = [" + strings.Repeat("1,", 100_001) + "1]", "data/a.toml:1:1: holds more than 100000 values"},
		{"data/a.json", "{\"x\": 1,\n \"y\": ]}", "data/a.json:2:7: is not valid JSON"},
		{"data/a.json", "{\"x\": 1", "data/a.json:1:8: is not valid JSON: the file ends inside a value"},
		{"data/a.json", "{\"x\": 1}\n{\"y\": 2}", "data/a.json:2:1: is not valid JSON: more after the first value"},
		{"data/a.yaml", "x: 1\ny: b: c\n", "data/a.yaml:2:1: is not valid YAML: mapping values are not allowed"},
		{"data/a.yaml", "x: 1\n\ty: 2\n", "data/a.yaml:2:1: is indented with a tab"},
		{"data/a.yaml", "x: 1\nx: 2\n", "data/a.yaml:2:1: x: is written twice (first on line 1"},
		{"data/a.yaml", "a: &a [1, *a]\n", "data/a.yaml:1:11: the alias *a is inside the value &a it names"},
		{"data/a.yaml", laughs, "data/a.yaml:5:36: the alias *d makes the file hold more than 100000 values"},
		{"data/a.csv", "a,b\n", "data/a.csv: warning: is not read: templates see only data files ending in .json, .toml, .yaml, .yml"},
		{"data/a.toml", strings.Repeat("#", MaxSize+1), "data/a.toml:1:1: is 1024 KB (want under 1024 KB"},
	} {
		start := time.Now()
		tree, l := loadList(t, map[string]string{c.file: c.text})
		if took := time.Since(start); took > time.Second {
			t.Errorf("%s %.40q: took %v", c.file, c.text, took)
		}
		if len(l) != 1 || !strings.HasPrefix(l[0].In(msg.Printer{Lang: msg.English}), c.want) {
			t.Errorf("%s %.40q:\n got %v\nwant %q…", c.file, c.text, l, c.want)
		}
		if len(tree.Values) != 0 {
			t.Errorf("%s %.40q: a file with a problem is in the tree: %v", c.file, c.text, tree.Values)
		}
	}
}

// TestLoadProblemsInChinese is what an author sees with the site's default
// language: each mistake at its own line, in plain words, with a line to
// copy.
func TestLoadProblemsInChinese(t *testing.T) {
	for _, c := range []struct{ file, text, want string }{
		{"data/branches.yaml", "- name: 机关第一党支部\n  members：12\n",
			"data/branches.yaml:2:10: members: 字段名后面用了中文冒号“：”。请改成英文冒号加一个空格：members: 12"},
		{"data/branches.yaml", "- name: \"机关第一党支部”\n",
			"data/branches.yaml:1:9: name: 引号没有配对：开头是英文引号 \"，结尾却是中文引号 ”。两边请都用英文引号：name: \"机关第一党支部\""},
		{"data/branches.yaml", "- name: 机关第一党支部\n\tmembers: 12\n",
			"data/branches.yaml:2:1: 这一行用 Tab 键缩进了。只能用空格缩进，请把 Tab 换成两个空格。"},
		{"data/branches.yaml", "name: a\nname: b\n",
			"data/branches.yaml:2:1: name: 这个字段写了两次（第一次在第 1 行）。每个字段只写一次，请删掉其中一处。"},
		{"data/branches.yaml", "x: 1\ny: b: c\n",
			"data/branches.yaml:2:1: 这一行的写法不对。每行写成“名称: 值”，用英文冒号，冒号后空一格，缩进只用空格，例如：name: 机关第一党支部"},
		{"data/branches.toml", "[[branch]]\n名称 = \"机关第一党支部\"\n",
			"data/branches.toml:2:1: 这一行的写法不对。每行写成 名称 = 值：名称用英文字母、数字或 _（中文名称要加英文双引号），文字加英文双引号，例如：name = \"机关第一党支部\""},
		{"data/branches.toml", "name = \"机关第一党支部\nmembers = 12\n",
			"data/branches.toml:1:16: 引号没有结束。文字要用英文双引号括起来，并写在同一行，例如：name = \"机关第一党支部\""},
		{"data/branches.toml", "name = \"a\"\nname = \"b\"\n",
			"data/branches.toml:2:1: “name”在前面已经写过了。每个名称只写一次，请删掉其中一处。"},
		{"data/contacts.json", "{\"office\": \"党委办公室\"",
			"data/contacts.json:1:19: 文件在这里就结束了，前面有括号或引号没有配对。请补上缺少的 }、] 或 \"。"},
		{"data/notes.txt", "x",
			"data/notes.txt: warning: 不会读取这个文件：data/ 里只读取文件名以 .json, .toml, .yaml, .yml 结尾的数据文件。请改文件名，或把它移出 data/ 文件夹。"},
	} {
		_, msgs := load(t, map[string]string{c.file: c.text})
		if len(msgs) != 1 || msgs[0] != c.want {
			t.Errorf("%s %q:\n got %q\nwant %q", c.file, c.text, msgs, c.want)
		}
	}
}

func TestLoadNameClash(t *testing.T) {
	for _, c := range []struct {
		files map[string]string
		want  string
	}{
		{map[string]string{"data/a.toml": "x = 1", "data/a.json": `{"x": 1}`}, "data/a.toml: " + msg.Printer{}.Sprint(msg.DataNameTaken, "a", "data/a.json")},
		{map[string]string{"data/a.toml": "x = 1", "data/a/b.toml": "x = 1"}, "data/a/b.toml: " + msg.Printer{}.Sprint(msg.DataNameTaken, "a.b", "data/a.toml")},
		{map[string]string{"data/a/b.toml": "x = 1", "data/a.yml": "x: 1"}, "data/a/b.toml: 在模板里要叫 .Site.Data.a.b，可这个名字 data/a.yml 已经在用了。请把其中一个改名。"},
	} {
		_, msgs := load(t, c.files)
		if len(msgs) != 1 || !strings.HasPrefix(msgs[0], c.want) {
			t.Errorf("%v:\n got %q\nwant %q…", c.files, msgs, c.want)
		}
	}
}

func TestLoadUnreadableFile(t *testing.T) {
	fsys := deniedfs.FS{MapFS: fstest.MapFS{"data/branches.toml": {Data: []byte("x = 1")}}, Denied: "data/branches.toml"}
	_, l := Load(fsys)
	if len(l) != 1 || l[0].String() != "data/branches.toml: 读不出这个文件（没有权限）。请确认它能用编辑器打开，再保存一次。" {
		t.Errorf("got %v", l)
	}
	if len(l) == 1 && l[0].In(msg.Printer{Lang: msg.English}) != "data/branches.toml: cannot read: open data/branches.toml: permission denied" {
		t.Errorf("in English: %s", l[0].In(msg.Printer{Lang: msg.English}))
	}
}

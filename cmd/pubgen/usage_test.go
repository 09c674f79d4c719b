package main

import (
	"bytes"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pubgen/pubgen/internal/msg"
)

// TestFlagMistakes: a mistyped flag or a missing argument says what to
// type, in Chinese by default and in the language of the site --source
// names.
func TestFlagMistakes(t *testing.T) {
	en := writeSite(t, map[string]string{"pubgen.toml": "title = \"Portal\"\nlanguage = \"en\"\n"})
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"build", "--fast"}, "pubgen build 没有 --fast 这个选项。\n可以用的选项见 pubgen help build。\n"},
		{[]string{"serve", "--port"}, "pubgen serve 的 --port 后面要写一个值，例如 --port 1313\n可以用的选项见 pubgen help serve。\n"},
		{[]string{"serve", "--port", "八〇"}, "pubgen serve 的 --port 后面写的“八〇”不能用，例如可以写 --port 1313\n可以用的选项见 pubgen help serve。\n"},
		{[]string{"init"}, "pubgen: 请写上新网站的文件夹名，例如：pubgen init dangjian\n"},
		{[]string{"search", "--source", en}, "pubgen: usage: pubgen search [flags] QUERY\n"},
		{[]string{"check", "--source=" + en, "--fast"}, msg.Printer{Lang: msg.English}.Sprint(msg.UsageUnknownFlag, "check", "fast") + "\n" + msg.Printer{Lang: msg.English}.Sprint(msg.UsageSeeHelp, "check") + "\n"},
	} {
		var out, errOut bytes.Buffer
		if code := run(c.args, &out, &errOut); code != 2 || errOut.String() != c.want {
			t.Errorf("pubgen %s: exit %d\n%s\nwant exit 2\n%s", strings.Join(c.args, " "), code, errOut.String(), c.want)
		}
	}
}

// TestFlagErrorsAreRead holds flagProblem to the flag package's own
// words: if a Go release rewords them, the operator would get English.
func TestFlagErrorsAreRead(t *testing.T) {
	for _, args := range [][]string{{"--nope"}, {"--n"}, {"--n", "x"}, {"--b=maybe"}} {
		fs := newFlags("test")
		fs.Int("n", 1, "")
		fs.Bool("b", false, "")
		err := fs.Parse(args)
		if err == nil {
			t.Fatalf("%v parsed", args)
		}
		if got := flagProblem(fs, err); got.Key() == 0 {
			t.Errorf("%v: %q is not read, it would be shown as is", args, err)
		}
	}
}

// TestHelpNamesEveryFlag: a command's usage lists each of its flags with
// the catalogue's words, in no English type names.
func TestHelpNamesEveryFlag(t *testing.T) {
	site := []string{"source", "drafts", "future", "strict", "now"}
	flags := map[string][]string{
		"build":   append([]string{"dest", "json", "no-minify", "watch"}, site...),
		"check":   site,
		"serve":   append([]string{"bind", "port", "base-path", "allowed-hosts"}, site...),
		"search":  {"source", "json", "limit", "type", "branch", "year", "status", "by-date"},
		"init":    {"empty"},
		"new":     {"source", "branch"},
		"version": nil,
	}
	for _, c := range commands() {
		var out bytes.Buffer
		c.run([]string{"-h"}, &out, &out)
		help := out.String()
		if !strings.HasPrefix(help, msg.Printer{}.Sprint(msg.UsageLine, c.args, c.summary)) {
			t.Errorf("pubgen help %s does not start with its usage line:\n%s", c.name, help)
		}
		for _, w := range []string{" string", " int", " value", "Usage of", "default"} {
			if strings.Contains(help, w) {
				t.Errorf("pubgen help %s says %q:\n%s", c.name, w, help)
			}
		}
		want, ok := flags[c.name]
		if !ok {
			t.Errorf("no flags listed here for pubgen %s", c.name)
		}
		if got := strings.Count(help, "\n  --"); got != len(want) {
			t.Errorf("pubgen help %s lists %d flags, want %d:\n%s", c.name, got, len(want), help)
		}
		for _, name := range want {
			if !strings.Contains(help, "\n  --"+name+"\n") && !strings.Contains(help, "\n  --"+name+" ") {
				t.Errorf("pubgen help %s does not list --%s:\n%s", c.name, name, help)
			}
		}
	}
}

// TestNewNextSteps: what pubgen new tells the author, word for word.
func TestNewNextSteps(t *testing.T) {
	const draft = "下一步：这是一份草稿（draft: true），还没有发布。请把每一处（…）提示换成实际内容或删掉，写好后把 draft: true 改成 draft: false。"
	for typ, want := range map[string]string{
		"notice":   draft,
		"study":    draft + "附件（PDF、Word）放在 content/study/x/ 里，和 index.md 放在一起。",
		"showcase": draft + "先把封面照片放进 content/study/x/，再在 cover: 后面写上它的文件名。",
	} {
		if got := (msg.Printer{}).Text(newNextSteps(typ, "content/study/x/index.md")); got != want {
			t.Errorf("%s:\n got %s\nwant %s", typ, got, want)
		}
	}
}

// TestSiteFolderMistakes: the site's folder typed after the command, or a
// folder that is not there, is said before anything is written (serve
// made the folder, for its search index, and then served an empty site).
func TestSiteFolderMistakes(t *testing.T) {
	en := writeSite(t, map[string]string{"pubgen.toml": "title = \"Portal\"\nlanguage = \"en\"\n"})
	missing := filepath.Join(t.TempDir(), "dangjain")
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"build", "dangjian"}, "pubgen build 后面不用写“dangjian”。要指定网站所在的文件夹，请写：pubgen build --source dangjian\n"},
		{[]string{"check", "--source", en, "dangjian", "--drafts"}, "pubgen check: unexpected argument \"dangjian\" (for a site in another folder: pubgen check --source dangjian)\n"},
		{[]string{"build", "--source", missing}, "pubgen: 找不到网站文件夹 " + missing + "（不存在）。请用 --source 写网站所在的文件夹，例如 --source dangjian，或者先进入网站文件夹再运行。\n"},
		{[]string{"serve", "--source", missing}, "pubgen: 找不到网站文件夹 " + missing + "（不存在）。请用 --source 写网站所在的文件夹，例如 --source dangjian，或者先进入网站文件夹再运行。\n"},
		{[]string{"check", "--source", filepath.Join(en, "pubgen.toml")}, "pubgen: 找不到网站文件夹 " + filepath.Join(en, "pubgen.toml") + "（路径中有一项是文件，不是文件夹）。请用 --source 写网站所在的文件夹，例如 --source dangjian，或者先进入网站文件夹再运行。\n"},
	} {
		var out, errOut bytes.Buffer
		if code := run(c.args, &out, &errOut); code != 2 || errOut.String() != c.want {
			t.Errorf("pubgen %s: exit %d\n%s\nwant exit 2\n%s", strings.Join(c.args, " "), code, errOut.String(), c.want)
		}
	}
	if _, err := os.Stat(missing); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("the missing site folder: %v, want it still missing", err)
	}
}

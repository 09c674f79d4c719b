package main

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pubgen/pubgen/internal/scaffold"
	srcfs "github.com/pubgen/pubgen/internal/source"
)

// newSite is a site made by init with one new page of every type, built
// with the new pages as written: the paths written, by type.
func newSite(t *testing.T) (string, map[string]string) {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "site")
	var out, errOut bytes.Buffer
	if code := run([]string{"init", dir}, &out, &errOut); code != 0 {
		t.Fatalf("init: %s", errOut.String())
	}
	written := map[string]string{}
	for _, typ := range []string{"notice", "disclosure", "study", "showcase"} {
		out.Reset()
		if code := run([]string{"new", "--source", dir, "--branch", "jiguan-1", typ, "12月 支部党员大会 通知（终稿）"}, &out, &errOut); code != 0 {
			t.Fatalf("new %s: %s", typ, errOut.String())
		}
		written[typ] = strings.TrimSpace(out.String())
	}
	return dir, written
}

func buildSite(dir string, extra ...string) (int, string) {
	var out, errOut bytes.Buffer
	code := run(append([]string{"build", "--source", dir, "--now", "2026-12-20"}, extra...), &out, &errOut)
	return code, errOut.String()
}

// TestNewPagesAreDraftsThatNeverBlock: new pages of every type build, and
// nothing of them is published, not even a showcase without its photo.
func TestNewPagesAreDraftsThatNeverBlock(t *testing.T) {
	dir, written := newSite(t)
	if code, msg := buildSite(dir); code != 0 {
		t.Fatalf("build with new drafts failed: %s", msg)
	}
	filepath.WalkDir(filepath.Join(dir, "public"), func(p string, d fs.DirEntry, err error) error {
		if err == nil && strings.Contains(p, "-1") && (strings.Contains(p, "-notice-") || strings.Contains(p, "-disclosure-") || strings.Contains(p, "-study-") || strings.Contains(p, "-showcase-")) {
			t.Errorf("a draft was published: %s", p)
		}
		return err
	})
	idx, err := os.ReadFile(filepath.Join(dir, "public", "notices", "index.html"))
	if err != nil || bytes.Contains(idx, []byte("终稿")) {
		t.Errorf("the notices list shows the draft (%v)", err)
	}
	var out, errOut bytes.Buffer
	if code := run([]string{"check", "--source", dir, "--strict", "--now", "2026-12-20"}, &out, &errOut); code != 0 {
		t.Fatalf("check --strict with new drafts failed: %s", errOut.String())
	}
	for _, rel := range written {
		if !strings.Contains(errOut.String(), "说明："+rel+": 草稿（draft: true），未发布；还有 ") {
			t.Errorf("check does not say %s is an unfinished draft:\n%s", rel, errOut.String())
		}
	}
	// A preview with drafts builds too.
	if code, msg := buildSite(dir, "--drafts", "--dest", filepath.Join(t.TempDir(), "preview")); code != 0 {
		t.Fatalf("build --drafts with new drafts failed: %s", msg)
	}
	if written["study"] != "content/study/"+filepath.Base(filepath.Dir(written["study"]))+"/index.md" {
		t.Errorf("new study wrote %s (want a page folder)", written["study"])
	}
}

// ledgerOf is the 组织生活台账 section of a branch page.
func ledgerOf(t *testing.T, public, branch string) string {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(public, "branches", branch, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	i, j := strings.Index(s, `<section class="ledger"`), strings.Index(s, "</section>")
	if i < 0 || j < i {
		t.Fatalf("no ledger on the %s page", branch)
	}
	return s[i:j]
}

func edit(t *testing.T, file string, pairs ...string) {
	t.Helper()
	b, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	s := string(b)
	for i := 0; i < len(pairs); i += 2 {
		if !strings.Contains(s, pairs[i]) {
			t.Fatalf("%s has no %q", file, pairs[i])
		}
		s = strings.ReplaceAll(s, pairs[i], pairs[i+1])
	}
	if err := os.WriteFile(file, []byte(s), 0o644); err != nil {
		t.Fatal(err)
	}
}

// lineOf is the 1-based line of the first line of file holding text.
func lineOf(t *testing.T, file, text string) int {
	t.Helper()
	b, _ := os.ReadFile(file)
	for i, l := range strings.Split(string(b), "\n") {
		if strings.Contains(l, text) && !strings.HasPrefix(strings.TrimSpace(l), "#") {
			return i + 1
		}
	}
	t.Fatalf("%s has no line with %q", file, text)
	return 0
}

// TestNewPageIsPublishedOnlyWhenFilledIn: a new notice never counts in the
// ledger while it is a draft, even previewed with its meeting written;
// published with the archetype's hints left, the build fails at each
// hint's line; filled in, it is published and counted.
func TestNewPageIsPublishedOnlyWhenFilledIn(t *testing.T) {
	dir, written := newSite(t)
	public := filepath.Join(dir, "public")
	if code, msg := buildSite(dir); code != 0 {
		t.Fatal(msg)
	}
	before := ledgerOf(t, public, "jiguan-1")
	notice := filepath.Join(dir, filepath.FromSlash(written["notice"]))
	edit(t, notice, "  kind:\n", "  kind: 支部党员大会\n", "  start:\n", "  start: 2026-12-10 14:30\n")
	preview := filepath.Join(t.TempDir(), "preview")
	if code, msg := buildSite(dir, "--drafts", "--dest", preview); code != 0 {
		t.Fatal(msg)
	}
	if got := ledgerOf(t, preview, "jiguan-1"); got != before {
		t.Errorf("a draft's meeting counts in the ledger:\n%s\nwas\n%s", got, before)
	}

	for _, rel := range written {
		edit(t, filepath.Join(dir, filepath.FromSlash(rel)), "\ndraft: true\n", "\ndraft: false\n")
	}
	code, msg := buildSite(dir)
	if code == 0 {
		t.Fatal("pages still holding the archetype's hints were published")
	}
	for _, want := range []string{
		fmt.Sprintf("%s:%d: meeting.location: 还是模板的提示文字“（会议地点）”", written["notice"], lineOf(t, notice, "（会议地点）")),
		fmt.Sprintf("%s:%d:1: 正文: 还是模板的提示文字“（写明召开会议的依据和目的。）”", written["notice"], lineOf(t, notice, "（写明召开会议的依据和目的。）")),
		"cover: 成果展示要有封面照片。",
		fmt.Sprintf("%s:%d: contact.phone: 还是模板的提示文字“（办公电话）”", written["disclosure"], lineOf(t, filepath.Join(dir, written["disclosure"]), "（办公电话）")),
		written["study"],
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("the build's errors lack %q:\n%s", want, msg)
		}
	}
	if strings.Contains(msg, "（终稿）”") {
		t.Errorf("the title was taken for a hint:\n%s", msg)
	}
	if got := ledgerOf(t, public, "jiguan-1"); got != before {
		t.Error("a failed build changed public/")
	}

	fillIn(t, dir, written)
	if code, msg := buildSite(dir); code != 0 {
		t.Fatalf("the filled-in pages do not build: %s", msg)
	}
	for typ, rel := range written {
		name := strings.TrimSuffix(strings.TrimSuffix(filepath.Base(rel), ".md"), "index")
		if name == "" {
			name = filepath.Base(filepath.Dir(rel))
		}
		section := strings.Split(rel, "/")[1]
		if _, err := os.Stat(filepath.Join(public, section, name, "index.html")); err != nil {
			t.Errorf("%s not published at %s/%s/: %v", typ, section, name, err)
		}
	}
	if ledgerOf(t, public, "jiguan-1") == before {
		t.Error("the published meeting is not counted in the ledger")
	}
}

// fillIn replaces every hint of the new pages' archetypes, as an author
// would, and gives the showcase its photo.
func fillIn(t *testing.T, dir string, written map[string]string) {
	t.Helper()
	site := srcfs.DirFS(dir)
	for typ, rel := range written {
		file := filepath.Join(dir, filepath.FromSlash(rel))
		b, _ := os.ReadFile(file)
		s := string(b)
		for _, h := range scaffold.Placeholders(site, "default", typ) {
			s = strings.ReplaceAll(s, h, "已填写的内容")
		}
		if typ == "disclosure" { // the one step the hints leave empty: approval's date
			s = strings.Replace(s, "\n  approved_on:\n", "\n  approved_on: 2026-01-01\n", 1)
		}
		if typ == "showcase" {
			s = strings.Replace(s, "\ncover: \"\"\n", "\ncover: cover.jpg\n", 1)
			writeJPEG(t, filepath.Join(filepath.Dir(file), "cover.jpg"))
		}
		if err := os.WriteFile(file, []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

func writeJPEG(t *testing.T, file string) {
	t.Helper()
	var b bytes.Buffer
	if err := jpeg.Encode(&b, image.NewRGBA(image.Rect(0, 0, 120, 80)), nil); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestNewBranch: --branch (a name or a slug) fills branch and the 落款's
// issuing body; without it, a site of several branches leaves the 落款's
// hint for the author; a branch the site does not list is refused.
func TestNewBranch(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	var out, errOut bytes.Buffer
	if code := run([]string{"init", dir}, &out, &errOut); code != 0 {
		t.Fatalf("init: %s", errOut.String())
	}
	newPage := func(args ...string) (int, string) {
		out.Reset()
		errOut.Reset()
		code := run(append([]string{"new", "--source", dir}, args...), &out, &errOut)
		if code != 0 {
			return code, errOut.String()
		}
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(strings.TrimSpace(out.String()))))
		if err != nil {
			t.Fatal(err)
		}
		return 0, string(b)
	}
	for _, arg := range []string{"技术研发党支部", "yanfa"} {
		for _, typ := range []string{"notice", "disclosure"} {
			code, text := newPage("--branch", arg, typ, "标题")
			if code != 0 {
				t.Fatalf("new --branch %s %s: %s", arg, typ, text)
			}
			if !strings.Contains(text, "\nbranch: 技术研发党支部\n") || !strings.Contains(text, "\nsignoff:\n  body: 技术研发党支部\n  date:\n") {
				t.Errorf("new --branch %s %s: branch or 落款 not filled in:\n%s", arg, typ, text)
			}
		}
	}
	if code, text := newPage("notice", "标题"); code != 0 || !strings.Contains(text, "\nbranch: \n") || !strings.Contains(text, "  body: （发文机关，例如支部名称）\n") {
		t.Errorf("new without --branch in a site of five branches (exit %d):\n%s", code, text)
	}
	if code, msg := newPage("--branch", "第九党支部", "notice", "标题"); code != 2 || !strings.Contains(msg, "pubgen: --branch 后面的“第九党支部”不是 pubgen.toml 里的支部。请写其中之一（名称或括号里的 slug）：机关第一党支部 (jiguan-1), ") {
		t.Errorf("new --branch 第九党支部: exit %d, %s", code, msg)
	}
}

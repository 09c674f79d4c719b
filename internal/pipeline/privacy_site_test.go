package pipeline

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode/utf16"

	"golang.org/x/text/encoding/simplifiedchinese"

	"github.com/pubgen/pubgen/internal/search"
)

// published writes a disclosure that would be published (its procedure
// record complete) at content/disclosures/<name>, with the given extra
// front-matter lines (from line 7 on) and body.
func published(name, fm, body string) string {
	return "-- content/disclosures/" + name + " --\n---\ntitle: 关于拟发展张三明同志为预备党员的公示\ndate: 2024-07-01\n" +
		"publicity: {start: 2024-07-01, end: 2024-07-05}\ncontact: {phone: \"0571-88880000\"}\n" +
		"review: {proposed_by: 支部委员会, reviewed_by: 党委办公室, approved_by: 集团党委, approved_on: 2024-06-30}\n" + fm + "---\n" + body
}

// TestDisclosurePersonalDataIsAnError: in a disclosure a whole mobile, ID
// or bank card number stops the build at its place, with the way to allow
// it; the same page as a draft, or a notice, only warns.
func TestDisclosurePersonalDataIsAnError(t *testing.T) {
	for _, c := range []struct{ name, site, want string }{
		{"mobile number in the body",
			published("a.md", "", "拟发展对象张三明，\n联系电话13812345678。\n"),
			"content/disclosures/a.md:9:5: body: 像是有手机号 138****5678：党务公开页面不得公开个人的手机号，本页不予发布（请删去，或隐去中间几位；供群众联系的办公电话写在 contact.phone 中；确需公开的，在 privacy.allow 中列出这个号码，并在 privacy.reason 写明理由）"},
		{"ID number written 6-8-4 in full width",
			published("a.md", "", "身份证号１１０１０５ １９４９１２３１ ００２Ｘ\n"),
			"content/disclosures/a.md:8:5: body: 像是有身份证号 1101**********002X：党务公开页面不得公开个人的身份证号"},
		{"ID number hidden by emphasis",
			published("a.md", "", "身份证号110105**19491231**002X\n"),
			"content/disclosures/a.md:8:5: body: 页面显示的文字中像是有身份证号 1101**********002X：党务公开页面不得公开个人的身份证号，本页不予发布（源文件里"},
		{"mobile number in the summary",
			published("a.md", "summary: 张三明（+86 138 1234 5678）\n", "正文\n"),
			"content/disclosures/a.md:7: summary: 像是有手机号 138****5678：党务公开"},
		{"bank card number in the result",
			published("a.md", "result: 退回党费至6222021234567890128\n", "正文\n"),
			"content/disclosures/a.md:7: result: 像是有银行卡号 6222***********0128：党务公开页面不得公开个人的银行卡号"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := buildErrors(t, minimal+c.site)
			if !strings.Contains(got, c.want) {
				t.Errorf("want %q in:\n%s", c.want, got)
			}
			if strings.Contains(got, "13812345678") || strings.Contains(got, "19491231") {
				t.Errorf("a message shows the number whole:\n%s", got)
			}
		})
	}
	t.Run("a disclosure waiting for its publish_date is judged now", func(t *testing.T) {
		got := buildErrors(t, minimal+published("a.md", "publish_date: 2030-01-01\n", "联系电话13812345678。\n"))
		if want := "content/disclosures/a.md:9:5: body: 像是有手机号 138****5678：党务公开"; !strings.Contains(got, want) {
			t.Errorf("want %q in:\n%s", want, got)
		}
	})
	t.Run("in English when the site says so", func(t *testing.T) {
		site := minimal + "-- pubgen.toml --\ntitle = \"Portal\"\nlanguage = \"en\"\n" + published("a.md", "", "联系电话13812345678。\n")
		got := buildErrors(t, site)
		if want := "content/disclosures/a.md:8:5: body: looks like a mobile phone number 138****5678: a disclosure may not publish a person's number, so the page is not published (want it removed or masked"; !strings.Contains(got, want) {
			t.Errorf("want %q in:\n%s", want, got)
		}
	})
	t.Run("a draft only warns", func(t *testing.T) {
		site := minimal + published("a.md", "draft: true\n", "联系电话13812345678。\n")
		res, err := Run(siteFS(t, site), Options{Now: demoNow, Drafts: true})
		if err != nil {
			t.Fatalf("a draft disclosure failed the preview: %v", err)
		}
		if got := warnings(res.Warnings); !strings.Contains(got, "content/disclosures/a.md:9:5: warning: body: 像是有手机号 138****5678（") {
			t.Errorf("want a warning, got:\n%s", got)
		}
	})
	t.Run("a draft left out is noted for check", func(t *testing.T) {
		site := minimal + published("a.md", "draft: true\n", "联系电话13812345678。\n")
		res, err := Run(siteFS(t, site), Options{Now: demoNow, NoSearch: true})
		if err != nil {
			t.Fatalf("a draft failed the build: %v", err)
		}
		want := "content/disclosures/a.md: 草稿（draft: true），未发布；有 1 处像是个人号码，第一处在第 9 行：像是有手机号 138****5678：党务公开页面不得公开个人的手机号，本页不予发布"
		if got := strings.Join(res.Report.Drafts, "\n"); !strings.Contains(got, want) {
			t.Errorf("want %q in the drafts' notes:\n%s", want, got)
		}
		if len(res.Warnings) != 0 {
			t.Errorf("warnings: %s", warnings(res.Warnings))
		}
	})
	t.Run("the disclosures section's own page only warns", func(t *testing.T) {
		site := minimal + "-- content/disclosures/_index.md --\n---\ntitle: 党务公开\n---\n监督电话13812345678\n"
		res, err := Run(siteFS(t, site), Options{Now: demoNow})
		if err != nil {
			t.Fatalf("build failed: %v", err)
		}
		if got := warnings(res.Warnings); !strings.Contains(got, "content/disclosures/_index.md:4:5: warning: body: 像是有手机号") {
			t.Errorf("want a warning, got:\n%s", got)
		}
	})
}

// TestPrivacyAllow: a page publishes a number on purpose by listing it
// (written any way) under privacy.allow with a reason; the list is checked.
func TestPrivacyAllow(t *testing.T) {
	allow := "privacy:\n  allow: [\"138 1234 5678\"]\n  reason: 本人书面同意公开（2024年6月30日支委会记录）\n"
	t.Run("allowed", func(t *testing.T) {
		res, err := Run(siteFS(t, minimal+published("a.md", allow, "联系人张三明，电话１３８-１２３４-５６７８。\n")), Options{Now: demoNow, Strict: true})
		if err != nil {
			t.Fatalf("an allowed number failed a --strict build: %v", err)
		}
		page := string(entry(t, res, "disclosures/a/index.html"))
		if !strings.Contains(page, "１３８-１２３４-５６７８") {
			t.Errorf("the allowed number is not on the page")
		}
		if !strings.Contains(shardText(res), "13812345678") && !strings.Contains(shardText(res), "１３８") {
			t.Errorf("the allowed number is not in the search shards")
		}
	})
	for _, c := range []struct{ name, fm, body, want string }{
		{"another number is still refused", allow, "电话13812345678，13912345678。\n",
			"content/disclosures/a.md:11:15: body: 像是有手机号 139****5678：党务公开"},
		{"no reason", "privacy:\n  allow: [13812345678]\n", "电话13812345678\n",
			"content/disclosures/a.md:8:3: privacy.reason: 未写明理由"},
		{"not a number", "privacy:\n  allow: [张三明, \"0571-88880000\"]\n  reason: 同意\n", "正文\n",
			"content/disclosures/a.md:8:11: privacy.allow[0]: “张三明”不是一个手机号、身份证号或银行卡号"},
		{"a word under privacy", "privacy:\n  alow: [13812345678]\n", "正文\n",
			"content/disclosures/a.md:8:3: privacy.alow: 没有这个字段，是不是想写 allow？"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := buildErrors(t, minimal+published("a.md", c.fm, c.body))
			if !strings.Contains(got, c.want) {
				t.Errorf("want %q in:\n%s", c.want, got)
			}
		})
	}
	t.Run("an allowed number the page lacks", func(t *testing.T) {
		res, err := Run(siteFS(t, minimal+published("a.md", allow, "正文\n")), Options{Now: demoNow})
		if err != nil {
			t.Fatal(err)
		}
		if got, want := warnings(res.Warnings), "content/disclosures/a.md:8: warning: privacy.allow[0]: 本页没有号码 138****5678，请删去这一项"; !strings.Contains(got, want) {
			t.Errorf("want %q in:\n%s", want, got)
		}
	})
}

// TestPersonalDataInNames: the page's address (file and folder names, or
// its slug), its aliases and its bundle files' names are published too.
func TestPersonalDataInNames(t *testing.T) {
	for _, c := range []struct{ name, site, want string }{
		{"file name",
			notice0("content/notices/张三13812345678.md", "", "正文\n"),
			"content/notices/张三13812345678.md: warning: 名称 notices/张三138****5678/ 中像是有手机号 138****5678（文件名、文件夹名、slug 和 aliases 都会出现在网址中；请改一个不含这个号码的名称"},
		{"bundle folder name",
			notice0("content/notices/110105194912310 02X/index.md", "", "正文\n"),
			""},
		{"bundle folder name grouped",
			notice0("content/notices/110105-19491231-002X/index.md", "", "正文\n"),
			"content/notices/110105-19491231-002X/index.md: warning: 名称 notices/1101**********002X/ 中像是有身份证号 1101**********002X"},
		{"slug",
			notice0("content/notices/a.md", "slug: zhang-13812345678\n", "正文\n"),
			"content/notices/a.md:4: warning: slug: 名称 notices/zhang-138****5678/ 中像是有手机号"},
		{"alias",
			notice0("content/notices/a.md", "aliases: [/old/x/, /old/13812345678/]\n", "正文\n"),
			"content/notices/a.md:4: warning: aliases[1]: 名称 old/138****5678 中像是有手机号"},
		{"cover photo",
			notice0("content/showcases/a/index.md", "cover: 张三13812345678.jpg\naward: 一等奖\n", "正文\n") + "-- content/showcases/a/张三13812345678.jpg --\n",
			"content/showcases/a/index.md:4: warning: cover: 名称 张三138****5678.jpg 中像是有手机号"},
		{"attachment in a disclosure",
			published("a/index.md", "attachments:\n  - file: 名单13812345678.txt\n    title: 名单\n", "正文\n") + "-- content/disclosures/a/名单13812345678.txt --\n无\n",
			"content/disclosures/a/index.md:8: attachments[0].file: 名称 名单138****5678.txt 中像是有手机号 138****5678：党务公开页面不得公开个人的手机号"},
		{"file linked from the body",
			notice0("content/notices/a/index.md", "", "正文\n\n见[名单](名单-13812345678.txt)。\n") + "-- content/notices/a/名单-13812345678.txt --\n无\n",
			"content/notices/a/index.md:7: warning: body: 名称 名单-138****5678.txt 中像是有手机号"},
	} {
		t.Run(c.name, func(t *testing.T) {
			fsys := siteFS(t, minimal+c.site)
			delete(fsys, "content/showcases/a/张三13812345678.jpg")
			if strings.Contains(c.site, ".jpg --") {
				fsys["content/showcases/a/张三13812345678.jpg"] = &fstest.MapFile{Data: smallJPEG(t)}
			}
			res, err := Run(fsys, Options{Now: demoNow})
			var got string
			if err != nil {
				got = err.Error()
			} else {
				got = warnings(res.Warnings)
			}
			if c.want == "" {
				// Not a number: a space inside the birth date group.
				if strings.Contains(got, "身份证号") {
					t.Errorf("want no finding, got:\n%s", got)
				}
				return
			}
			if !strings.Contains(got, c.want) {
				t.Errorf("want %q in:\n%s", c.want, got)
			}
			if strings.Contains(got, "13812345678") && !strings.Contains(c.want, "13812345678") {
				t.Errorf("a message shows the number whole:\n%s", got)
			}
		})
	}
}

// TestPersonalDataInBundleFiles: the text of every published text file of
// a bundle is read in the encoding it was saved in and scanned; a number
// is reported at the field or body line naming the file, with the file's
// own line and column.
func TestPersonalDataInBundleFiles(t *testing.T) {
	const list = "序号,姓名,身份证号\n1,张三明,11010519491231002X\n"
	gb, err := simplifiedchinese.GB18030.NewEncoder().Bytes([]byte(list))
	if err != nil {
		t.Fatal(err)
	}
	u16 := []byte{0xFF, 0xFE}
	for _, u := range utf16.Encode([]rune("联系人：张三明\r\n手机：138 1234 5678\r\n")) {
		u16 = append(u16, byte(u), byte(u>>8))
	}
	for _, c := range []struct {
		name, site string
		file       string // the bundle file, with data
		data       []byte
		want       string
		warn       bool
	}{
		{"GB18030 list named under attachments of a disclosure",
			published("a/index.md", "attachments:\n  - file: 名单.csv\n    title: 名单\n", "正文\n"),
			"content/disclosures/a/名单.csv", gb,
			"content/disclosures/a/index.md:8: attachments[0].file: 文件 名单.csv 第 2 行第 7 列像是有身份证号 1101**********002X：党务公开页面不得公开个人的身份证号，本页不予发布（请从文件中删去，或隐去中间几位；", false},
		{"UTF-16 text linked from a notice's body",
			notice0("content/notices/a/index.md", "", "正文\n\n[联系方式](lianxi.txt)\n"),
			"content/notices/a/lianxi.txt", u16,
			"content/notices/a/index.md:7: warning: body: 文件 lianxi.txt 第 2 行第 4 列像是有手机号 138****5678（", true},
		{"UTF-8 HTML with character references, markdown.unsafe on",
			notice0("content/notices/a/index.md", "", "[名单](list.html)\n") + "-- pubgen.toml --\ntitle = \"测试门户\"\n[markdown]\nunsafe = true\n",
			"content/notices/a/list.html", []byte("<table><tr><td>张三</td><td>138<b>1234</b>&#53;678</td></tr></table>"),
			"content/notices/a/index.md:5: warning: body: 文件 list.html 第 1 行第 8 列像是有手机号 138****5678", true},
		{"published by publish_unreferenced: at the file itself",
			notice0("content/notices/a/index.md", "", "正文\n") + "-- pubgen.toml --\ntitle = \"测试门户\"\n[content]\npublish_unreferenced = [\"*.txt\"]\n",
			"content/notices/a/readme.txt", []byte("一\n二 电话13812345678\n"),
			"content/notices/a/readme.txt:2:5: warning: 文件 readme.txt 中像是有手机号 138****5678（", true},
		{"a Word file named under attachments of a disclosure",
			published("a/index.md", "attachments:\n  - file: 名单.docx\n    title: 名单\n", "正文\n"),
			"content/disclosures/a/名单.docx", docx(t, "<w:p><w:r><w:t>张三明</w:t></w:r><w:r><w:t>身份证号 110105 19491231 002X</w:t></w:r></w:p>"),
			"content/disclosures/a/index.md:8: attachments[0].file: 文件 名单.docx 中像是有身份证号 1101**********002X：党务公开页面不得公开个人的身份证号，本页不予发布", false},
		{"a binary renamed .txt is not read",
			notice0("content/notices/a/index.md", "", "[x](x.txt)\n"),
			"content/notices/a/x.txt", []byte("PK\x03\x04\x00\x0013812345678"),
			"", true},
	} {
		t.Run(c.name, func(t *testing.T) {
			fsys := siteFS(t, minimal+c.site)
			fsys[c.file] = &fstest.MapFile{Data: c.data}
			res, err := Run(fsys, Options{Now: demoNow})
			var got string
			switch {
			case err != nil && c.warn:
				t.Fatalf("want a warning, got a failed build: %v", err)
			case err == nil && !c.warn:
				t.Fatalf("want a failed build; warnings:\n%s", warnings(res.Warnings))
			case err != nil:
				got = err.Error()
			default:
				got = warnings(res.Warnings)
			}
			if c.want == "" {
				if strings.Contains(got, "手机号") {
					t.Errorf("want no finding, got:\n%s", got)
				}
				return
			}
			if !strings.Contains(got, c.want) {
				t.Errorf("want %q in:\n%s", c.want, got)
			}
		})
	}
}

// TestSearchShardsHoldNoWholeNumber: a number a notice publishes with a
// warning is on its page, but the search shards (which anyone can fetch
// whole) and pubgen search hold it masked.
func TestSearchShardsHoldNoWholeNumber(t *testing.T) {
	site := minimal + notice0("content/notices/a.md", "summary: 联系人张三明 138-1234-5678\ntags: [\"13912345678\"]\n",
		"独特词语甲乙丙丁，联系人张三明，电话 +86 138 1234 5678，身份证号110105 19491231 002X。\n")
	res, err := Run(siteFS(t, site), Options{Now: demoNow})
	if err != nil {
		t.Fatal(err)
	}
	if page := string(entry(t, res, "notices/a/index.html")); !strings.Contains(page, "+86 138 1234 5678") {
		t.Fatalf("the page does not show the number it publishes (with a warning)")
	}
	shards := shardText(res)
	if !strings.Contains(shards, "甲乙丙丁") {
		t.Fatalf("the shards do not hold the page's text at all: nothing to check")
	}
	for _, digits := range []string{"13812345678", "1234 5678", "138-1234", "13912345678", "19491231", "11010519491231002X"} {
		if strings.Contains(shards, digits) {
			t.Errorf("the search shards hold %q", digits)
		}
	}
	if !strings.Contains(shards, "138****5678") {
		t.Errorf("the shards do not hold the masked number")
	}
}

// notice0 writes a content file at path with a title and date (lines 2
// and 3) and the given extra front-matter lines (from line 4) and body.
func notice0(path, fm, body string) string {
	return "-- " + path + " --\n---\ntitle: 通知\ndate: 2024-07-01\n" + fm + "---\n" + body
}

// entry returns the data of an output file of a build (generated files
// only).
func entry(t *testing.T, res *Result, path string) []byte {
	t.Helper()
	for _, e := range res.Entries {
		if e.Path == path {
			return e.Data
		}
	}
	t.Fatalf("%s was not written", path)
	return nil
}

// shardText is every file of the search export, joined.
func shardText(res *Result) string {
	var b strings.Builder
	for _, e := range res.Entries {
		if strings.HasPrefix(e.Path, search.ExportDir) {
			b.Write(e.Data)
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// TestSessionRereadsChangedBundleText: a session remembers the numbers in
// a bundle's text file by its bytes, so an edit that keeps the file's size
// (one number for another) is seen, an old file's stat spares the read,
// and the memo holds the files of the last build only.
func TestSessionRereadsChangedBundleText(t *testing.T) {
	dir := t.TempDir()
	writeSite(t, dir, map[string]string{
		"pubgen.toml":                  "title = \"t\"\n",
		"content/notices/a/index.md":   "---\ntitle: 通知\ndate: 2024-07-01\n---\n[联系方式](lianxi.txt)\n",
		"content/notices/a/lianxi.txt": "电话13812345678\n",
	})
	sess := NewSession(os.DirFS(dir), Options{Now: demoNow, NoSearch: true})
	build := func(want string) {
		t.Helper()
		res, _, _, err := sess.Build()
		if err != nil {
			t.Fatal(err)
		}
		if got := warnings(res.Warnings); !strings.Contains(got, want) || strings.Count(got, "像是有") != 1 {
			t.Errorf("want one warning with %q, got:\n%s", want, got)
		}
		if n := sess.caches.mem().Privacy().Files(); n != 1 {
			t.Errorf("the text memo holds %d files, want 1", n)
		}
	}
	build("138****5678")
	writeFile(t, filepath.Join(dir, "content/notices/a/lianxi.txt"), "电话13912345678\n")
	build("139****5678")
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(filepath.Join(dir, "content/notices/a/lianxi.txt"), old, old); err != nil {
		t.Fatal(err)
	}
	build("139****5678") // read once more, now with a stat to trust
	build("139****5678") // not read: the stat proves it unchanged
}

// docx is a Word file whose body holds the paragraphs in body (WordprocessingML).
func docx(t *testing.T, body string) []byte {
	t.Helper()
	var b bytes.Buffer
	w := zip.NewWriter(&b)
	f, err := w.Create("word/document.xml")
	if err != nil {
		t.Fatal(err)
	}
	doc := `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>` + body + `</w:body></w:document>`
	if _, err := f.Write([]byte(doc)); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

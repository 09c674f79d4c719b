package pipeline

import (
	"github.com/pubgen/pubgen/internal/msg"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"

	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/source"
)

// badInput is one mistake an author or operator can make, with the message
// it must produce. Errors stop the build (nothing is published); warnings
// let the page be built and fail only under --strict.
type badInput struct {
	name  string
	site  string // txtar, added to a minimal valid site
	want  string // the message, or its key part
	warn  bool   // a warning, not an error
	edits func(fstest.MapFS)
}

// page writes a notice with the given front-matter lines and body.
func notice(fm, body string) string {
	return "-- content/notices/a.md --\n---\n" + fm + "---\n" + body
}

var badInputs = []badInput{
	// Front matter that is not YAML or TOML.
	{name: "yaml unclosed quote",
		site: notice("title: \"未闭合的标题\ndate: 2024-07-01\n", ""),
		want: "content/notices/a.md:2:8: title: 引号没有结束：开头有 \"，这一行里却找不到另一个 \"。请在末尾补上：title: \"未闭合的标题\""},
	{name: "yaml bad indentation",
		site: notice("title: 通知\ndate: 2024-07-01\nmeeting:\n  kind: 党课\n start: 2024-07-05 14:30\n", ""),
		want: "content/notices/a.md:5:1: 前言区这一行的写法不对。每行写成“字段: 值”，用英文冒号，冒号后空一格，例如：title: 关于召开支部党员大会的通知"},
	{name: "yaml tab indentation",
		site: notice("title: 通知\ndate: 2024-07-01\nmeeting:\n\tkind: 党课\n", ""),
		want: "content/notices/a.md:5:1: 这一行用 Tab 键缩进了。只能用空格缩进，请把 Tab 换成两个空格。"},
	{name: "yaml duplicate key",
		site: notice("title: 通知\ndate: 2024-07-01\ntitle: 又一个标题\n", ""),
		want: "content/notices/a.md:4:1: title: 这个字段写了两次（第一次在第 2 行）。每个字段只写一次，请删掉其中一处。"},
	{name: "toml malformed",
		site: "-- content/notices/a.md --\n+++\ntitle = \"通知\ndate = 2024-07-01\n+++\n",
		want: "content/notices/a.md:2:1: 前言区（两行 +++ 之间）这一行的写法不对。每行写成 字段 = 值，文字加英文引号，例如：title = \"关于召开支部党员大会的通知\""},
	{name: "no front matter",
		site: "-- content/notices/a.md --\n正文\n",
		want: "content/notices/a.md:1:1: 文件开头缺少前言区。第一行请只写 ---，接着写 title: 标题 和 date: 2026-11-25 各一行，再用一行 --- 结束，正文写在后面。"},
	{name: "unclosed front matter",
		site: "-- content/notices/a.md --\n---\ntitle: 通知\ndate: 2024-07-01\n正文\n",
		want: `content/notices/a.md:1:1: 前言区没有结束：第 1 行的 --- 之后找不到结束的那一行 ---。请在最后一个字段（例如 date: 2026-11-25）下面加一行 ---，正文写在它后面。`},
	{name: "empty file",
		site: "-- content/notices/a.md --\n",
		want: "content/notices/a.md:1:1: 文件是空的。请在开头写前言区：第一行写 ---，接着写 title: 标题 和 date: 2026-11-25 各一行，再写一行 ---。"},

	// Wrong types and impossible values.
	{name: "list where a date is expected",
		site: notice("title: 通知\ndate: [2024-07-01, 2024-07-02]\n", ""),
		want: "content/notices/a.md:3:7: date: 这里只能写一个值，现在写的是一个列表。"},
	{name: "impossible date",
		site: notice("title: 通知\ndate: 2024-02-30\n", ""),
		want: `content/notices/a.md:3:7: date: 2024 年 2 月没有 30 日（这个月只有 29 天）。请检查日期，例如：date: 2026-11-25`},
	{name: "month 13",
		site: notice("title: 通知\ndate: 2024-07-01\nmeeting: {kind: 党课, start: 2024-13-01}\n", ""),
		want: `content/notices/a.md:4:28: meeting.start: 一年只有 12 个月，这里写的是 13 月。请检查日期，例如：start: 2026-11-25 14:30`},
	{name: "meeting ends before it starts",
		site: notice("title: 通知\ndate: 2024-07-01\nmeeting: {kind: 党课, start: 2024-07-05 14:30, end: 2024-07-05 09:00}\n", ""),
		want: "meeting.end: 会议结束时间早于开始时间。请检查这两行，例如：start: 2026-11-25 14:30，end: 2026-11-25 16:00"},
	{name: "text where a number is expected",
		site: notice("title: 通知\ndate: 2024-07-01\nweight: 第一\n", ""),
		want: `content/notices/a.md:4:9: weight: “第一”不是整数。请写数字，例如：weight: 2`},
	{name: "text where a boolean is expected",
		site: notice("title: 通知\ndate: 2024-07-01\npinned: 是\n", ""),
		want: `content/notices/a.md:4:9: pinned: “是”不是 true 或 false。请写 true（是）或 false（否），例如：pinned: true`},
	{name: "unknown field",
		site: notice("title: 通知\ndate: 2024-07-01\nmeetng: {kind: 党课}\n", ""),
		want: "content/notices/a.md:4:1: meetng: 没有这个字段，是不是想写 meeting？"},
	{name: "unknown meeting kind",
		site: notice("title: 通知\ndate: 2024-07-01\nmeeting: {kind: 茶话会, start: 2024-07-05 14:30}\n", ""),
		want: "meeting.kind: “茶话会”不是会议类型。请写其中之一：支部党员大会、支委会、党小组会、党课、主题党日、其他。"},

	// Missing required fields per type.
	{name: "missing title",
		site: notice("date: 2024-07-01\n", ""),
		want: "title: 缺少标题。请写一行，例如：title: 关于召开支部党员大会的通知"},
	{name: "missing date",
		site: notice("title: 通知\n", ""),
		want: "date: 缺少日期。请写一行，例如：date: 2026-11-25"},
	{name: "disclosure without publicity",
		site: "-- content/disclosures/a.md --\n---\ntitle: 公示\ndate: 2024-07-01\ncontact: {phone: 0571-88880000}\n---\n",
		want: "publicity: 党务公开要写公示期。请写一行，例如：publicity: {start: 2026-11-25, end: 2026-11-30}"},
	{name: "disclosure without contact",
		site: "-- content/disclosures/a.md --\n---\ntitle: 公示\ndate: 2024-07-01\npublicity: {start: 2024-07-01, end: 2024-07-05}\n---\n",
		want: "contact: 党务公开要写意见反馈方式。请写一行，例如：contact: {phone: 0571-12345678, address: 党群工作部}"},
	{name: "showcase without cover",
		site: "-- content/showcases/a/index.md --\n---\ntitle: 成果\ndate: 2024-07-01\n---\n",
		want: "cover: 成果展示要有封面照片。请把照片放在 index.md 旁边，再写一行，例如：cover: 封面.jpg"},

	// Types and sections.
	{name: "unknown type",
		site: notice("title: 通知\ndate: 2024-07-01\ntype: memo\n", ""),
		want: "type: “memo”不是内容类型。请写 notice（支部通知）、disclosure（党务公开）、study（学习资料）、showcase（成果展示）或 page（普通页面），例如：type: notice"},
	{name: "unknown branch",
		site: notice("title: 通知\ndate: 2024-07-01\nbranch: 第三支部\n", ""),
		want: `content/notices/a.md:4: branch: “第三支部”不是本站的支部，是不是想写 第一支部？`},

	// Two pages, one output.
	{name: "duplicate slug",
		site: notice("title: 通知\ndate: 2024-07-01\n", "") + "-- content/notices/b.md --\n---\ntitle: 又一个\ndate: 2024-07-01\nslug: a\n---\n",
		want: "slug: 网址 notices/a/index.html 和 content/notices/a.md 的重复了。"},
	{name: "static file shadows a page",
		site: notice("title: 通知\ndate: 2024-07-01\n", "") + "-- static/notices/a/index.html --\n<p>旧页</p>\n",
		want: "content/notices/a.md: " + msg.Printer{Today: demoNow}.Sprint(msg.OutputSameFile, msg.SubjectFile, "static/notices/a/index.html", "notices/a/index.html", msg.HintPageFile)},
	{name: "alias onto a page",
		site: notice("title: 通知\ndate: 2024-07-01\n", "") + "-- content/notices/b.md --\n---\ntitle: 又一个\ndate: 2024-07-01\naliases: [/notices/a/]\n---\n",
		want: `content/notices/b.md:4: aliases: “notices/a/”是 content/notices/a.md 现在的网址，不能当旧网址。请只写已经不用的旧网址。`},

	// Paths that try to leave the site.
	{name: "slug climbing out",
		site: notice("title: 通知\ndate: 2024-07-01\nslug: ../../etc\n", ""),
		want: `content/notices/a.md:4:7: slug: “../../etc”不能用作网址。网址只能用字母、数字、- 和 _，例如：slug: 2026-11-25-meeting`},
	{name: "alias climbing out",
		site: notice("title: 通知\ndate: 2024-07-01\naliases: [../../etc/passwd]\n", ""),
		want: "aliases[0]: “../../etc/passwd”不是本站里的路径。请写成这样：- /notices/old-name/"},
	{name: "alias with a scheme",
		site: notice("title: 通知\ndate: 2024-07-01\naliases: [\"https://evil.example/\"]\n", ""),
		want: "aliases[0]: “https://evil.example/”不是本站里的路径。请写成这样：- /notices/old-name/"},
	{name: "alias with markup",
		site: notice("title: 通知\ndate: 2024-07-01\naliases: [\"/old/\\\"><script>alert(8)</script>/\"]\n", ""),
		want: "aliases[0]: “/old/\"><script>alert(8)</script>/”不是本站里的路径。请写成这样：- /notices/old-name/"},
	{name: "entity-encoded javascript: link",
		site: notice("title: 通知\ndate: 2024-07-01\n", "[点我](&#106;avascript:alert(1))\n"),
		want: `content/notices/a.md:5: 链接“&#106;avascript:alert(1)”：找不到：只有页面文件夹里才能放文件。请把本页改成 content/notices/a/index.md，文件放在它旁边。`},
	{name: "absolute attachment",
		site: "-- content/study/a/index.md --\n---\ntitle: 学习\ndate: 2024-07-01\nattachments: [{file: /etc/passwd}]\n---\n",
		want: `content/study/a/index.md:4:22: attachments[0].file: “/etc/passwd”不在本页的文件夹里。文件请放在 index.md 旁边，这里只写文件名，例如：会议议程.pdf`},
	{name: "attachment climbing out",
		site: "-- content/study/a/index.md --\n---\ntitle: 学习\ndate: 2024-07-01\nattachments: [../../../pubgen.toml]\n---\n",
		want: "attachments[0]: “../../../pubgen.toml”不在本页的文件夹里。文件请放在 index.md 旁边，这里只写文件名，例如：会议议程.pdf"},
	{name: "absolute cover",
		site: "-- content/showcases/a/index.md --\n---\ntitle: 成果\ndate: 2024-07-01\ncover: /etc/hosts\n---\n",
		want: `content/showcases/a/index.md:4:8: cover: “/etc/hosts”不在本页的文件夹里。文件请放在 index.md 旁边，这里只写文件名，例如：会议议程.pdf`},
	{name: "absolute link to a system file",
		site: notice("title: 通知\ndate: 2024-07-01\n", "见[文件](/etc/passwd)。\n"),
		want: `content/notices/a.md:5: 链接“/etc/passwd”：网站上没有 /etc/passwd。请链接 static/ 里的文件，或某个页面的地址。`},
	{name: "relative link climbing out",
		site: notice("title: 通知\ndate: 2024-07-01\n", "见[配置](../../../../pubgen.toml)。\n"),
		want: `content/notices/a.md:5: 链接“../../../../pubgen.toml”：找不到：只有页面文件夹里才能放文件。请把本页改成 content/notices/a/index.md，文件放在它旁边。`},

	// Text that is not text.
	{name: "invalid UTF-8 (a GBK file)",
		site: notice("title: \xb9\xd8\xd3\xda\ndate: 2024-07-01\n", ""),
		want: "content/notices/a.md:2:8: 文件不是 UTF-8 编码（多半是 GBK）。请用记事本或 WPS 的“另存为”，编码选 UTF-8 后再保存。"},
	{name: "NUL byte",
		site: notice("title: 通知\ndate: 2024-07-01\n", "正文\x00\n"),
		want: "content/notices/a.md:5:3: 文件里有空字节，不像是文字文件。请确认它是用文本编辑器写的 .md 文件。"},
	{name: "enormous file",
		edits: func(m fstest.MapFS) {
			m["content/notices/huge.md"] = &fstest.MapFile{Data: make([]byte, source.MaxContentSize+1)}
		},
		want: "content/notices/huge.md: 文件有 10.0 MB，太大了，不像是页面文字（最多 10.0 MB）。大的文档请放在 index.md 旁边作为附件。"},
	{name: "deeply nested quotes",
		site: notice("title: 通知\ndate: 2024-07-01\n", "正文\n\n"+strings.Repeat(">", 100000)+" 引用\n"),
		want: "content/notices/a.md:7: body: " + msg.Printer{}.Sprint(msg.BodyTooDeep, 100000, 100)},
	{name: "deeply nested lists",
		site: notice("title: 通知\ndate: 2024-07-01\n", strings.Repeat("- ", 50000)+"项\n"),
		want: "content/notices/a.md:5: body: " + msg.Printer{}.Sprint(msg.BodyTooDeep, 50000, 100)},
	{name: "unclosed links",
		site: notice("title: 通知\ndate: 2024-07-01\n", "正文\n\n"+strings.Repeat("[a](", 25000)+"\n"),
		want: "content/notices/a.md:7: body: " + msg.Printer{}.Sprint(msg.BodyTooManyOpenLinks, 25000, 100001)},

	// Links inside the site that lead nowhere.
	{name: "link to a missing page",
		site: notice("title: 通知\ndate: 2024-07-01\n", "见[学习](../study/missing.md)。\n"),
		want: `content/notices/a.md:5: 链接“../study/missing.md”：指向的页面 content/study/missing.md 不存在。请写 content/ 里某个 .md 文件相对于本文件的路径，例如：[学习资料](../study/a.md)`},
	{name: "link to a missing anchor",
		site: notice("title: 通知\ndate: 2024-07-01\n", "见[议程](#议程)。\n"),
		want: `链接“#议程”：content/notices/a.md 里没有标题或锚点 #议程。`},

	// Configuration and theme.
	{name: "config malformed",
		site: "-- pubgen.toml --\ntitle = \"未闭合\n",
		want: "pubgen.toml:1:19: 引号没有结束。文字要用英文双引号括起来，并写在同一行，例如：title = \"华东能源集团党建门户\""},
	{name: "config unknown key",
		site: "-- pubgen.toml --\ntitle = \"门户\"\npage_sise = 10\n",
		want: "pubgen.toml:2:1: page_sise: 没有这个设置项，是不是想写 page_size？"},
	{name: "config wrong type",
		site: "-- pubgen.toml --\ntitle = \"门户\"\npage_size = \"十\"\n",
		want: "pubgen.toml:2:13: page_size: 这里写的是加了引号的文字，应写整数（不加引号）。"},
	{name: "missing theme",
		site: "-- pubgen.toml --\ntitle = \"门户\"\ntheme = \"red\"\n",
		want: `pubgen.toml: theme: 找不到主题“red”：没有 themes/red/layouts 文件夹。请把主题文件夹放进 themes/，或改回默认主题：theme = "default"`},
	{name: "theme without a template for notices",
		site: "-- pubgen.toml --\ntitle = \"门户\"\ntheme = \"bare\"\n-- themes/bare/layouts/index.html --\n<p>首页</p>\n" + notice("title: 通知\ndate: 2024-07-01\n", ""),
		want: "layouts/: 主题“bare”里没有生成 notices/a/index.html 这类页面的模板。请在网站或主题的 layouts/ 里加上其中一个文件：layouts/notice/single.html、layouts/notices/single.html、layouts/_default/single.html"},
	{name: "template runtime error",
		site: "-- layouts/_default/single.html --\n{{ define \"main\" }}\n<p>{{ index .Page.Tags 3 }}</p>\n{{ end }}\n" + notice("title: 通知\ndate: 2024-07-01\n", ""),
		want: "layouts/_default/single.html:2:6: 生成 notices/a/index.html（来自 content/notices/a.md）时，模板在这一行出错：executing \"main\" at <index .Page.Tags 3>: error calling index: index out of range: 3。请检查这一行模板的写法，或这个页面是否缺少模板要用的内容。"},
	{name: "template syntax error",
		site: "-- layouts/_default/single.html --\n{{ define \"main\" }}\n<p>{{ .Page.Title </p>\n{{ end }}\n",
		want: "layouts/_default/single.html:2: " + msg.Printer{}.Sprint(msg.TemplateParse, `unexpected "<" in operand`)},

	// Symbolic links (fstest.MapFS reads links as os.DirFS does).
	{name: "symlink to a system file",
		edits: func(m fstest.MapFS) {
			m["content/notices/passwd.md"] = &fstest.MapFile{Data: []byte("/etc/passwd"), Mode: fs.ModeSymlink}
		},
		want: "content/notices/passwd.md: " + msg.Printer{}.Sprint(msg.SymlinkOutside)},
	{name: "symlink climbing out",
		edits: func(m fstest.MapFS) {
			m["static/secret.txt"] = &fstest.MapFile{Data: []byte("../../home/user/.ssh/id_rsa"), Mode: fs.ModeSymlink}
		},
		want: "static/secret.txt: 这是一个符号链接（快捷方式），指向网站文件夹以外的地方，不能发布。请把文件本身复制到这里，替换这个链接。"},
	{name: "symlink loop",
		edits: func(m fstest.MapFS) {
			m["content/notices/x.md"] = &fstest.MapFile{Data: []byte("y.md"), Mode: fs.ModeSymlink}
			m["content/notices/y.md"] = &fstest.MapFile{Data: []byte("x.md"), Mode: fs.ModeSymlink}
		},
		want: "content/notices/x.md: 这是一个符号链接（快捷方式），它绕了一圈又指回自己，打不开。请删除它，换成文件本身。"},
	{name: "named pipe in a bundle",
		edits: func(m fstest.MapFS) {
			m["content/study/a/index.md"] = &fstest.MapFile{Data: []byte("---\ntitle: 学习\ndate: 2024-07-01\n---\n")}
			m["content/study/a/notes.pdf"] = &fstest.MapFile{Mode: fs.ModeNamedPipe}
		},
		want: "content/study/a/notes.pdf: " + msg.Printer{}.Sprint(msg.FileNotRegular, msg.FileKindPipe)},
}

// TestBadInput is the catalogue: every case gives its message, and an
// error stops the build.
func TestBadInput(t *testing.T) {
	for _, c := range badInputs {
		t.Run(c.name, func(t *testing.T) {
			fsys := siteFS(t, minimal+c.site)
			if c.edits != nil {
				c.edits(fsys)
			}
			res, err := Run(fsys, Options{Now: demoNow})
			var msgs string
			switch {
			case c.warn && err != nil:
				t.Fatalf("want a warning, got a failed build: %v", err)
			case c.warn:
				msgs = warnings(res.Warnings)
			case err == nil:
				t.Fatalf("build succeeded; want an error %q (warnings: %s)", c.want, warnings(res.Warnings))
			default:
				msgs = err.Error()
			}
			if !strings.Contains(msgs, c.want) {
				t.Errorf("want %q in:\n%s", c.want, msgs)
			}
			if c.warn {
				if _, err := Run(fsys, Options{Now: demoNow, Strict: true}); err == nil {
					t.Error("--strict build succeeded despite the warning")
				}
			}
		})
	}
}

func warnings(l diag.List) string {
	var b strings.Builder
	for _, d := range l {
		b.WriteString(d.String())
		b.WriteByte('\n')
	}
	return b.String()
}

// TestPlainPageInAnySection: a folder that is not a typed section is not a
// mistake; its pages are plain pages.
func TestPlainPageInAnySection(t *testing.T) {
	out := buildSite(t, minimal+"-- content/foo/x.md --\n---\ntitle: 其他\ndate: 2024-07-01\n---\n正文\n", Options{})
	wantContains(t, out, "foo/x/index.html", "其他")
}

// Personal data (个人信息) outside a disclosure is a warning: the page can
// be built, but under --strict the build fails. Numbers under contact are
// declared and fine. (In a disclosure it is an error: privacy_test.go.)
var privacyInputs = []badInput{
	{name: "ID-card number in the body",
		site: notice("title: 通知\ndate: 2024-07-01\n", "身份证号：510104199001011230\n"),
		want: "content/notices/a.md:5:6: warning: body: 像是有身份证号 5101**********1230（请删去，或隐去中间几位；", warn: true},
	{name: "bank card number in the summary",
		site: notice("title: 通知\ndate: 2024-07-01\nsummary: 党费请转入6222021234567890128\n", ""),
		want: "content/notices/a.md:4: warning: summary: 像是有银行卡号 6222***********0128（请删去", warn: true},
	{name: "mobile number as meeting host",
		site: notice("title: 通知\ndate: 2024-07-01\nmeeting:\n  kind: 党课\n  start: 2024-07-05 14:30\n  host: 王书记 138-1234-5678\n", ""),
		want: "content/notices/a.md:7: warning: meeting.host: 像是有手机号 138****5678（", warn: true},
	{name: "mobile number in a tag",
		site: notice("title: 通知\ndate: 2024-07-01\ntags: [党课, \"13812345678\"]\n", ""),
		want: "content/notices/a.md:4: warning: tags[1]: 像是有手机号 138****5678（", warn: true},
}

func TestPersonalDataWarnings(t *testing.T) {
	for _, c := range privacyInputs {
		t.Run(c.name, func(t *testing.T) {
			fsys := siteFS(t, minimal+c.site)
			res, err := Run(fsys, Options{Now: demoNow})
			if err != nil {
				t.Fatalf("want a warning, got a failed build: %v", err)
			}
			if got := warnings(res.Warnings); !strings.Contains(got, c.want) {
				t.Errorf("want %q in:\n%s", c.want, got)
			}
			_, err = Run(fsys, Options{Now: demoNow, Strict: true})
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("--strict: want a failed build naming %q, got %v", c.want, err)
			}
		})
	}
}

func TestDeclaredContactIsNotPersonalData(t *testing.T) {
	fsys := siteFS(t, minimal+"-- content/disclosures/a.md --\n---\ntitle: 公示\ndate: 2024-07-01\npublicity: {start: 2024-07-01, end: 2024-07-05}\ncontact: {phone: \"13812345678\", address: 办公楼502室}\nreview: {proposed_by: 支部委员会, reviewed_by: 党委办公室, approved_by: 集团党委, approved_on: 2024-06-30}\n---\n公示期内如有意见，请与党委组织部联系，座机0571-88880000。订单号20240701123456789。\n")
	res, err := Run(fsys, Options{Now: demoNow, Strict: true})
	if err != nil {
		t.Fatalf("a declared contact number failed a --strict build: %v", err)
	}
	if len(res.Warnings) != 0 {
		t.Errorf("warnings: %s", warnings(res.Warnings))
	}
}

// TestMaskFunctionsInTemplates: a theme can publish a list of names and
// numbers with the middle hidden.
func TestMaskFunctionsInTemplates(t *testing.T) {
	out := buildSite(t, minimal+"-- layouts/_default/single.html --\n{{ define \"main\" }}<p>{{ maskName .Page.Title }} {{ maskPhone .Page.Summary }}</p>{{ end }}\n"+
		"-- content/about.md --\n---\ntitle: 张三明\ndate: 2024-07-01\nsummary: \"13812345678\"\n---\n", Options{NoMinify: true})
	wantContains(t, out, "about/index.html", "<p>张*明 138****5678</p>")
}

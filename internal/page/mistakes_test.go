package page

import (
	"slices"
	"strings"
	"testing"
)

// TestMistakes holds, for each mistake people make in front matter, the
// whole Chinese message an author reads and the line and column it names:
// the line of the mistake, never a later one where the parser noticed.
func TestMistakes(t *testing.T) {
	const f = "content/notices/a.md"
	fm := func(lines ...string) string { return "---\n" + strings.Join(lines, "\n") + "\n---\n正文\n" }
	for _, c := range []struct{ name, src, want string }{
		{"full-width colon after a key", fm("title：关于召开支部党员大会的通知", "date: 2026-12-03"),
			f + ":2:6: title: 字段名后面用了中文冒号“：”。请改成英文冒号加一个空格：title: 关于召开支部党员大会的通知"},
		{"full-width colon, last line", fm("title: 通知", "date：2026-12-03"),
			f + ":3:5: date: 字段名后面用了中文冒号“：”。请改成英文冒号加一个空格：date: 2026-12-03"},
		{"full-width colon in a nested field", fm("title: 通知", "date: 2026-12-03", "meeting:", "  kind：党课", "  start: 2026-12-05 14:30"),
			f + ":5:7: kind: 字段名后面用了中文冒号“：”。请改成英文冒号加一个空格：kind: 党课"},
		{"no space after the colon", fm("title:关于召开支部党员大会的通知", "date: 2026-12-03"),
			f + ":2:6: title: 冒号后面少了一个空格。请改成：title: 关于召开支部党员大会的通知"},
		{"straight quote closed by a curly one", fm("title: \"关于召开支部党员大会的通知”", "date: 2026-12-03"),
			f + ":2:8: title: 引号没有配对：开头是英文引号 \"，结尾却是中文引号 ”。两边请都用英文引号：title: \"关于召开支部党员大会的通知\""},
		{"unclosed quote", fm("title: '关于召开支部党员大会的通知", "date: 2026-12-03"),
			f + ":2:8: title: 引号没有结束：开头有 '，这一行里却找不到另一个 '。请在末尾补上：title: \"关于召开支部党员大会的通知\""},
		{"quoted key", fm("“title”: 通知", "date: 2026-12-03"),
			f + ":2:1: title: 字段名不要加引号。请改成：title: …"},
		{"tab indentation", fm("title: 通知", "date: 2026-12-03", "meeting:", "\tkind: 党课"),
			f + ":5:1: 这一行用 Tab 键缩进了。只能用空格缩进，请把 Tab 换成两个空格。"},
		{"full-width space indentation", fm("title: 通知", "date: 2026-12-03", "meeting:", "\u3000\u3000kind: 党课"),
			f + ":5:1: 这一行开头有全角空格。请用普通（半角）空格缩进，例如：  kind: 支部党员大会"},
		{"full-width comma between fields", fm("title: 通知", "date: 2026-12-03", "meeting: {kind: 党课，start: 2026-12-05 14:30}"),
			f + ":4:10: meeting: 括号里的各项之间用了中文逗号“，”。请改成英文逗号加一个空格：{kind: 党课, start: 2026-12-05 14:30}"},
		{"unclosed bracket", fm("title: 通知", "date: 2026-12-03", "tags: [三会一课, 党员大会", "branch: 机关第一党支部"),
			f + ":4:7: tags: 括号没有结束：这里以 [ 开头，这一行里却没有对应的 ]。请在末尾补上，例如：tags: [三会一课, 党员大会]"},
		{"missing closing line", "---\ntitle: 通知\ndate: 2026-12-03\n\n正文第一段。\n",
			f + ":1:1: 前言区没有结束：第 1 行的 --- 之后找不到结束的那一行 ---。请在最后一个字段（例如 date: 2026-12-04）下面加一行 ---，正文写在它后面。"},
		{"# inside a value", fm("title: 通知", "date: 2026-12-03", "meeting:", "  kind: 党课", "  start: 2026-12-05 14:30", "  location: 3号楼 #2会议室"),
			f + ":7:17: meeting.location: “ #”后面的文字会被当作注释丢掉，页面上只会显示“3号楼”。如果 # 是内容的一部分，请给整个值加上英文引号：location: \"3号楼 #2会议室\""},
		{"impossible date", fm("title: 通知", "date: 2026-02-30"),
			f + ":3:7: date: 2026 年 2 月没有 30 日（这个月只有 28 天）。请检查日期，例如：date: 2026-12-04"},
		{"not a date", fm("title: 通知", "date: 下周五"),
			f + ":3:7: date: “下周五”不是日期。请写成：date: 2026-12-04，也可以写 2026年12月4日 或 2026/12/4。"},
		{"not a time of day", fm("title: 通知", "date: 2026-12-03", "publish_date: 2026-12-03 25:00"),
			f + ":4:15: publish_date: “2026-12-03 25:00”里的时间不对。时间用 24 小时制，写在日期后面，例如：publish_date: 2026-12-04 14:30"},
		{"a meeting's start without its time", fm("title: 通知", "date: 2026-12-03", "meeting: {kind: 党课, start: 明天下午}"),
			f + ":4:28: meeting.start: “明天下午”不是日期。请写成：start: 2026-12-04 14:30，也可以写 2026年12月4日 或 2026/12/4。"},
		{"unknown field", fm("title: 通知", "date: 2026-12-03", "meetng: {kind: 党课}"),
			f + ":4:1: meetng: 没有这个字段，是不是想写 meeting？"},
		{"field of another type", fm("title: 通知", "date: 2026-12-03", "publicity: {start: 2026-12-03, end: 2026-12-08}"),
			f + ":4:1: publicity: 这个字段只用于党务公开（disclosure）页面。请检查文件所在的文件夹，或 type 字段的写法。"},
		{"missing title", fm("date: 2026-12-03"),
			f + ":2:1: title: 缺少标题。请写一行，例如：title: 关于召开支部党员大会的通知"},
	} {
		t.Run(c.name, func(t *testing.T) {
			p, got := parseIn(t, "zh-CN", f, c.src)
			if p != nil || got != c.want {
				t.Errorf("page %v\ngot  %s\nwant %s", p != nil, got, c.want)
			}
		})
	}
}

// TestForgiven holds the mistakes that are read as the author meant them:
// tags separated the Chinese way, a comment with a space after the #.
func TestForgiven(t *testing.T) {
	for _, c := range []struct {
		tags string
		want []string
	}{
		{"[三会一课，党员大会]", []string{"三会一课", "党员大会"}},
		{"[三会一课、党员大会, 学习]", []string{"三会一课", "党员大会", "学习"}},
		{"三会一课、党员大会", []string{"三会一课", "党员大会"}},
		{"党建, 学习", []string{"党建", "学习"}},
		{"［三会一课，党员大会］", []string{"三会一课", "党员大会"}},
		{"\n  - 三会一课\n  - 党员大会，主题党日", []string{"三会一课", "党员大会", "主题党日"}},
	} {
		p, msgs := parseIn(t, "zh-CN", "content/notices/a.md", "---\ntitle: 通知\ndate: 2026-12-03\ntags: "+c.tags+"\ndraft: true  # 改成 false 即发布\n---\n")
		if p == nil || !slices.Equal(p.Tags, c.want) || !p.Draft {
			t.Errorf("tags: %s: got %v (%s), want %v", c.tags, p, msgs, c.want)
		}
	}
}

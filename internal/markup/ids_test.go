package markup

import (
	"strings"
	"testing"
)

// expectIDs converts in and compares the ids of its headings, in order.
func expectIDs(t *testing.T, in string, want ...string) {
	t.Helper()
	res, err := New(Options{}).Convert([]byte(in), nil)
	if err != nil {
		t.Fatalf("Convert(%q): %v", in, err)
	}
	var got []string
	for _, h := range res.TOC {
		got = append(got, h.ID)
		if !strings.Contains(string(res.HTML), ` id="`+h.ID+`"`) {
			t.Errorf("Convert(%q): id %q is in the TOC but not in the HTML:\n%s", in, h.ID, res.HTML)
		}
	}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("Convert(%q) ids\n got: %q\nwant: %q", in, got, want)
	}
}

func TestHeadingIDs(t *testing.T) {
	expectIDs(t, "# 会议议程", "会议议程")
	expectIDs(t, "# 一、支部概况", "一-支部概况")
	expectIDs(t, "## （一）学习《党章》", "一-学习-党章")
	expectIDs(t, "# **“三会一课”**制度", "三会一课-制度")
	expectIDs(t, "# Hello, World!", "hello-world")
	expectIDs(t, "# 2024 年 7 月 Party Day", "2024-年-7-月-party-day")
	expectIDs(t, "# snake_case -- and---dashes", "snake-case-and-dashes")
	expectIDs(t, "# 见[附件](report.pdf)", "见附件")
	expectIDs(t, "# 使用 `pubgen build`", "使用-pubgen-build")
	expectIDs(t, "# 文字<span>红</span>", "文字红")
	expectIDs(t, "# ！？", "section")
	expectIDs(t, "#", "section")
	expectIDs(t, "# 议程\n## 议程\n### 议程", "议程", "议程-1", "议程-2")
	expectIDs(t, "# A\n# a\n# a-1", "a", "a-1", "a-1-1")
	expectIDs(t, "# 标题 {#custom}", "custom")
	expectIDs(t, "# 议程\n# 其他 {#议程-1}\n# 议程", "议程", "议程-1", "议程-2")
	expectIDs(t, "# 议程\n# 其他 {#议程}", "议程-1", "议程")
	expectIDs(t, "第一行\n第二行\n===", "第一行第二行")
	expectIDs(t, "Setext\nheading\n---", "setext-heading")
	expectIDs(t, "> # 引用里的标题\n\n- # 列表里的标题", "引用里的标题", "列表里的标题")
}

func TestTOC(t *testing.T) {
	src := "前言\n\n# 一、会议议程\n\n正文\n\n## 学习**《党章》**\n\n说明\n第二节\n-----\n"
	res, err := New(Options{}).Convert([]byte(src), nil)
	if err != nil {
		t.Fatal(err)
	}
	want := []Heading{
		{Level: 1, ID: "一-会议议程", Text: "一、会议议程", Line: 3},
		{Level: 2, ID: "学习-党章", Text: "学习《党章》", Line: 7},
		{Level: 2, ID: "说明第二节", Text: "说明第二节", Line: 9},
	}
	if len(res.TOC) != len(want) {
		t.Fatalf("TOC = %+v, want %+v", res.TOC, want)
	}
	for i := range want {
		if res.TOC[i] != want[i] {
			t.Errorf("TOC[%d] = %+v, want %+v", i, res.TOC[i], want[i])
		}
	}
}

// TestIDsPerDocument guards against ids leaking from one document into the
// next through the shared Converter.
func TestIDsPerDocument(t *testing.T) {
	c := New(Options{})
	for range 3 {
		res, err := c.Convert([]byte("# 议程"), nil)
		if err != nil {
			t.Fatal(err)
		}
		if res.TOC[0].ID != "议程" {
			t.Fatalf("second document got id %q, want 议程", res.TOC[0].ID)
		}
	}
}

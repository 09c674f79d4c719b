package attach

import (
	"os"
	"strings"
	"testing"
)

// zh-chromium.pdf is tools/pdf/zh-test.html printed by Chromium
// (tools/pdf/make.sh): a Type0/Identity-H subset of WenQuanYi Micro Hei
// and, for the synthesized bold heading, one Type3 font per glyph, all
// with ToUnicode CMaps.
func TestChromiumChinesePDF(t *testing.T) {
	data, err := os.ReadFile("testdata/zh-chromium.pdf")
	if err != nil {
		t.Fatal(err)
	}
	parts, err := Extract("zh-chromium.pdf", data, Limits{})
	if err != nil {
		t.Fatal(err)
	}
	if len(parts) != 2 || parts[0].Page != 1 || parts[1].Page != 2 {
		t.Fatalf("parts = %+v, want pages 1 and 2", parts)
	}
	for _, c := range []struct {
		page int
		want string
	}{
		{1, "学习笔记：党章第一章"}, // Type3, one font per glyph
		{1, "全心全意为人民服务是党的根本宗旨。"},
		{1, "检验换行处的中文是否连续不断，不插入空格。"}, // across a line break
		{1, "支部 人数"}, // table cells stay apart
		{1, "机关第一党支部 28"},
		{2, "不忘初心，牢记使命。Party members study the 2026 plan together."},
	} {
		if got := parts[c.page-1].Text; !strings.Contains(got, c.want) {
			t.Errorf("page %d lacks %q:\n%s", c.page, c.want, got)
		}
	}
	t.Logf("page 1: %q", parts[0].Text)
}

package pipeline

import (
	"strings"
	"testing"

	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/search"
	"github.com/pubgen/pubgen/internal/site"
)

// TestReportTableInChinese is the build's summary as an operator reads it
// with the site's default language: every line in Chinese, and the page
// counts in one column however wide the words before them are.
func TestReportTableInChinese(t *testing.T) {
	r := Report{
		Pages: map[string]int{"notice": 3, "disclosure": 12}, Files: 180, Bytes: 2_400_000, DurationMS: 950, Dest: "public",
		Search:           search.UpdateStats{Added: 3, Changed: 1, Unchanged: 120},
		LayoutOverrides:  []string{"layouts/partials/footer.html"},
		Scheduled:        []Scheduled{{At: "2026-12-05T09:00:00+08:00", File: "content/disclosures/a.md", What: site.ChangePublicityFrom}},
		AwaitingApproval: []Awaiting{{File: "content/disclosures/b.md", Missing: []string{"reviewed_by", "approved_by"}}},
		Warnings:         []string{"content/notices/a.md:3: warning: …"},
	}
	var b strings.Builder
	r.WriteTable(&b, msg.Printer{})
	want := `类型                    页数
党务公开（disclosure）  12
支部通知（notice）      3
合计                    15
共 180 个文件，2.3 MB，用时 950 毫秒 → public
搜索索引：新增 3 页，修改 1 页，删除 0 页，120 页没有变化
本站自己的模板（代替主题里的同名文件）：layouts/partials/footer.html
定时变化（build --watch 和 serve 会到时自动重新构建；否则请到时再构建一次）：
  2026-12-05T09:00:00+08:00  content/disclosures/a.md 公示开始
1 项党务公开还在等审批，没有发布（党务公开程序：提出 → 审核 → 审批）：
  content/disclosures/b.md：还没有填写 review.reviewed_by（审核（含保密审查））、review.approved_by（审批）
1 处提醒：
  content/notices/a.md:3: warning: …
`
	if got := b.String(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

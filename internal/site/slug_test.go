package site

import "testing"

func TestFileSlug(t *testing.T) {
	for in, want := range map[string]string{
		"2026-12-03-notice-1": "2026-12-03-notice-1",
		"12月 支部党员大会 通知（终稿）":   "12月-支部党员大会-通知",
		"关于召开支部党员大会的通知":       "关于召开支部党员大会的通知",
		"通知 - 副本":             "通知",
		"讲话稿(1)":              "讲话稿",
		"讲话稿（2）":              "讲话稿",
		"学习材料【定稿】":            "学习材料",
		"报告 v2":               "报告",
		"会议纪要 final":          "会议纪要",
		"第三季度　党课":             "第三季度-党课",
		"《党章》学习":              "党章学习",
		"通知（第二期）":             "通知第二期",
		"q3-meeting":          "q3-meeting",
		"2024":                "2024",
		"（终稿）":                "（终稿）",
		"a  -  b":             "a-b",
	} {
		if got := fileSlug(in); got != want {
			t.Errorf("fileSlug(%q) = %q, want %q", in, got, want)
		}
	}
}

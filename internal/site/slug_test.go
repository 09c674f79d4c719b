package site

import (
	"math/rand/v2"
	"strings"
	"testing"
)

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

// TestPlainSlugFollowsTheRules holds fileSlug's fast path to its rules
// as written (slugByRules) on names made at random from the pieces the
// rules look at: dashes, dots, spaces, brackets, version words in any
// case, digits, Latin and Chinese; and checks that the fast path takes
// most plain names, so it is not a test of the slow path twice.
func TestPlainSlugFollowsTheRules(t *testing.T) {
	pieces := []string{"-", "-", ".", " ", "　", "(", "）", "【", "《", "--", "终稿", "最终稿", "副本", "Final", "FINAL", "draft", "copy", "v2", "V10", "v", "2", "2024", "notice", "a", "通知", "党课", "ſ", "K"}
	rnd := rand.New(rand.NewPCG(1, 2))
	fast := 0
	for range 50000 {
		var b strings.Builder
		for range 1 + rnd.IntN(6) {
			b.WriteString(pieces[rnd.IntN(len(pieces))])
		}
		name := b.String()
		want := slugByRules(name)
		got, ok := plainSlug(name)
		if ok {
			fast++
			if got != want {
				t.Fatalf("plainSlug(%q) = %q, the rules give %q", name, got, want)
			}
		}
		if got := fileSlug(name); got != want {
			t.Fatalf("fileSlug(%q) = %q, the rules give %q", name, got, want)
		}
	}
	if fast < 12000 {
		t.Errorf("the fast path took %d of 50,000 names", fast)
	}
}

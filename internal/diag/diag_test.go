package diag

import (
	"strings"
	"testing"

	"github.com/pubgen/pubgen/internal/msg"
)

func TestListReport(t *testing.T) {
	var l List
	l.Warnf("content/b.md", 3, 0, "body", "looks like a mobile phone number 138****5678 (want it removed)")
	l.Errorf("content/a.md", 4, 9, "meeting.start", "%q is not a date (want 2006-01-02)", "2024-13-01")
	l.Errorf("content/a.md", 2, 1, "", "has no title")
	if l.Err(false) == nil || !l.HasErrors(false) {
		t.Fatal("errors not reported")
	}
	got := l.Err(false).Error()
	want := "content/a.md:2:1: has no title\n" +
		"content/a.md:4:9: meeting.start: \"2024-13-01\" is not a date (want 2006-01-02)\n" +
		"content/b.md:3: warning: body: looks like a mobile phone number 138****5678 (want it removed)\n" +
		"共 2 处错误、1 处提醒。"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}

	var w List
	w.Warnf("content/b.md", 3, 0, "body", "x")
	if w.Err(false) != nil {
		t.Error("a warning failed a build without --strict")
	}
	if err := w.Err(true); err == nil || !strings.HasSuffix(err.Error(), "共 1 处提醒；用了 --strict，提醒也算错误。") {
		t.Errorf("strict: %v", err)
	}
}

func TestReportInEnglish(t *testing.T) {
	var l List
	l.Error("content/a.md", 2, 1, "title", msg.TitleMissing)
	l.Warnf("content/b.md", 3, 0, "body", "x")
	err := l.Err(false).(*Errors)
	err.Printer = msg.Printer{Lang: msg.English}
	want := "content/a.md:2:1: title: is missing (want the page's title, e.g. title: 关于召开支部党员大会的通知)\n" +
		"content/b.md:3: warning: body: x\n" +
		"1 error(s), 1 warning(s)"
	if got := err.Error(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	if got := l[0].String(); got != "content/a.md:2:1: title: 缺少标题。请写一行，例如：title: 关于召开支部党员大会的通知" {
		t.Errorf("default language: %s", got)
	}
}

package diag

import (
	"strings"
	"testing"
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
		"2 error(s), 1 warning(s)"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}

	var w List
	w.Warnf("content/b.md", 3, 0, "body", "x")
	if w.Err(false) != nil {
		t.Error("a warning failed a build without --strict")
	}
	if err := w.Err(true); err == nil || !strings.HasSuffix(err.Error(), "0 error(s), 1 warning(s) (--strict: warnings fail the build)") {
		t.Errorf("strict: %v", err)
	}
}

package page

import (
	"strings"
	"testing"
	"time"
)

func TestParseSignoff(t *testing.T) {
	const head = "---\ntitle: a\ndate: 2026-12-03\n"
	day := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, shanghai) }
	cases := []struct {
		file, fm string
		body     string
		date     time.Time
	}{
		{"content/notices/a.md", "signoff: {body: 机关第一党支部, date: 2026-12-01}\n", "机关第一党支部", day(2026, 12, 1)},
		{"content/notices/a.md", "signoff:\n  body: 机关第一党支部\n", "机关第一党支部", day(2026, 12, 3)}, // the page's date
		{"content/disclosures/a.md", "signoff: 中共技术研发党支部委员会\npublicity: {start: 2026-12-01, end: 2026-12-07}\ncontact: {phone: 0571-1}\n", "中共技术研发党支部委员会", day(2026, 12, 3)},
	}
	for _, c := range cases {
		p, msgs := parse(t, c.file, head+c.fm+"---\n")
		if p == nil {
			t.Errorf("%q: %s", c.fm, msgs)
			continue
		}
		if p.Signoff == nil || p.Signoff.Body != c.body || !p.Signoff.Date.Equal(c.date) {
			t.Errorf("%q: signoff %+v, want %s %v", c.fm, p.Signoff, c.body, c.date)
		}
	}
	if p, _ := parse(t, "content/notices/a.md", head+"---\n"); p.Signoff != nil {
		t.Errorf("no signoff field: got %+v, want none", p.Signoff)
	}
}

func TestParseSignoffErrors(t *testing.T) {
	const head = "---\ntitle: a\ndate: 2026-12-03\n"
	cases := []struct{ file, fm, want string }{
		{"content/notices/a.md", "signoff: {date: 2026-12-01}\n", "content/notices/a.md:4:10: signoff.body: is missing"},
		{"content/notices/a.md", "signoff: {body: 支部, date: 2026-13-01}\n", "signoff.date: 2026 has no month 13"},
		{"content/notices/a.md", "signoff: {body: 支部, dat: 2026-12-01}\n", "signoff.dat: unknown field (did you mean date?)"},
		{"content/study/a.md", "signoff: 支部\n", "signoff: unknown field (signoff belongs to disclosure and notice pages"},
	}
	for _, c := range cases {
		p, msgs := parse(t, c.file, head+c.fm+"---\n")
		if p != nil {
			t.Errorf("%q: accepted, want %q", c.fm, c.want)
			continue
		}
		if !strings.Contains(msgs, c.want) {
			t.Errorf("%q:\ngot  %s\nwant %s", c.fm, msgs, c.want)
		}
	}
}

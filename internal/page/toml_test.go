package page

import (
	"strings"
	"testing"
)

// TestTOMLPositions: a problem inside a TOML table names the line of the
// value or key at fault, not the table's header or the top of the page.
func TestTOMLPositions(t *testing.T) {
	const notice = "content/notices/a.md"
	cases := []struct {
		file, src, want string
	}{
		{notice, "+++\ntitle = \"a\"\ndate = 2024-01-01\n\n[meeting]\nkind = \"党课\"\nstart = 2024-07-05T14:30:00\nend = \"2024-13-05\"\n+++\n",
			notice + `:8:7: meeting.end: 2024 has no month 13`},
		{notice, "+++\ntitle = \"a\"\ndate = 2024-01-01\n[meeting]\nkind = \"党课\"\nstart = 2024-07-05T14:30:00\nknd = 1\n+++\n",
			notice + ":7:1: meeting.knd: unknown field"},
		{notice, "+++\ntitle = \"a\"\ndate = 2024-01-01\nmeeting.kind = \"茶话会\"\nmeeting.start = 2024-07-05\n+++\n",
			notice + `:4:16: meeting.kind: "茶话会" is not a meeting kind`},
		{notice, "+++\ntitle = \"a\"\ndate = 2024-01-01\ntags = [\n  \"党建\",\n  [\"嵌套\"],\n]\n+++\n",
			notice + ":6:4: tags[1]: is a list"},
		{notice, "+++\ntitle = \"标题\"\ndate = 2024-01-01\n[[attachments]]\nfile = \"a.pdf\"\n[[attachments]]\ntitle = \"议程\"\n+++\n",
			notice + ":6:3: attachments[1].file: is missing"},
		{"content/disclosures/a.md", "+++\ntitle = \"a\"\ndate = 2024-01-01\npublicity = {start = 2024-01-01, end = 2024-01-05}\n\n[contact]\n  phone = \"0571-1\"\n  email = \"不是邮箱\"\n+++\n",
			`content/disclosures/a.md:8:11: contact.email: "不是邮箱" is not an email address`},
		{"content/disclosures/a.md", "+++\ntitle = \"a\"\ndate = 2024-01-01\ncontact = {phone = \"1\"}\npublicity = {start = 2024-01-01, end = 2023-01-05}\n+++\n",
			`content/disclosures/a.md:5:40: publicity.end: is before publicity.start`},
		{notice, "+++\ntitle = \"a\"\ndate = 2024-01-01\nmeetng.kind = \"党课\"\n+++\n",
			notice + ":4:1: meetng: unknown field (did you mean meeting?)"},
		{notice, "+++\ntitle = \"a\"\ndate = 2024-01-01\n\n[meetng.where]\nroom = 1\n+++\n",
			notice + ":5:2: meetng: unknown field (did you mean meeting?)"},
		{notice, "+++\ntitle = \"a\"\ndate = 2024-01-01\nweight = 1\nweight = 2\n+++\n",
			notice + ":5:1: front matter is not valid TOML"},
	}
	for _, c := range cases {
		p, msgs := parse(t, c.file, c.src)
		if p != nil || !strings.Contains(msgs, c.want) {
			t.Errorf("%q:\ngot  %s\nwant %s", c.src, msgs, c.want)
		}
	}
}

package main

import (
	"bytes"
	"runtime"
	"strings"
	"testing"
	"unicode/utf8"
)

// rawControl returns the first character in out that could act on a
// terminal or hide a line (anything but the newlines between lines), or -1.
func rawControl(out string) rune {
	if !utf8.ValidString(out) {
		return utf8.RuneError
	}
	for _, r := range out {
		switch {
		case r == '\n':
		case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0,
			r == 0x2028, r == 0x2029, r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			return r
		}
	}
	return -1
}

// TestHostileFileNameCannotForgeOutput: a content file whose name holds a
// newline, ESC and a bidi override is reported without a raw control
// character, and no line of the output is a forged "ok:".
func TestHostileFileNameCannotForgeOutput(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows file names cannot hold control characters")
	}
	name := "content/notices/x\nok: 99 pages, 0 files, 0 warning(s)\x1b[2J\x1b]0;pwned\x07\u202e.md"
	site := writeSite(t, map[string]string{
		"pubgen.toml": "title = \"测试门户\"\n",
		name:          "---\ntitle: 通知\ndate: 2024-07-32\n---\n正文\n",
	})
	for _, cmd := range []string{"check", "build"} {
		var out, errOut bytes.Buffer
		code := run([]string{cmd, "--source", site}, &out, &errOut)
		all := out.String() + errOut.String()
		if code == 0 {
			t.Errorf("%s: exit 0 for a bad date:\n%s", cmd, all)
		}
		if r := rawControl(all); r >= 0 {
			t.Errorf("%s: raw %U in output:\n%q", cmd, r, all)
		}
		for _, line := range strings.Split(all, "\n") {
			if strings.HasPrefix(line, "ok:") {
				t.Errorf("%s: forged line %q", cmd, line)
			}
		}
		if !strings.Contains(all, `x\nok: 99 pages`) || !strings.Contains(all, `\x1b[2J`) {
			t.Errorf("%s: the file is not named, escaped:\n%s", cmd, all)
		}
	}
}

// TestHostileTitleInSearchAndSummary: a title holding an escape sequence
// that would retitle the terminal is printed escaped by pubgen search.
func TestHostileTitleInSearchAndSummary(t *testing.T) {
	site := writeSite(t, map[string]string{
		"pubgen.toml":             "title = \"测试门户\"\n",
		"content/notices/evil.md": "---\ntitle: \"党费\\e]0;pwned\\a\\e[2J\\u202e收缴通知\"\ndate: 2024-07-01\n---\n党费收缴正文\n",
	})
	var out, errOut bytes.Buffer
	if code := run([]string{"build", "--source", site}, &out, &errOut); code != 0 {
		t.Fatalf("build failed (%d): %s", code, errOut.String())
	}
	if r := rawControl(out.String() + errOut.String()); r >= 0 {
		t.Errorf("build: raw %U in output:\n%q", r, errOut.String())
	}
	out.Reset()
	errOut.Reset()
	if code := run([]string{"search", "--source", site, "党费"}, &out, &errOut); code != 0 {
		t.Fatalf("search failed (%d): %s", code, errOut.String())
	}
	got := out.String()
	if r := rawControl(got + errOut.String()); r >= 0 {
		t.Errorf("search: raw %U in output:\n%q", r, got)
	}
	if !strings.Contains(got, `党费\x1b]0;pwned\x07\x1b[2J\u202e收缴通知`) {
		t.Errorf("search: title not shown escaped:\n%s", got)
	}
}

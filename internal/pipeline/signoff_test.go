package pipeline

import (
	"regexp"
	"strings"
	"testing"
)

// signoffSite has a 落款 in each form: the long form with a date of its
// own, the long form dated by the page, and the short form on a
// disclosure.
const signoffSite = minimal + `
-- content/notices/dated.md --
---
title: 关于召开支部党员大会的通知
date: 2026-12-03
branch: 第一支部
signoff:
  body: 中共第一支部委员会
  date: 2026-12-01
---
正文。
-- content/notices/undated.md --
---
title: 关于召开支委会的通知
date: 2026-11-20
signoff:
  body: 第二支部
---
正文。
-- content/notices/none.md --
---
title: 没有落款的通知
date: 2026-11-21
---
正文。
-- content/disclosures/gongshi.md --
---
title: 发展党员公示
date: 2026-11-22
signoff: 第一支部
publicity: {start: 2026-11-23, end: 2026-11-29}
contact: {phone: 0571-8765 2310}
review: {proposed_by: 支委会, reviewed_by: 党委办公室, approved_by: 党委, approved_on: 2026-11-22}
---
正文。
`

// TestSignoff: a 落款 is two lines after the body, the issuing body above
// the date in Arabic numerals (GB/T 9704-2012), dated by the page unless it
// says otherwise; the style sheet sets it at the right on screen and keeps
// it with the text before it in print.
func TestSignoff(t *testing.T) {
	out := buildSite(t, signoffSite, Options{NoMinify: true})
	for file, want := range map[string]string{
		"notices/dated/index.html":       `<div class="prose"><p>正文。</p>` + "\n</div>\n" + `<p class="signoff"><span class="signoff-body">中共第一支部委员会</span><br><time class="signoff-date" datetime="2026-12-01">2026年12月1日</time></p>`,
		"notices/undated/index.html":     `<p class="signoff"><span class="signoff-body">第二支部</span><br><time class="signoff-date" datetime="2026-11-20">2026年11月20日</time></p>`,
		"disclosures/gongshi/index.html": `<p class="signoff"><span class="signoff-body">第一支部</span><br><time class="signoff-date" datetime="2026-11-22">2026年11月22日</time></p>`,
	} {
		if !strings.Contains(out[file], want) {
			t.Errorf("%s lacks\n%s\nin\n%s", file, want, out[file])
		}
	}
	if strings.Contains(out["notices/none/index.html"], "signoff") {
		t.Error("a notice without a 落款 shows one")
	}

	css := ""
	for name, data := range out {
		if regexp.MustCompile(`^assets/style\.[0-9a-f]{8}\.css$`).MatchString(name) {
			css = data
		}
	}
	before, print, ok := strings.Cut(css, "@media print")
	if !ok {
		t.Fatal("style.css has no print rules")
	}
	end := strings.Index(print, "\n}\n")
	printRules, screen := print[:end], before+print[end:]
	for _, want := range []string{
		".signoff { width: fit-content; max-width: 100%; margin: 2em 2em 1em auto; text-align: left;",
		".signoff-date { display: inline-block; padding-left: 2em; white-space: nowrap; }",
	} {
		if !strings.Contains(screen, want) {
			t.Errorf("style.css lacks %q", want)
		}
	}
	if !strings.Contains(printRules, ".signoff { break-inside: avoid; break-before: avoid;") {
		t.Errorf("print rules do not keep the 落款 with the text before it:\n%s", printRules)
	}
	for _, line := range strings.Split(printRules, "\n") {
		if strings.Contains(line, "display: none") && strings.Contains(line, ".signoff") {
			t.Errorf("print hides the 落款: %s", line)
		}
	}
}

// TestSignoffHint: a 落款 still holding the archetype's hint is not
// published, at its line.
func TestSignoffHint(t *testing.T) {
	msgs := buildErrors(t, minimal+`
-- content/notices/a.md --
---
title: 通知
date: 2026-12-03
signoff:
  body: （发文机关，例如支部名称）
---
正文。
`)
	if want := "content/notices/a.md:5: signoff.body: 还是模板的提示文字“（发文机关，例如支部名称）”"; !strings.Contains(msgs, want) {
		t.Errorf("want %q in\n%s", want, msgs)
	}
}

package pipeline

import (
	"slices"
	"strings"
	"testing"

	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/site"
)

// procedureSite holds a disclosure for each state of its procedure record
// (《中国共产党党务公开条例（试行）》 Art. 15: 提出 → 审核 → 审批): complete,
// missing its 审核 (the 保密审查), with no record, and approved on a day
// after the build's. Each title is unique, so its presence anywhere in the
// output is visible.
const procedureSite = minimal + `
-- content/disclosures/done.md --
---
title: 已审批事项甲
date: 2026-11-20
branch: 第一支部
category: 发展党员公示
publicity: {start: 2026-11-21, end: 2026-11-27}
contact: {email: dangwei@example.com}
result: 公示期满无异议
review:
  proposed_by: 第一支部支委会
  reviewed_by: 党委办公室
  approved_by: 集团党委
  approved_on: 2026-11-20
---
正文
-- content/disclosures/old.md --
---
title: 已审批事项乙
date: 2025-03-01
branch: 第二支部
category: 党费收缴情况
publicity: {start: 2025-03-02, end: 2025-03-08}
contact: {email: dangwei@example.com}
review: {proposed_by: 第二支部, reviewed_by: 党委办公室, approved_by: 集团党委, approved_on: 2025-03-01}
---
正文
-- content/disclosures/unreviewed.md --
---
title: 未经保密审查事项
date: 2026-11-21
category: 发展党员公示
publicity: {start: 2026-11-22, end: 2026-11-28}
contact: {email: dangwei@example.com}
review:
  proposed_by: 第一支部支委会
  approved_by: 集团党委
  approved_on: 2026-11-21
---
正文
-- content/disclosures/norecord.md --
---
title: 没有程序记录的事项
date: 2026-11-22
publicity: {start: 2026-11-22, end: 2026-11-28}
contact: {email: dangwei@example.com}
---
正文
-- content/disclosures/later.md --
---
title: 明天才批准的事项
date: 2026-11-22
publicity: {start: 2026-11-27, end: 2026-12-03}
contact: {email: dangwei@example.com}
review: {proposed_by: 第一支部, reviewed_by: 党委办公室, approved_by: 集团党委, approved_on: 2026-11-26}
---
正文
`

var heldBackTitles = []string{"未经保密审查事项", "没有程序记录的事项", "明天才批准的事项"}

// TestDisclosureNeedsItsProcedureRecord: a disclosure without a complete
// record is held back like a draft — no file anywhere in the output names
// it (its page, lists, feeds, sitemap, search shards, the catalogue) — and
// the report names the missing step, while the rest of the site builds.
func TestDisclosureNeedsItsProcedureRecord(t *testing.T) {
	res, err := Run(siteFS(t, procedureSite), Options{Now: demoNow})
	if err != nil {
		t.Fatalf("one item awaiting approval failed the build: %v", err)
	}
	out := map[string]string{}
	for _, e := range res.Entries {
		out[e.Path] = string(e.Data)
	}
	if !strings.Contains(out["disclosures/done/index.html"], "已审批事项甲") {
		t.Fatal("a disclosure with a complete record was not published")
	}
	for _, p := range []string{"disclosures/unreviewed/index.html", "disclosures/norecord/index.html", "disclosures/later/index.html"} {
		if _, ok := out[p]; ok {
			t.Errorf("%s published without a complete procedure record", p)
		}
	}
	for path, data := range out {
		for _, title := range heldBackTitles {
			if strings.Contains(data, title) {
				t.Errorf("%s shows %q, which awaits approval", path, title)
			}
		}
	}

	got := map[string]Awaiting{}
	for _, a := range res.Report.AwaitingApproval {
		got[a.File] = a
	}
	want := map[string][]string{
		"content/disclosures/unreviewed.md": {"reviewed_by"},
		"content/disclosures/norecord.md":   {"proposed_by", "reviewed_by", "approved_by", "approved_on"},
	}
	for file, missing := range want {
		if !slices.Equal(got[file].Missing, missing) {
			t.Errorf("%s: report says missing %v, want %v", file, got[file].Missing, missing)
		}
	}
	if a := got["content/disclosures/later.md"]; len(a.Missing) != 0 || a.From != "2026-11-26T00:00:00+08:00" {
		t.Errorf("approved tomorrow: report says %+v, want from 2026-11-26T00:00:00+08:00", a)
	}
	if len(got) != 3 {
		t.Errorf("report lists %d items awaiting approval, want 3: %+v", len(got), res.Report.AwaitingApproval)
	}
	if !slices.ContainsFunc(res.Report.Scheduled, func(s Scheduled) bool {
		return s.File == "content/disclosures/later.md" && s.What == site.ChangeApproved
	}) {
		t.Errorf("the approval day is not a scheduled change: %+v", res.Report.Scheduled)
	}
	var table strings.Builder
	res.Report.WriteTable(&table, msg.Printer{Lang: msg.English})
	if !strings.Contains(table.String(), "content/disclosures/unreviewed.md: missing review.reviewed_by (审核（含保密审查）)") {
		t.Errorf("the build table does not name the missing step:\n%s", table.String())
	}

	// A preview shows every item: the reviewer reads it before approving.
	preview := buildSite(t, procedureSite, Options{Drafts: true, NoSearch: true})
	if !strings.Contains(preview["disclosures/unreviewed/index.html"], "未经保密审查事项") {
		t.Error("a preview (--drafts) does not show the item awaiting approval")
	}
}

// TestCatalogue: the 党务公开目录 lists every published disclosure under the
// year of its date and its category, with its period and result; the
// expected rows are read from the fixture's own fields, not from the
// catalogue code.
func TestCatalogue(t *testing.T) {
	out := buildSite(t, procedureSite, Options{NoSearch: true})
	cat := out[site.OutputFile(site.CatalogueURL)]
	if cat == "" {
		t.Fatal("no catalogue page")
	}
	order := []string{"2026年", "发展党员公示", "已审批事项甲", "2026年11月21日", "2026年11月27日", "公示期满无异议",
		"2025年", "党费收缴情况", "已审批事项乙", "2025年3月2日", "2025年3月8日"}
	at := 0
	for _, s := range order {
		i := strings.Index(cat[at:], s)
		if i < 0 {
			t.Fatalf("catalogue lacks %q after position %d (want, in order: %v)", s, at, order)
		}
		at += i + len(s)
	}
	if !strings.Contains(out["disclosures/index.html"], `href="catalogue/index.html"`) {
		t.Error("the disclosure list does not link to the catalogue")
	}
	page := out["disclosures/done/index.html"]
	for _, s := range []string{"提出：第一支部支委会", "审核（含保密审查）：党委办公室", "审批：集团党委"} {
		if !strings.Contains(page, s) {
			t.Errorf("the disclosure page does not show its procedure step %q", s)
		}
	}
}

package pipeline

import (
	"slices"
	"testing"

	"github.com/pubgen/pubgen/internal/search"
)

// TestSearchPhraseSoftBreak: a phrase is found across a soft line break
// inside a paragraph (Chinese lines join without a space), and not where
// its bigrams are split by punctuation or a paragraph break.
func TestSearchPhraseSoftBreak(t *testing.T) {
	cache := t.TempDir()
	const archive = `-- pubgen.toml --
title = "测试门户"
-- content/notices/joined.md --
---
title: 活动通知
date: 2026-01-01
---
本支部定于下周开展主题
党日活动，请全体党员参加。
-- content/notices/apart.md --
---
title: 学习通知
date: 2026-01-02
---
本次学习的主题，党日常工作要点。

学习主题

党日活动安排另行通知。
`
	if _, err := Run(siteFS(t, archive), Options{Now: demoNow, SearchCache: cache}); err != nil {
		t.Fatal(err)
	}
	ix, err := search.Open(cache)
	if err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	for _, c := range []struct {
		q    string
		want []string
	}{
		{"主题党日", []string{"notices/joined/index.html"}},
		{"主题党日活动", []string{"notices/joined/index.html"}},
		{"主题 党日", []string{"notices/apart/index.html", "notices/joined/index.html"}},
		{"题党", []string{"notices/joined/index.html"}},
	} {
		hits, err := ix.Search(c.q, search.Query{})
		if err != nil {
			t.Fatal(err)
		}
		var got []string
		for _, h := range hits {
			got = append(got, h.URL)
		}
		slices.Sort(got)
		if !slices.Equal(got, c.want) {
			t.Errorf("%q finds %q, want %q", c.q, got, c.want)
		}
	}
}

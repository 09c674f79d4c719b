package render

import (
	"slices"
	"testing"
	"time"

	"github.com/pubgen/pubgen/internal/config"
	"github.com/pubgen/pubgen/internal/page"
)

// TestAuditFindsKeptStaleVersions: a build that keeps a page's keys on an
// owner version that missed a change (here every owner version is made to
// look unchanged) lists under Audit exactly the keys whose version is not
// the kept one; with the true owner versions it lists none.
func TestAuditFindsKeptStaleVersions(t *testing.T) {
	base := ownerSite(t, nil)
	// A later date moves 第一讲 past its neighbours: their navigation and
	// its own change, and its front matter.
	edited := ownerSite(t, func(ps map[string]*page.Page, _ *config.Config, _ *time.Time, _ map[string][]string) {
		ps["a"].Date = ps["a"].Date.AddDate(0, 0, 10)
	})
	var keys []key
	for p := range NewVersions(base, &Options{}, nil, nil).allNodes() {
		for k := kMeta; k < kThumb; k++ {
			keys = append(keys, key{k, p})
		}
	}
	var want []string
	for _, k := range keys {
		if NewVersions(base, &Options{}, nil, nil).compute(k) != NewVersions(edited, &Options{}, nil, nil).compute(k) {
			want = append(want, k.String())
		}
	}
	slices.Sort(want)
	if len(want) == 0 {
		t.Fatal("the edit changed no key: the test tests nothing")
	}
	for _, blind := range []bool{false, true} {
		var tab keyTable
		tab.number(keys)
		was := NewVersions(base, &Options{}, nil, nil) // the last build
		was.changed(&tab)
		was.see(&tab)
		now := NewVersions(edited, &Options{}, nil, nil)
		if blind {
			seen, _, shape := tab.seenSnapshot()
			tab.setSeen(seen, now.ownerVersions(), shape)
		}
		now.Audit()
		now.changed(&tab)
		got := now.Stale()
		switch {
		case !blind && len(got) > 0:
			t.Errorf("with the true owner versions, Audit found %v", got)
		case blind && !slices.Equal(got, want):
			t.Errorf("with every owner version unchanged, Audit found %v; want the changed keys %v", got, want)
		}
	}
}

// TestAuditFindsAStaleMemo: a page memo entry kept past a change of its
// page (a front matter edit the Sum missed, made here by giving the edited
// page its old Sum) gives a version Audit does not take from it.
func TestAuditFindsAStaleMemo(t *testing.T) {
	var m PageMemo
	base := ownerSite(t, nil)
	meta := key{kMeta, base.BySource("content/study/a.md").Path}
	NewVersions(base, &Options{}, nil, &m).compute(meta)
	edited := ownerSite(t, func(ps map[string]*page.Page, _ *config.Config, _ *time.Time, _ map[string][]string) {
		ps["a"].Branch = "新的支部"
	})
	edited.BySource(meta.id).Page.Sum = base.BySource(meta.id).Page.Sum
	now := NewVersions(edited, &Options{}, nil, &m)
	now.Audit()
	var tab keyTable // nothing seen: every key is worked out
	tab.number([]key{meta})
	now.changed(&tab)
	if got := now.Stale(); !slices.Equal(got, []string{meta.String()}) {
		t.Errorf("Audit found %v, want %v", got, []string{meta.String()})
	}
}

package search

import (
	"encoding/json"
	"testing"

	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
)

// planSegment is a segment as bleve's merge planner sees it.
type planSegment struct {
	id         uint64
	full, live int64
}

func (s planSegment) Id() uint64          { return s.id }
func (s planSegment) FullSize() int64     { return s.full }
func (s planSegment) LiveSize() int64     { return s.live }
func (s planSegment) HasVector() bool     { return false }
func (s planSegment) FileSize() int64     { return s.full * 1000 }
func (s planSegment) LiveFileSize() int64 { return s.live * 1000 }

// storePlanOptions are the merge planner's options as scorch makes them
// from storeConfig: its defaults, with the configured ones read over them.
func storePlanOptions(t *testing.T) *mergeplan.MergePlanOptions {
	o := mergeplan.DefaultMergePlanOptions
	b, err := json.Marshal(storeConfig()["scorchMergePlanOptions"])
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &o); err != nil {
		t.Fatal(err)
	}
	return &o
}

// TestOneDocumentEditsDoNotRewriteTheIndex holds the merge planner to
// what a session needs: after a few one-page edits of a 2,000- or
// 10,000-page index (each a one-document segment, and a deletion in the
// large segment), nothing is merged, and once enough of them have
// gathered they are merged with each other, not into the large segment.
// With bleve's default floor a 2,000-page index merged its large segment
// after every edit.
func TestOneDocumentEditsDoNotRewriteTheIndex(t *testing.T) {
	edits := func(pages int64, n int) []mergeplan.Segment {
		segs := []mergeplan.Segment{planSegment{id: 1, full: pages, live: pages - int64(n)}}
		for i := range n {
			segs = append(segs, planSegment{id: uint64(2 + i), full: 1, live: 1})
		}
		return segs
	}
	opts := storePlanOptions(t)
	for _, pages := range []int64{2000, 10000} {
		for n := 1; n <= 9; n++ {
			plan, err := mergeplan.Plan(edits(pages, n), opts)
			if err != nil {
				t.Fatal(err)
			}
			if plan != nil && len(plan.Tasks) > 0 {
				t.Fatalf("%d pages: after %d one-document edits the planner merges %d segments", pages, n, len(plan.Tasks[0].Segments))
			}
		}
		plan, err := mergeplan.Plan(edits(pages, 30), opts)
		if err != nil {
			t.Fatal(err)
		}
		if plan == nil || len(plan.Tasks) == 0 {
			t.Fatalf("%d pages: 30 one-document segments are never merged", pages)
		}
		for _, task := range plan.Tasks {
			for _, s := range task.Segments {
				if s.Id() == 1 {
					t.Fatalf("%d pages: the large segment is merged with %d small ones", pages, len(task.Segments)-1)
				}
			}
		}
	}

	// The test can fail: bleve's defaults merge at the first edit.
	def := mergeplan.DefaultMergePlanOptions
	if plan, _ := mergeplan.Plan(edits(2000, 1), &def); plan == nil || len(plan.Tasks) == 0 {
		t.Fatal("bleve's default options no longer merge after one edit: this test no longer tells anything")
	}
}

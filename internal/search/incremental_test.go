package search

import (
	"flag"
	"fmt"
	"math/bits"
	"math/rand/v2"
	"slices"
	"testing"
	"time"
)

// soakSteps lengthens the convergence test into a soak run:
// go test ./internal/search -run Converges -soak 500
var soakSteps = flag.Int("soak", 0, "steps per seed of the incremental export convergence test")

// TestIncrementalExportConverges applies random edits to one index through
// Update and Export, and after each step compares the export with a fresh
// index's export of the same documents: the same files, byte for byte.
// With a tail block of 4 (seed 2) the split moves every few adds and
// deletes, folding the tail into the main shards and back.
func TestIncrementalExportConverges(t *testing.T) {
	for seed := range uint64(3) {
		block := 0
		if seed == 2 {
			block = 4
		}
		t.Run(fmt.Sprint("seed", seed), func(t *testing.T) {
			rng := rand.New(rand.NewPCG(seed, 7))
			docs := genCorpus(40)
			open := func(docs []Doc) *Index {
				ix := openIndex(t, docs)
				ix.tailBlock = block
				return ix
			}
			ix := open(docs)
			exportOf(t, ix)
			added := 0
			steps := 20
			if *soakSteps > 0 {
				steps = *soakSteps
			}
			for step := range steps {
				// Sometimes several edits between two exports.
				var did []string
				for range 1 + rng.IntN(3) {
					var what string
					docs, what = randomEdit(rng, docs, &added)
					did = append(did, what)
				}
				if _, err := ix.Update(docs); err != nil {
					t.Fatal(err)
				}
				got := exportOf(t, ix)
				want := exportOf(t, open(docs))
				assertSameFiles(t, fmt.Sprintf("step %d (%v)", step, did), got, want)
				if t.Failed() {
					return
				}
			}
		})
	}
}

// randomEdit makes one edit of the kinds an author makes.
func randomEdit(rng *rand.Rand, docs []Doc, added *int) ([]Doc, string) {
	docs = slices.Clone(docs)
	words := []string{"党建", "龘龘", "新增一段话", "ＰＤＦ", "Excel表格", "鲁", "第三季度", "党费"}
	word := func() string { return words[rng.IntN(len(words))] }
	if len(docs) == 0 {
		return addDoc(rng, docs, added), "add"
	}
	i := rng.IntN(len(docs))
	d := &docs[i]
	switch k := rng.IntN(13); k {
	case 0, 1, 2:
		d.Body += word() + "。"
		return docs, "body"
	case 3:
		d.Body = d.Body[:len(d.Body)/2]
		return docs, "cut body"
	case 4:
		d.Title = word() + "通知"
		return docs, "title"
	case 5:
		d.Date = d.Date.AddDate(0, rng.IntN(30)-15, 0)
		return docs, "date"
	case 6:
		d.Tags = append(slices.Clone(d.Tags), word())
		d.Branch = "新成立" + word() + "支部"
		return docs, "tags and branch"
	case 7, 8:
		return addDoc(rng, docs, added), "add"
	case 9:
		return slices.Delete(docs, i, i+1), "delete"
	case 10:
		d.URL = "moved/" + d.URL
		return docs, "url"
	case 11:
		d.Type, d.Status = "disclosure", []string{"open", "closed", "upcoming", "withdrawn"}[rng.IntN(4)]
		return docs, "type and status"
	default:
		// An edit and its undo: the document is as the last export saw it.
		return docs, "nothing"
	}
}

func addDoc(rng *rand.Rand, docs []Doc, added *int) []Doc {
	*added++
	return append(docs, Doc{
		ID:    fmt.Sprintf("content/new/%d.md", *added),
		URL:   fmt.Sprintf("new/%d/", *added),
		Title: "新页面龘",
		Body:  fmt.Sprintf("新页面的正文，第%d页，党建工作。", rng.IntN(100)),
		Type:  "notice",
		Date:  time.Date(2024, 1, 1+rng.IntN(300), 0, 0, 0, 0, time.UTC),
	})
}

// TestIncrementalExportEdges covers what random edits rarely reach: an
// empty site and back, an edit undone before the export, an index reopened
// from disk, and an Export before any Update.
func TestIncrementalExportEdges(t *testing.T) {
	docs := genCorpus(5)
	dir := t.TempDir()
	ix, err := Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	step := func(what string, next []Doc) {
		t.Helper()
		if _, err := ix.Update(next); err != nil {
			t.Fatal(err)
		}
		assertSameFiles(t, what, exportOf(t, ix), exportOf(t, openIndex(t, next)))
	}
	step("first", docs)
	step("empty", nil)
	step("back", docs)
	edited := slices.Clone(docs)
	edited[1].Body += "临时"
	if _, err := ix.Update(edited); err != nil {
		t.Fatal(err)
	}
	step("undone", docs)
	ix.Close()

	ix, err = Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	assertSameFiles(t, "reopened", exportOf(t, ix), exportOf(t, openIndex(t, docs)))
	step("edit after reopening", edited)
	step("and another", docs)
	ix.Close()

	// Reopened and updated before the export: the phrase keys of the
	// pages the Update analysed come from it, the others' from the
	// stored text (addPhrases).
	if ix, err = Open(dir); err != nil {
		t.Fatal(err)
	}
	step("an edit before the first export after reopening", edited)
	ix.Close()

	// Two Updates before the first export: the first one's keys of the
	// pages the second changes or deletes are stale.
	if ix, err = Open(t.TempDir()); err != nil {
		t.Fatal(err)
	}
	defer ix.Close()
	if _, err := ix.Update(docs); err != nil {
		t.Fatal(err)
	}
	step("edited and deleted before the first export", slices.Delete(slices.Clone(edited), 3, 4))
}

func TestVarintRoundTrip(t *testing.T) {
	for i := range len(digits) {
		if int(digitValues[digits[i]]) != i {
			t.Fatalf("digitValues[%q] = %d, want %d", digits[i], digitValues[digits[i]], i)
		}
	}
	sparse := []textPosting{{0, 0, 1}, {3, 31, 0}, {4, 32, 1 << 20}, {40, 1 << 20, 0}, {1000, 7, 33}}
	var dense []textPosting
	var denseDocs []int
	for d := range 200 {
		if d%7 != 3 {
			dense = append(dense, textPosting{doc: d, body: int32(d % 5), static: int64(d % 3 * 20)})
			denseDocs = append(denseDocs, d)
		}
	}
	// Frequencies mostly small with a few far over the packed width.
	var outliers []textPosting
	for d := range 300 {
		if d%3 != 0 {
			p := textPosting{doc: d, body: int32(1 + d%2)}
			if d%50 == 1 {
				p.body, p.static = int32(40+d), 7
			}
			outliers = append(outliers, p)
		}
	}
	for _, ps := range [][]textPosting{sparse, dense, outliers} {
		enc := encodeTextPostings(ps)
		if got := decodeTextPostings(enc); !slices.Equal(got, ps) {
			t.Errorf("decode(encode(%v)) = %v", ps, got)
		}
		if want := len(ps) > 100; (enc[0] == bitmapMark) != want {
			t.Errorf("%d postings as a bitmap: %v, want %v", len(ps), !want, want)
		}
	}
	for _, docs := range [][]int{{0, 5, 6, 1000}, denseDocs} {
		if got := decodeDocs(encodeDocs(docs)); !slices.Equal(got, docs) {
			t.Errorf("decodeDocs(encodeDocs(%v)) = %v", docs, got)
		}
	}
	skewed := make([]int, 5000)
	for i := range skewed {
		skewed[i] = 30 + bits.TrailingZeros(uint(i+1)) // level 30 half the time, 31 a quarter…
	}
	for _, levels := range [][]int{{7}, {30, 31, 38, 30, 45, 33, 30}, {0, 63, 5}, {12, 12, 12}, skewed} {
		enc := packLevels(levels)
		if got := unpackLevels(enc, len(levels)); !slices.Equal(got, levels) {
			t.Errorf("unpackLevels(packLevels(%.20v)) = %.20v", levels, got)
		}
	}
	if enc := packLevels(skewed); len(enc) > 5000*2/6+40 {
		t.Errorf("5,000 levels of falling frequency take %d digits", len(enc))
	}
	if enc := encodeDocs(denseDocs); enc[0] != bitmapMark || len(enc) != 1+200/6+1 {
		t.Errorf("a dense list is %d bytes: %.40q", len(enc), enc)
	}
}

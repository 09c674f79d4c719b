package search

import (
	"cmp"
	"encoding/json"
	"fmt"
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/pubgen/pubgen/internal/browsertest"
	"github.com/pubgen/pubgen/internal/measure"
)

// benchDocs is the benchmark corpus: 10,000 pages of 500–1,500 characters,
// where the name 龚澍 appears in exactly 15 pages (the rare query).
func benchDocs(n int) []Doc {
	docs := genCorpusSized(n, 40, 120)
	for i := 0; i < 15; i++ {
		d := &docs[i*n/15]
		d.Body += "龚澍同志作了发言。"
	}
	return docs
}

// benchQueries are the three queries of the closing note: a common
// two-character word, a rare name, and a four-character phrase.
var benchQueries = []string{"党建", "龚澍", "民主生活"}

func peakRSS() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "?"
	}
	for _, l := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(l, "VmHWM:") {
			return strings.TrimSpace(strings.TrimPrefix(l, "VmHWM:"))
		}
	}
	return "?"
}

// BenchmarkIndexAndExport10k indexes 10,000 pages from scratch and exports
// them; run with -benchtime=1x. It reports the time of each step (wall and
// the process's CPU), the shards' total size and count, and for each query
// the bytes of the files the browser needs (entry, term shards, records of
// the first 8 results for the dropdown; plus the facet shard and records
// of 20 for the page); the index's size on disk once it is closed.
func BenchmarkIndexAndExport10k(b *testing.B) { benchIndexAndExport(b, benchDocs(10000)) }

// BenchmarkIndexAndExportCorpus10k is BenchmarkIndexAndExport10k on the
// pages of the build's 10,000-page corpus (internal/corpus), whose text is
// far more varied than benchDocs' two dozen sentences: what a site's
// phrase keys cost shows there.
func BenchmarkIndexAndExportCorpus10k(b *testing.B) { benchIndexAndExport(b, corpusDocs(10000)) }

// BenchmarkIndexAndExportCorpus2k is BenchmarkIndexAndExportCorpus10k on
// 2,000 pages, a size to compare CPU times at side by side:
//
//	go test ./internal/search -run '^$' -bench IndexAndExportCorpus2k -benchtime 1x
func BenchmarkIndexAndExportCorpus2k(b *testing.B) { benchIndexAndExport(b, corpusDocs(2000)) }

func benchIndexAndExport(b *testing.B, docs []Doc) {
	for b.Loop() {
		start, cpu := time.Now(), measure.CPUTime()
		dir := b.TempDir()
		ix, err := Open(dir)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := ix.Update(docs); err != nil {
			b.Fatal(err)
		}
		indexed, indexCPU := time.Since(start), measure.CPUTime()-cpu
		start, cpu = time.Now(), measure.CPUTime()
		files, err := ix.Export()
		if err != nil {
			b.Fatal(err)
		}
		exported, exportCPU := time.Since(start), measure.CPUTime()-cpu
		b.ReportMetric(indexCPU.Seconds(), "index-cpu-s")
		b.ReportMetric(exportCPU.Seconds(), "export-cpu-s")
		total := 0
		for _, f := range files {
			total += len(f)
		}
		b.ReportMetric(indexed.Seconds(), "index-s")
		b.ReportMetric(exported.Seconds(), "export-s")
		b.ReportMetric(float64(total)/(1<<20), "shards-MiB")
		b.ReportMetric(float64(len(files)), "files")
		for i, q := range benchQueries {
			drop, page, hits := queryBytes(b, ix, files, q)
			b.Logf("%s: %d hits, dropdown %d bytes, search page %d bytes", q, hits, drop, page)
			b.ReportMetric(float64(drop)/1024, fmt.Sprintf("q%d-KiB", i+1))
		}
		edited := append([]Doc(nil), docs...)
		edited[42].Body += "修改一处。"
		start = time.Now()
		st, err := ix.Update(edited)
		if err != nil {
			b.Fatal(err)
		}
		b.Logf("re-index after editing one page: %+v in %v", st, time.Since(start))
		b.ReportMetric(time.Since(start).Seconds(), "reindex1-s")
		var ms runtime.MemStats
		runtime.ReadMemStats(&ms)
		b.Logf("index %v, export %v, %d files, %.1f MiB; peak RSS of the process %s, total allocated %d MiB",
			indexed, exported, len(files), float64(total)/(1<<20), peakRSS(), ms.TotalAlloc>>20)
		ix.Close()
		size, err := measure.DirSize(dir)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(size)/(1<<20), "index-MiB")
	}
}

// queryBytes adds up the exported files a query needs, as search.js picks
// them: those of queryKeyFiles, and the record shards of the results shown
// (8 in the dropdown; 20 plus the facet shard on the page).
func queryBytes(tb testing.TB, ix *Index, files map[string][]byte, q string) (dropdown, page, hits int) {
	e := parseEntry(tb, files)
	start := time.Now()
	all, err := ix.Search(q, Query{})
	if err != nil {
		tb.Fatal(err)
	}
	tb.Logf("Search(%q) over bleve: %d hits in %v", q, len(all), time.Since(start))
	need := queryKeyFiles(tb, ix, files, e, q, len(all) > 0)
	pos := exportPositions(tb, ix)
	sum := func(shown int, extra ...string) int {
		n := map[string]bool{}
		for k := range need {
			n[k] = true
		}
		for _, x := range extra {
			n[x] = true
		}
		for _, h := range all[:min(shown, len(all))] {
			for _, f := range shardFiles(tb, files, e.Records, pos[h.ID]/e.PerShard) {
				n[f] = true
			}
		}
		total := 0
		for f := range n {
			total += len(files[exportDir+f])
		}
		return total
	}
	return sum(8), sum(20, e.Meta), len(all)
}

// queryKeyFiles is the files a query needs besides the engine and its
// records, as search.js picks them: the entry, the term and phrase shards
// of its keys and their directories, and the level file when anything
// matched.
func queryKeyFiles(tb testing.TB, ix *Index, files map[string][]byte, e entry, q string, matched bool) map[string]bool {
	a := analyzer(ix.bi.Mapping())
	need := map[string]bool{"index.js": true}
	for _, k := range queryKeys(a, q) {
		for _, f := range keyFiles(tb, files, []shardNames{e.Terms, e.TailTerms}, keyHash(k)) {
			need[f] = true
		}
	}
	for _, k := range phraseKeys(a, q) {
		for _, f := range keyFiles(tb, files, []shardNames{e.Phrases, e.TailPhrases}, shardHash(k)) {
			need[f] = true
		}
	}
	if matched {
		need[e.Levels] = true
	}
	return need
}

// keyFiles is the files a key of hash h is looked up in: in each of its
// families (main and tail), the shard and its directory.
func keyFiles(tb testing.TB, files map[string][]byte, fams []shardNames, h uint32) []string {
	var out []string
	for _, sn := range fams {
		if sn.Count > 0 {
			out = append(out, shardFiles(tb, files, sn, bucket(h, sn.Count))...)
		}
	}
	return out
}

// shardFiles is the directory of shard i of a family and the shard's own
// file, as search.js finds them (an inline family has no directory).
func shardFiles(tb testing.TB, files map[string][]byte, sn shardNames, i int) []string {
	if sn.Inline {
		return []string{sn.shardName(i, sn.Dirs[i*nameHashLen:(i+1)*nameHashLen])}
	}
	dir := sn.dirName(i / sn.Group)
	hashes := shardString(tb, files[exportDir+dir])
	w := cmp.Or(sn.Width, nameHashLen)
	j := (i % sn.Group) * w
	return []string{dir, sn.shardName(i, hashes[j:j+w])}
}

// shardString is the string a shard script hands to search.js.
func shardString(tb testing.TB, js []byte) string {
	_, arg, ok := strings.Cut(strings.TrimSuffix(strings.TrimSpace(string(js)), ");"), ",")
	var s string
	if !ok || json.Unmarshal([]byte(arg), &s) != nil {
		tb.Fatalf("not a shard of a string: %.100s", js)
	}
	return s
}

func exportPositions(tb testing.TB, ix *Index) map[string]int {
	docs, err := ix.exportDocs()
	if err != nil {
		tb.Fatal(err)
	}
	pos := make(map[string]int, len(docs))
	for i, d := range docs {
		pos[d.id] = i
	}
	return pos
}

// BenchmarkBrowserQueryBytes10k counts, in Chromium over file://, the bytes
// of the script files search.js actually loads for each benchmark query
// typed into the header box.
func BenchmarkBrowserQueryBytes10k(b *testing.B) {
	docs := benchDocs(10000)
	ix, err := Open(b.TempDir())
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	if _, err := ix.Update(docs); err != nil {
		b.Fatal(err)
	}
	files, err := ix.Export()
	if err != nil {
		b.Fatal(err)
	}
	dir := writeSite(b, files)
	ctx := browsertest.New(b)
	for b.Loop() {
		for i, q := range benchQueries {
			openPage(b, ctx, fileURL(dir, "index.html"))
			start := time.Now()
			loaded := eval[[]string](b, ctx, fmt.Sprintf(`__pubgenSearch.ready().then(s => s.search(%q).then(r => s.records(r.docs.slice(0, 8)))).then(() => __pubgenSearch.loaded)`, q))
			took := time.Since(start)
			bytes := 0
			for _, f := range loaded {
				bytes += len(files[exportDir+f])
			}
			b.Logf("%s: %d files, %d bytes, %v", q, len(loaded), bytes, took)
			b.ReportMetric(float64(bytes)/1024, fmt.Sprintf("q%d-KiB", i+1))
		}
	}
}

func parseEntry(tb testing.TB, files map[string][]byte) entry {
	js := string(files[exportDir+"index.js"])
	body, ok := strings.CutPrefix(strings.TrimSpace(js), globalName+".entry(")
	if !ok {
		tb.Fatalf("unexpected entry: %.100s", js)
	}
	var e entry
	if err := json.Unmarshal([]byte(strings.TrimSuffix(body, ");")), &e); err != nil {
		tb.Fatal(err)
	}
	return e
}

// BenchmarkAnalyse2k times the analysis of indexing alone (analyser.document:
// the text fields' and charField's tokens, the phrase runs, bleve's
// document) over the 2,000 pages of the build's corpus, one page after
// another; it reports the median CPU time of a pass over them, which
// includes the garbage collector's share:
//
//	go test ./internal/search -run '^$' -bench Analyse2k -benchtime 5x
func BenchmarkAnalyse2k(b *testing.B) {
	docs := corpusDocs(2000)
	m, err := newMapping()
	if err != nil {
		b.Fatal(err)
	}
	an := newAnalyser(m)
	recs := make([]record, len(docs))
	for i, d := range docs {
		recs[i] = toRecord(d)
	}
	var cpu []time.Duration
	for b.Loop() {
		start := measure.CPUTime()
		for i, rec := range recs {
			if _, _, err := an.document(docs[i].ID, rec); err != nil {
				b.Fatal(err)
			}
		}
		cpu = append(cpu, measure.CPUTime()-start)
	}
	slices.Sort(cpu)
	b.ReportMetric(float64(cpu[len(cpu)/2].Milliseconds()), "cpu-median-ms")
}

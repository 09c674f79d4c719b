package main

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/pubgen/pubgen/internal/corpus"
	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/pipeline"
)

// BenchmarkWatchPublish measures `pubgen build --watch` on a generated site
// of 10,000 pages: the time from writing a one-page body edit to the
// atomic switch of the published folder (its inode changes when the new
// site is exchanged in), through the real watcher, debounce included. It
// reports the median and the worst of the runs, and the median number of
// files of the published tree each switch changed (added, removed, or
// written anew rather than linked from the site before), and the medians of
// the two phases of each, as build --watch's published line says them:
// the rebuild (build-ms) and the switch (publish-ms). The worst run is
// taken apart the same way (worst-build-ms, worst-publish-ms, and
// worst-rest-ms for the rest: the debounce, the watcher, the lock), and
// every run's phases, builds and garbage collections are logged (-v):
//
//	go test ./cmd/pubgen -run '^$' -bench WatchPublish -benchtime 20x -timeout 60m
//
// -watch-pages makes a smaller site, for profiling.
func BenchmarkWatchPublish(b *testing.B) {
	site := b.TempDir()
	if err := corpus.Write(site, corpus.Generate(*watchPages, 1)); err != nil {
		b.Fatal(err)
	}
	if err := os.CopyFS(filepath.Join(site, "themes"), os.DirFS("../../themes")); err != nil {
		b.Fatal(err)
	}
	dest := filepath.Join(site, "public")
	opts := pipeline.Options{
		Now:         time.Date(2026, 11, 25, 12, 0, 0, 0, time.UTC),
		SearchCache: filepath.Join(site, ".pubgen", "search"),
		AttachCache: filepath.Join(site, ".pubgen", "attach"),
	}
	ctx, cancel := context.WithCancel(context.Background())
	var errOut syncBuffer
	done := make(chan int)
	go func() { done <- watchAndPublish(ctx, site, opts, dest, &errOut) }()
	defer func() {
		cancel()
		<-done
	}()
	// switched waits until dest is another folder than prev (nil: until
	// there is one) and returns it.
	switched := func(prev os.FileInfo, limit time.Duration) os.FileInfo {
		for deadline := time.Now().Add(limit); time.Now().Before(deadline); time.Sleep(2 * time.Millisecond) {
			fi, err := os.Stat(dest)
			if err == nil && (prev == nil || !os.SameFile(prev, fi)) {
				return fi
			}
		}
		b.Fatalf("no switch of %s within %v\nlog:\n%s", dest, limit, errOut.String())
		return nil
	}
	cur := switched(nil, 30*time.Minute)
	// Edits start once the session is idle, as an operator's come after
	// it started: the first publish goes on after its switch (it makes
	// the session's spare).
	watching := msg.Printer{}.Sprint(msg.OpWatching, site)
	for deadline := time.Now().Add(time.Minute); !strings.Contains(errOut.String(), watching); time.Sleep(2 * time.Millisecond) {
		if time.Now().After(deadline) {
			b.Fatalf("the session did not start watching\nlog:\n%s", errOut.String())
		}
	}
	tree := publishedTree(b, dest)
	pages, _ := filepath.Glob(filepath.Join(site, "content", "study", "*.md"))
	var times []time.Duration
	var touched []int
	var runs []watchRun
	var mem runtime.MemStats
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		runtime.ReadMemStats(&mem)
		gcs, pause, mark := mem.NumGC, mem.PauseTotalNs, len(errOut.String())
		start := time.Now()
		f, err := os.OpenFile(pages[i%len(pages)], os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			b.Fatal(err)
		}
		fmt.Fprintf(f, "\n补充第%d段。\n", i)
		f.Close()
		cur = switched(cur, time.Minute)
		wall := time.Since(start)
		times = append(times, wall)
		b.StopTimer()
		runtime.ReadMemStats(&mem)
		r := watchRun{wall: wall, gcs: mem.NumGC - gcs, pause: time.Duration(mem.PauseTotalNs - pause)}
		// The published line follows the switch.
		for deadline := time.Now().Add(10 * time.Second); r.publish == 0 && time.Now().Before(deadline); time.Sleep(time.Millisecond) {
			r.builds, r.build, r.publish = runPhases(b, errOut.String()[mark:])
		}
		runs = append(runs, r)
		b.Logf("run %2d: %s", i, r)

		next := publishedTree(b, dest)
		touched = append(touched, treeChanges(tree, next))
		tree = next
		b.StartTimer()
	}
	worst := slices.MaxFunc(runs, func(a, b watchRun) int { return cmp.Compare(a.wall, b.wall) })
	b.ReportMetric(float64(worst.build.Milliseconds()), "worst-build-ms")
	b.ReportMetric(float64(worst.publish.Milliseconds()), "worst-publish-ms")
	b.ReportMetric(float64((worst.wall - worst.build - worst.publish).Milliseconds()), "worst-rest-ms")
	slices.Sort(times)
	slices.Sort(touched)
	b.ReportMetric(float64(times[len(times)/2].Milliseconds()), "median-ms")
	b.ReportMetric(float64(times[len(times)-1].Milliseconds()), "worst-ms")
	b.ReportMetric(float64(touched[len(touched)/2]), "files-changed")
	build, publish := phaseTimes(b, errOut.String())
	b.ReportMetric(build, "build-ms")
	b.ReportMetric(publish, "publish-ms")
}

// watchPages is the size of BenchmarkWatchPublish's site.
var watchPages = flag.Int("watch-pages", 10000, "pages of the site BenchmarkWatchPublish edits")

// watchRun is one edit of BenchmarkWatchPublish taken apart: from the
// write to the switch (wall), the builds that ran meanwhile, the last
// one's rebuild and switch as its published line says them, and the
// garbage collections of the process meanwhile.
type watchRun struct {
	wall, build, publish time.Duration
	builds               int
	gcs                  uint32
	pause                time.Duration
}

func (r watchRun) String() string {
	return fmt.Sprintf("%4d ms: build %4d ms, publish %4d ms, rest %4d ms; %d build(s), %d GC (%.1f ms paused)",
		r.wall.Milliseconds(), r.build.Milliseconds(), r.publish.Milliseconds(),
		(r.wall - r.build - r.publish).Milliseconds(), r.builds, r.gcs, float64(r.pause)/1e6)
}

// runPhases reads the lines build --watch printed during one run: how
// many builds ended (published, unchanged or failed) and the build and
// publish times of the last published line.
func runPhases(b *testing.B, log string) (builds int, build, publish time.Duration) {
	var p msg.Printer
	ends := []string{publishedPrefix(p), p.Sprint(msg.OpWatchBuildFailed), strings.SplitN(p.Sprint(msg.OpBuiltUnchanged, 0), "0", 2)[0]}
	number := regexp.MustCompile(`[0-9]+`)
	for _, line := range strings.Split(log, "\n") {
		for i, end := range ends {
			if !strings.HasPrefix(line, end) {
				continue
			}
			builds++
			if i == 0 {
				n := number.FindAllString(line, -1)
				if len(n) < 2 {
					b.Fatalf("published line without its times: %q", line)
				}
				bt, _ := strconv.Atoi(n[len(n)-2])
				pt, _ := strconv.Atoi(n[len(n)-1])
				build, publish = time.Duration(bt)*time.Millisecond, time.Duration(pt)*time.Millisecond
			}
			break
		}
	}
	return builds, build, publish
}

// phaseTimes is the median build and publish milliseconds of the
// published lines in log but the first (the initial build): the last two
// numbers of each line.
func phaseTimes(b *testing.B, log string) (build, publish float64) {
	var builds, publishes []int
	number := regexp.MustCompile(`[0-9]+`)
	pre := publishedPrefix(msg.Printer{})
	for _, line := range strings.Split(log, "\n") {
		if !strings.Contains(line, pre) {
			continue
		}
		n := number.FindAllString(line, -1)
		if len(n) < 2 {
			b.Fatalf("published line without its times: %q", line)
		}
		bt, _ := strconv.Atoi(n[len(n)-2])
		pt, _ := strconv.Atoi(n[len(n)-1])
		builds, publishes = append(builds, bt), append(publishes, pt)
	}
	if len(builds) < 2 {
		return 0, 0
	}
	builds, publishes = builds[1:], publishes[1:]
	slices.Sort(builds)
	slices.Sort(publishes)
	return float64(builds[len(builds)/2]), float64(publishes[len(publishes)/2])
}

// publishedTree is every file under dest, by slash path.
func publishedTree(b *testing.B, dest string) map[string]os.FileInfo {
	tree := map[string]os.FileInfo{}
	err := filepath.WalkDir(dest, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dest, p)
		tree[filepath.ToSlash(rel)] = fi
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	return tree
}

// treeChanges counts the files added, removed or not the same file (an
// unchanged file is hard-linked from the tree before) from a to b.
func treeChanges(a, b map[string]os.FileInfo) int {
	n := 0
	for p, fi := range b {
		if old, ok := a[p]; !ok || !os.SameFile(old, fi) {
			n++
		}
	}
	for p := range a {
		if _, ok := b[p]; !ok {
			n++
		}
	}
	return n
}

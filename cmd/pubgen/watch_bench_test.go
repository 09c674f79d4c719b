package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
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
// the rebuild (build-ms) and the switch (publish-ms):
//
//	go test ./cmd/pubgen -run '^$' -bench WatchPublish -benchtime 20x -timeout 60m
func BenchmarkWatchPublish(b *testing.B) {
	site := b.TempDir()
	if err := corpus.Write(site, corpus.Generate(10000, 1)); err != nil {
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
	tree := publishedTree(b, dest)
	pages, _ := filepath.Glob(filepath.Join(site, "content", "study", "*.md"))
	var times []time.Duration
	var touched []int
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		f, err := os.OpenFile(pages[i%len(pages)], os.O_APPEND|os.O_WRONLY, 0)
		if err != nil {
			b.Fatal(err)
		}
		fmt.Fprintf(f, "\n补充第%d段。\n", i)
		f.Close()
		cur = switched(cur, time.Minute)
		times = append(times, time.Since(start))
		b.StopTimer()
		next := publishedTree(b, dest)
		touched = append(touched, treeChanges(tree, next))
		tree = next
		b.StartTimer()
	}
	slices.Sort(times)
	slices.Sort(touched)
	b.ReportMetric(float64(times[len(times)/2].Milliseconds()), "median-ms")
	b.ReportMetric(float64(times[len(times)-1].Milliseconds()), "worst-ms")
	b.ReportMetric(float64(touched[len(touched)/2]), "files-changed")
	build, publish := phaseTimes(b, errOut.String())
	b.ReportMetric(build, "build-ms")
	b.ReportMetric(publish, "publish-ms")
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

package main

import (
	"bytes"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/pubgen/pubgen/internal/msg"
)

// gatedFS serves a snapshot of a site and stops at the first access to
// name until release is closed, closing reading when it gets there: a
// build caught in the middle of reading its inputs.
type gatedFS struct {
	fs.FS
	name             string
	reading, release chan struct{}
	once             sync.Once
}

func (g *gatedFS) Open(name string) (fs.File, error) {
	if name == g.name {
		g.once.Do(func() { close(g.reading); <-g.release })
	}
	return g.FS.Open(name)
}

// siteSnapshot is the site's inputs as they are now (not public/ or .pubgen/).
func siteSnapshot(t *testing.T, site string) fstest.MapFS {
	t.Helper()
	m := fstest.MapFS{}
	for rel, data := range snapshot(t, site) {
		rel = filepath.ToSlash(rel)
		if !strings.HasPrefix(rel, "public/") && !strings.HasPrefix(rel, ".pubgen/") {
			m[rel] = &fstest.MapFile{Data: []byte(data), Mode: 0o644}
		}
	}
	return m
}

// TestOverlappingBuildsNewerSnapshotWins: build B reads the site (title
// 第二次通知) and is held mid-read; the title becomes 第三次通知 and build C
// starts. C must wait for B's publish and only then read, so the site
// ends with 第三次通知. Without the lock held from reading to switching, C
// publishes first and B's older snapshot replaces it; both exit 0.
func TestOverlappingBuildsNewerSnapshotWins(t *testing.T) {
	site, _ := publishedSite(t)
	notice := func(title string) string { return strings.Replace(goodNotice, "第一次通知", title, 1) }
	write(t, site, "content/notices/first.md", notice("第二次通知"))
	g := &gatedFS{FS: siteSnapshot(t, site), name: "content/notices/first.md", reading: make(chan struct{}), release: make(chan struct{})}
	args := []string{"build", "--source", site}
	var bErr, cErr bytes.Buffer
	bDone, cDone := make(chan int, 1), make(chan int, 1)
	go func() { bDone <- runBuildFrom(args[1:], &bytes.Buffer{}, &bErr, func(string) fs.FS { return g }) }()
	select {
	case <-g.reading:
	case code := <-bDone:
		t.Fatalf("build B ended (%d) before reading the notice: %s", code, bErr.String())
	case <-time.After(time.Minute):
		t.Fatal("build B never read the notice")
	}
	write(t, site, "content/notices/first.md", notice("第三次通知"))
	go func() { cDone <- run(args, &bytes.Buffer{}, &cErr) }()
	select {
	case <-cDone:
		cDone <- 0 // C did not wait for B: the failure shows below
	case <-time.After(2 * time.Second):
	}
	close(g.release)
	if code := <-bDone; code != 0 {
		t.Fatalf("build B exited %d: %s", code, bErr.String())
	}
	if code := <-cDone; code != 0 {
		t.Fatalf("build C exited %d: %s", code, cErr.String())
	}
	data, err := os.ReadFile(filepath.Join(site, "public", "notices", "first", "index.html"))
	if err != nil || !strings.Contains(string(data), "第三次通知") {
		t.Errorf("after both builds the notice is not the newer snapshot's (第三次通知): %v\n%s", err, data)
	}
	if !strings.Contains(cErr.String(), msg.Printer{}.Sprint(msg.OpWaitingLock, filepath.Join(site, "public"))) {
		t.Errorf("build C did not say it waited:\n%s", cErr.String())
	}
}

// TestLockLivesUnderPubgen: the publish lock is .pubgen/public.lock, not a
// stray file in the site root, and the file older versions left is removed.
func TestLockLivesUnderPubgen(t *testing.T) {
	site, _ := publishedSite(t)
	write(t, site, ".public.pubgen-lock", "")
	var out, errOut bytes.Buffer
	if code := run([]string{"build", "--source", site}, &out, &errOut); code != 0 {
		t.Fatalf("build exited %d: %s", code, errOut.String())
	}
	if _, err := os.Stat(filepath.Join(site, ".pubgen", "public.lock")); err != nil {
		t.Errorf("no lock under .pubgen/: %v", err)
	}
	entries, _ := os.ReadDir(site)
	for _, e := range entries {
		if strings.Contains(e.Name(), "lock") {
			t.Errorf("stray file in the site root: %s", e.Name())
		}
	}
}

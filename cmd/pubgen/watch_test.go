package main

import (
	"context"
	"io"
	"maps"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pubgen/pubgen/internal/pipeline"
)

// TestBuildWatch runs `pubgen build --watch`'s loop on a real folder: an
// edit is published, a broken file leaves the published site as it was,
// and the fix is published; each switch leaves dest exactly the site a
// clean one-off build writes, with only its spare beside it, and the spare
// is gone once the loop ends.
func TestBuildWatch(t *testing.T) {
	page := "---\ntitle: 第一版\ndate: 2024-07-01\n---\n正文。\n"
	site := writeSite(t, map[string]string{
		"pubgen.toml":             "title = \"测试门户\"\n",
		"content/notices/live.md": page,
	})
	dest := filepath.Join(site, "public")
	ctx, cancel := context.WithCancel(context.Background())
	var errOut syncBuffer
	done := make(chan int)
	go func() {
		done <- watchAndPublish(ctx, site, pipeline.Options{SearchCache: filepath.Join(t.TempDir(), "idx")}, dest, &errOut)
	}()
	stop := sync.OnceFunc(func() {
		cancel()
		<-done
	})
	defer stop()
	published := filepath.Join(dest, "notices/live/index.html")
	waitFor := func(what, want string) string {
		t.Helper()
		var got string
		for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
			b, _ := os.ReadFile(published)
			if got = string(b); strings.Contains(got, want) {
				return got
			}
		}
		t.Fatalf("%s: published page lacks %q\nlog:\n%s", what, want, errOut.String())
		return ""
	}
	write := func(s string) {
		if err := os.WriteFile(filepath.Join(site, "content/notices/live.md"), []byte(s), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	waitFor("first build", "第一版")
	write(strings.Replace(page, "第一版", "第二版", 1))
	good := waitFor("after an edit", "第二版")
	write(strings.Replace(page, "2024-07-01", "2024-13-01", 1))
	for deadline := time.Now().Add(20 * time.Second); !strings.Contains(errOut.String(), "这里写的是 13 月") && time.Now().Before(deadline); {
		time.Sleep(50 * time.Millisecond)
	}
	if !strings.Contains(errOut.String(), `content/notices/live.md:3:7: date: 一年只有 12 个月，这里写的是 13 月。`) {
		t.Fatalf("no error for the broken file:\n%s", errOut.String())
	}
	if b, _ := os.ReadFile(published); string(b) != good {
		t.Error("a failed rebuild changed the published site")
	}
	write(strings.Replace(page, "第一版", "第三版", 1))
	waitFor("after the fix", "第三版")
	// The page is in place at the switch; the log's line follows it.
	for deadline := time.Now().Add(20 * time.Second); strings.Count(errOut.String(), publishedPrefix(sitePrinter(site))) < 3 && time.Now().Before(deadline); {
		time.Sleep(50 * time.Millisecond)
	}
	clean := filepath.Join(t.TempDir(), "clean")
	var stderr strings.Builder
	if code := runBuild([]string{"--source", site, "--dest", clean}, io.Discard, &stderr); code != 0 {
		t.Fatalf("clean build: exit %d\n%s", code, stderr.String())
	}
	if got, want := fileTree(t, dest), fileTree(t, clean); !maps.Equal(got, want) {
		t.Errorf("after three switches dest differs from a clean build (%d files, want %d)", len(got), len(want))
	}
	helpers := func() []string {
		left, _ := filepath.Glob(filepath.Join(site, ".public.pubgen-*"))
		return left
	}
	if left := helpers(); len(left) != 1 {
		t.Errorf("beside dest: %v, want the session's spare alone", left)
	}
	stop()
	if left := helpers(); len(left) != 0 {
		t.Errorf("the session ended, and left %v", left)
	}
}

// fileTree is every file below dir, by slash path, with its mode and bytes.
func fileTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		info, err := d.Info()
		if err != nil {
			return err
		}
		if d.IsDir() {
			out[filepath.ToSlash(rel)+"/"] = info.Mode().String()
			return nil
		}
		b, err := os.ReadFile(p)
		out[filepath.ToSlash(rel)] = info.Mode().String() + " " + string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return out
}

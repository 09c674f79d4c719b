package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pubgen/pubgen/internal/pipeline"
)

// TestBuildWatch runs `pubgen build --watch`'s loop on a real folder: an
// edit is published, a broken file leaves the published site as it was,
// and the fix is published.
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
	defer func() {
		cancel()
		<-done
	}()
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
}

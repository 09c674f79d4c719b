package main

import (
	"bytes"
	"context"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/pubgen/pubgen/internal/browsertest"
	"github.com/pubgen/pubgen/internal/pipeline"

	"github.com/pubgen/pubgen/internal/msg"
)

// syncBuffer is a bytes.Buffer the server goroutine writes while the test
// reads.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

// TestLiveReload edits a page on disk while a real browser shows it under
// a sub-path: the page reloads with the new text; broken front matter puts
// the error over the page; fixing it takes the error away.
func TestLiveReload(t *testing.T) {
	ctx := browsertest.New(t)
	page := "---\ntitle: 第一版标题\ndate: 2024-07-01\n---\n正文。\n"
	site := writeSite(t, map[string]string{
		"pubgen.toml":             "title = \"测试门户\"\n",
		"content/notices/live.md": page,
	})
	sctx, cancel := context.WithCancel(context.Background())
	var out, errOut syncBuffer
	done := make(chan int)
	go func() {
		done <- serveSite(sctx, serveConfig{
			source: site, opts: pipeline.Options{Now: time.Date(2024, 7, 2, 0, 0, 0, 0, time.UTC)},
			bind: "127.0.0.1", basePath: "/dangjian/",
		}, &out, &errOut)
	}()
	defer func() {
		cancel()
		<-done
	}()
	var base string
	for i := 0; i < 300 && base == ""; i++ {
		if m := regexp.MustCompile(`(http://\S+)`).FindStringSubmatch(out.String()); m != nil {
			base = m[1]
		}
		time.Sleep(50 * time.Millisecond)
	}
	if base == "" {
		t.Fatalf("server did not start: %s", errOut.String())
	}
	eval := func(js string) string {
		v, err := chromedp.Run(ctx, chromedp.Evaluate[string](js))
		if err != nil {
			return "eval error: " + err.Error()
		}
		return v
	}
	waitFor := func(what, js, want string) {
		t.Helper()
		var got string
		for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
			if got = eval(js); strings.Contains(got, want) {
				return
			}
		}
		t.Fatalf("%s: got %q, want %q\nserver log:\n%s", what, got, want, errOut.String())
	}
	write := func(content string) {
		if err := os.WriteFile(filepath.Join(site, "content/notices/live.md"), []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if err := chromedp.Do(ctx, chromedp.Navigate(base+"notices/live/")); err != nil {
		t.Fatal(err)
	}
	h1 := `(document.querySelector("article h1")||{}).textContent||""`
	overlay := `(document.getElementById("pubgen-error")||{textContent:"none"}).textContent`
	waitFor("first load", h1, "第一版标题")
	// Mark the document: a reload replaces it, a live patch would not.
	eval(`window.__before = 1; "ok"`)
	write(strings.Replace(page, "第一版标题", "第二版标题", 1))
	waitFor("reload after an edit", h1, "第二版标题")
	if eval(`String(window.__before)`) != "undefined" {
		t.Error("the page changed without reloading")
	}
	write(strings.Replace(page, "2024-07-01", "2024-13-01", 1))
	waitFor("overlay on a broken file", overlay, `content/notices/live.md:3:7: date: 一年只有 12 个月，这里写的是 13 月。`)
	waitFor("the overlay's heading in the site's language", overlay, "构建失败：预览里还是上一次成功构建的网站content/notices/live.md:3:7:")
	if got := eval(h1); !strings.Contains(got, "第二版标题") {
		t.Errorf("the last good page is not kept under the overlay: %q", got)
	}
	write(strings.Replace(page, "第一版标题", "第三版标题", 1))
	waitFor("overlay gone after the fix", overlay, "none")
	waitFor("reload after the fix", h1, "第三版标题")
}

func TestListenMovesOffABusyPort(t *testing.T) {
	busy, err := listen("127.0.0.1", 0, msg.Printer{}, &bytes.Buffer{})
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()
	port := busy.Addr().(*net.TCPAddr).Port
	var log bytes.Buffer
	ln, err := listen("127.0.0.1", port, msg.Printer{}, &log)
	if err != nil {
		t.Fatalf("no free port after %d: %v", port, err)
	}
	defer ln.Close()
	got := ln.Addr().(*net.TCPAddr).Port
	if want := fmt.Sprintf("端口 %d 已被占用，改用 %d。\n", port, got); got == port || log.String() != want {
		t.Errorf("listen on busy %d: got %d, message %q, want %q", port, got, log.String(), want)
	}
}

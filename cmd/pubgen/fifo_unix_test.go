//go:build unix

package main

import (
	"bytes"
	"github.com/pubgen/pubgen/internal/msg"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestNamedPipesAreRefused puts real named pipes where an author's files
// go. Opening one for reading waits for a writer forever, which used to
// hang `check` and leave `build` blocked with the publish lock held. Both
// commands must exit at once, name the file, and leave public/ as it was.
func TestNamedPipesAreRefused(t *testing.T) {
	for _, c := range []struct{ name, pipe, want string }{
		{"page", "content/notices/x.md", "content/notices/x.md: " + msg.Printer{}.Sprint(msg.FileNotRegular, msg.FileKindPipe)},
		{"bundle file", "content/study/a/notes.pdf", "content/study/a/notes.pdf: " + msg.Printer{}.Sprint(msg.FileNotRegular, msg.FileKindPipe)},
		{"static file", "static/logo.png", "static/logo.png: " + msg.Printer{}.Sprint(msg.FileNotRegular, msg.FileKindPipe)},
		{"layout", "layouts/_default/single.html", "layouts/_default/single.html: " + msg.Printer{}.Sprint(msg.FileNotRegular, msg.FileKindPipe)},
	} {
		t.Run(c.name, func(t *testing.T) {
			site, before := publishedSite(t)
			write(t, site, "content/study/a/index.md", "---\ntitle: 学习\ndate: 2024-07-01\nattachments: [{file: notes.pdf}]\n---\n")
			write(t, site, "content/study/a/notes.pdf", "%PDF-1.4\n")
			// The pipe replaces a file of the same name, as a careless copy
			// from a machine with named pipes would.
			p := filepath.Join(site, filepath.FromSlash(c.pipe))
			os.Remove(p)
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := syscall.Mkfifo(p, 0o644); err != nil {
				t.Skipf("cannot make a named pipe here: %v", err)
			}
			for _, cmd := range []string{"check", "build"} {
				code, msg := runWithin(t, cmd, site)
				if code == 0 {
					t.Errorf("%s exited 0 with a named pipe at %s", cmd, c.pipe)
				}
				if !strings.Contains(msg, c.want) {
					t.Errorf("%s: stderr lacks %q:\n%s", cmd, c.want, msg)
				}
			}
			samePublic(t, site, before)
		})
	}
}

// runWithin runs `pubgen cmd --source site` and fails the test, instead of
// hanging it, if the command has not finished after a generous while.
func runWithin(t *testing.T, cmd, site string) (int, string) {
	t.Helper()
	type result struct {
		code int
		msg  string
	}
	done := make(chan result, 1)
	go func() {
		var out, errOut bytes.Buffer
		code := run([]string{cmd, "--source", site}, &out, &errOut)
		done <- result{code, errOut.String()}
	}()
	select {
	case r := <-done:
		return r.code, r.msg
	case <-time.After(30 * time.Second):
		t.Fatalf("%s still running after 30s: it is blocked reading a named pipe", cmd)
		return 0, ""
	}
}

// TestNewRefusesPipedConfig: `pubgen new` reads pubgen.toml and an
// archetype before writing; a named pipe in either place is an error, not
// a wait.
func TestNewRefusesPipedConfig(t *testing.T) {
	site := writeSite(t, map[string]string{"content/notices/first.md": goodNotice})
	if err := syscall.Mkfifo(filepath.Join(site, "pubgen.toml"), 0o644); err != nil {
		t.Skipf("cannot make a named pipe here: %v", err)
	}
	done := make(chan string, 1)
	go func() {
		var out, errOut bytes.Buffer
		if code := run([]string{"new", "--source", site, "notice", "通知"}, &out, &errOut); code == 0 {
			errOut.WriteString("pubgen new exited 0")
		}
		done <- errOut.String()
	}()
	select {
	case msg := <-done:
		if !strings.Contains(msg, "pubgen.toml") || !strings.Contains(msg, "is a named pipe (FIFO)") {
			t.Errorf("stderr does not name the pipe:\n%s", msg)
		}
	case <-time.After(30 * time.Second):
		t.Fatal("pubgen new still running after 30s: it is blocked reading a named pipe")
	}
}

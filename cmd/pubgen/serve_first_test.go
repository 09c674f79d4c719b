package main

import (
	"context"
	"io"
	"io/fs"
	"net/http"
	"regexp"
	"strings"
	"sync"
	"testing"
	"testing/fstest"
	"time"

	"github.com/pubgen/pubgen/internal/source"
)

// TestServeSeesASaveDuringItsFirstBuild: an author saves a page while the
// dev server's first build runs (on a large site it takes a minute). The
// save must reach the preview without another edit: serve used to start
// watching only after that build, and such a save was never reported.
func TestServeSeesASaveDuringItsFirstBuild(t *testing.T) {
	const notice = "content/notices/first.md"
	site := writeSite(t, map[string]string{"pubgen.toml": "title = \"测试门户\"\n", notice: goodNotice})
	saved := strings.Replace(goodNotice, "第一次通知", "保存于构建中", 1)
	fsys := &editedWhileRead{dir: source.DirFS(site), name: notice, edit: func() { write(t, site, notice, saved) }}
	var stdout, stderr syncBuffer
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int)
	go func() {
		done <- serveSite(ctx, serveConfig{source: site, bind: "127.0.0.1", openSite: func(string) fs.FS { return fsys }}, &stdout, &stderr)
	}()
	defer func() {
		cancel()
		<-done
	}()
	var base string
	for deadline := time.Now().Add(30 * time.Second); base == ""; time.Sleep(50 * time.Millisecond) {
		if m := regexp.MustCompile(`(http://\S+)`).FindStringSubmatch(stdout.String()); m != nil {
			base = m[1]
		} else if time.Now().After(deadline) {
			t.Fatalf("serve did not start: %s", stderr.String())
		}
	}
	var got string
	for deadline := time.Now().Add(30 * time.Second); !strings.Contains(got, "保存于构建中"); time.Sleep(50 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("the page saved during the first build is not served within 30 s: %.200q\nlog:\n%s", got, stderr.String())
		}
		got = get(t, base+"notices/first/index.html")
	}
}

func get(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatalf("the dev server does not answer: %v", err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

// editedWhileRead is a site folder in which the first read of name gets
// the bytes on disk and edit then replaces them: a save landing in the
// middle of a build that has already read the file.
type editedWhileRead struct {
	dir  fs.FS
	name string
	edit func()
	once sync.Once
}

func (e *editedWhileRead) Open(name string) (fs.File, error) {
	if name != e.name {
		return e.dir.Open(name)
	}
	var f fs.File
	var err error
	opened := false
	e.once.Do(func() {
		var data []byte
		if data, err = fs.ReadFile(e.dir, name); err != nil {
			return
		}
		e.edit()
		f, err = fstest.MapFS{name: {Data: data}}.Open(name)
		opened = true
	})
	if !opened {
		return e.dir.Open(name)
	}
	return f, err
}

func (e *editedWhileRead) ReadFile(name string) ([]byte, error) {
	f, err := e.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

func (e *editedWhileRead) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(e.dir, name) }
func (e *editedWhileRead) Stat(name string) (fs.FileInfo, error)      { return fs.Stat(e.dir, name) }
func (e *editedWhileRead) Lstat(name string) (fs.FileInfo, error)     { return fs.Lstat(e.dir, name) }
func (e *editedWhileRead) ReadLink(name string) (string, error)       { return fs.ReadLink(e.dir, name) }

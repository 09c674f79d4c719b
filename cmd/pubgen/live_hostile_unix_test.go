//go:build unix

package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"github.com/pubgen/pubgen/internal/msg"
	"image"
	"image/jpeg"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/pubgen/pubgen/internal/pipeline"
	"github.com/pubgen/pubgen/internal/thumb/thumbtest"
)

// hostileFile is one file an attack puts into the site; nil data makes a
// named pipe, which blocks whoever opens it for reading.
type hostileFile struct {
	path string
	data []byte
}

// liveAttack is a hostile input fed to a running session: the files it
// writes (in order) and what the error shown for it must say.
type liveAttack struct {
	name  string
	files []hostileFile
	want  string
}

// liveAttacks are the inputs that used to crash, hang or stall a build, as
// the issue found them. Adding an attack is one entry here: every session
// kind in TestLiveSessionsSurviveHostileInput is fed it.
func liveAttacks(t *testing.T) []liveAttack {
	return []liveAttack{
		{"60000×60000 PNG cover", showcaseWith("cover.png", thumbtest.BombPNG(60000, 60000)),
			`content/showcases/h/index.md:4: cover: “cover.png”有 60000×60000 像素`},
		{"truncated JPEG cover", showcaseWith("cover.jpg", truncatedJPEG(t)),
			`content/showcases/h/index.md:4: cover: “cover.jpg”文件不完整，像是没有复制完。`},
		{"named pipe as attachment", []hostileFile{
			{"content/study/h/notes.pdf", nil},
			{"content/study/h/index.md", []byte("---\ntitle: 学习\ndate: 2024-07-01\nattachments: [{file: notes.pdf}]\n---\n")},
		}, "content/study/h/notes.pdf: " + msg.Printer{}.Sprint(msg.FileNotRegular, msg.FileKindPipe)},
		{"named pipe as page", []hostileFile{{"content/notices/x.md", nil}},
			"content/notices/x.md: " + msg.Printer{}.Sprint(msg.FileNotRegular, msg.FileKindPipe)},
		{"[a]( × 25,000", []hostileFile{{"content/notices/links.md",
			[]byte(goodNotice + strings.Repeat("[a](", 25_000) + "\n")}},
			"content/notices/links.md:6: body: " + strings.SplitN(msg.Printer{}.Sprint(msg.BodyTooManyOpenLinks, 25000, 0), "（", 2)[0]},
		{"YAML alias cycle", []hostileFile{{"content/notices/cycle.md",
			[]byte("---\ntitle: 通知\ndate: 2024-07-01\ntags: &a [x, *a]\n---\n")}},
			"content/notices/cycle.md:4:14: tags[1]: *a 写在它所引用的 &a 里面，会无限重复。"},
		{"billion laughs", []hostileFile{{"content/notices/laughs.md", []byte(billionLaughs(9))}},
			"content/notices/laughs.md:9:10: x5[0]: *l4 展开后超过 100000 项，太多了。"},
	}
}

// billionLaughs is front matter of levels lists, each holding nine aliases
// of the one before: a few hundred bytes that name 9^levels values.
func billionLaughs(levels int) string {
	var b strings.Builder
	b.WriteString("---\ntitle: 通知\ndate: 2024-07-01\nsummary: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i <= levels; i++ {
		fmt.Fprintf(&b, "x%d: &l%d [", i, i)
		for j := range 9 {
			if j > 0 {
				b.WriteString(", ")
			}
			fmt.Fprintf(&b, "*l%d", i-1)
		}
		b.WriteString("]\n")
	}
	b.WriteString("tags: *l" + fmt.Sprint(levels) + "\n---\n")
	return b.String()
}

// showcaseWith is a showcase bundle whose cover is the file name with data.
func showcaseWith(name string, data []byte) []hostileFile {
	return []hostileFile{
		{"content/showcases/h/" + name, data},
		{"content/showcases/h/index.md", []byte("---\ntitle: 成果\ndate: 2024-07-01\ncover: " + name + "\n---\n")},
	}
}

func truncatedJPEG(t *testing.T) []byte {
	var b bytes.Buffer
	if err := jpeg.Encode(&b, image.NewGray(image.Rect(0, 0, 64, 48)), nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()[:b.Len()/2]
}

// put writes f into site, replacing whatever was there.
func (f hostileFile) put(t *testing.T, site string) {
	t.Helper()
	p := filepath.Join(site, filepath.FromSlash(f.path))
	os.Remove(p)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if f.data != nil {
		if err := os.WriteFile(p, f.data, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	if err := syscall.Mkfifo(p, 0o644); err != nil {
		t.Skipf("cannot make a named pipe here: %v", err)
	}
}

// liveSession is a running `pubgen serve` or `pubgen build --watch`, seen
// from outside as an author and a reader see it.
type liveSession interface {
	// page is what a reader gets for the site's page at rel now.
	page(t *testing.T, rel string) string
	// published is everything a reader can get now, for comparison.
	published(t *testing.T) map[string]string
	// mark and errorSince: the errors the session has shown since mark.
	mark() int
	errorSince(mark int) string
	// cleared says the error is no longer shown after mark: the overlay
	// was taken away, or a build was published.
	cleared(mark int) bool
	// running reports whether the session's loop is still going.
	running() bool
	log() string
}

// TestLiveSessionsSurviveHostileInput starts `pubgen serve` and `pubgen
// build --watch` on a good site each, then feeds both every attack: the
// session must stay up, keep the last good site, show the error naming the
// file, and publish again once the file is gone.
func TestLiveSessionsSurviveHostileInput(t *testing.T) {
	version := func(n int) string {
		return strings.Replace(goodNotice, "第一次通知", fmt.Sprintf("第%d版通知", n), 1)
	}
	const notice = "content/notices/first.md"
	const page = "notices/first/index.html"
	sites := map[string]string{}
	sessions := map[string]liveSession{}
	for _, kind := range []string{"serve", "build --watch"} {
		site := writeSite(t, map[string]string{"pubgen.toml": "title = \"测试门户\"\n", notice: version(0)})
		sites[kind] = site
		if kind == "serve" {
			sessions[kind] = startServeSession(t, site)
		} else {
			sessions[kind] = startWatch(t, site)
		}
	}
	waitAll := func(what string, ok func(kind string, s liveSession) bool) {
		t.Helper()
		for kind, s := range sessions {
			for deadline := time.Now().Add(30 * time.Second); !ok(kind, s); time.Sleep(50 * time.Millisecond) {
				if !s.running() {
					t.Fatalf("%s: %s ended; log:\n%s", what, kind, s.log())
				}
				if time.Now().After(deadline) {
					t.Fatalf("%s: %s: not within 30 s; log:\n%s", what, kind, s.log())
				}
			}
		}
	}
	hasVersion := func(n int) func(string, liveSession) bool {
		return func(_ string, s liveSession) bool {
			return strings.Contains(s.page(t, page), fmt.Sprintf("第%d版通知", n))
		}
	}
	t.Cleanup(func() {
		if t.Failed() {
			for kind, s := range sessions {
				t.Logf("%s log:\n%s", kind, s.log())
			}
		}
	})
	waitAll("first build", hasVersion(0))
	for i, a := range liveAttacks(t) {
		t.Logf("attack %q", a.name)
		before, marks := map[string]map[string]string{}, map[string]int{}
		for kind, s := range sessions {
			before[kind], marks[kind] = s.published(t), s.mark()
			for _, f := range a.files {
				f.put(t, sites[kind])
			}
		}
		waitAll(a.name+": error shown", func(kind string, s liveSession) bool {
			return strings.Contains(s.errorSince(marks[kind]), a.want)
		})
		for kind, s := range sessions {
			if got := s.published(t); !sameFiles(got, before[kind]) {
				t.Errorf("%s: %s: the published site changed after a failed build", a.name, kind)
			}
		}
		for kind := range sessions {
			for _, f := range a.files {
				if err := os.Remove(filepath.Join(sites[kind], filepath.FromSlash(f.path))); err != nil {
					t.Fatal(err)
				}
			}
			write(t, sites[kind], notice, version(i+1))
		}
		waitAll(a.name+": published again without it", func(kind string, s liveSession) bool {
			return hasVersion(i+1)(kind, s) && s.cleared(marks[kind])
		})
	}
}

func sameFiles(a, b map[string]string) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if bv, ok := b[k]; !ok || bv != v {
			return false
		}
	}
	return true
}

// loop runs a session's function until the test ends.
type loop struct {
	stderr syncBuffer
	done   chan struct{}
}

func startLoop(t *testing.T, run func(ctx context.Context, l *loop)) *loop {
	l := &loop{done: make(chan struct{})}
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		defer close(l.done)
		run(ctx, l)
	}()
	t.Cleanup(func() {
		cancel()
		<-l.done
	})
	return l
}

func (l *loop) running() bool {
	select {
	case <-l.done:
		return false
	default:
		return true
	}
}

func (l *loop) log() string { return l.stderr.String() }

// watchSession is `pubgen build --watch`: readers see public/, and errors
// are printed on stderr.
type watchSession struct {
	*loop
	dest string
}

func startWatch(t *testing.T, site string) *watchSession {
	dest := filepath.Join(site, "public")
	opts := pipeline.Options{SearchCache: filepath.Join(site, ".pubgen", "search")}
	l := startLoop(t, func(ctx context.Context, l *loop) {
		watchAndPublish(ctx, site, opts, dest, &l.stderr)
	})
	return &watchSession{loop: l, dest: dest}
}

func (w *watchSession) page(t *testing.T, rel string) string {
	b, _ := os.ReadFile(filepath.Join(w.dest, filepath.FromSlash(rel)))
	return string(b)
}

func (w *watchSession) published(t *testing.T) map[string]string { return snapshot(t, w.dest) }
func (w *watchSession) mark() int                                { return len(w.stderr.String()) }
func (w *watchSession) errorSince(m int) string                  { return w.stderr.String()[m:] }

// cleared: a build failed after mark, and a later one was published. Not
// "the last line is a publish": one save can reach the session as two
// batches (a loaded machine stalls the writer between its truncate and
// its write), and the second batch's build then rightly says nothing
// changed after the publish.
func (w *watchSession) cleared(m int) bool { return watchCleared(w.errorSince(m)) }

func watchCleared(log string) bool {
	failed := strings.LastIndex(log, msg.Printer{}.Sprint(msg.OpWatchBuildFailed))
	return failed >= 0 && strings.Contains(log[failed:], publishedPrefix(msg.Printer{}))
}

// serveSession is `pubgen serve`: readers ask it over HTTP, and errors
// reach the page through its events stream, which the error overlay shows.
type serveSession struct {
	*loop
	base   string
	mu     sync.Mutex
	events []string // "ok", or a "failed" event's message, in order
}

func startServeSession(t *testing.T, site string) *serveSession {
	var stdout syncBuffer
	l := startLoop(t, func(ctx context.Context, l *loop) {
		serveSite(ctx, serveConfig{source: site, bind: "127.0.0.1"}, &stdout, &l.stderr)
	})
	s := &serveSession{loop: l}
	for deadline := time.Now().Add(30 * time.Second); s.base == ""; time.Sleep(50 * time.Millisecond) {
		if m := regexp.MustCompile(`(http://\S+)`).FindStringSubmatch(stdout.String()); m != nil {
			s.base = m[1]
		} else if time.Now().After(deadline) || !l.running() {
			t.Fatalf("serve did not start: %s", l.log())
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	req, _ := http.NewRequestWithContext(ctx, "GET", s.base+"_pubgen/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	go s.listen(resp.Body)
	return s
}

// listen records the failures the server announces to open pages, and
// the "ok" that takes the overlay away.
func (s *serveSession) listen(body io.ReadCloser) {
	defer body.Close()
	sc := bufio.NewScanner(body)
	sc.Buffer(nil, 1<<20)
	var name string
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "event: "):
			name = strings.TrimPrefix(line, "event: ")
		case line == "":
			if name == "ok" {
				s.mu.Lock()
				s.events = append(s.events, "ok")
				s.mu.Unlock()
			}
			name = ""
		case strings.HasPrefix(line, "data: ") && name == "failed":
			var d struct{ Message string }
			json.Unmarshal([]byte(strings.TrimPrefix(line, "data: ")), &d)
			s.mu.Lock()
			s.events = append(s.events, d.Message)
			s.mu.Unlock()
		}
	}
}

func (s *serveSession) page(t *testing.T, rel string) string {
	resp, err := http.Get(s.base + rel)
	if err != nil {
		t.Fatalf("the dev server does not answer: %v", err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}

// published is what the server answers for the pages of the test site.
func (s *serveSession) published(t *testing.T) map[string]string {
	m := map[string]string{}
	for _, rel := range []string{"", "notices/first/index.html", "notices/", "search/index.js"} {
		m[rel] = s.page(t, rel)
	}
	return m
}

func (s *serveSession) mark() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.events)
}

func (s *serveSession) errorSince(m int) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return strings.Join(s.events[m:], "\n")
}

// cleared: a failure was announced after m, and the last event took the
// overlay away.
func (s *serveSession) cleared(m int) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.events) > m+1 && s.events[len(s.events)-1] == "ok"
}

// TestLiveSessionsStartOnDamagedIndex: a session started on a search index
// with a damaged segment (a crash, a full disk, a bad copy) says so in one
// line, rebuilds the index, and serves and publishes as usual.
func TestLiveSessionsStartOnDamagedIndex(t *testing.T) {
	for _, kind := range []string{"serve", "build --watch"} {
		t.Run(kind, func(t *testing.T) {
			site, _ := publishedSite(t)
			zaps := 0
			for _, f := range indexFiles(t, filepath.Join(site, ".pubgen", "search")) {
				if strings.HasSuffix(f, ".zap") {
					b, err := os.ReadFile(f)
					if err != nil {
						t.Fatal(err)
					}
					if err := os.WriteFile(f, b[:len(b)/2], 0o644); err != nil {
						t.Fatal(err)
					}
					zaps++
				}
			}
			if zaps == 0 {
				t.Fatal("the first build left no zap segment to damage")
			}
			var s liveSession
			if kind == "serve" {
				s = startServeSession(t, site)
			} else {
				os.RemoveAll(filepath.Join(site, "public"))
				s = startWatch(t, site)
			}
			for deadline := time.Now().Add(30 * time.Second); !strings.Contains(s.page(t, "notices/first/index.html"), "第一次通知"); time.Sleep(50 * time.Millisecond) {
				if time.Now().After(deadline) || !s.running() {
					t.Fatalf("the site is not served or published; log:\n%s", s.log())
				}
			}
			if n := len(damageRe(".pubgen/search: warning: ", msg.IndexRebuilt).FindAllString(s.log(), -1)); n != 1 {
				t.Errorf("the damage is reported %d times, want once:\n%s", n, s.log())
			}
			if got := s.page(t, "search/index.js"); !strings.Contains(got, "pubgen") {
				t.Errorf("no search shards after the rebuild: %.200s", got)
			}
			if ss, ok := s.(*serveSession); ok {
				if got := ss.page(t, "_pubgen/search?q="+url.QueryEscape("第一次通知")); !strings.Contains(got, "notices/first/") {
					t.Errorf("the dev server's search does not find the page after the rebuild: %s", got)
				}
			}
		})
	}
}

// TestWatchCleared: what TestLiveSessionsSurviveHostileInput takes as
// "published again" from build --watch's lines. A save that reached the
// session as two batches ends in "nothing changed" after its publish (it
// failed the test once on a loaded machine); a failure after the publish
// is not cleared.
func TestWatchCleared(t *testing.T) {
	var p msg.Printer
	failed := "content/notices/links.md:6: body: …\n" + p.Sprint(msg.OpWatchBuildFailed) + "\n"
	published := p.Sprint(msg.OpPublished, 25, 11, 4, "public", 60, 50, 10) + "\n"
	unchanged := p.Sprint(msg.OpBuiltUnchanged, 40) + "\n"
	for _, c := range []struct {
		name string
		log  string
		want bool
	}{
		{"failed, then published", failed + published, true},
		{"published, then a second batch changed nothing", failed + published + unchanged, true},
		{"failed, nothing published since", failed + unchanged, false},
		{"published, then failed again", failed + published + failed, false},
		{"published without a failure", published, false},
	} {
		if got := watchCleared(c.log); got != c.want {
			t.Errorf("%s: watchCleared = %v, want %v", c.name, got, c.want)
		}
	}
}

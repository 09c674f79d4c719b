package watch

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/pubgen/pubgen/internal/msg"
)

// patience bounds every wait for a batch; tests never assert how long
// anything took.
const patience = 15 * time.Second

func site(t *testing.T, files ...string) string {
	t.Helper()
	root := t.TempDir()
	for _, f := range files {
		write(t, root, f, "v1")
	}
	return root
}

func write(t *testing.T, root, rel, data string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func start(t *testing.T, root string, dirs []string, opts Options) *Watcher {
	t.Helper()
	if opts.Debounce == 0 {
		opts.Debounce = 150 * time.Millisecond
	}
	w, err := New(root, dirs, opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.Close() })
	return w
}

// await receives batches until together they hold every path in want, and
// returns all paths received and how many batches carried them. An action
// may be split over batches when the machine stalls; that is not an error.
func await(t *testing.T, w *Watcher, want ...string) (got []string, batches int) {
	t.Helper()
	deadline := time.After(patience)
	for {
		if missing := without(want, got); len(missing) == 0 {
			return got, batches
		}
		select {
		case b := <-w.Batches():
			if len(b.Paths) == 0 {
				t.Fatal("empty batch delivered")
			}
			if !slices.IsSorted(b.Paths) || len(slices.Compact(slices.Clone(b.Paths))) != len(b.Paths) {
				t.Errorf("batch not sorted and deduplicated: %q", b.Paths)
			}
			got = union(got, b.Paths)
			batches++
		case err := <-w.Errors():
			t.Fatalf("watch error: %v", err)
		case <-deadline:
			t.Fatalf("no batch with %q after %v; got %q", without(want, got), patience, got)
		}
	}
}

// awaitExactly is await, and then no path beyond want may have come.
func awaitExactly(t *testing.T, w *Watcher, want ...string) {
	t.Helper()
	if got, _ := await(t, w, want...); !slices.Equal(got, sorted(want)) {
		t.Errorf("changed paths = %q, want %q", got, sorted(want))
	}
}

func union(a, b []string) []string { return slices.Compact(sorted(append(slices.Clone(a), b...))) }

func sorted(s []string) []string { s = slices.Clone(s); slices.Sort(s); return s }

func without(want, got []string) []string {
	var missing []string
	for _, p := range want {
		if !slices.Contains(got, p) {
			missing = append(missing, p)
		}
	}
	return missing
}

func TestSingleWrite(t *testing.T) {
	root := site(t, "content/a.md", "content/b.md", "pubgen.toml")
	w := start(t, root, []string{"content"}, Options{})
	write(t, root, "content/a.md", "v2")
	awaitExactly(t, w, "content/a.md")
	write(t, root, "pubgen.toml", "title = 'x'")
	awaitExactly(t, w, "pubgen.toml")
}

func TestEditorSaves(t *testing.T) {
	saves := map[string]func(t *testing.T, dir string){
		"in place": func(t *testing.T, dir string) {
			must(t, os.WriteFile(filepath.Join(dir, "a.md"), []byte("v2"), 0o644))
		},
		"temp file renamed over": func(t *testing.T, dir string) {
			must(t, os.WriteFile(filepath.Join(dir, ".a.md.tmp1234"), []byte("v2"), 0o644))
			must(t, os.Rename(filepath.Join(dir, ".a.md.tmp1234"), filepath.Join(dir, "a.md")))
		},
		"delete then create": func(t *testing.T, dir string) {
			must(t, os.Remove(filepath.Join(dir, "a.md")))
			must(t, os.WriteFile(filepath.Join(dir, "a.md"), []byte("v2"), 0o644))
		},
		"vim": func(t *testing.T, dir string) {
			must(t, os.WriteFile(filepath.Join(dir, ".a.md.swp"), []byte("swap"), 0o644))
			must(t, os.WriteFile(filepath.Join(dir, "4913"), nil, 0o644))
			must(t, os.Remove(filepath.Join(dir, "4913")))
			must(t, os.Rename(filepath.Join(dir, "a.md"), filepath.Join(dir, "a.md~")))
			must(t, os.WriteFile(filepath.Join(dir, "a.md"), []byte("v2"), 0o644))
			must(t, os.Remove(filepath.Join(dir, "a.md~")))
			must(t, os.Remove(filepath.Join(dir, ".a.md.swp")))
		},
		"emacs": func(t *testing.T, dir string) {
			must(t, os.Symlink("user@host.1234", filepath.Join(dir, ".#a.md")))
			must(t, os.WriteFile(filepath.Join(dir, "#a.md#"), []byte("autosave"), 0o644))
			must(t, os.Rename(filepath.Join(dir, "a.md"), filepath.Join(dir, "a.md~")))
			must(t, os.WriteFile(filepath.Join(dir, "a.md"), []byte("v2"), 0o644))
			must(t, os.Remove(filepath.Join(dir, "#a.md#")))
			must(t, os.Remove(filepath.Join(dir, ".#a.md")))
		},
		"jetbrains": func(t *testing.T, dir string) {
			must(t, os.WriteFile(filepath.Join(dir, "a.md___jb_tmp___"), []byte("v2"), 0o644))
			must(t, os.Rename(filepath.Join(dir, "a.md"), filepath.Join(dir, "a.md___jb_old___")))
			must(t, os.Rename(filepath.Join(dir, "a.md___jb_tmp___"), filepath.Join(dir, "a.md")))
			must(t, os.Remove(filepath.Join(dir, "a.md___jb_old___")))
		},
		"many writes for one save": func(t *testing.T, dir string) {
			f, err := os.OpenFile(filepath.Join(dir, "a.md"), os.O_WRONLY|os.O_TRUNC, 0)
			must(t, err)
			for range 50 {
				_, err := f.WriteString("一行内容\n")
				must(t, err)
			}
			must(t, f.Close())
		},
	}
	for name, save := range saves {
		t.Run(name, func(t *testing.T) {
			root := site(t, "content/notices/a.md", "content/notices/b.md")
			w := start(t, root, []string{"content"}, Options{})
			save(t, filepath.Join(root, "content", "notices"))
			awaitExactly(t, w, "content/notices/a.md")
		})
	}
}

func TestNewFolderWithFiles(t *testing.T) {
	root := site(t, "content/a.md")
	w := start(t, root, []string{"content"}, Options{})
	write(t, root, "content/new/sub/b.md", "b")
	write(t, root, "content/new/c.md", "c")
	await(t, w, "content/new/sub/b.md", "content/new/c.md")

	// The new folders are watched now.
	write(t, root, "content/new/sub/b.md", "b2")
	awaitExactly(t, w, "content/new/sub/b.md")
}

func TestFolderMovedIn(t *testing.T) {
	root := site(t, "content/a.md")
	outside := t.TempDir() // same filesystem, so the move is one rename
	write(t, outside, "study/s1/index.md", "s1")
	write(t, outside, "study/s1/guide.pdf", "pdf")
	write(t, outside, "study/_index.md", "list")
	w := start(t, root, []string{"content"}, Options{})
	must(t, os.Rename(filepath.Join(outside, "study"), filepath.Join(root, "content", "study")))
	awaitExactly(t, w, "content/study", "content/study/_index.md", "content/study/s1/guide.pdf", "content/study/s1/index.md")

	write(t, root, "content/study/s1/index.md", "s1 v2")
	awaitExactly(t, w, "content/study/s1/index.md")
}

func TestMissingDirAppears(t *testing.T) {
	root := site(t, "content/a.md")
	w := start(t, root, []string{"content", "static", "themes/default"}, Options{})
	write(t, root, "static/css/site.css", "body{}")
	await(t, w, "static/css/site.css")
	write(t, root, "themes/default/layouts/index.html", "<html>")
	await(t, w, "themes/default/layouts/index.html")

	write(t, root, "static/css/site.css", "body{color:red}")
	awaitExactly(t, w, "static/css/site.css")
	write(t, root, "themes/default/layouts/index.html", "<html lang=zh-CN>")
	awaitExactly(t, w, "themes/default/layouts/index.html")
}

func TestDelete(t *testing.T) {
	root := site(t, "content/a.md", "content/sec/b.md", "content/sec/deep/c.md")
	w := start(t, root, []string{"content"}, Options{})
	must(t, os.Remove(filepath.Join(root, "content", "a.md")))
	awaitExactly(t, w, "content/a.md")
	must(t, os.RemoveAll(filepath.Join(root, "content", "sec")))
	got, _ := await(t, w, "content/sec")
	for _, p := range got {
		if p != "content/sec" && !strings.HasPrefix(p, "content/sec/") {
			t.Errorf("unexpected path %q after removing content/sec", p)
		}
	}
}

func TestRenamedFolder(t *testing.T) {
	root := site(t, "content/sec/b.md")
	w := start(t, root, []string{"content"}, Options{})
	must(t, os.Rename(filepath.Join(root, "content", "sec"), filepath.Join(root, "content", "sec2")))
	awaitExactly(t, w, "content/sec", "content/sec2", "content/sec2/b.md")

	write(t, root, "content/sec2/b.md", "v2")
	awaitExactly(t, w, "content/sec2/b.md")
}

func TestIgnoredChangesAreNeverDelivered(t *testing.T) {
	root := site(t, "content/a.md", "public/index.html")
	w := start(t, root, []string{"content"}, Options{
		Ignore: func(rel string) bool { return strings.HasSuffix(rel, ".bak") },
	})
	for _, f := range []string{"content/.a.md.swp", "content/.a.md.swx", "content/a.md~", "content/4913",
		"content/#a.md#", "content/.DS_Store", "content/a.md___jb_tmp___", "content/a.md.bak",
		".git/index", ".pubgen/cache/x", "public/index.html", "public/new/index.html", "layouts/x.html"} {
		write(t, root, f, "noise")
	}
	// publish's switch: a staging folder swapped with public/.
	write(t, root, ".public.pubgen-staging-1/index.html", "new")
	must(t, os.Rename(filepath.Join(root, "public"), filepath.Join(root, ".public.pubgen-retired-1")))
	must(t, os.Rename(filepath.Join(root, ".public.pubgen-staging-1"), filepath.Join(root, "public")))

	write(t, root, "content/a.md", "v2")
	// Had the noise been delivered on its own, this first batch would be it.
	awaitExactly(t, w, "content/a.md")
}

func TestRapidEventsMakeOneBatch(t *testing.T) {
	root := site(t, "content/a.md")
	w := start(t, root, []string{"content"}, Options{Debounce: time.Second})
	var want []string
	for i := range 100 {
		rel := "content/p" + strings.Repeat("x", i%7) + string(rune('a'+i%26)) + "/" + string(rune('a'+i/26)) + ".md"
		write(t, root, rel, "v")
		want = append(want, rel)
	}
	got, batches := await(t, w, want...)
	if batches != 1 {
		t.Errorf("100 quick writes came in %d batches, want 1", batches)
	}
	if len(without(got, union(want, dirsOf(want)))) > 0 {
		t.Errorf("unexpected paths: %q", without(got, union(want, dirsOf(want))))
	}
}

func dirsOf(paths []string) []string {
	var dirs []string
	for _, p := range paths {
		dirs = append(dirs, filepath.ToSlash(filepath.Dir(p)))
	}
	return dirs
}

func TestContinuousWritesStillDeliver(t *testing.T) {
	root := site(t, "content/a.md")
	w := start(t, root, []string{"content"}, Options{Debounce: 200 * time.Millisecond})
	stop := make(chan struct{})
	wrote := make(chan struct{})
	go func() {
		defer close(wrote)
		for i := 0; ; i++ {
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
				os.WriteFile(filepath.Join(root, "content", "a.md"), []byte{byte(i)}, 0o644)
			}
		}
	}()
	// Without a latency cap the writer keeps the folder from ever going
	// quiet, and this would wait until patience runs out.
	awaitExactly(t, w, "content/a.md")
	close(stop)
	<-wrote
}

func TestCloseEndsEverything(t *testing.T) {
	before := runtime.NumGoroutine()
	root := site(t, "content/a.md")
	w, err := New(root, []string{"content"}, Options{})
	must(t, err)
	write(t, root, "content/a.md", "v2") // a batch pending while closing
	must(t, w.Close())
	must(t, w.Close())
	if _, open := <-w.Batches(); open {
		// A batch may have been ready just before Close; the channel must
		// still be closed right after it.
		if _, open := <-w.Batches(); open {
			t.Error("Batches still open after Close")
		}
	}
	if _, open := <-w.Errors(); open {
		t.Error("Errors still open after Close")
	}
	deadline := time.Now().Add(patience)
	for runtime.NumGoroutine() > before && time.Now().Before(deadline) {
		time.Sleep(10 * time.Millisecond)
	}
	if n := runtime.NumGoroutine(); n > before {
		buf := make([]byte, 1<<16)
		t.Errorf("%d goroutines after Close, %d before:\n%s", n, before, buf[:runtime.Stack(buf, true)])
	}
}

func TestNewRejectsDirsOutsideRoot(t *testing.T) {
	root := site(t)
	for _, d := range []string{"..", "../x", "/etc", ".", ""} {
		if w, err := New(root, []string{d}, Options{}); err == nil {
			w.Close()
			t.Errorf("New(root, [%q]) succeeded, want an error", d)
		}
	}
}

// TestNewMessages: what an operator reads when the watcher cannot start,
// in the site's language (Chinese by default) and in English.
func TestNewMessages(t *testing.T) {
	missing := filepath.Join(t.TempDir(), "dangjian")
	for _, tt := range []struct {
		root   string
		dirs   []string
		zh, en string
	}{
		{missing, []string{"content"},
			"无法留意文件夹 " + missing + " 里的改动（不存在）。请确认这个文件夹存在、能打开，然后重新启动。",
			"watch: " + missing + ": no such file or directory"},
		{site(t), []string{"../x"},
			"“../x”不是网站文件夹里的文件夹，无法留意它的改动。请写网站里的文件夹，例如 content。",
			`watch: dir "../x": want a folder inside the root, such as content`},
	} {
		w, err := New(tt.root, tt.dirs, Options{})
		if err == nil {
			w.Close()
			t.Errorf("New(%s, %q) succeeded", tt.root, tt.dirs)
			continue
		}
		text, ok := msg.TextOf(err)
		if !ok {
			t.Errorf("New(%s, %q): %v has no catalogue words", tt.root, tt.dirs, err)
			continue
		}
		if got := (msg.Printer{}).Text(text); got != tt.zh {
			t.Errorf("New(%s, %q):\n got %s\nwant %s", tt.root, tt.dirs, got, tt.zh)
		}
		if got := (msg.Printer{Lang: msg.English}).Text(text); got != tt.en {
			t.Errorf("New(%s, %q) in English:\n got %s\nwant %s", tt.root, tt.dirs, got, tt.en)
		}
	}
}

// TestWatchLimitMessage: inotify's ENOSPC is its limit of watches, which
// must not read as a full disk (msg.Cause's word for ENOSPC). The limit is
// the machine's, shared by every test, so it is not reached for real here:
// the error is the one fsnotify returns, a bare errno.
func TestWatchLimitMessage(t *testing.T) {
	tr := &tree{root: "/srv/dangjian", name: "dangjian"}
	err := tr.folderErr("content/study", syscall.ENOSPC)
	text, _ := msg.TextOf(err)
	if got, want := (msg.Printer{}).Text(text), "要留意的文件夹太多（到 dangjian/content/study 时），超过了系统允许的数目。请让电脑的管理员调高上限，例如运行 sudo sysctl fs.inotify.max_user_watches=524288，然后重新启动。"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if !errors.Is(err, syscall.ENOSPC) {
		t.Error("the cause is lost")
	}
}

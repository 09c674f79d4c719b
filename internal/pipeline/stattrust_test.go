package pipeline

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pubgen/pubgen/internal/source"
	"github.com/pubgen/pubgen/internal/watch"
)

// TestSessionSeesRewriteBehindAnOldStat: a file rewritten with the same
// size and given back its old modification time — what cp -p, rsync -t,
// tar and unzip do, and what a file system counting time in seconds does
// to two saves in one second — is still a changed file. The watcher
// reports it; the session must not take the stat it remembered as proof
// that the bytes are the same, for a page, a static file and a bundle
// attachment alike (each has its own stat-keyed memo).
func TestSessionSeesRewriteBehindAnOldStat(t *testing.T) {
	dir := t.TempDir()
	notice := func(v string) string {
		return "---\ntitle: 第" + v + "版通知\ndate: 2026-05-01\nattachments: [{file: notes.txt}]\n---\n正文。\n"
	}
	files := map[string]string{
		"pubgen.toml":                 "title = \"t\"\n",
		"content/notices/n/index.md":  notice("1"),
		"content/notices/n/notes.txt": "第1版附件\n",
		"static/banner.txt":           "第1版横幅\n",
	}
	writeSite(t, dir, files)
	// Every file an hour old: a stat the session trusts.
	old := map[string]time.Time{}
	when := time.Now().Add(-time.Hour)
	for rel := range files {
		when = when.Add(time.Second)
		old[rel] = when
		if err := os.Chtimes(filepath.Join(dir, rel), when, when); err != nil {
			t.Fatal(err)
		}
	}
	w, err := watch.New(dir, source.InputFolders(), watch.Options{Debounce: 50 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	opts := Options{Now: demoNow, NoSearch: true}
	sess := NewSession(source.DirFS(dir), opts)
	sess.Changed(nil) // told of every change from here on, as serve and build --watch are
	for _, step := range []string{"first build", "unchanged"} {
		if _, _, _, err := sess.Build(); err != nil {
			t.Fatalf("%s: %v", step, err)
		}
	}
	rewrites := map[string]string{
		"content/notices/n/index.md":  notice("2"),
		"content/notices/n/notes.txt": "第2版附件\n",
		"static/banner.txt":           "第2版横幅\n",
	}
	for rel, data := range rewrites {
		if len(data) != len(files[rel]) {
			t.Fatalf("%s: the rewrite must keep the size", rel)
		}
		p := filepath.Join(dir, rel)
		writeFile(t, p, data)
		if err := os.Chtimes(p, old[rel], old[rel]); err != nil {
			t.Fatal(err)
		}
	}
	if !tellBatch(sess, w, 10*time.Second) {
		t.Fatal("the watcher reported nothing")
	}
	got := sameAsClean(t, sess, dir, opts, "after the rewrites")
	for out, want := range map[string]string{
		"notices/n/index.html": "第2版通知",
		"notices/n/notes.txt":  "第2版附件",
		"banner.txt":           "第2版横幅",
	} {
		if !strings.Contains(string(got[out]), want) {
			t.Errorf("%s does not hold the rewritten file's %q: %.300q", out, want, got[out])
		}
	}
}

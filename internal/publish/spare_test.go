//go:build unix

package publish

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
)

// inodes is every file below dir by slash path → inode: a file a publish
// did not touch keeps its inode, one written anew gets another.
func inodes(t *testing.T, dir string) map[string]uint64 {
	t.Helper()
	got := map[string]uint64{}
	err := filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		got[filepath.ToSlash(p[len(dir)+1:])] = fi.Sys().(*syscall.Stat_t).Ino
		return nil
	})
	if err != nil && !os.IsNotExist(err) {
		t.Fatal(err)
	}
	return got
}

// moved lists the paths whose file differs between two inode maps
// (added, removed or written anew), sorted.
func moved(a, b map[string]uint64) []string {
	var out []string
	for p, ino := range b {
		if old, ok := a[p]; !ok || old != ino {
			out = append(out, p)
		}
	}
	for p := range a {
		if _, ok := b[p]; !ok {
			out = append(out, p)
		}
	}
	slices.Sort(out)
	return out
}

// step is one publish of a session: the site, and the paths that changed
// since the step before.
type step struct {
	site    map[string]string
	changed []string
}

func entriesOf(site map[string]string) []Entry {
	var out []Entry
	for _, p := range slices.Sorted(maps.Keys(site)) {
		out = append(out, Entry{Path: p, Data: []byte(site[p])})
	}
	return out
}

// sessionSteps edits a site the ways builds do: a page written anew, one
// added in a new folder, one removed with its folder, a file that becomes
// a folder and a folder that becomes a file, then nothing at all.
var sessionSteps = []step{
	{site: map[string]string{"index.html": "首页 1", "a/index.html": "A", "b/index.html": "B", "b/x.ics": "X", "c": "C file", "d/e/index.html": "E"}},
	{site: map[string]string{"index.html": "首页 2", "a/index.html": "A", "b/index.html": "B", "b/x.ics": "X", "c": "C file", "d/e/index.html": "E"},
		changed: []string{"index.html"}},
	{site: map[string]string{"index.html": "首页 2", "a/index.html": "A", "b/index.html": "B", "b/x.ics": "X", "c": "C file", "d/e/index.html": "E", "n/m/index.html": "new"},
		changed: []string{"n/m/index.html"}},
	{site: map[string]string{"index.html": "首页 3", "a/index.html": "A", "c": "C file", "d/e/index.html": "E", "n/m/index.html": "new"},
		changed: []string{"b/index.html", "b/x.ics", "index.html"}},
	{site: map[string]string{"index.html": "首页 3", "a/index.html": "A", "c/index.html": "C folder", "d": "D file", "n/m/index.html": "new"},
		changed: []string{"c", "c/index.html", "d", "d/e/index.html"}},
	{site: map[string]string{"index.html": "首页 3", "a/index.html": "A 2", "c/index.html": "C folder", "d": "D file", "n/m/index.html": "new"},
		changed: []string{"a/index.html"}},
	{site: map[string]string{"index.html": "首页 3", "a/index.html": "A 2", "c/index.html": "C folder", "d": "D file", "n/m/index.html": "new"}},
}

// TestSessionSwitchWritesOnlyWhatChanged runs a session's publishes with a
// Spare, over both ways of switching: after each, dest is exactly the tree
// a clean Publish of the same site writes, only the changed paths are new
// files (every other one is the file published before, so a reader of the
// replaced site never saw it change), and the only folder left beside dest
// is the spare.
func TestSessionSwitchWritesOnlyWhatChanged(t *testing.T) {
	for name, p := range publishers() {
		t.Run(name, func(t *testing.T) {
			dest := filepath.Join(t.TempDir(), "public")
			l, err := p.acquire(t.Context(), dest)
			if err != nil {
				t.Fatal(err)
			}
			defer l.Release()
			var sp Spare
			for i, s := range sessionSteps {
				before := inodes(t, dest)
				destBefore, _ := os.Lstat(dest)
				rep, err := l.PublishChanges(entriesOf(s.site), s.changed, &sp)
				if err != nil {
					t.Fatalf("step %d: %v", i, err)
				}
				want := filepath.Join(t.TempDir(), "want")
				if _, err := Publish(want, entriesOf(s.site)); err != nil {
					t.Fatal(err)
				}
				if got, exp := tree(t, dest), tree(t, want); !maps.Equal(got, exp) {
					t.Errorf("step %d: dest is\n%v\nwant\n%v", i, got, exp)
				}
				if i == 0 {
					continue // dest was missing: everything is new
				}
				if got := moved(before, inodes(t, dest)); !slices.Equal(got, s.changed) {
					t.Errorf("step %d: files written anew %v, want only %v", i, got, s.changed)
				}
				destAfter, _ := os.Lstat(dest)
				if len(s.changed) == 0 && (!rep.Unchanged || !os.SameFile(destBefore, destAfter)) {
					t.Errorf("step %d: nothing changed, yet dest was switched", i)
				}
				if l := leftovers(t, dest); len(l) > 1 || (len(l) == 1 && filepath.Join(filepath.Dir(dest), l[0]) != sp.dir) {
					t.Errorf("step %d: left beside dest %v, want only the spare %s", i, l, sp.dir)
				}
			}
			sp.Discard()
			if l := leftovers(t, dest); len(l) != 0 {
				t.Errorf("after Discard: left %v", l)
			}
		})
	}
}

// TestSessionNoticesAnotherPublish: a one-off build publishing into dest
// between two of a session's publishes (its cleanup removes the spare, and
// dest is no longer what the session switched in) does not make the
// session trust what it knew: its next publish reads dest and is right.
func TestSessionNoticesAnotherPublish(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	l, err := Acquire(t.Context(), dest)
	if err != nil {
		t.Fatal(err)
	}
	var sp Spare
	defer sp.Discard()
	for _, s := range sessionSteps[:2] {
		if _, err := l.PublishChanges(entriesOf(s.site), s.changed, &sp); err != nil {
			t.Fatal(err)
		}
	}
	l.Release()
	other := map[string]string{"index.html": "另一次构建", "z/index.html": "Z"}
	if _, err := Publish(dest, entriesOf(other)); err != nil {
		t.Fatal(err)
	}
	l, err = Acquire(t.Context(), dest)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Release()
	// What changed since the session's last build: one page. dest holds
	// the other build's site, which the session must not take for its own.
	s := sessionSteps[2]
	if _, err := l.PublishChanges(entriesOf(s.site), s.changed, &sp); err != nil {
		t.Fatal(err)
	}
	if got, want := tree(t, dest), treeOf(t, s.site); !maps.Equal(got, want) {
		t.Errorf("dest is\n%v\nwant\n%v", got, want)
	}
}

// treeOf is the tree a clean Publish of site writes.
func treeOf(t *testing.T, site map[string]string) map[string]string {
	t.Helper()
	want := filepath.Join(t.TempDir(), "want")
	if _, err := Publish(want, entriesOf(site)); err != nil {
		t.Fatal(err)
	}
	return tree(t, want)
}

// TestPublishLeavesAnIdenticalSiteAlone: a build with nothing changed does
// not switch dest (its folder stays the same one), while one whose dest was
// changed by hand — a file edited, one added, a folder added — is switched
// back to exactly the site.
func TestPublishLeavesAnIdenticalSiteAlone(t *testing.T) {
	site := sessionSteps[0].site
	dest := filepath.Join(t.TempDir(), "public")
	if _, err := Publish(dest, entriesOf(site)); err != nil {
		t.Fatal(err)
	}
	before, _ := os.Lstat(dest)
	rep, err := Publish(dest, entriesOf(site))
	if err != nil {
		t.Fatal(err)
	}
	after, _ := os.Lstat(dest)
	if !rep.Unchanged || !os.SameFile(before, after) || rep.Files != len(site) {
		t.Errorf("an unchanged site was switched (report %+v)", rep)
	}
	for name, hand := range map[string]func(){
		"edited":       func() { os.WriteFile(filepath.Join(dest, "a/index.html"), []byte("B"), 0o644) },
		"added file":   func() { seed(t, dest, map[string]string{"extra.html": "x"}) },
		"added folder": func() { os.Mkdir(filepath.Join(dest, "empty"), 0o755) },
		"mode":         func() { os.Chmod(filepath.Join(dest, "c"), 0o600) },
		"removed":      func() { os.Remove(filepath.Join(dest, "b/x.ics")) },
	} {
		hand()
		rep, err := Publish(dest, entriesOf(site))
		if err != nil {
			t.Fatal(err)
		}
		if got, want := tree(t, dest), treeOf(t, site); rep.Unchanged || !maps.Equal(got, want) {
			t.Errorf("%s by hand: dest is\n%v\nwant\n%v", name, got, want)
		}
	}
}

// TestSessionFirstPublishLeavesASpare: a session's first publish into a
// dest that did not exist replaces no site, yet leaves a spare: the
// published files linked, not copied, so that its next publish refreshes
// the spare at the changed paths instead of staging the whole site.
func TestSessionFirstPublishLeavesASpare(t *testing.T) {
	dest := filepath.Join(t.TempDir(), "public")
	l, err := Acquire(t.Context(), dest)
	if err != nil {
		t.Fatal(err)
	}
	defer l.Release()
	var sp Spare
	defer sp.Discard()
	if _, err := l.PublishChanges(entriesOf(sessionSteps[0].site), nil, &sp); err != nil {
		t.Fatal(err)
	}
	if sp.dir == "" {
		t.Fatal("the first publish left no spare")
	}
	if got, want := inodes(t, sp.dir), inodes(t, dest); !maps.Equal(got, want) {
		t.Errorf("the spare is not dest's files linked: %v, dest %v", got, want)
	}
	spare, err := os.Lstat(sp.dir)
	if err != nil {
		t.Fatal(err)
	}
	s := sessionSteps[1]
	if _, err := l.PublishChanges(entriesOf(s.site), s.changed, &sp); err != nil {
		t.Fatal(err)
	}
	if now, err := os.Lstat(dest); err != nil || !os.SameFile(now, spare) {
		t.Errorf("the second publish did not switch in the spare: %v", err)
	}
	if got, want := tree(t, dest), treeOf(t, s.site); !maps.Equal(got, want) {
		t.Errorf("dest is\n%v\nwant\n%v", got, want)
	}
}

package watch

import (
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"

	"github.com/fsnotify/fsnotify"

	"github.com/pubgen/pubgen/internal/msg"
)

// tree knows which folders are watched and decides what an event means.
// Only the loop goroutine touches it once New has returned.
type tree struct {
	root     string // absolute
	name     string // the root as the caller named it, for messages
	dirs     []string
	ignore   func(rel string) bool
	notify   *fsnotify.Watcher
	watched  map[string]bool // slash paths of watched folders; "" is the root
	rootDirs map[string]bool // names of the folders directly in the root
}

func (t *tree) start() error {
	if err := t.watch(""); err != nil {
		return err
	}
	names, err := os.ReadDir(t.root)
	if err != nil {
		return t.folderErr("", err)
	}
	for _, n := range names {
		if n.IsDir() {
			t.rootDirs[n.Name()] = true
		}
	}
	for _, d := range t.dirs {
		if err := t.ensure(d, func(string) {}); err != nil {
			return err
		}
	}
	return nil
}

func (t *tree) skip(rel string) bool {
	return ignored(rel) || (t.ignore != nil && t.ignore(rel))
}

func (t *tree) abs(rel string) string { return filepath.Join(t.root, filepath.FromSlash(rel)) }

func (t *tree) rel(name string) (string, bool) {
	rel, err := filepath.Rel(t.root, name)
	if err != nil || rel == "." || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
		return "", false
	}
	return filepath.ToSlash(rel), true
}

// ensure watches dir d if it exists, and otherwise its deepest existing
// ancestor, which is where d's creation will show up. found gets the files
// already inside d.
func (t *tree) ensure(d string, found func(rel string)) error {
	segs := strings.Split(d, "/")
	for i := 1; i < len(segs); i++ {
		anc := strings.Join(segs[:i], "/")
		if !isDir(t.abs(anc)) {
			return nil
		}
		if err := t.watch(anc); err != nil {
			return err
		}
	}
	if !isDir(t.abs(d)) {
		return nil
	}
	return t.addTree(d, found)
}

// addTree watches rel and every folder below it, and hands every file it
// meets to found: a folder moved in whole, or filled before its watch was
// added, fires no event for those files.
func (t *tree) addTree(rel string, found func(rel string)) error {
	return filepath.WalkDir(t.abs(rel), func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) {
			return nil // removed while we walked; its removal event follows
		}
		r, _ := t.rel(p)
		if err != nil {
			return t.folderErr(r, err)
		}
		if t.skip(r) {
			if d.IsDir() {
				return filepath.SkipDir
			}
			return nil
		}
		if d.IsDir() {
			return t.watch(r)
		}
		found(r)
		return nil
	})
}

func (t *tree) watch(rel string) error {
	if t.watched[rel] {
		return nil
	}
	if err := t.notify.Add(t.abs(rel)); err != nil {
		return t.folderErr(rel, err)
	}
	t.watched[rel] = true
	return nil
}

// unwatch forgets rel and every watched folder below it. The kernel drops
// the watches of removed folders itself; a renamed folder would keep being
// watched under its old name, which is why they are removed here.
func (t *tree) unwatch(rel string) {
	for w := range t.watched {
		if w == rel || strings.HasPrefix(w, rel+"/") {
			t.notify.Remove(t.abs(w))
			delete(t.watched, w)
		}
	}
}

// inScope reports whether a change to rel matters: it is in one of the
// dirs, on the way to one, or a file directly in the root. Other folders in
// the root, such as the output folder public/, are not watched.
func (t *tree) inScope(rel string, isDir bool) bool {
	for _, d := range t.dirs {
		if rel == d || strings.HasPrefix(rel, d+"/") || strings.HasPrefix(d, rel+"/") {
			return true
		}
	}
	return !isDir && !strings.Contains(rel, "/")
}

// handle interprets one event and passes the changed paths to changed.
func (t *tree) handle(ev fsnotify.Event, changed func(rel string)) error {
	rel, ok := t.rel(ev.Name)
	if !ok || t.skip(rel) {
		return nil
	}
	if ev.Has(fsnotify.Remove) || ev.Has(fsnotify.Rename) {
		t.gone(rel, changed)
	}
	if ev.Has(fsnotify.Create) || ev.Has(fsnotify.Write) {
		return t.appeared(rel, changed)
	}
	if ev.Has(fsnotify.Chmod) {
		t.touched(rel, changed)
	}
	return nil
}

// touched reports a path whose mode or times changed. Its bytes did not,
// but a session that trusts what it knew of every path not reported
// (source.Known) would keep its old stat: a file that became unreadable,
// or whose time says it must be read again, would go unseen. A folder is
// reported itself, not file by file: a change to a folder stands for
// everything below it.
func (t *tree) touched(rel string, changed func(rel string)) {
	fi, err := os.Lstat(t.abs(rel))
	if err == nil && t.inScope(rel, fi.IsDir()) {
		changed(rel)
	}
}

func (t *tree) gone(rel string, changed func(rel string)) {
	wasDir := t.watched[rel] || t.rootDirs[rel]
	t.unwatch(rel)
	delete(t.rootDirs, rel)
	if t.inScope(rel, wasDir) {
		changed(rel)
	}
}

func (t *tree) appeared(rel string, changed func(rel string)) error {
	fi, err := os.Lstat(t.abs(rel))
	if err != nil {
		// Gone again already; its removal event follows.
		return nil
	}
	if !fi.IsDir() {
		if t.inScope(rel, false) {
			changed(rel)
		}
		return nil
	}
	if !strings.Contains(rel, "/") {
		t.rootDirs[rel] = true
	}
	if !t.inScope(rel, true) {
		return nil
	}
	changed(rel)
	for _, d := range t.dirs {
		if d == rel || strings.HasPrefix(d, rel+"/") {
			return t.ensure(d, changed)
		}
	}
	return t.addTree(rel, changed)
}

// everything lists what may have changed when events were lost: every dir
// and every file directly in the root.
func (t *tree) everything(changed func(rel string)) {
	for _, d := range t.dirs {
		changed(d)
	}
	names, _ := os.ReadDir(t.root)
	for _, n := range names {
		if !n.IsDir() && !t.skip(n.Name()) {
			changed(n.Name())
		}
	}
}

// folderErr says that the folder rel cannot be watched, and why, naming
// it as the operator named the site. inotify's ENOSPC is its limit of
// watches, not a full disk, so it has words of its own.
func (t *tree) folderErr(rel string, err error) error {
	shown := filepath.Join(t.name, filepath.FromSlash(rel))
	if errors.Is(err, syscall.ENOSPC) {
		return msg.Fail(err, msg.WatchLimit, shown, err.Error())
	}
	return msg.Fail(err, msg.WatchFolder, shown, msg.CauseAt(t.abs(rel), err))
}

func isDir(p string) bool {
	fi, err := os.Stat(p)
	return err == nil && fi.IsDir()
}

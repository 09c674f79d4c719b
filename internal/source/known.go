package source

import (
	"errors"
	"io/fs"
	"path"
	"slices"
	"strings"
	"sync"
)

// Known is what a session that is told of every change (by a watcher)
// knows of the site's folders between builds: their listings and the
// stats of their files. A build through Known.FS asks the disk only about
// the paths reported changed since the last build (Changed) and the ones
// it never asked about, instead of listing every folder and stat'ing every
// file again: on 10,000 pages those walks and stats were about a tenth of
// a one-page edit's rebuild.
//
// Its rules, so that a build sees what a clean one would:
//   - Nothing is trusted until the session says it is told of changes
//     (Changed), and after Forget (events lost, a folder not watched).
//   - A path reported changed is forgotten with everything below it and
//     its folder's listing (a file added or removed changes it).
//   - Only what is reached through real folders is remembered: a symbolic
//     link, or anything through one, is asked about every time, since a
//     change to what it points at is reported under the target's path.
//   - Files are still opened and read through the disk each time; only
//     listings and stats are remembered.
//
// It is safe for concurrent use.
type Known struct {
	mu      sync.Mutex
	trusted bool
	dirs    map[string]listing
	stats   map[string]statOf // by Stat
	lstats  map[string]statOf // by Lstat
}

type statOf struct {
	fi  fs.FileInfo
	err error
}

// forgetAllAbove is how many changed paths make Changed forget
// everything instead of path by path: each path forgotten walks the
// whole memory.
const forgetAllAbove = 64

// Changed reports the paths (slash paths from the site root, files or
// folders) that were created, written, removed or renamed since the last
// build, and that every other change will be reported too: from now on
// what was not reported is trusted.
func (k *Known) Changed(paths []string) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if !k.trusted || len(paths) > forgetAllAbove {
		k.forgetLocked()
		k.trusted = true
		return
	}
	for _, p := range paths {
		p = path.Clean(p)
		k.forgetTree(p)
		k.forgetOne(path.Dir(p)) // its listing changed, not what is below it
	}
}

// Forget makes the next builds ask the disk about everything until the
// next Changed: events were lost, or a folder could not be watched.
func (k *Known) Forget() {
	k.mu.Lock()
	defer k.mu.Unlock()
	k.forgetLocked()
	k.trusted = false
}

func (k *Known) forgetLocked() {
	k.dirs, k.stats, k.lstats = nil, nil, nil
}

// forgetOne forgets what k knows of p itself: its stats and, for a
// folder, its listing. It is called with the lock held.
func (k *Known) forgetOne(p string) {
	delete(k.dirs, p)
	delete(k.stats, p)
	delete(k.lstats, p)
}

// forgetTree forgets p and everything below it. It is called with the
// lock held.
func (k *Known) forgetTree(p string) {
	if p == "." {
		k.forgetLocked()
		return
	}
	k.forgetOne(p)
	below := p + "/"
	for _, m := range []map[string]statOf{k.stats, k.lstats} {
		for q := range m {
			if strings.HasPrefix(q, below) {
				delete(m, q)
			}
		}
	}
	for q := range k.dirs {
		if strings.HasPrefix(q, below) {
			delete(k.dirs, q)
		}
	}
}

// FS returns fsys for one build, answering listings and stats from what k
// knows when k is trusted; fsys must be able to read links (fs.ReadLinkFS)
// for anything to be remembered. Without trust it is Listed(fsys).
func (k *Known) FS(fsys fs.FS) fs.FS {
	lfs, ok := fsys.(fs.ReadLinkFS)
	if k == nil || !ok || !k.isTrusted() {
		return Listed(fsys)
	}
	return knownFS{k: k, inner: fsys, links: lfs}
}

func (k *Known) isTrusted() bool {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.trusted
}

// knownFS is a build's view through Known.
type knownFS struct {
	k     *Known
	inner fs.FS
	links fs.ReadLinkFS
}

func (f knownFS) Open(name string) (fs.File, error)    { return f.inner.Open(name) }
func (f knownFS) ReadFile(name string) ([]byte, error) { return fs.ReadFile(f.inner, name) }
func (f knownFS) ReadLink(name string) (string, error) { return f.links.ReadLink(name) }

func (f knownFS) ReadDir(name string) ([]fs.DirEntry, error) {
	if !f.realDir(name) {
		return fs.ReadDir(f.inner, name)
	}
	f.k.mu.Lock()
	d, ok := f.k.dirs[name]
	f.k.mu.Unlock()
	if !ok {
		d.entries, d.err = fs.ReadDir(f.inner, name)
		f.k.mu.Lock()
		if f.k.dirs == nil {
			f.k.dirs = map[string]listing{}
		}
		f.k.dirs[name] = d
		f.k.mu.Unlock()
	}
	return slices.Clone(d.entries), d.err
}

func (f knownFS) Lstat(name string) (fs.FileInfo, error) {
	if !f.realDir(path.Dir(name)) {
		return f.links.Lstat(name)
	}
	return f.remembered(&f.k.lstats, name, f.links.Lstat)
}

// Stat is Lstat for what is not a link; a link's target may change
// under another path, so a link is stat'ed every time.
//
// Its folder is looked at once, not once for Lstat and again here: the
// content files are stat'ed on every rebuild.
func (f knownFS) Stat(name string) (fs.FileInfo, error) {
	if !f.realDir(path.Dir(name)) {
		return fs.Stat(f.inner, name)
	}
	fi, err := f.remembered(&f.k.lstats, name, f.links.Lstat)
	if err != nil || fi.Mode()&fs.ModeSymlink != 0 {
		return fs.Stat(f.inner, name)
	}
	return fi, nil
}

// remembered answers name from m, asking ask the first time. Only a
// missing file's error is remembered with its answer: another error (a
// folder that cannot be read) may be gone by the next build without an
// event.
func (f knownFS) remembered(m *map[string]statOf, name string, ask func(string) (fs.FileInfo, error)) (fs.FileInfo, error) {
	f.k.mu.Lock()
	s, ok := (*m)[name]
	f.k.mu.Unlock()
	if ok {
		return s.fi, s.err
	}
	fi, err := ask(name)
	if err == nil || errors.Is(err, fs.ErrNotExist) {
		f.k.mu.Lock()
		if *m == nil {
			*m = map[string]statOf{}
		}
		(*m)[name] = statOf{fi, err}
		f.k.mu.Unlock()
	}
	return fi, err
}

// realDir reports whether dir is reached from the root through real
// folders only, none of them a link, so that every change below it is
// reported under its own path. What is known of a path below a link is
// never used: each folder is looked at from the root down, and the first
// that is not a real folder ends the walk.
func (f knownFS) realDir(dir string) bool {
	if dir == "." {
		return true
	}
	if !fs.ValidPath(dir) {
		return false
	}
	for i := 0; i <= len(dir); i++ {
		if i < len(dir) && dir[i] != '/' {
			continue
		}
		fi, err := f.remembered(&f.k.lstats, dir[:i], f.links.Lstat)
		if err != nil || !fi.IsDir() {
			return false
		}
	}
	return true
}

package source

import (
	"io/fs"
	"slices"
	"sync"
)

// Listed returns fsys for the length of one build: every folder is listed
// once, and the same listing is given to everyone who asks again, while
// files are still opened, read and stat'ed through fsys each time. The
// link check, the kind check and Walk each walk every input folder; on
// 10,000 pages each walk cost a one-page edit's rebuild about 20 ms, most
// of it listing folders. Sharing one listing also gives the three the same
// view of a folder that changes during the build. Links (fs.ReadLinkFS)
// are read through fsys, when it can read them.
func Listed(fsys fs.FS) fs.FS {
	l := &listed{inner: fsys, dirs: map[string]listing{}}
	if lfs, ok := fsys.(fs.ReadLinkFS); ok {
		return listedLinks{l, lfs}
	}
	return l
}

type listed struct {
	inner fs.FS
	mu    sync.Mutex
	dirs  map[string]listing
}

type listing struct {
	entries []fs.DirEntry
	err     error
}

func (l *listed) Open(name string) (fs.File, error)          { return l.inner.Open(name) }
func (l *listed) ReadFile(name string) ([]byte, error)       { return fs.ReadFile(l.inner, name) }
func (l *listed) Stat(name string) (fs.FileInfo, error)      { return fs.Stat(l.inner, name) }
func (l *listed) ReadDir(name string) ([]fs.DirEntry, error) { return l.readDir(name) }

// readDir lists name the first time it is asked for and hands out copies
// of that listing after, so no caller can reorder another's.
func (l *listed) readDir(name string) ([]fs.DirEntry, error) {
	l.mu.Lock()
	d, ok := l.dirs[name]
	l.mu.Unlock()
	if !ok {
		d.entries, d.err = fs.ReadDir(l.inner, name)
		l.mu.Lock()
		l.dirs[name] = d
		l.mu.Unlock()
	}
	return slices.Clone(d.entries), d.err
}

// listedLinks is listed over a file system that can read links.
type listedLinks struct {
	*listed
	links fs.ReadLinkFS
}

func (l listedLinks) ReadLink(name string) (string, error)   { return l.links.ReadLink(name) }
func (l listedLinks) Lstat(name string) (fs.FileInfo, error) { return l.links.Lstat(name) }

package publish

import (
	"errors"
	"io/fs"
	"maps"
	"os"
	"path"
	"path/filepath"
	"slices"

	"github.com/pubgen/pubgen/internal/msg"
)

// Spare is what a session (pubgen build --watch) keeps between its
// publishes so that a switch costs what changed, not the size of the site:
// the site its last switch replaced, left in a folder beside dest instead
// of being removed, and where that folder differs from dest. The next
// publish brings the spare up to date at those paths and at the ones that
// changed since, flushes it and exchanges it with dest. Before, every
// switch linked each of a 10,000-page portal's 30,000 files into a fresh
// staging folder and then removed the replaced site, file by file: most of
// the time from a one-page edit to its switch.
//
// The switch stays as atomic as with a fresh staging folder: the spare is
// never the published folder while it is written, and its files are
// removed and written anew, never changed in place, since most of them
// are hard links of the published site's files.
//
// A Spare trusts that the folders publish made are changed by nobody but
// itself, as build --watch always trusted the site it published to hold
// what it wrote. It checks that dest and its folder are still the ones it
// switched (another build publishing in between is found that way) and
// otherwise starts again from what it reads on disk.
//
// The zero Spare knows nothing yet. A Spare is used by one session, under
// its Lock; Discard removes its folder when the session ends.
type Spare struct {
	dir    string      // the spare folder, "" when there is none
	folder os.FileInfo // dir as the last switch left it
	site   os.FileInfo // dest as the last switch left it; nil: dest unknown
	behind []string    // the paths at which dir differs from dest
}

// knows reports whether dest is still the folder s's last switch put in
// place, so that what changed since describes it.
func (s *Spare) knows(t target) bool {
	return s != nil && s.site != nil && sameAs(t.dest, s.site)
}

// usable reports whether s's folder is still the one it left.
func (s *Spare) usable() bool {
	return s.dir != "" && s.folder != nil && sameAs(s.dir, s.folder)
}

func sameAs(name string, fi os.FileInfo) bool {
	now, err := os.Lstat(name)
	return err == nil && os.SameFile(now, fi)
}

// forget makes s know nothing, removing its folder; what cannot be
// removed is a warning, as for any leftover.
func (s *Spare) forget(p publisher, warnings *[]msg.Text) {
	if s.dir != "" {
		p.removeLeftover(s.dir, warnings)
	}
	*s = Spare{}
}

// Discard removes the spare folder: the session that kept it ends. What
// it cannot remove, the next publish's cleanup tries again.
func (s *Spare) Discard() {
	if s.dir != "" {
		removeTree(s.dir)
	}
	*s = Spare{}
}

// settle records the state after a switch: old is where the replaced site
// now is ("" when there was none), and differ the paths at which it
// differs from the new one. A replaced site that does not differ only at
// files (one another tool changed by hand) is not kept.
func (s *Spare) settle(p publisher, t target, old string, d difference, warnings *[]msg.Text) {
	site, err := os.Lstat(t.dest)
	*s = Spare{site: site}
	if err != nil {
		s.site = nil
	}
	if old == "" {
		return
	}
	folder, err := os.Lstat(old)
	if !d.clean || err != nil {
		p.removeLeftover(old, warnings)
		return
	}
	s.dir, s.folder, s.behind = old, folder, slices.Clone(d.files)
}

// refresh brings the spare folder dir, which differs from dest only at the
// paths in stale, to the entries' tree. fresh names the paths whose entry
// differs from dest's file: those are written; the others in stale are
// linked from dest. Files are removed before any is written, so that a
// path that was a file and is now a folder (or the other way) is free
// when it is needed.
func refresh(dir, dest string, entries []Entry, stale []string, fresh map[string]bool) (Report, error) {
	index := make(map[string]int, len(entries))
	for i, e := range entries {
		index[e.Path] = i
	}
	var write []Entry
	var written []string // written anew, not linked: their bytes need flushing
	for _, p := range stale {
		if i, ok := index[p]; ok {
			write = append(write, entries[i])
			p = "" // written below, after the removals
		}
		if p != "" {
			if err := removeFile(dir, p); err != nil {
				return Report{}, err
			}
		}
	}
	for _, e := range write {
		name := filepath.Join(dir, filepath.FromSlash(e.Path))
		if err := os.RemoveAll(name); err != nil {
			return Report{}, failure(msg.PublishWrite, e.Path, bare(err))
		}
		if err := makeParents(dir, e.Path); err != nil {
			return Report{}, err
		}
		linked := false
		if !fresh[e.Path] {
			_, linked = linkEntry(dir, e, func(Entry) string { return filepath.Join(dest, filepath.FromSlash(e.Path)) })
		}
		if !linked {
			if _, err := writeEntry(dir, e); err != nil {
				return Report{}, err
			}
			written = append(written, e.Path)
		}
	}
	if err := flushChanges(dir, stale, written); err != nil {
		return Report{}, failure(msg.PublishFlush, "", bare(err))
	}
	return siteSize(entries), nil
}

// flushChanges flushes what refresh changed in dir: the files written anew
// and every folder above a stale path (names added, removed, folders made
// or removed). A linked file's bytes are the published file's, flushed
// when it was published. Not the whole file system (syncfs, as a fresh
// staging folder is flushed): that waited for every other program's
// writes too, and made a one-page switch take as long as the busiest
// neighbour's writeback.
func flushChanges(dir string, stale, written []string) error {
	if !flushEachFile {
		for _, p := range written {
			if err := syncFile(filepath.Join(dir, filepath.FromSlash(p))); err != nil {
				return err
			}
		}
	}
	folders := map[string]bool{".": true}
	for _, p := range stale {
		for d := path.Dir(p); d != "." && !folders[d]; d = path.Dir(d) {
			folders[d] = true
		}
	}
	for _, d := range slices.Sorted(maps.Keys(folders)) {
		err := syncDir(filepath.Join(dir, filepath.FromSlash(d)))
		if err != nil && !errors.Is(err, fs.ErrNotExist) { // a folder removed with its last file
			return err
		}
	}
	return nil
}

func syncFile(name string) error {
	f, err := os.Open(name)
	if err != nil {
		return err
	}
	err = f.Sync()
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}

// removeFile removes the file p below dir, and then each folder above it
// that it left empty: a clean build's tree has no empty folders.
func removeFile(dir, p string) error {
	err := os.RemoveAll(filepath.Join(dir, filepath.FromSlash(p)))
	if err != nil {
		return failure(msg.PublishWrite, p, bare(err))
	}
	for d := path.Dir(p); d != "."; d = path.Dir(d) {
		if os.Remove(filepath.Join(dir, filepath.FromSlash(d))) != nil {
			break // not empty, or already gone
		}
	}
	return nil
}

// makeParents makes the folders above the entry path p below dir that do
// not exist yet.
func makeParents(dir, p string) error {
	var missing []string
	for d := path.Dir(p); d != "."; d = path.Dir(d) {
		fi, err := os.Lstat(filepath.Join(dir, filepath.FromSlash(d)))
		if err == nil && fi.IsDir() {
			break
		}
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return failure(msg.PublishMkdir, d, bare(err))
		}
		missing = append(missing, d)
	}
	for _, d := range slices.Backward(missing) {
		if err := makeDir(filepath.Join(dir, filepath.FromSlash(d))); err != nil {
			return failure(msg.PublishMkdir, d, bare(err))
		}
	}
	return nil
}

// siteSize is the Report of a site made of entries.
func siteSize(entries []Entry) Report {
	rep := Report{Files: len(entries)}
	for _, e := range entries {
		if e.Src == nil {
			rep.Bytes += int64(len(e.Data))
		} else if fi, err := fs.Stat(e.Src, e.SrcPath); err == nil {
			rep.Bytes += fi.Size()
		}
	}
	return rep
}

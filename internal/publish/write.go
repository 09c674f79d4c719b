package publish

import (
	"cmp"
	"errors"
	"io"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"

	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/parallel"
)

// Report counts what a successful Publish wrote.
type Report struct {
	Files int
	Bytes int64
	// Unchanged is set when dest already held exactly this site and was
	// left as it was.
	Unchanged bool
	// Warnings name the leftovers of earlier publishes that could not be
	// removed; the site is published all the same.
	Warnings []msg.Text
}

const (
	fileMode = 0o644
	dirMode  = 0o755
	// writers is how many files are written at once: writing is mostly
	// waiting on fsync, so a few more than the cores keeps the disk busy.
	writers = 8
)

// writeTree writes every entry below root, which exists and is empty, and
// flushes files and folders to disk so the switch never exposes a tree that
// a power cut could still tear.
// reuse, when set, names an already published file holding an entry's
// bytes, to hard-link instead of writing.
func writeTree(root string, entries []Entry, reuse func(Entry) string) (Report, error) {
	dirs := folders(entries)
	if err := makeDirs(root, dirs); err != nil {
		return Report{}, err
	}
	rep, err := writeFiles(root, entries, reuse)
	if err != nil {
		return Report{}, err
	}
	if err := flushTree(root, dirs); err != nil {
		return Report{}, failure(msg.PublishFlush, "", bare(err))
	}
	return rep, nil
}

// folders lists every folder the entries need, parents before children.
func folders(entries []Entry) []string {
	set := map[string]bool{}
	for _, e := range entries {
		for d := path.Dir(e.Path); d != "." && !set[d]; d = path.Dir(d) {
			set[d] = true
		}
	}
	list := make([]string, 0, len(set))
	for d := range set {
		list = append(list, d)
	}
	sort.Strings(list) // "a" sorts before "a/b"
	return list
}

// makeDirs makes the folders dirs below root, a depth at a time and the
// folders of one depth on all cores: a folder is a new inode as a file
// is, and made one after another they were a serial second of a cold
// 10,000-page publish. Of several failures the first of the shallowest
// depth, in dirs' order, is reported.
func makeDirs(root string, dirs []string) error {
	byDepth := slices.Clone(dirs)
	slices.SortStableFunc(byDepth, func(a, b string) int {
		return cmp.Compare(strings.Count(a, "/"), strings.Count(b, "/"))
	})
	errs := make([]error, len(byDepth))
	for start := 0; start < len(byDepth); {
		// Every parent of this depth's folders is made.
		depth := strings.Count(byDepth[start], "/")
		n := 0
		for start+n < len(byDepth) && strings.Count(byDepth[start+n], "/") == depth {
			n++
		}
		level := byDepth[start : start+n]
		parallel.For(n, func(i int) {
			if err := makeDir(filepath.Join(root, filepath.FromSlash(level[i]))); err != nil {
				errs[start+i] = failure(msg.PublishMkdir, level[i], bare(err))
			}
		})
		if err := cmp.Or(errs[start : start+n]...); err != nil {
			return err
		}
		start += n
	}
	return nil
}

func makeDir(dir string) error {
	if err := os.Mkdir(dir, dirMode); err != nil {
		return err
	}
	// Chmod because the umask may have taken bits a web server needs.
	return os.Chmod(dir, dirMode)
}

func writeFiles(root string, entries []Entry, reuse func(Entry) string) (Report, error) {
	jobs := make(chan Entry)
	var (
		mu    sync.Mutex
		rep   Report
		first error
		wg    sync.WaitGroup
	)
	for range min(writers, len(entries)) {
		wg.Go(func() {
			for e := range jobs {
				n, linked := linkEntry(root, e, reuse)
				var err error
				if !linked {
					n, err = writeEntry(root, e)
				}
				mu.Lock()
				rep.Files++
				rep.Bytes += n
				if err != nil && first == nil {
					first = err
				}
				mu.Unlock()
			}
		})
	}
	for _, e := range entries {
		mu.Lock()
		failed := first != nil
		mu.Unlock()
		if failed {
			break
		}
		jobs <- e
	}
	close(jobs)
	wg.Wait()
	return rep, first
}

// linkEntry hard-links the published file that reuse names for e, and
// reports whether it did; any failure (no such file, another filesystem)
// means the entry is written instead.
func linkEntry(root string, e Entry, reuse func(Entry) string) (int64, bool) {
	if reuse == nil {
		return 0, false
	}
	old := reuse(e)
	if old == "" {
		return 0, false
	}
	fi, err := os.Lstat(old)
	if err != nil || !fi.Mode().IsRegular() {
		return 0, false
	}
	if err := os.Link(old, filepath.Join(root, filepath.FromSlash(e.Path))); err != nil {
		return 0, false
	}
	return fi.Size(), true
}

func writeEntry(root string, e Entry) (int64, error) {
	name := filepath.Join(root, filepath.FromSlash(e.Path))
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, fileMode)
	if err != nil {
		return 0, failure(msg.PublishWrite, e.Path, bare(err))
	}
	n, err := fill(f, e)
	if err == nil {
		err = finish(f, e.Path)
	} else {
		f.Close()
	}
	return n, err
}

// fill writes the entry's content into f.
func fill(f *os.File, e Entry) (int64, error) {
	if e.Src == nil {
		n, err := f.Write(e.Data)
		if err != nil {
			return int64(n), failure(msg.PublishWrite, e.Path, bare(err))
		}
		return int64(n), nil
	}
	src, err := e.Src.Open(e.SrcPath)
	if err != nil {
		return 0, failure(msg.PublishCopy, e.Path, bare(err), e.SrcPath)
	}
	defer src.Close()
	n, err := io.Copy(f, src)
	if err != nil {
		return n, failure(msg.PublishCopy, e.Path, bare(err), e.SrcPath)
	}
	return n, nil
}

func finish(f *os.File, rel string) error {
	err := f.Chmod(fileMode)
	if err == nil && flushEachFile {
		err = f.Sync()
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return failure(msg.PublishWrite, rel, bare(err))
	}
	return nil
}

// bare drops the staging path from an *fs.PathError: the staging folder's
// random name means nothing to a reader, who is already told the entry path.
func bare(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

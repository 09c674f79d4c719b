package publish

import (
	"bytes"
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// difference is where a folder on disk differs from the tree the entries
// make: the entries whose file there is missing or holds other bytes, the
// files no entry names, and whether anything else differs that removing
// and writing files cannot mend (a folder no entry needs or with another
// mode, a symbolic link, an unreadable part).
type difference struct {
	files []string
	// clean is false when the folder holds such other differences.
	clean bool
}

// same reports whether the folder holds exactly the entries' tree.
func (d difference) same() bool { return d.clean && len(d.files) == 0 }

// compareTree reads the folder dir and compares it with the entries, byte
// for byte: it trusts nothing it did not read, so a file changed by hand
// is found as surely as one a build wrote. A dir that does not exist
// differs at every entry.
func compareTree(dir string, entries []Entry) difference {
	byPath := make(map[string]*Entry, len(entries))
	for i := range entries {
		byPath[entries[i].Path] = &entries[i]
	}
	needed := map[string]bool{}
	for _, d := range folders(entries) {
		needed[d] = true
	}
	d := difference{clean: true}
	seen := make(map[string]bool, len(entries))
	var toRead []*Entry
	err := filepath.WalkDir(dir, func(p string, de fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if p == dir {
			if !de.IsDir() {
				return errors.New("not a folder")
			}
			return nil
		}
		rel := filepath.ToSlash(p[len(dir)+1:])
		fi, err := de.Info()
		if err != nil {
			return err
		}
		switch {
		case de.IsDir():
			if !needed[rel] || fi.Mode().Perm() != dirMode {
				d.clean = false
			}
		case byPath[rel] == nil || !fi.Mode().IsRegular() || fi.Mode().Perm() != fileMode:
			d.files = append(d.files, rel)
			seen[rel] = true
		default:
			if e := byPath[rel]; sizeKnown(e, fi.Size()) {
				toRead = append(toRead, e)
			} else {
				d.files = append(d.files, rel)
			}
			seen[rel] = true
		}
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		d.clean = false
	}
	for _, e := range entries {
		if !seen[e.Path] {
			d.files = append(d.files, e.Path)
		}
	}
	d.files = append(d.files, differingContent(dir, toRead)...)
	return d
}

// sizeKnown reports whether e's content may have size n: a cheap refusal
// before a file is read. A copy's size is not known without a stat, so
// it is read.
func sizeKnown(e *Entry, n int64) bool {
	return e.Src != nil || int64(len(e.Data)) == n
}

// differingContent reads the files of entries below dir on several
// goroutines and returns the paths of those whose bytes differ.
func differingContent(dir string, entries []*Entry) []string {
	jobs := make(chan *Entry)
	var (
		mu     sync.Mutex
		differ []string
		wg     sync.WaitGroup
	)
	for range min(writers, len(entries)) {
		wg.Go(func() {
			for e := range jobs {
				if !sameContent(filepath.Join(dir, filepath.FromSlash(e.Path)), e) {
					mu.Lock()
					differ = append(differ, e.Path)
					mu.Unlock()
				}
			}
		})
	}
	for _, e := range entries {
		jobs <- e
	}
	close(jobs)
	wg.Wait()
	return differ
}

// sameContent reports whether the file name holds e's bytes; any failure
// to read either side counts as a difference.
func sameContent(name string, e *Entry) bool {
	if e.Src == nil {
		got, err := os.ReadFile(name)
		return err == nil && bytes.Equal(got, e.Data)
	}
	f, err := os.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	src, err := e.Src.Open(e.SrcPath)
	if err != nil {
		return false
	}
	defer src.Close()
	return sameStream(f, src)
}

func sameStream(a, b io.Reader) bool {
	bufA, bufB := make([]byte, 64<<10), make([]byte, 64<<10)
	for {
		n, errA := io.ReadFull(a, bufA)
		m, errB := io.ReadFull(b, bufB)
		if n != m || !bytes.Equal(bufA[:n], bufB[:m]) {
			return false
		}
		endA := errA == io.EOF || errA == io.ErrUnexpectedEOF
		endB := errB == io.EOF || errB == io.ErrUnexpectedEOF
		switch {
		case endA && endB:
			return true
		case endA || endB || errA != nil || errB != nil:
			return false
		}
	}
}

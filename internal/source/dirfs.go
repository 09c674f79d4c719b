package source

import (
	"errors"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// DirFS is os.DirFS(dir) whose Open never blocks on a named pipe and never
// hands out anything but folders and ordinary files. CheckKinds refuses such
// files before the build reads them; this guards the moment between that
// check and the open, when a file can be swapped for a FIFO.
func DirFS(dir string) fs.FS {
	return dirFS{dir: dir, inner: os.DirFS(dir)}
}

type dirFS struct {
	dir   string
	inner fs.FS // os.DirFS(dir), for what does not open a file
}

// Open opens without waiting for a writer (see openNonBlocking) and then
// refuses what is not a folder or an ordinary file, naming it the way
// CheckKinds does.
func (d dirFS) Open(name string) (fs.File, error) {
	if !fs.ValidPath(name) {
		return nil, &fs.PathError{Op: "open", Path: name, Err: fs.ErrInvalid}
	}
	f, err := openNonBlocking(filepath.Join(d.dir, filepath.FromSlash(name)))
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			pe.Path = name
		}
		return nil, err
	}
	fi, err := f.Stat()
	if err != nil {
		f.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: err}
	}
	if what := irregular(fi.Mode()); what != "" {
		f.Close()
		return nil, &fs.PathError{Op: "open", Path: name, Err: NotRegular{Kind: what}}
	}
	return f, nil
}

// ReadFile reads through Open: os.DirFS's own ReadFile would open a named
// pipe the blocking way.
func (d dirFS) ReadFile(name string) ([]byte, error) {
	f, err := d.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return io.ReadAll(f)
}

func (d dirFS) ReadDir(name string) ([]fs.DirEntry, error) { return fs.ReadDir(d.inner, name) }
func (d dirFS) Stat(name string) (fs.FileInfo, error)      { return fs.Stat(d.inner, name) }
func (d dirFS) Lstat(name string) (fs.FileInfo, error)     { return fs.Lstat(d.inner, name) }
func (d dirFS) ReadLink(name string) (string, error)       { return fs.ReadLink(d.inner, name) }

// Package deniedfs is a file system for tests that refuses to read one
// file, as a file without read permission does for anyone but root. Tests
// of "cannot be read" messages use it because they may run as root, which
// no mode bit stops.
package deniedfs

import (
	"io/fs"
	"testing/fstest"
)

// FS is MapFS with the file Denied refused, both when opened and when
// read whole.
type FS struct {
	fstest.MapFS
	Denied string
}

func (d FS) refused(name string) error {
	return &fs.PathError{Op: "open", Path: name, Err: fs.ErrPermission}
}

// Open opens name, unless it is the denied file.
func (d FS) Open(name string) (fs.File, error) {
	if name == d.Denied {
		return nil, d.refused(name)
	}
	return d.MapFS.Open(name)
}

// ReadFile reads name, unless it is the denied file.
func (d FS) ReadFile(name string) ([]byte, error) {
	if name == d.Denied {
		return nil, d.refused(name)
	}
	return d.MapFS.ReadFile(name)
}

//go:build unix

package publish

import "os"

// syncDir flushes a folder's entries (names, renames) to disk; file contents
// are flushed separately with File.Sync.
func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	err = d.Sync()
	if cerr := d.Close(); err == nil {
		err = cerr
	}
	return err
}

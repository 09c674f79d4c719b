package measure

import (
	"io/fs"
	"path/filepath"
)

// DirSize is the bytes of the regular files under dir (folders count
// nothing), as a deploy would upload them.
func DirSize(dir string) (int64, error) {
	var n int64
	err := filepath.WalkDir(dir, func(_ string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		fi, err := d.Info()
		if err == nil {
			n += fi.Size()
		}
		return err
	})
	return n, err
}

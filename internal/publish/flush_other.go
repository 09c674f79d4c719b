//go:build !linux

package publish

import "path/filepath"

// flushEachFile is true where there is no syncfs: each file is synced as it
// is written, and the folders afterwards.
const flushEachFile = true

// flushTree flushes the folders below root; their files are already synced.
func flushTree(root string, dirs []string) error {
	for _, d := range append(dirs, ".") {
		if err := syncDir(filepath.Join(root, filepath.FromSlash(d))); err != nil {
			return err
		}
	}
	return nil
}

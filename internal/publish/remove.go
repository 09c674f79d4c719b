package publish

import (
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"sync"
)

// removeTree removes dir like os.RemoveAll, but unlinks files from several
// goroutines: removing the previous site is most of a publish's time on
// filesystems where each unlink waits on the journal.
func removeTree(dir string) error {
	var files, dirs []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		switch {
		case err != nil:
			return err
		case d.IsDir():
			dirs = append(dirs, p)
		default:
			files = append(files, p)
		}
		return nil
	})
	if err == nil {
		removeFiles(files)
		slices.Reverse(dirs) // children before parents
		for _, d := range dirs {
			os.Remove(d)
		}
	}
	// Whatever is left (or an unreadable tree) gets the plain treatment,
	// which also reports the error worth reporting.
	return os.RemoveAll(dir)
}

func removeFiles(files []string) {
	jobs := make(chan string)
	var wg sync.WaitGroup
	for range min(writers, len(files)) {
		wg.Go(func() {
			for f := range jobs {
				os.Remove(f)
			}
		})
	}
	for _, f := range files {
		jobs <- f
	}
	close(jobs)
	wg.Wait()
}

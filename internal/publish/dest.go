package publish

import (
	"errors"
	"os"
	"path/filepath"
	"strings"

	"github.com/pubgen/pubgen/internal/msg"
)

// Names of the folders publish keeps beside dest; see the package doc.
const (
	stagingTag = ".pubgen-staging-"
	retiredTag = ".pubgen-retired-"
	trashTag   = ".pubgen-trash-"
	// legacyLockTag named the lock of pubgen versions that kept it beside
	// dest, a stray file in the site root; cleanup removes it.
	legacyLockTag = ".pubgen-lock"
	// cacheFolder holds the lock beside dest: with the default dest it is
	// the site's own .pubgen/, where the search index lives too.
	cacheFolder = ".pubgen"
)

// target is a checked destination: its absolute path, its parent and the
// name prefix of the helper folders publish creates beside it.
type target struct {
	dest   string
	parent string
	base   string
}

func (t target) prefix(tag string) string { return "." + t.base + tag }

// lockPath is the file whose flock makes builds into dest take turns:
// .pubgen/public.lock for public/.
func (t target) lockPath() string { return filepath.Join(t.parent, cacheFolder, t.base+".lock") }

// CheckDest reports whether dest is a folder Publish may replace. Publish
// calls it too; a build can call it first to fail before any work is done.
//
// It refuses an empty path, a filesystem root, the home folder, the current
// folder or any folder containing it (replacing those would swap out the site
// sources), a dest whose parent does not exist, and an existing dest that is
// a file or a symbolic link: switching would replace the link itself and
// silently break whatever the operator pointed it at.
func CheckDest(dest string) error {
	_, err := checkDest(dest)
	return err
}

func checkDest(dest string) (target, error) {
	if strings.TrimSpace(dest) == "" {
		return target{}, failure(msg.PublishNoDest, dest, nil)
	}
	abs, err := filepath.Abs(dest)
	if err != nil {
		return target{}, failure(msg.PublishDest, dest, err)
	}
	if err := refuseDangerous(dest, abs); err != nil {
		return target{}, err
	}
	t := target{dest: abs, parent: filepath.Dir(abs), base: filepath.Base(abs)}
	if fi, err := os.Stat(t.parent); err != nil {
		return target{}, failure(msg.PublishDestParent, dest, bare(err))
	} else if !fi.IsDir() {
		return target{}, failure(msg.PublishDestParentNotDir, dest, nil, t.parent)
	}
	return t, checkExisting(dest, abs)
}

func refuseDangerous(dest, abs string) error {
	if filepath.Dir(abs) == abs {
		return failure(msg.PublishDestRoot, dest, nil)
	}
	if home, err := os.UserHomeDir(); err == nil && sameDir(abs, home) {
		return failure(msg.PublishDestHome, dest, nil)
	}
	if wd, err := os.Getwd(); err == nil && within(wd, abs) {
		return failure(msg.PublishDestHoldsCwd, dest, nil, wd)
	}
	return nil
}

func checkExisting(dest, abs string) error {
	fi, err := os.Lstat(abs)
	switch {
	case errors.Is(err, os.ErrNotExist):
		return nil
	case err != nil:
		return failure(msg.PublishDest, dest, bare(err))
	case fi.Mode()&os.ModeSymlink != 0:
		return failure(msg.PublishDestSymlink, dest, nil)
	case !fi.IsDir():
		return failure(msg.PublishDestNotDir, dest, nil)
	}
	return nil
}

func sameDir(a, b string) bool {
	if filepath.Clean(a) == filepath.Clean(b) {
		return true
	}
	fa, errA := os.Stat(a)
	fb, errB := os.Stat(b)
	return errA == nil && errB == nil && os.SameFile(fa, fb)
}

// within reports whether path is dir or lies below it.
func within(path, dir string) bool {
	rel, err := filepath.Rel(dir, path)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) && !filepath.IsAbs(rel)
}

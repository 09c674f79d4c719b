package source

import (
	"errors"
	"io/fs"
	"path"
	"strings"

	"github.com/pubgen/pubgen/internal/diag"
)

// maxHops bounds how many links a chain may pass through; the kernel's own
// limit (40 on Linux) is of the same order.
const maxHops = 40

const linkWant = "(want a real file or a link inside the site)"

// CheckLinks reports every symbolic link under the site's roots that points
// outside the site, into a loop, or nowhere. The build reads through an
// fs.FS, and os.DirFS follows links wherever they go: without this check a
// link in content/ could publish /etc/passwd. File systems that cannot read
// links (fs.ReadLinkFS) have none to check.
func CheckLinks(fsys fs.FS) diag.List {
	var l diag.List
	lfs, ok := fsys.(fs.ReadLinkFS)
	if !ok {
		return nil
	}
	for _, root := range InputPaths() {
		// WalkDir follows a link given as its root, so a root that is a
		// link is looked at first.
		fi, err := lfs.Lstat(root)
		if errors.Is(err, fs.ErrNotExist) {
			continue
		}
		if err == nil && fi.Mode()&fs.ModeSymlink != 0 {
			if msg := checkLink(lfs, root); msg != "" {
				l.Errorf(root, 0, 0, "", "%s %s", msg, linkWant)
				continue
			}
		}
		err = fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if p == root && errors.Is(err, fs.ErrNotExist) {
					return nil
				}
				l.Errorf(p, 0, 0, "", "cannot read: %v", err)
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				if msg := checkLink(lfs, p); msg != "" {
					l.Errorf(p, 0, 0, "", "%s %s", msg, linkWant)
				}
			}
			return nil
		})
		if err != nil {
			l.Errorf(root, 0, 0, "", "cannot read: %v", err)
		}
	}
	return l
}

// checkLink follows the link at p one hop at a time, keeping every hop
// inside the site, and returns what is wrong, or "" when the chain ends at a
// file or folder inside the site.
func checkLink(lfs fs.ReadLinkFS, p string) string {
	seen := map[string]bool{}
	for cur := p; ; {
		if seen[cur] || len(seen) > maxHops {
			return "symlink loop"
		}
		seen[cur] = true
		fi, err := lfs.Lstat(cur)
		if errors.Is(err, fs.ErrNotExist) {
			return "symlink points to " + cur + ", which does not exist"
		}
		if err != nil {
			return "symlink cannot be read: " + err.Error()
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			return ""
		}
		target, err := lfs.ReadLink(cur)
		if err != nil {
			return "symlink cannot be read: " + err.Error()
		}
		next, ok := inside(path.Dir(cur), target)
		if !ok {
			return "symlink points outside the site"
		}
		cur = next
	}
}

// inside resolves a link target written in the folder dir and reports
// whether it stays inside the site root. Absolute targets never do: the
// site may be copied elsewhere, and the root's own absolute path is not
// known through fs.FS.
func inside(dir, target string) (string, bool) {
	if target == "" || path.IsAbs(target) || strings.Contains(target, "\\") || (len(target) > 1 && target[1] == ':') {
		return "", false
	}
	p := path.Join(dir, target)
	if p == ".." || strings.HasPrefix(p, "../") {
		return "", false
	}
	return p, fs.ValidPath(p)
}

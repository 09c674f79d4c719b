package source

import (
	"errors"
	"io/fs"
	"path"
	"strings"

	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/msg"
)

// maxHops bounds how many links a chain may pass through; the kernel's own
// limit (40 on Linux) is of the same order.
const maxHops = 40

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
			if t := checkLink(lfs, root); !t.IsZero() {
				l.Add(diag.Diagnostic{File: root, Msg: t})
				continue
			}
		}
		err = fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if p == root && errors.Is(err, fs.ErrNotExist) {
					return nil
				}
				l.Error(p, 0, 0, "", msg.FolderCannotRead, msg.CauseAt(p, err))
				return nil
			}
			if d.Type()&fs.ModeSymlink != 0 {
				if t := checkLink(lfs, p); !t.IsZero() {
					l.Add(diag.Diagnostic{File: p, Msg: t})
				}
			}
			return nil
		})
		if err != nil {
			l.Error(root, 0, 0, "", msg.FolderCannotRead, msg.CauseAt(root, err))
		}
	}
	return l
}

// checkLink follows the link at p one hop at a time, keeping every hop
// inside the site, and returns what is wrong, or the zero Text when the
// chain ends at a file or folder inside the site.
func checkLink(lfs fs.ReadLinkFS, p string) msg.Text {
	seen := map[string]bool{}
	for cur := p; ; {
		if seen[cur] || len(seen) > maxHops {
			return msg.New(msg.SymlinkLoop)
		}
		seen[cur] = true
		fi, err := lfs.Lstat(cur)
		if errors.Is(err, fs.ErrNotExist) {
			return msg.New(msg.SymlinkMissing, cur)
		}
		if err != nil {
			return msg.New(msg.SymlinkUnreadable, msg.Cause(err))
		}
		if fi.Mode()&fs.ModeSymlink == 0 {
			return msg.Text{}
		}
		target, err := lfs.ReadLink(cur)
		if err != nil {
			return msg.New(msg.SymlinkUnreadable, msg.Cause(err))
		}
		next, ok := inside(path.Dir(cur), target)
		if !ok {
			return msg.New(msg.SymlinkOutside)
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

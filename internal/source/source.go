// Package source walks a site through an fs.FS and says which files are
// content pages, which are files of a page bundle, and which are static
// files, applying the ignore rules (editor swap files, hidden folders).
package source

import (
	"fmt"
	"io/fs"
	"path"
	"sort"
	"strings"
)

// Site is what the walk found. Paths are slash paths from the site root.
type Site struct {
	Pages  []string            // content/**.md, sorted
	Bundle map[string][]string // bundle folder (content/x/y) → its non-page files, sorted, relative to the folder
	Static []string            // static/**, sorted, relative to static/
}

// Ignored reports whether a file or folder name is never part of a site:
// editors' swap, backup and temporary files (vim, emacs, Kate, JetBrains
// IDEs), system files and hidden entries. The watcher ignores the same
// names, so an edit it delivers is always of something the build reads.
func Ignored(name string) bool {
	switch {
	case name == "" || name == ".":
		return false
	case strings.HasPrefix(name, "."), len(name) > 1 && strings.HasPrefix(name, "#") && strings.HasSuffix(name, "#"),
		strings.HasSuffix(name, "~"), strings.HasSuffix(name, ".swp"), strings.HasSuffix(name, ".swx"),
		strings.HasSuffix(name, ".swo"), strings.HasSuffix(name, ".kate-swp"), name == "4913", strings.Contains(name, "___jb_"),
		name == "Thumbs.db", name == "desktop.ini":
		return true
	}
	return false
}

// Walk lists the site in fsys. A symlink is read through fs.FS like any
// file; os.DirFS follows links, so the build stage refuses links that leave
// the site before it gets here.
func Walk(fsys fs.FS) (*Site, error) {
	s := &Site{Bundle: map[string][]string{}}
	content, err := files(fsys, ContentDir)
	if err != nil {
		return nil, err
	}
	bundles := map[string]bool{}
	var others []string
	for _, p := range content {
		switch {
		case strings.HasSuffix(p, ".md"):
			s.Pages = append(s.Pages, p)
			if path.Base(p) == "index.md" {
				bundles[path.Dir(p)] = true
			}
		default:
			others = append(others, p)
		}
	}
	for _, o := range others {
		// A file belongs to the nearest enclosing bundle.
		for dir := path.Dir(o); dir != ContentDir && dir != "."; dir = path.Dir(dir) {
			if bundles[dir] {
				s.Bundle[dir] = append(s.Bundle[dir], strings.TrimPrefix(o, dir+"/"))
				break
			}
		}
	}
	static, err := files(fsys, StaticDir)
	if err != nil {
		return nil, err
	}
	for _, p := range static {
		s.Static = append(s.Static, strings.TrimPrefix(p, StaticDir+"/"))
	}
	sort.Strings(s.Pages)
	sort.Strings(s.Static)
	for _, files := range s.Bundle {
		sort.Strings(files)
	}
	return s, nil
}

// files lists the files below root that are part of the site, skipping
// ignored names (and whole ignored folders); a missing root has none.
func files(fsys fs.FS, root string) ([]string, error) {
	var out []string
	err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == root && errorsIsNotExist(err) {
				return fs.SkipDir
			}
			return err
		}
		if p != root && Ignored(d.Name()) {
			if d.IsDir() {
				return fs.SkipDir
			}
			return nil
		}
		if !d.IsDir() {
			out = append(out, p)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("reading %s: %w", root, err)
	}
	return out, nil
}

package outputs

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/pubgen/pubgen/internal/minify"
	"github.com/pubgen/pubgen/internal/publish"
)

// Assets minifies the theme's assets (when m is not nil) and names CSS and
// JS after their content as published (style.1a2b3c4d.css), so a web
// server may cache them forever and a new build is still seen at once.
// dirs are searched in order: the site's assets/ overrides the theme's
// file by file. It returns the entries and the map from the plain name to
// the hashed site path, which templates link.
func Assets(fsys fs.FS, dirs []string, m *minify.Minifier) ([]publish.Entry, map[string]string, error) {
	found := map[string]string{}
	var names []string
	for _, dir := range dirs {
		err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if p == dir && errors.Is(err, fs.ErrNotExist) {
					return fs.SkipDir
				}
				return err
			}
			if d.IsDir() || strings.HasPrefix(d.Name(), ".") {
				return nil
			}
			name := strings.TrimPrefix(p, dir+"/")
			if _, ok := found[name]; !ok {
				found[name] = p
				names = append(names, name)
			}
			return nil
		})
		if err != nil {
			return nil, nil, fmt.Errorf("reading assets: %w", err)
		}
	}
	var entries []publish.Entry
	hashed := map[string]string{}
	for _, name := range names {
		data, err := fs.ReadFile(fsys, found[name])
		if err != nil {
			return nil, nil, fmt.Errorf("reading asset: %w", err)
		}
		if m != nil {
			if data, err = m.File(name, data); err != nil {
				return nil, nil, err
			}
		}
		out := "assets/" + name
		if ext := path.Ext(name); ext == ".css" || ext == ".js" {
			sum := sha256.Sum256(data)
			out = "assets/" + strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext
		}
		hashed[name] = out
		entries = append(entries, publish.Entry{Path: out, Data: data})
	}
	return entries, hashed, nil
}

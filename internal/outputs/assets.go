package outputs

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io/fs"
	"path"
	"strings"

	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/publish"
)

// Assets reads the theme's assets. dirs are searched in order: the site's
// assets/ overrides the theme's file by file. Each comes back at
// assets/ and its name; the build minifies them and then names CSS and JS
// after their content (Fingerprint).
func Assets(fsys fs.FS, dirs []string) ([]publish.Entry, error) {
	found := map[string]string{}
	var names []string
	// Every file that cannot be read is said at once, at the file.
	var l diag.List
	for _, dir := range dirs {
		err := fs.WalkDir(fsys, dir, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if p == dir && errors.Is(err, fs.ErrNotExist) {
					return fs.SkipDir
				}
				l.Error(p, 0, 0, "", msg.FolderCannotRead, msg.CauseAt(p, err))
				return fs.SkipDir
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
			return nil, err
		}
	}
	entries := make([]publish.Entry, 0, len(names))
	for _, name := range names {
		data, err := fs.ReadFile(fsys, found[name])
		if err != nil {
			l.Error(found[name], 0, 0, "", msg.FileCannotRead, msg.CauseAt(found[name], err))
			continue
		}
		entries = append(entries, publish.Entry{Path: assetDir + name, Data: data})
	}
	if err := l.Err(false); err != nil {
		return nil, err
	}
	return entries, nil
}

const assetDir = "assets/"

// Fingerprint names the CSS and JS among the assets after their content
// as published (style.1a2b3c4d.css), so a web server may cache them
// forever and a new build is still seen at once: it renames them in place
// and returns the map from each asset's plain name to its site path, which
// templates link. It runs after the minify stage, so the name is the hash
// of the bytes a browser gets.
func Fingerprint(assets []publish.Entry) map[string]string {
	hashed := make(map[string]string, len(assets))
	for i, a := range assets {
		name := strings.TrimPrefix(a.Path, assetDir)
		if ext := path.Ext(name); ext == ".css" || ext == ".js" {
			sum := sha256.Sum256(a.Data)
			assets[i].Path = assetDir + strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:4]) + ext
		}
		hashed[name] = assets[i].Path
	}
	return hashed
}

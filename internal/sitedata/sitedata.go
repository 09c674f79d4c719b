package sitedata

import (
	"errors"
	"io/fs"
	"path"
	"sort"
	"strings"

	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/memo"
	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/source"
)

// Tree is the data/ folder decoded. It is read-only once loaded: a
// session hands the same maps to every template of a build, on all cores.
type Tree struct {
	// Values holds each file's decoded content by its name without the
	// extension; a folder is a map of what it holds.
	Values map[string]any
	// Files are the files read, sorted, as slash paths from the site root.
	Files []string
	// Hash is the version of the tree: every file's path and bytes. Two
	// trees with the same Hash hold the same values.
	Hash memo.Version
}

// MaxSize bounds a data file before it is decoded: data for templates is
// lists and tables of a few kilobytes, and decoding megabytes on every
// build would slow every rebuild of a session.
const MaxSize = 1 << 20

// formats are the extensions read, each with its decoder.
var formats = map[string]func(file string, b []byte) (any, *problem){
	".toml": decodeTOML,
	".json": decodeJSON,
	".yaml": decodeYAML,
	".yml":  decodeYAML,
}

// Extensions lists the file name endings data/ files are read from, for
// messages and documentation.
func Extensions() []string {
	out := make([]string, 0, len(formats))
	for ext := range formats {
		out = append(out, ext)
	}
	sort.Strings(out)
	return out
}

// problem is where a file is wrong and how.
type problem struct {
	line, col int
	field     string // the key it is at, when the format says
	msg       msg.Text
}

// Load reads every data file under data/ in fsys (the site root). A site
// without data/ has an empty tree. Problems name the file, line and
// column; a file with problems is left out of the tree, so the build
// reports them all and publishes nothing.
func Load(fsys fs.FS) (*Tree, diag.List) {
	t := &Tree{Values: map[string]any{}}
	var l diag.List
	files, err := list(fsys)
	if err != nil {
		l.Error(source.DataDir, 0, 0, "", msg.FolderCannotRead, msg.CauseAt(source.DataDir, err))
		return t, l
	}
	parts := make([][]byte, 0, 2*len(files))
	owner := map[string]string{} // key path (a/b) → the file or folder that made it
	for _, f := range files {
		ext := path.Ext(f)
		decode, ok := formats[ext]
		if !ok {
			l.Warn(f, 0, 0, "", msg.DataNotRead, strings.Join(Extensions(), ", "), source.DataDir)
			continue
		}
		b, err := fs.ReadFile(fsys, f)
		if err != nil {
			l.Error(f, 0, 0, "", msg.FileCannotRead, msg.CauseAt(f, err))
			continue
		}
		parts = append(parts, []byte(f), b)
		if len(b) > MaxSize {
			l.Error(f, 1, 1, "", msg.DataTooBig, len(b)>>10, MaxSize>>10)
			continue
		}
		v, p := decode(f, b)
		if p != nil {
			l.Add(diag.Diagnostic{File: f, Line: p.line, Col: p.col, Field: p.field, Msg: p.msg})
			continue
		}
		key := strings.TrimSuffix(strings.TrimPrefix(f, source.DataDir+"/"), ext)
		if other, clash := place(t.Values, key, v, f, owner); clash {
			l.Error(f, 0, 0, "", msg.DataNameTaken, strings.ReplaceAll(key, "/", "."), other)
			continue
		}
		t.Files = append(t.Files, f)
	}
	t.Hash = memo.Sum(parts...)
	return t, l
}

// place puts v at key (slash-separated) in root, making the folders'
// maps on the way. It reports the file that already holds the name, or a
// part of it: a.toml beside a/b.toml would make .Site.Data.a both.
func place(root map[string]any, key string, v any, file string, owner map[string]string) (string, bool) {
	names := strings.Split(key, "/")
	m := root
	for i, name := range names[:len(names)-1] {
		dir := strings.Join(names[:i+1], "/")
		if o, ok := owner[dir]; ok && !strings.HasSuffix(o, "/") {
			return o, true
		}
		owner[dir] = source.DataDir + "/" + dir + "/"
		sub, ok := m[name].(map[string]any)
		if !ok {
			sub = map[string]any{}
			m[name] = sub
		}
		m = sub
	}
	if o, ok := owner[key]; ok {
		return o, true
	}
	owner[key] = file
	m[names[len(names)-1]] = v
	return "", false
}

// list returns the files under data/, sorted, skipping ignored names.
func list(fsys fs.FS) ([]string, error) {
	var out []string
	err := fs.WalkDir(fsys, source.DataDir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == source.DataDir && errors.Is(err, fs.ErrNotExist) {
				return fs.SkipDir
			}
			return err
		}
		if p != source.DataDir && source.Ignored(d.Name()) {
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
	sort.Strings(out)
	return out, err
}

package build

import (
	"fmt"
	"io/fs"
)

// Files returns every output file's bytes by path, reading copied files
// from their source; the dev server serves this map from memory.
func (r *Result) Files() (map[string][]byte, error) { return r.files(nil) }

// copied remembers the bytes of copied files (photos, PDFs, static/) by
// size and modification time, so a session does not read them again on
// every rebuild.
type copied map[string]copiedFile

type copiedFile struct {
	stat fileStat
	data []byte
}

func (r *Result) files(memo copied) (map[string][]byte, error) {
	out := make(map[string][]byte, len(r.Entries))
	used := map[string]bool{}
	for _, e := range r.Entries {
		if e.Src == nil {
			out[e.Path] = e.Data
			continue
		}
		var st fileStat
		if memo != nil {
			if fi, err := fs.Stat(e.Src, e.SrcPath); err == nil {
				st = statOf(fi)
				if c, ok := memo[e.SrcPath]; ok && c.stat == st && st.mtime != 0 {
					out[e.Path] = c.data
					used[e.SrcPath] = true
					continue
				}
			}
		}
		data, err := fs.ReadFile(e.Src, e.SrcPath)
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", e.SrcPath, err)
		}
		out[e.Path] = data
		if memo != nil && st.mtime != 0 {
			memo[e.SrcPath] = copiedFile{st, data}
			used[e.SrcPath] = true
		}
	}
	for p := range memo {
		if !used[p] {
			delete(memo, p)
		}
	}
	return out, nil
}

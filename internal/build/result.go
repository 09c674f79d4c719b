package build

import (
	"fmt"
	"io/fs"
)

// Files returns every output file's bytes by path, reading copied files
// from their source; the dev server serves this map from memory.
func (r *Result) Files() (map[string][]byte, error) {
	out := make(map[string][]byte, len(r.Entries))
	for _, e := range r.Entries {
		if e.Src == nil {
			out[e.Path] = e.Data
			continue
		}
		data, err := fs.ReadFile(e.Src, e.SrcPath)
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", e.SrcPath, err)
		}
		out[e.Path] = data
	}
	return out, nil
}

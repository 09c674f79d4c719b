package pipeline

import "github.com/pubgen/pubgen/internal/incremental"

// Files returns every output file's bytes by path, reading copied files
// from their source; the dev server serves this map from memory.
func (r *Result) Files() (map[string][]byte, error) {
	out, _, err := r.files(nil)
	return out, err
}

// files is Files with a session's copied files remembered in copied, and
// the bytes also in the order of r.Entries (sorted by path), for a
// session to compare with the previous build without looking every path
// up twice.
func (r *Result) files(copied *incremental.Copied) (map[string][]byte, [][]byte, error) {
	out := make(map[string][]byte, len(r.Entries))
	inOrder := make([][]byte, len(r.Entries))
	for i, e := range r.Entries {
		data := e.Data
		if e.Src != nil {
			var err error
			if data, err = copied.Read(e.Src, e.SrcPath); err != nil {
				return nil, nil, err
			}
		}
		out[e.Path], inOrder[i] = data, data
	}
	copied.Sweep()
	return out, inOrder, nil
}

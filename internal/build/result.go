package build

import "github.com/pubgen/pubgen/internal/incremental"

// Files returns every output file's bytes by path, reading copied files
// from their source; the dev server serves this map from memory.
func (r *Result) Files() (map[string][]byte, error) { return r.files(nil) }

// files is Files with a session's copied files remembered in copied.
func (r *Result) files(copied *incremental.Copied) (map[string][]byte, error) {
	out := make(map[string][]byte, len(r.Entries))
	for _, e := range r.Entries {
		if e.Src == nil {
			out[e.Path] = e.Data
			continue
		}
		data, err := copied.Read(e.Src, e.SrcPath)
		if err != nil {
			return nil, err
		}
		out[e.Path] = data
	}
	copied.Sweep()
	return out, nil
}

package build

import (
	"fmt"
	"io/fs"

	"github.com/pubgen/pubgen/internal/memo"
)

// Files returns every output file's bytes by path, reading copied files
// from their source; the dev server serves this map from memory.
func (r *Result) Files() (map[string][]byte, error) { return r.files(nil) }

// copiedFile is the bytes of a copied file (photo, PDF, static/) as they
// were when its stat was taken: a session does not read a file again while
// its stat proves it unchanged.
type copiedFile struct {
	stat memo.Stat
	data []byte
}

func (r *Result) files(copied *memo.Table[copiedFile]) (map[string][]byte, error) {
	out := make(map[string][]byte, len(r.Entries))
	for _, e := range r.Entries {
		if e.Src == nil {
			out[e.Path] = e.Data
			continue
		}
		var st memo.Stat
		if copied != nil {
			if fi, err := fs.Stat(e.Src, e.SrcPath); err == nil {
				st = memo.StatOf(fi)
				if c, _, ok := copied.Last(e.SrcPath); ok && c.stat.Proves(st) {
					out[e.Path] = c.data
					continue
				}
			}
		}
		data, err := fs.ReadFile(e.Src, e.SrcPath)
		if err != nil {
			return nil, fmt.Errorf("reading %s: %w", e.SrcPath, err)
		}
		out[e.Path] = data
		// The stat is the proof here, so the entry's version stays zero.
		copied.Put(e.SrcPath, memo.Version{}, copiedFile{st, data})
	}
	copied.Sweep()
	return out, nil
}

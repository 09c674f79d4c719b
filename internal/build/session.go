package build

import (
	"bytes"
	"io/fs"
	"sort"
)

// Session builds the same site again and again (pubgen serve, build
// --watch) and says which output files each build changed, so the server
// reloads only affected pages and the publisher rewrites only what changed.
// A Session is used by one goroutine at a time.
type Session struct {
	fsys   fs.FS
	opts   Options
	prev   map[string][]byte
	caches caches
}

// NewSession returns a session for the site in fsys.
func NewSession(fsys fs.FS, opts Options) *Session {
	return &Session{fsys: fsys, opts: opts}
}

// Build runs one build. On success it returns the result, every output
// file's bytes, and the sorted paths that were added, changed or removed
// since the previous successful build (all of them the first time).
func (s *Session) Build() (*Result, map[string][]byte, []string, error) {
	res, err := run(s.fsys, s.opts, &s.caches)
	if err != nil {
		return nil, nil, nil, err
	}
	files, err := res.files(s.caches.mem().Copied())
	if err != nil {
		return nil, nil, nil, err
	}
	var changed []string
	for p, data := range files {
		if old, ok := s.prev[p]; !ok || !bytes.Equal(old, data) {
			changed = append(changed, p)
		}
	}
	for p := range s.prev {
		if _, ok := files[p]; !ok {
			changed = append(changed, p)
		}
	}
	sort.Strings(changed)
	s.prev = files
	return res, files, changed, nil
}

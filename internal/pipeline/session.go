package pipeline

import (
	"bytes"
	"io/fs"
)

// Session builds the same site again and again (pubgen serve, build
// --watch) and says which output files each build changed, so the server
// reloads only affected pages and the publisher rewrites only what changed.
// A Session is used by one goroutine at a time.
type Session struct {
	fsys   fs.FS
	opts   Options
	prev   []outFile // the last successful build's files, sorted by path
	caches caches
}

// outFile is one output file of a build.
type outFile struct {
	path string
	data []byte
}

// NewSession returns a session for the site in fsys.
func NewSession(fsys fs.FS, opts Options) *Session {
	return &Session{fsys: fsys, opts: opts}
}

// Changed tells the session the paths (slash paths from the site root,
// as package watch reports them) created, written, removed or renamed
// since its last build, and that it will be told of every change from now
// on: its next builds list and stat only those and what they never looked
// at, and trust what they knew of the rest (source.Known). A session that
// is never told builds as if everything may have changed.
func (s *Session) Changed(paths []string) { s.caches.known.Changed(paths) }

// Forget makes the session look at every file again until it is next
// told what changed: the watcher lost events or could not watch a folder.
func (s *Session) Forget() { s.caches.known.Forget() }

// Build runs one build. On success it returns the result, every output
// file's bytes, and the sorted paths that were added, changed or removed
// since the previous successful build (all of them the first time).
func (s *Session) Build() (*Result, map[string][]byte, []string, error) {
	res, err := run(s.fsys, s.opts, &s.caches)
	if err != nil {
		return nil, nil, nil, err
	}
	files, inOrder, err := res.files(s.caches.mem().Copied())
	if err != nil {
		return nil, nil, nil, err
	}
	cur := make([]outFile, len(res.Entries))
	for i, e := range res.Entries {
		cur[i] = outFile{e.Path, inOrder[i]}
	}
	changed := changedFiles(s.prev, cur)
	s.prev = cur
	return res, files, changed, nil
}

// changedFiles is the sorted paths that were added, changed or removed
// from prev to cur, both sorted by path: one walk along the two lists
// instead of a lookup of every path in a map of the other build's.
func changedFiles(prev, cur []outFile) []string {
	var changed []string
	i, j := 0, 0
	for i < len(prev) || j < len(cur) {
		switch {
		case j == len(cur) || (i < len(prev) && prev[i].path < cur[j].path):
			changed = append(changed, prev[i].path) // removed
			i++
		case i == len(prev) || cur[j].path < prev[i].path:
			changed = append(changed, cur[j].path) // added
			j++
		default:
			if !bytes.Equal(prev[i].data, cur[j].data) {
				changed = append(changed, cur[j].path)
			}
			i++
			j++
		}
	}
	return changed
}

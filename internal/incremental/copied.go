package incremental

import (
	"io/fs"

	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/memo"
	"github.com/pubgen/pubgen/internal/msg"
)

// Copied remembers the bytes of each copied file (photo, PDF, static/) by
// its source path as they were when its stat was taken: a session does not
// read a file again while its stat proves it unchanged. A nil *Copied reads
// every time.
type Copied struct {
	t memo.Table[copiedFile]
}

type copiedFile struct {
	stat memo.Stat
	data []byte
}

// Read returns the bytes of the file name in fsys.
func (c *Copied) Read(fsys fs.FS, name string) ([]byte, error) {
	var st memo.Stat
	if c != nil {
		if fi, err := fs.Stat(fsys, name); err == nil {
			st = memo.StatOf(fi)
			if f, _, ok := c.t.Last(name); ok && f.stat.Proves(st) {
				return f.data, nil
			}
		}
	}
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		// Said at the file, as the build says a page it cannot read: the
		// file went unreadable between the build and its publishing.
		var l diag.List
		l.Error(name, 0, 0, "", msg.FileCannotRead, msg.CauseAt(name, err))
		return nil, l.Err(false)
	}
	if c != nil {
		// The stat is the proof here, so the entry's version stays zero.
		c.t.Put(name, memo.Version{}, copiedFile{st, data})
	}
	return data, nil
}

// Sweep forgets the files the last build did not copy.
func (c *Copied) Sweep() {
	if c != nil {
		c.t.Sweep()
	}
}

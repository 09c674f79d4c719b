package source

import (
	"fmt"
	"io"
	"io/fs"

	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/msg"
)

// MaxContentSize bounds a content file. The longest real page (a full
// party constitution) is under 200 KB; a file a hundred times larger is a
// mistake (a PDF or a video renamed .md), and reading it whole would only
// hold the build.
const MaxContentSize = 10 << 20

// ReadContent reads a content file after checking its size, and reads at
// most one byte past the limit even when the file grows meanwhile. A
// problem is added to l.
func ReadContent(fsys fs.FS, name string, l *diag.List) ([]byte, bool) {
	fi, err := fs.Stat(fsys, name)
	if err != nil {
		l.Error(name, 0, 0, "", msg.FileCannotRead, err.Error())
		return nil, false
	}
	if fi.Size() > MaxContentSize {
		l.Error(name, 0, 0, "", msg.FileTooBig, sizeMB(fi.Size()), sizeMB(MaxContentSize))
		return nil, false
	}
	f, err := fsys.Open(name)
	if err != nil {
		l.Error(name, 0, 0, "", msg.FileCannotRead, err.Error())
		return nil, false
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, MaxContentSize+1))
	if err != nil {
		l.Error(name, 0, 0, "", msg.FileCannotRead, err.Error())
		return nil, false
	}
	if len(data) > MaxContentSize {
		l.Error(name, 0, 0, "", msg.FileGrew, sizeMB(MaxContentSize))
		return nil, false
	}
	return data, true
}

func sizeMB(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/(1<<20)) }

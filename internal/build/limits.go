package build

import (
	"fmt"
	"io"
	"io/fs"

	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/markup"
	"github.com/pubgen/pubgen/internal/site"
)

// maxContentSize bounds a content file. The longest real page (a full
// party constitution) is under 200 KB; a file a hundred times larger is a
// mistake (a PDF or a video renamed .md), and reading it whole would only
// hold the build.
const maxContentSize = 10 << 20

// readContent reads a content file after checking its size, and reads at
// most one byte past the limit even when the file grows meanwhile.
func readContent(fsys fs.FS, name string, l *diag.List) ([]byte, bool) {
	fi, err := fs.Stat(fsys, name)
	if err != nil {
		l.Errorf(name, 0, 0, "", "cannot read: %v", err)
		return nil, false
	}
	if fi.Size() > maxContentSize {
		l.Errorf(name, 0, 0, "", "file is %s (want a content file under %s; large documents go beside index.md as attachments)", sizeMB(fi.Size()), sizeMB(maxContentSize))
		return nil, false
	}
	f, err := fsys.Open(name)
	if err != nil {
		l.Errorf(name, 0, 0, "", "cannot read: %v", err)
		return nil, false
	}
	defer f.Close()
	data, err := io.ReadAll(io.LimitReader(f, maxContentSize+1))
	if err != nil {
		l.Errorf(name, 0, 0, "", "cannot read: %v", err)
		return nil, false
	}
	if len(data) > maxContentSize {
		l.Errorf(name, 0, 0, "", "file grew past %s while being read (want a content file under %s)", sizeMB(maxContentSize), sizeMB(maxContentSize))
		return nil, false
	}
	return data, true
}

func sizeMB(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/(1<<20)) }

// tooDeep reports a body whose quotes or lists nest deeper than goldmark
// can convert in reasonable time.
func tooDeep(n *site.Node, l *diag.List) bool {
	depth, line := markup.Depth(n.Body)
	if depth <= markup.MaxDepth {
		return false
	}
	l.Errorf(n.Path, n.BodyLine+line-1, 0, "body", "quotes or lists nest %d levels deep (want at most %d)", depth, markup.MaxDepth)
	return true
}

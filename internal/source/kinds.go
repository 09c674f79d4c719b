package source

import (
	"errors"
	"io/fs"

	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/msg"
)

// kindWant is the hint shared by the walk's check and the guarded open, so
// that `check` and `build` say the same thing whichever finds the file.
const kindWant = "(expected an ordinary file; delete or move it)"

// CheckKinds reports every named pipe, device or socket among the site's
// inputs, and every link that leads to one. Opening a named pipe blocks
// until something writes to it, so a FIFO called notes.pdf would hang the
// build with the publish lock held; the mode from the directory entry (or
// from a stat through a link) is known without opening anything. Call it
// once CheckLinks has found nothing: it follows links.
func CheckKinds(fsys fs.FS) diag.List {
	var l diag.List
	for _, in := range Inputs() {
		root := in.Path
		err := fs.WalkDir(fsys, root, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				if p == root && errors.Is(err, fs.ErrNotExist) {
					return nil
				}
				l.Error(p, 0, 0, "", msg.FolderCannotRead, msg.CauseAt(p, err))
				return nil
			}
			mode := d.Type()
			if mode&fs.ModeSymlink != 0 {
				// Run after CheckLinks, which refuses loops and links
				// out of the site; here only what a link leads to matters.
				fi, err := fs.Stat(fsys, p)
				if err != nil {
					return nil
				}
				mode = fi.Mode().Type()
				if mode.IsDir() && in.Copied {
					l.Error(p, 0, 0, "", msg.SymlinkToFolder)
					return nil
				}
			}
			if k := irregularKind(mode); k != 0 {
				l.Error(p, 0, 0, "", msg.FileNotRegular, k)
			}
			return nil
		})
		if err != nil {
			l.Error(root, 0, 0, "", msg.FolderCannotRead, msg.CauseAt(root, err))
		}
	}
	return l
}

// NotRegular is the error for an input that is neither a folder nor an
// ordinary file. Kind says what it is instead.
type NotRegular struct{ Kind string }

func (e NotRegular) Error() string {
	return "is " + e.Kind + ", not a regular file " + kindWant
}

// irregularKind is the catalogue's word for what a file of this type is
// when the build cannot read it as a file, and 0 for folders and ordinary
// files; irregular is the same word in English, for the guarded open's
// Go error.
func irregularKind(mode fs.FileMode) msg.Key {
	switch t := mode.Type(); {
	case t&fs.ModeNamedPipe != 0:
		return msg.FileKindPipe
	case t&fs.ModeSocket != 0:
		return msg.FileKindSocket
	case t&fs.ModeCharDevice != 0:
		return msg.FileKindCharDevice
	case t&fs.ModeDevice != 0:
		return msg.FileKindDevice
	case t&fs.ModeIrregular != 0:
		return msg.FileKindIrregular
	}
	return 0
}

// irregular names what a file of this type is when the build cannot read
// it as a file, and returns "" for folders and ordinary files.
func irregular(mode fs.FileMode) string {
	switch t := mode.Type(); {
	case t&fs.ModeNamedPipe != 0:
		return "a named pipe (FIFO)"
	case t&fs.ModeSocket != 0:
		return "a socket"
	case t&fs.ModeCharDevice != 0:
		return "a character device"
	case t&fs.ModeDevice != 0:
		return "a device"
	case t&fs.ModeIrregular != 0:
		return "an irregular file"
	}
	return ""
}

package msg

import (
	"errors"
	"io/fs"
	"syscall"
)

// causes are the system's refusals an operator meets when pubgen writes,
// each with its word; the first that errors.Is finds is the one said.
var causes = []struct {
	err error
	key Key
}{
	{fs.ErrPermission, CausePermission},
	{fs.ErrNotExist, CauseNotExist},
	{fs.ErrExist, CauseExist},
	{syscall.ENOSPC, CauseNoSpace},
	{syscall.EDQUOT, CauseQuota},
	{syscall.EROFS, CauseReadOnly},
	{syscall.ENOTDIR, CauseNotDir},
	{syscall.EISDIR, CauseIsDir},
	{syscall.ENAMETOOLONG, CauseNameTooLong},
	{syscall.EBUSY, CauseBusy},
	{syscall.EXDEV, CauseCrossDevice},
	{syscall.ENOTEMPTY, CauseNotEmpty},
	{syscall.EMFILE, CauseTooManyFiles},
}

// Cause says why the system refused: a word of the catalogue in Chinese,
// after the path of an *fs.PathError; the system's own text in English
// (what an operator would search for). An error it has no word for is
// shown as it is.
func Cause(err error) Text {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		// The path says where; the word after it, why.
		return New(CausePath, pe.Path, Cause(pe.Err), err.Error())
	}
	return why(err)
}

// why is the word for err's refusal, with the system's whole text for
// English.
func why(err error) Text {
	for _, c := range causes {
		if errors.Is(err, c.err) {
			return New(c.key, err.Error())
		}
	}
	return Raw(err.Error())
}

// CauseAt is Cause for a message already placed at file: the path of an
// *fs.PathError is said only when it is another file's, so a line that
// begins "data/branches.toml: " does not name that file a second time.
func CauseAt(file string, err error) Text {
	var pe *fs.PathError
	if errors.As(err, &pe) && pe.Path == file {
		return why(err)
	}
	return Cause(err)
}

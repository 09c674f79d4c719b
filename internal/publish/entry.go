package publish

import (
	"errors"
	"fmt"
	"io/fs"
	"strings"

	"github.com/pubgen/pubgen/internal/msg"
)

// Entry is one output file: either Data, or a file copied from Src (an fs.FS,
// e.g. a page bundle's PDF or static/), never both.
type Entry struct {
	// Path is the slash path relative to the destination, e.g.
	// "notices/a/index.html". It must be clean, relative and stay inside.
	Path    string
	Data    []byte
	Src     fs.FS
	SrcPath string
}

// checkEntries validates every entry before anything is written, so a bad
// entry costs no disk work and names itself in the error.
func checkEntries(entries []Entry) error {
	files := make(map[string]bool, len(entries))
	for _, e := range entries {
		if err := checkPath(e.Path); err != nil {
			return failure(msg.PublishBadEntry, e.Path, nil, msg.Raw(err.Error()))
		}
		if err := checkSource(e); err != nil {
			return failure(msg.PublishBadEntry, e.Path, nil, msg.Raw(err.Error()))
		}
		if files[e.Path] {
			return failure(msg.PublishBadEntry, e.Path, nil, msg.Raw("listed twice"))
		}
		files[e.Path] = true
	}
	return checkFileFolderClash(entries, files)
}

// checkPath rejects every path that could land outside the destination or
// mean different files on different systems.
func checkPath(p string) error {
	switch {
	case p == "":
		return errors.New("empty path")
	case strings.ContainsRune(p, 0):
		return errors.New("path contains a NUL byte")
	case strings.ContainsRune(p, '\\'):
		return errors.New("path contains a backslash (want slash-separated)")
	case strings.HasPrefix(p, "/"):
		return errors.New("path is absolute (want relative to the destination)")
	}
	for _, seg := range strings.Split(p, "/") {
		switch seg {
		case "":
			return errors.New("path has an empty segment")
		case ".", "..":
			return fmt.Errorf("path has a %q segment (want a clean path inside the destination)", seg)
		}
	}
	return nil
}

func checkSource(e Entry) error {
	if e.Src == nil {
		if e.SrcPath != "" {
			return fmt.Errorf("SrcPath %q set without Src", e.SrcPath)
		}
		return nil
	}
	if e.Data != nil {
		return errors.New("both Data and Src set (want one)")
	}
	if !fs.ValidPath(e.SrcPath) || e.SrcPath == "." {
		return fmt.Errorf("SrcPath %q is not a valid fs.FS file path", e.SrcPath)
	}
	return nil
}

// checkFileFolderClash finds "a" and "a/b" in one set: "a" cannot be both a
// file and a folder, and the write would fail halfway with a vaguer error.
func checkFileFolderClash(entries []Entry, files map[string]bool) error {
	for _, e := range entries {
		p := e.Path
		for i := strings.LastIndexByte(p, '/'); i > 0; i = strings.LastIndexByte(p[:i], '/') {
			if files[p[:i]] {
				return failure(msg.PublishBadEntry, p[:i], nil, msg.Raw(fmt.Sprintf("is a file, but entry %q needs it to be a folder", p)))
			}
		}
	}
	return nil
}

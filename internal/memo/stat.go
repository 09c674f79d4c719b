package memo

import (
	"io/fs"
	"time"
)

// RacyWindow: a file modified this recently may be written again within
// the same timestamp tick (a second on some network file systems) without
// its size changing, so its stat proves nothing and it is read again —
// the "racy git" rule.
const RacyWindow = 2 * time.Second

// Stat is what says, without reading a file, that it was not written
// since it was last read. The zero Stat is never trusted.
type Stat struct {
	Size  int64
	MTime int64 // nanoseconds; 0 when the file was too fresh to trust
}

// StatOf returns the stat to remember for fi: its modification time is
// left out (so it never matches) when fi was written within RacyWindow.
func StatOf(fi fs.FileInfo) Stat {
	if time.Since(fi.ModTime()) < RacyWindow {
		return Stat{Size: fi.Size()}
	}
	return Stat{fi.Size(), fi.ModTime().UnixNano()}
}

// Proves reports whether a file whose stat is now was not written since
// it had the remembered stat was.
func (was Stat) Proves(now Stat) bool { return now.MTime != 0 && was == now }

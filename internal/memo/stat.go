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
//
// Size and modification time alone do not say it: a program can set a
// file's modification time (cp -p, rsync -t, tar and unzip give a file
// its source's; a restore gives back the old one), so a rewrite of the
// same size can carry the time its last version had. The change time
// cannot be set: the system stamps it with its own clock on every write,
// rename, and change of times or mode. And a save that writes a new file
// and renames it over the old one makes another file (Dev, Ino). Git
// keeps the same fields in its index for the same reasons.
type Stat struct {
	Size  int64
	MTime int64 // nanoseconds; 0 when the file was too fresh to trust
	// CTime (nanoseconds), Dev and Ino are 0 where the system does not
	// report them; the size and modification time then decide alone.
	CTime    int64
	Dev, Ino uint64
}

// StatOf returns the stat to remember for fi: only its size (so it never
// matches) when fi was written, or its times or mode changed, within
// RacyWindow.
func StatOf(fi fs.FileInfo) Stat {
	st := Stat{Size: fi.Size(), MTime: fi.ModTime().UnixNano()}
	st.CTime, st.Dev, st.Ino = sysStat(fi)
	if time.Since(time.Unix(0, max(st.MTime, st.CTime))) < RacyWindow {
		return Stat{Size: fi.Size()}
	}
	return st
}

// Proves reports whether a file whose stat is now was not written since
// it had the remembered stat was.
func (was Stat) Proves(now Stat) bool { return now.MTime != 0 && was == now }

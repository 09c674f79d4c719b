//go:build linux || openbsd || solaris || illumos || dragonfly

package memo

import (
	"io/fs"
	"syscall"
)

// sysStat is fi's change time and file identity, from the system's stat.
func sysStat(fi fs.FileInfo) (ctime int64, dev, ino uint64) {
	st, ok := fi.Sys().(*syscall.Stat_t)
	if !ok {
		return 0, 0, 0
	}
	return st.Ctim.Nano(), uint64(st.Dev), uint64(st.Ino)
}

//go:build unix

package source

import (
	"os"
	"syscall"
)

// openNonBlocking opens p for reading with O_NONBLOCK, which makes opening
// a named pipe return at once instead of waiting for a writer. Reads of
// ordinary files and folders ignore the flag.
func openNonBlocking(p string) (*os.File, error) {
	return os.OpenFile(p, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}

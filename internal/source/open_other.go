//go:build !unix

package source

import "os"

// openNonBlocking opens p for reading. Outside Unix there are no named
// pipes in the file system to wait on.
func openNonBlocking(p string) (*os.File, error) { return os.Open(p) }

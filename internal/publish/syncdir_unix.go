//go:build unix

package publish

// syncDir flushes a folder's entries (names, renames) to disk; file contents
// are flushed separately with File.Sync.
func syncDir(dir string) error { return syncFile(dir) } // a folder is opened and flushed as a file is

//go:build !unix

package publish

// syncDir does nothing where folders cannot be opened for syncing (Windows);
// there, surviving a power cut rests on each file's own Sync.
func syncDir(dir string) error { return nil }

// Package watch is the only user of fsnotify: it turns the raw, platform-
// dependent stream of filesystem events under a site into debounced batches
// of changed paths, which is what a rebuild needs.
//
// Editors save in many ways (write in place; write a temporary file and
// rename it over; rename the old file away first; delete and re-create),
// and each way fires several events. Watch hides all of that: it ignores the
// swap, backup and temporary files editors and systems leave around, waits
// until the folder is quiet for Options.Debounce, and delivers the set of
// paths that changed, relative to the site root, sorted and deduplicated. A
// consumer rebuilds what a path names; a folder path means "anything below
// may have changed".
//
// fsnotify watches single folders, so Watch adds a watch on every folder
// below the watched dirs, including folders created or moved in later, and
// reports the files such a folder already holds when it appears.
package watch

// Package publish is the only writer of the destination folder (public/).
//
// A build hands Publish the complete output as a list of entries. Publish
// writes them into a fresh staging folder beside the destination (same parent,
// so the same filesystem), flushes them to disk, and only then switches the
// destination over in one step: on Linux with renameat2(RENAME_EXCHANGE), on
// macOS with renamex_np(RENAME_SWAP). The destination keeps its name and stays
// a plain folder, because Netlify and a `cp -r` to a file share must see one.
// An error or a kill -9 at any moment leaves the previous site exactly as it
// was; the next run (or Cleanup) removes what a dead run left behind. What
// it cannot remove (a root-owned file another tool put into the site) is a
// warning naming the file, never an error: it is not published, and one
// stuck file must not stop every later publish.
//
// What dest already holds is not written again: Publish reads dest and
// leaves it as it is when it holds exactly the entries, and otherwise
// hard-links the files it holds byte for byte into the staging folder. A
// session (build --watch) keeps a Spare, the site its last switch
// replaced, and brings only the paths changed since up to date in it, so
// that a switch costs what changed instead of a link per file of the site.
//
// Where an atomic exchange is not available (other systems, or filesystems that
// answer EINVAL/ENOSYS), the switch takes two renames: dest to a retired name,
// then staging to dest. A crash between the two leaves no dest but a complete
// retired folder, and Cleanup puts it back, so even this path never loses the
// old site.
//
// Every folder publish creates in dest's parent is named after dest, with a
// leading dot so static servers and directory listings skip it:
//
//	.public.pubgen-staging-*   a new site being written, or the old one being removed
//	.public.pubgen-retired-*   the old site between the two renames of the fallback
//	.public.pubgen-trash-*     a retired site being removed
//
// The lock is .pubgen/public.lock in the same parent (with the default dest,
// the site's own .pubgen/); it is kept, since removing lock files races.
//
// Builds publishing to the same dest are serialised with flock on it, and a
// build holds it from before reading its inputs until its switch (Lock): the
// second one waits for the first to finish (a one-off build up to two
// minutes, then fails naming the lock file) and only then reads the site, so
// an older snapshot can never replace a newer one. On systems without flock
// the lock is skipped.
package publish

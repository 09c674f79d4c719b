package watch

import (
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/pubgen/pubgen/internal/msg"
)

// Batch is one set of changes. Paths are slash paths relative to the root,
// sorted and deduplicated; a path may be a file or a folder that was
// created, written, removed, renamed or had its mode or times changed
// (a folder so reported stands for everything below it).
type Batch struct {
	Paths []string
}

// Options tune a Watcher; the zero value is ready to use.
type Options struct {
	// Debounce is the quiet period before a batch is delivered (default
	// 100ms). Changes that keep coming are delivered at the latest after
	// ten times Debounce, so a long copy still shows progress.
	Debounce time.Duration
	// Ignore is an extra rule on top of the built-in one (dot-files, editor
	// swap and backup files); it gets slash paths relative to the root.
	Ignore func(rel string) bool
}

const defaultDebounce = 100 * time.Millisecond

// Watcher delivers batches of changes under a root. Create it with New and
// stop it with Close.
type Watcher struct {
	batches chan Batch
	errors  chan error
	done    chan struct{}
	wg      sync.WaitGroup
	once    sync.Once
	notify  *fsnotify.Watcher
	tree    *tree // owned by the loop goroutine after New returns
}

// New watches root/dir recursively for each dir in dirs, plus the files
// directly in root (e.g. pubgen.toml). A dir that does not exist yet is
// fine: it is picked up when it appears.
func New(root string, dirs []string, opts Options) (*Watcher, error) {
	if opts.Debounce <= 0 {
		opts.Debounce = defaultDebounce
	}
	abs, err := filepath.Abs(root)
	if err != nil {
		return nil, msg.Fail(err, msg.WatchNoRoot, root, msg.Cause(err))
	}
	clean, err := checkDirs(dirs)
	if err != nil {
		return nil, err
	}
	notify, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, msg.Fail(err, msg.WatchCannotStart, msg.Cause(err))
	}
	t := &tree{root: abs, name: filepath.Clean(root), dirs: clean, ignore: opts.Ignore, notify: notify, watched: map[string]bool{}, rootDirs: map[string]bool{}}
	if err := t.start(); err != nil {
		notify.Close()
		return nil, err
	}
	w := &Watcher{
		batches: make(chan Batch),
		errors:  make(chan error, 8),
		done:    make(chan struct{}),
		notify:  notify,
		tree:    t,
	}
	w.wg.Go(func() { w.loop(opts.Debounce) })
	return w, nil
}

// checkDirs cleans the dirs and rejects any that would leave the root.
func checkDirs(dirs []string) ([]string, error) {
	clean := make([]string, 0, len(dirs))
	for _, d := range dirs {
		c := path.Clean(filepath.ToSlash(d))
		if c == "." || c == ".." || strings.HasPrefix(c, "../") || path.IsAbs(c) {
			return nil, msg.Fail(nil, msg.WatchDirOutside, d)
		}
		clean = append(clean, c)
	}
	return clean, nil
}

// Batches delivers the batches of changes. It is closed by Close.
func (w *Watcher) Batches() <-chan Batch { return w.batches }

// Errors delivers problems watching (an unreadable folder, the system's
// watch limit reached, lost events), each in the catalogue's words
// (msg.Error), as New's errors are. It is buffered; errors that arrive
// while it is full are dropped rather than stopping the watcher. It is
// closed by Close.
func (w *Watcher) Errors() <-chan error { return w.errors }

// Close stops watching, waits for the watcher's goroutine to end and closes
// both channels. It may be called more than once.
func (w *Watcher) Close() error {
	var err error
	w.once.Do(func() {
		close(w.done)
		err = w.notify.Close()
		w.wg.Wait()
		close(w.batches)
		close(w.errors)
	})
	return err
}

package attach

import (
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/pubgen/pubgen/internal/memo"
)

// The cache's rules (those of package memo, applied to files on disk too):
//
//  1. An extraction is found by the hash of what it was made from: the
//     reader's version, the limits, the file's kind and its bytes. Never
//     by name or time: a renamed or copied attachment is still a hit.
//  2. Within a session, a file whose stat proves it unchanged is not even
//     read again (memo.Stat, racy window included).
//  3. On disk (.pubgen/attach), one JSON file per hash, written to a
//     temporary name and renamed, so a crash or a concurrent build leaves
//     either a whole entry or none; an entry that cannot be read is a miss.
//  4. Sweep forgets what the last build did not ask for, in memory and on
//     disk. A miss costs only the extraction a clean build does anyway.
//  5. Failures are remembered like text (an unreadable PDF stays
//     unreadable), except a timeout, which depends on the machine's load
//     and is kept in memory only.

// version names the readers' output. Bump it when extraction changes, so
// entries made by an older pubgen are not used.
const version = "pubgen-attach-2"

// Cache remembers extracted text. It is safe for concurrent use.
type Cache struct {
	dir string // "" keeps entries in memory only
	lim Limits

	mu        sync.Mutex
	mem       map[string]entry // by hash
	used      map[string]bool  // hashes asked for since the last Sweep
	extracted int              // extractions since the last Sweep
	byStat    memo.Table[seen] // by file name
}

// entry is one extraction, as kept in memory and on disk.
type entry struct {
	Version string   `json:"version"`
	Parts   []Part   `json:"parts,omitempty"`
	Problem *Problem `json:"problem,omitempty"`
}

type seen struct {
	stat memo.Stat
	hash string
}

// NewCache returns a cache keeping its entries in dir (created when
// first written), or in memory only when dir is "".
func NewCache(dir string, lim Limits) *Cache {
	return &Cache{dir: dir, lim: lim.withDefaults(), mem: map[string]entry{}, used: map[string]bool{}}
}

// Text returns the text of the attachment name in fsys, extracting it
// only when no entry for its content exists; extracted says it did. The
// error is Extract's *Problem (a partial one comes with the parts read).
func (c *Cache) Text(fsys fs.FS, name string) (parts []Part, extracted bool, err error) {
	var st memo.Stat
	if fi, err := fs.Stat(fsys, name); err == nil {
		st = memo.StatOf(fi)
		if s, _, ok := c.byStat.Last(name); ok && s.stat.Proves(st) {
			if e, ok := c.lookup(s.hash); ok {
				return e.result()
			}
		}
	}
	data, err := fs.ReadFile(fsys, name)
	if err != nil {
		p := problem(WhyCannotRead, err.Error())
		p.sys = err
		return nil, false, p
	}
	h := c.hash(name, data)
	c.byStat.Put(name, memo.Version{}, seen{st, h})
	if e, ok := c.lookup(h); ok {
		return e.result()
	}
	parts, err = Extract(name, data, c.lim)
	c.mu.Lock()
	c.extracted++
	c.mu.Unlock()
	e := entry{Version: version, Parts: parts}
	if err != nil {
		if !errors.As(err, &e.Problem) {
			e.Problem = problem(WhyCannotRead, err.Error()) // a reader's bug: say it, do not crash
		}
	}
	c.store(h, e)
	parts, _, err = e.result()
	return parts, true, err
}

func (e entry) result() ([]Part, bool, error) {
	switch {
	case e.Problem == nil:
		return e.Parts, false, nil
	case e.Problem.Partial():
		return e.Parts, false, e.Problem
	}
	return nil, false, e.Problem
}

func (c *Cache) hash(name string, data []byte) string {
	sum := memo.Sum([]byte(version), fmt.Appendf(nil, "%+v", c.lim),
		[]byte(strings.ToLower(filepath.Ext(name))), data)
	return hex.EncodeToString(sum[:16])
}

func (c *Cache) lookup(h string) (entry, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.used[h] = true
	if e, ok := c.mem[h]; ok {
		return e, true
	}
	if c.dir == "" {
		return entry{}, false
	}
	b, err := os.ReadFile(filepath.Join(c.dir, h+".json"))
	if err != nil {
		return entry{}, false
	}
	var e entry
	if json.Unmarshal(b, &e) != nil || e.Version != version {
		return entry{}, false
	}
	c.mem[h] = e
	return e, true
}

func (c *Cache) store(h string, e entry) {
	c.mu.Lock()
	c.mem[h] = e
	c.used[h] = true
	c.mu.Unlock()
	if c.dir == "" || e.Problem.timedOut() {
		return
	}
	// A cache that cannot be written costs the next build an extraction,
	// nothing more: the error is not the build's.
	_ = writeAtomic(filepath.Join(c.dir, h+".json"), e)
}

func writeAtomic(name string, e entry) error {
	b, err := json.Marshal(e)
	if err != nil {
		return err
	}
	if err := os.MkdirAll(filepath.Dir(name), 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(filepath.Dir(name), ".tmp-*")
	if err != nil {
		return err
	}
	_, werr := f.Write(b)
	cerr := f.Close()
	if werr != nil || cerr != nil {
		os.Remove(f.Name())
		return errors.Join(werr, cerr)
	}
	return os.Rename(f.Name(), name)
}

// Extracted is how many files Text has extracted since the last Sweep:
// what a build's report calls read rather than found in the cache,
// whichever of its stages (the privacy scan, search) asked first.
func (c *Cache) Extracted() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.extracted
}

// Sweep forgets every entry not asked for since the last Sweep, in memory
// and on disk, so attachments deleted or changed leave nothing behind.
func (c *Cache) Sweep() {
	c.byStat.Sweep()
	c.mu.Lock()
	defer c.mu.Unlock()
	for h := range c.mem {
		if !c.used[h] {
			delete(c.mem, h)
		}
	}
	if c.dir != "" {
		files, _ := os.ReadDir(c.dir)
		for _, f := range files {
			h, ok := strings.CutSuffix(f.Name(), ".json")
			if ok && !c.used[h] || strings.HasPrefix(f.Name(), ".tmp-") {
				os.Remove(filepath.Join(c.dir, f.Name()))
			}
		}
	}
	c.used = map[string]bool{}
	c.extracted = 0
}

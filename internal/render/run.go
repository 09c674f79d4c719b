package render

import (
	"bytes"
	"fmt"
	"html/template"

	"sync"
	"time"
	"unsafe"

	"github.com/pubgen/pubgen/internal/layout"
	"github.com/pubgen/pubgen/internal/parallel"
)

// Output is one rendered file.
type Output struct {
	Path string
	Data []byte
}

// Run executes the jobs on all cores and returns the outputs in job order,
// as the templates wrote them (the build's minify stage minifies them with
// every other output). All template errors are returned together.
func Run(l *layout.Layouts, jobs []Job) ([]Output, []error) {
	return RunCached(l, jobs, nil, nil)
}

// Cache holds a session's rendered files, each with what its template
// read (record.go), so that a rebuild runs only the templates that would
// read something different. It is used by one build at a time.
type Cache struct {
	files map[string]cached
	keys  keyTable
	// Rendered is how many templates the last RunCached executed.
	Rendered int
}

type cached struct {
	job  [32]byte // Versions.jobVersion when it was rendered
	data []byte
	// reads are the keys the template read, sorted, by their numbers in
	// the cache's keyTable: the file is reused only while the job is
	// unchanged and none of its reads has changed version since the last
	// build (keyTable.seen).
	reads []uint32
}

// RunCached is Run that reuses, for every job whose cached file in c is
// still right by the versions v, the bytes rendered before. With a nil c
// or v every job runs.
func RunCached(l *layout.Layouts, jobs []Job, c *Cache, v *Versions) ([]Output, []error) {
	out := make([]Output, len(jobs))
	errs := make([]error, len(jobs))
	jvs := make([][32]byte, len(jobs))
	hit := make([]bool, len(jobs))
	if c != nil && v != nil {
		// Which keys changed is worked out once per key, not once per
		// output that read it: on 10,000 pages the outputs hold 1.6
		// million reads of a few hundred thousand keys, and hashing each
		// output's reads with their versions was most of a rebuild's check.
		changed := v.changed(&c.keys)
		// Every file the cache holds has its job's version in the last
		// build: while nothing any job version reads has changed, that
		// is its version now.
		was := c.keys.jobsSeen()
		sameJobs := was != [32]byte{} && was == v.jobsVersion()
		// Versions only read the site graph: they are worked out on all
		// cores, and each job's check is independent of the others'.
		parallel.For(len(jobs), func(i int) {
			j := jobs[i]
			name, ok := l.Lookup(j.Layouts...)
			if !ok {
				return // runOne reports it
			}
			old, ok := c.files[j.Data.File]
			if ok && sameJobs {
				jvs[i] = old.job
				v.checkJob(j, name, old.job)
			} else {
				jvs[i] = v.jobVersion(j, name)
			}
			if ok && old.job == jvs[i] && !readsChanged(old.reads, changed) {
				out[i] = Output{Path: j.Data.File, Data: old.data}
				hit[i] = true
			}
		})
	}
	var todo []int
	for i := range jobs {
		if !hit[i] {
			todo = append(todo, i)
		}
	}
	ws := &workers{l: l, shared: &reuseCache{}}
	keep := c != nil && v != nil
	fresh := make([]cached, len(jobs))
	parallel.For(len(todo), func(k int) {
		i := todo[k]
		out[i], errs[i] = ws.run(jobs[i])
		rec := jobs[i].Data.rec
		if keep && errs[i] == nil && jvs[i] != ([32]byte{}) {
			fresh[i] = cached{job: jvs[i], data: out[i].Data, reads: c.keys.number(rec.sorted())}
		}
		// A layout ranging over .Site.Pages leaves a view of every page
		// behind in each job: freed as soon as the job is done.
		rec.release()
	})
	if keep {
		c.Rendered = len(todo)
		files := make(map[string]cached, len(jobs))
		for i, j := range jobs {
			switch {
			case hit[i]:
				files[j.Data.File] = c.files[j.Data.File]
			case fresh[i].job != [32]byte{}:
				files[j.Data.File] = fresh[i]
			}
		}
		c.files = files
		v.see(&c.keys)
		// Only a cache holding a file for every job, each its own, has
		// every job's version: two jobs writing one file (a build that
		// fails its output check) would leave one job's version under the
		// other's name, and a job that failed leaves none.
		if len(files) == len(jobs) {
			c.keys.setJobs(v.jobsVersion())
		} else {
			c.keys.setJobs([32]byte{})
		}
		c.keys.compact(files)
	}
	var all []error
	for _, err := range errs {
		if err != nil {
			all = append(all, err)
		}
	}
	return out, all
}

// readsChanged reports whether any of the keys numbered in reads is
// marked in changed; a key numbered after changed was made is new to this
// build, which no file kept from before can have read.
func readsChanged(reads []uint32, changed []bool) bool {
	for _, id := range reads {
		if int(id) >= len(changed) || changed[id] {
			return true
		}
	}
	return false
}

// workers hands each goroutine that renders a copy of the templates whose
// functions record into the output it is rendering: which templates it
// entered, which strings it used, whether it printed a date (the zone).
type workers struct {
	l      *layout.Layouts
	shared *reuseCache // the partials run through reuse, for this run
	mu     sync.Mutex
	free   []*worker
}

type worker struct {
	in     *layout.Instance
	rec    *recorder // of the job being rendered
	layout string
}

func (ws *workers) get(loc *time.Location) *worker {
	ws.mu.Lock()
	defer ws.mu.Unlock()
	if n := len(ws.free); n > 0 {
		w := ws.free[n-1]
		ws.free = ws.free[:n-1]
		return w
	}
	w := &worker{}
	f := funcs(loc, func() { w.rec.read(kConfig, "Location") })
	f["T"] = func(key string) string {
		w.rec.read(kString, key)
		return ws.l.T(key)
	}
	f[layout.UsedFunc] = func(name string) string {
		w.rec.read(kTemplate, pair(w.layout, name))
		return ""
	}
	f["reuse"] = func(name string, data any) (template.HTML, error) { return w.reuse(ws.shared, name, data) }
	w.in = ws.l.Instance(f)
	return w
}

func (ws *workers) put(w *worker) {
	w.rec = nil
	ws.mu.Lock()
	ws.free = append(ws.free, w)
	ws.mu.Unlock()
}

// Error is an output a template failed to make: the file, the content
// file it shows, and why (a *layout.TemplateError for a template's own
// mistake, a *NoLayout when no template could make it).
type Error struct {
	File, From string
	Err        error
}

func (e *Error) Error() string {
	return fmt.Sprintf("rendering %s (from %s): %v", e.File, e.From, e.Err)
}

func (e *Error) Unwrap() error { return e.Err }

// NoLayout is an output that neither the site's layouts/ nor the theme
// has a template for: Want are the layout names looked for, in order.
type NoLayout struct {
	Theme string
	Want  []string
}

func (e *NoLayout) Error() string {
	return fmt.Sprintf("no layout for it in theme %q (want one of layouts/%v)", e.Theme, e.Want)
}

func (ws *workers) run(j Job) (Output, error) {
	l := ws.l
	name, ok := l.Lookup(j.Layouts...)
	if !ok {
		return Output{}, &Error{File: j.Data.File, From: j.Data.Page.Path(), Err: &NoLayout{Theme: l.Theme, Want: j.Layouts}}
	}
	w := ws.get(j.Data.graph().Config.Location)
	defer ws.put(w)
	w.rec, w.layout = j.Data.rec, name
	var b bytes.Buffer
	if err := w.in.Execute(&b, name, j.Data); err != nil {
		return Output{}, &Error{File: j.Data.File, From: j.Data.Page.Path(), Err: err}
	}
	return Output{Path: j.Data.File, Data: b.Bytes()}, nil
}

// Footprint is what the cache's records of reads cost: how many files it
// holds, how many reads they recorded in all, and the bytes those records
// take — each file's numbers of the keys it read, and the table of keys
// with its index and each key's last version, each distinct id string counted once (most ids are a
// page's source path, shared with the page itself, and counted here all
// the same). The rendered bytes are not counted.
func (c *Cache) Footprint() (files, reads int, bytes int64) {
	for _, f := range c.files {
		files++
		reads += len(f.reads)
		bytes += int64(cap(f.reads))*4 + int64(unsafe.Sizeof(f.reads)) + int64(len(f.job))
	}
	bytes += int64(cap(c.keys.seen)) * 32
	strs := map[*byte]bool{}
	// A map entry costs its key and value and, in Go's swiss tables, about
	// a control byte and a slot's share of load-factor slack: counted as
	// twice the entry.
	entry := int64(unsafe.Sizeof(key{})) + 4
	bytes += int64(cap(c.keys.keys))*int64(unsafe.Sizeof(key{})) + int64(len(c.keys.ids))*2*entry
	for _, k := range c.keys.keys {
		if p := unsafe.StringData(k.id); p != nil && !strs[p] {
			strs[p] = true
			bytes += int64(len(k.id))
		}
	}
	return files, reads, bytes
}

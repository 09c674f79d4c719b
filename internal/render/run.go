package render

import (
	"bytes"
	"fmt"

	"github.com/pubgen/pubgen/internal/layout"
	"github.com/pubgen/pubgen/internal/minify"
	"github.com/pubgen/pubgen/internal/parallel"
)

// Output is one rendered file.
type Output struct {
	Path string
	Data []byte
}

// Run executes the jobs on all cores, minifying each result when m is not
// nil, and returns the outputs in job order. All template errors are
// returned together.
func Run(l *layout.Layouts, jobs []Job, m *minify.Minifier) ([]Output, []error) {
	return RunCached(l, jobs, m, nil, nil)
}

// Cache holds a session's rendered files, each with what its template
// read (record.go), so that a rebuild runs only the templates that would
// read something different. It is used by one build at a time.
type Cache struct {
	files map[string]cached
	// Rendered is how many templates the last RunCached executed.
	Rendered int
}

type cached struct {
	job  [32]byte // Versions.jobVersion when it was rendered
	data []byte
	// reads are the keys the template read, sorted, and sum their
	// version when it ran: the file is reused only while both the job and
	// the version of its reads are unchanged.
	reads []key
	sum   [32]byte
}

// RunCached is Run that reuses, for every job whose cached file in c is
// still right by the versions v, the bytes rendered before. With a nil c
// or v every job runs.
func RunCached(l *layout.Layouts, jobs []Job, m *minify.Minifier, c *Cache, v *Versions) ([]Output, []error) {
	out := make([]Output, len(jobs))
	errs := make([]error, len(jobs))
	jvs := make([][32]byte, len(jobs))
	hit := make([]bool, len(jobs))
	if c != nil && v != nil {
		// Versions only read the site graph: they are worked out on all
		// cores, and each job's check is independent of the others'.
		parallel.For(len(jobs), func(i int) {
			j := jobs[i]
			name, ok := l.Lookup(j.Layouts...)
			if !ok {
				return // runOne reports it
			}
			jvs[i] = v.jobVersion(j, name)
			old, ok := c.files[j.Data.File]
			if ok && old.job == jvs[i] && v.sum(old.reads) == old.sum {
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
	parallel.For(len(todo), func(k int) {
		i := todo[k]
		out[i], errs[i] = runOne(l, jobs[i], m)
	})
	if c != nil && v != nil {
		c.Rendered = len(todo)
		files := make(map[string]cached, len(jobs))
		fresh := make([]cached, len(jobs))
		parallel.For(len(todo), func(k int) {
			i := todo[k]
			if errs[i] != nil || jvs[i] == ([32]byte{}) {
				return
			}
			reads := jobs[i].Data.rec.sorted()
			fresh[i] = cached{job: jvs[i], data: out[i].Data, reads: reads, sum: v.sum(reads)}
		})
		for i, j := range jobs {
			switch {
			case hit[i]:
				files[j.Data.File] = c.files[j.Data.File]
			case fresh[i].job != [32]byte{}:
				files[j.Data.File] = fresh[i]
			}
		}
		c.files = files
	}
	var all []error
	for _, err := range errs {
		if err != nil {
			all = append(all, err)
		}
	}
	return out, all
}

func runOne(l *layout.Layouts, j Job, m *minify.Minifier) (Output, error) {
	name, ok := l.Lookup(j.Layouts...)
	if !ok {
		return Output{}, fmt.Errorf("%s: no layout for it in theme %q (want one of layouts/%v)", j.Data.File, l.Theme, j.Layouts)
	}
	var b bytes.Buffer
	if err := l.Execute(&b, name, j.Data); err != nil {
		return Output{}, fmt.Errorf("rendering %s (from %s): %w", j.Data.File, j.Data.Page.Path(), err)
	}
	data := b.Bytes()
	if m != nil {
		var err error
		if data, err = m.File(j.Data.File, data); err != nil {
			return Output{}, err
		}
	}
	return Output{Path: j.Data.File, Data: data}, nil
}

// Reads is how many reads the cache holds over all its files, for
// measuring what recording costs.
func (c *Cache) Reads() int {
	n := 0
	for _, f := range c.files {
		n += len(f.reads)
	}
	return n
}

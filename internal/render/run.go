package render

import (
	"bytes"
	"fmt"
	"text/template/parse"

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

// Cache holds a session's rendered files by fingerprint, so that a rebuild
// runs only the templates whose inputs changed. It is used by one build at
// a time.
type Cache struct {
	files map[string]cached
	// Rendered is how many templates the last RunCached executed.
	Rendered int
}

type cached struct {
	fp   [32]byte
	data []byte
	// reads are what the template read through SiteView, and readsSum
	// their version when it ran: the file is reused only while both the
	// fingerprint and the version of its reads are unchanged.
	reads    []string
	readsSum [32]byte
}

// RunCached is Run that reuses, for every job whose fingerprint is in c,
// the bytes rendered before. With a nil c or fp every job runs.
func RunCached(l *layout.Layouts, jobs []Job, m *minify.Minifier, c *Cache, fp *Fingerprints) ([]Output, []error) {
	out := make([]Output, len(jobs))
	errs := make([]error, len(jobs))
	fps := make([][32]byte, len(jobs))
	if c != nil && fp != nil {
		beyond := beyondJobs(l, jobs)
		// Fingerprints only read the site graph: they are computed on all
		// cores, and the cache is consulted after.
		parallel.For(len(jobs), func(i int) {
			if f, ok := fp.Of(jobs[i], beyond[i]); ok {
				fps[i] = f
			}
		})
	}
	var todo []int
	hits := make([]*cached, len(jobs))
	for i, j := range jobs {
		if f := fps[i]; f != ([32]byte{}) {
			if old, hit := c.files[j.Data.File]; hit && old.fp == f {
				if sum, ok := fp.readsSum(old.reads); ok && sum == old.readsSum {
					out[i] = Output{Path: j.Data.File, Data: old.data}
					hits[i] = &old
					continue
				}
			}
		}
		todo = append(todo, i)
	}
	parallel.For(len(todo), func(k int) {
		i := todo[k]
		out[i], errs[i] = runOne(l, jobs[i], m)
	})
	if c != nil {
		c.Rendered = len(todo)
		files := make(map[string]cached, len(jobs))
		for i, j := range jobs {
			if errs[i] != nil || fps[i] == ([32]byte{}) {
				continue
			}
			if hits[i] != nil {
				files[j.Data.File] = *hits[i]
				continue
			}
			reads := j.Data.Site.reads()
			if sum, ok := fp.readsSum(reads); ok {
				files[j.Data.File] = cached{fp: fps[i], data: out[i].Data, reads: reads, readsSum: sum}
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

// beyondJobs says, for each job, whether its layout reads past what
// Fingerprints.Of covers (reach), checked once per layout and file kind
// and before any template runs, since running one rewrites its trees.
func beyondJobs(l *layout.Layouts, jobs []Job) []bool {
	out := make([]bool, len(jobs))
	checked := map[[2]string]bool{}
	for i, j := range jobs {
		name, ok := l.Lookup(j.Layouts...)
		if !ok {
			continue // runOne reports it
		}
		key := [2]string{name, j.Data.Kind}
		b, ok := checked[key]
		if !ok {
			b = beyondModel(func(t string) *parse.Tree { return l.Tree(name, t) }, l.Entry(name), j.Data.Kind) != ""
			checked[key] = b
		}
		out[i] = b
	}
	return out
}

func runOne(l *layout.Layouts, j Job, m *minify.Minifier) (Output, error) {
	name, ok := l.Lookup(j.Layouts...)
	if !ok {
		return Output{}, fmt.Errorf("%s: no layout for it in theme %q (want one of layouts/%v)", j.Data.File, l.Theme, j.Layouts)
	}
	var b bytes.Buffer
	if err := l.Execute(&b, name, j.Data); err != nil {
		return Output{}, fmt.Errorf("rendering %s (from %s): %w", j.Data.File, j.Data.Page.Path, err)
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

package render

import (
	"bytes"
	"fmt"
	"runtime"
	"sync"

	"github.com/pubgen/pubgen/internal/layout"
	"github.com/pubgen/pubgen/internal/minify"
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
	out := make([]Output, len(jobs))
	errs := make([]error, len(jobs))
	var wg sync.WaitGroup
	next := make(chan int)
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i], errs[i] = runOne(l, jobs[i], m)
			}
		}()
	}
	for i := range jobs {
		next <- i
	}
	close(next)
	wg.Wait()
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

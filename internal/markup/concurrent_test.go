package markup

import (
	"bytes"
	"fmt"
	"sync"
	"testing"
)

// TestConcurrentConvert shares one Converter between goroutines, as the
// render stage does, and expects each document to come out as it does
// alone. Run with -race to also catch shared state.
func TestConcurrentConvert(t *testing.T) {
	c := New(Options{})
	docs := make([][]byte, 8)
	want := make([][]byte, len(docs))
	for i := range docs {
		docs[i] = fmt.Appendf(nil, "# 议程\n\n## 第%d项\n\n# 议程\n\n**“第%d份”**文件[链接](p%d.md)\n", i, i, i)
		res, err := c.Convert(docs[i], nil)
		if err != nil {
			t.Fatal(err)
		}
		want[i] = res.HTML
	}
	var wg sync.WaitGroup
	errs := make(chan error, len(docs)*4)
	for g := range 4 {
		wg.Go(func() {
			for i := range docs {
				i := (i + g) % len(docs)
				res, err := c.Convert(docs[i], func(d string, _ bool, _ int) string { return d })
				if err != nil {
					errs <- err
					return
				}
				if !bytes.Equal(res.HTML, want[i]) {
					errs <- fmt.Errorf("doc %d: got %q, want %q", i, res.HTML, want[i])
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}

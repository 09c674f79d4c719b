// Command corpusgen writes a generated benchmark site to a folder:
//
//	go run ./internal/corpus/cmd/corpusgen -n 10000 -seed 1 -out /tmp/site
//
// The same -n and -seed always write the same bytes, so build and search
// benchmarks on different commits run on identical input.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/pubgen/pubgen/internal/corpus"
)

func main() {
	n := flag.Int("n", 1000, "number of content pages")
	seed := flag.Int64("seed", 1, "random seed; the same seed gives the same site")
	out := flag.String("out", "", "folder to write the site into (required)")
	flag.Parse()
	if *out == "" || *n < 0 || flag.NArg() > 0 {
		fmt.Fprintln(os.Stderr, "usage: corpusgen -n 10000 -seed 1 -out /tmp/site")
		os.Exit(2)
	}
	files := corpus.Generate(*n, *seed)
	if err := corpus.Write(*out, files); err != nil {
		fmt.Fprintln(os.Stderr, "corpusgen:", err)
		os.Exit(1)
	}
	fmt.Printf("corpusgen: wrote %d files (%d pages) to %s\n", len(files), *n, *out)
}

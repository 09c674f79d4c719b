package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/pubgen/pubgen/internal/build"
	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/search"
)

func runSearch(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("search", flag.ContinueOnError)
	fs.SetOutput(stderr)
	source := fs.String("source", ".", "the site's root folder")
	jsonOut := fs.Bool("json", false, "print the results as JSON")
	var q search.Query
	fs.IntVar(&q.Limit, "limit", 10, "at most this many results")
	fs.StringVar(&q.Type, "type", "", "only this type: notice, disclosure, study, showcase or page")
	fs.StringVar(&q.Branch, "branch", "", "only this branch (支部)")
	fs.StringVar(&q.Year, "year", "", "only this year, e.g. 2026")
	fs.StringVar(&q.Status, "status", "", "only disclosures with this status: upcoming, open or closed")
	fs.BoolVar(&q.SortByDate, "by-date", false, "newest first instead of most relevant first")
	// Flags may follow the query: pubgen search 党费 --json.
	var words []string
	rest := args
	for len(rest) > 0 {
		if err := fs.Parse(rest); err != nil {
			return 2
		}
		if fs.NArg() == 0 {
			break
		}
		words = append(words, fs.Arg(0))
		rest = fs.Args()[1:]
	}
	if len(words) == 0 {
		fmt.Fprintln(stderr, "usage: pubgen search [flags] QUERY")
		return 2
	}
	dir := filepath.Join(*source, ".pubgen", "search")
	if _, err := os.Stat(dir); err != nil {
		say(stderr, "pubgen: no search index in %s (run pubgen build first)", dir)
		return 1
	}
	ix, err := search.Open(dir)
	if err != nil {
		sayErr(stderr, sitePrinter(*source), err)
		return 1
	}
	defer ix.Close()
	if err := ix.Damage(); err != nil {
		// Open replaced it with an empty one: answering "nothing found"
		// would be a lie.
		say(stderr, "pubgen: %s", build.IndexDamage(dir, err, diag.Error, msg.IndexRunBuild).In(sitePrinter(*source)))
		return 1
	}
	hits, err := ix.Search(strings.Join(words, " "), q)
	if err != nil {
		say(stderr, "pubgen: %s", build.IndexDamage(dir, err, diag.Error, msg.IndexRunBuild).In(sitePrinter(*source)))
		return 1
	}
	if *jsonOut {
		enc := json.NewEncoder(stdout)
		enc.SetIndent("", "  ")
		if hits == nil {
			hits = []search.Hit{}
		}
		if err := enc.Encode(hits); err != nil {
			sayErr(stderr, sitePrinter(*source), err)
			return 1
		}
		return 0
	}
	if len(hits) == 0 {
		say(stdout, "没有找到与“%s”相关的内容", strings.Join(words, " "))
		return 0
	}
	for i, h := range hits {
		say(stdout, "%2d. %s  (%.3f)", i+1, h.Title, h.Score)
		say(stdout, "    %s  %s", h.URL, h.Day)
		say(stdout, "    %s", plainExcerpt(h.Excerpt))
	}
	return 0
}

// plainExcerpt shows an excerpt's highlights in a terminal: the excerpt is
// escaped HTML with <mark> around matches.
func plainExcerpt(s string) string {
	r := strings.NewReplacer("<mark>", "【", "</mark>", "】", "&lt;", "<", "&gt;", ">", "&amp;", "&", "&#34;", `"`, "&#39;", "'", "&quot;", `"`)
	return r.Replace(s)
}

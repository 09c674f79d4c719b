package main

import (
	"encoding/json"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/pubgen/pubgen/internal/diag"
	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/pipeline"
	"github.com/pubgen/pubgen/internal/search"
)

func runSearch(args []string, stdout, stderr io.Writer) int {
	p := argsPrinter(args)
	fs := newFlags("search")
	source := fs.String("source", ".", p.Sprint(msg.FlagSource))
	jsonOut := fs.Bool("json", false, p.Sprint(msg.FlagSearchJSON))
	var q search.Query
	fs.IntVar(&q.Limit, "limit", 10, p.Sprint(msg.FlagLimit))
	fs.StringVar(&q.Type, "type", "", p.Sprint(msg.FlagType))
	fs.StringVar(&q.Branch, "branch", "", p.Sprint(msg.FlagBranch))
	fs.StringVar(&q.Year, "year", "", p.Sprint(msg.FlagYear))
	fs.StringVar(&q.Status, "status", "", p.Sprint(msg.FlagStatus))
	fs.BoolVar(&q.SortByDate, "by-date", false, p.Sprint(msg.FlagByDate))
	// Flags may follow the query: pubgen search 党费 --json.
	var words []string
	rest := args
	for len(rest) > 0 {
		if !parseFlags(fs, rest, p, stderr) {
			return 2
		}
		if fs.NArg() == 0 {
			break
		}
		words = append(words, fs.Arg(0))
		rest = fs.Args()[1:]
	}
	if len(words) == 0 {
		say(stderr, "pubgen: %s", p.Sprint(msg.ArgsSearch))
		return 2
	}
	dir := filepath.Join(*source, ".pubgen", "search")
	if _, err := os.Stat(dir); err != nil {
		say(stderr, "pubgen: %s", sitePrinter(*source).Sprint(msg.OpNoIndex, dir))
		return 1
	}
	ix, err := search.Open(dir)
	if errors.Is(err, search.ErrInUse) {
		say(stderr, "pubgen: %s", sitePrinter(*source).Sprint(msg.IndexInUse, dir))
		return 1
	}
	if err != nil {
		sayErr(stderr, sitePrinter(*source), pipeline.IndexOpenFailed(dir, err))
		return 1
	}
	defer ix.Close()
	if err := ix.Damage(); err != nil {
		// Open replaced it with an empty one: answering "nothing found"
		// would be a lie.
		say(stderr, "pubgen: %s", pipeline.IndexDamage(dir, err, diag.Error, msg.IndexRunBuild).In(sitePrinter(*source)))
		return 1
	}
	hits, err := ix.Search(strings.Join(words, " "), q)
	if err != nil {
		say(stderr, "pubgen: %s", pipeline.IndexDamage(dir, err, diag.Error, msg.IndexRunBuild).In(sitePrinter(*source)))
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
		say(stdout, "%s", sitePrinter(*source).Sprint(msg.OpSearchNone, strings.Join(words, " ")))
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

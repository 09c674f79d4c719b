// Command pubgen builds a party-building portal from Markdown. It only reads
// flags and calls the stages; what a command does lives in internal/.
package main

import (
	"fmt"
	"io"
	"log"
	"os"
	_ "time/tzdata" // Asia/Shanghai must resolve on machines without zoneinfo (Windows, slim containers)
)

type command struct {
	name, usage, summary string
	run                  func(args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"build", "pubgen build [--source DIR] [--dest DIR] [--drafts] [--future] [--no-minify] [--strict] [--json] [--now DATE] [--watch]", "build the site into public/, atomically", runBuild},
		{"serve", "pubgen serve [--source DIR] [--bind ADDR] [--port N] [--base-path /sub/] [--allowed-hosts a.example,b.example] [--drafts] [--future]", "preview the site: rebuild, re-index and reload the browser on every change", runServe},
		{"check", "pubgen check [--source DIR] [--drafts] [--future] [--strict]", "validate everything without writing output", runCheck},
		{"search", "pubgen search [--json] [--limit N] [--type T] [--branch B] [--year Y] [--status S] [--by-date] QUERY", "query the site's search index (built by pubgen build), ranked as in the browser", runSearch},
		{"init", "pubgen init [--empty] DIR", "write a new site (a Go module pinned to this pubgen) with the default theme and example content, or none with --empty", runInit},
		{"new", "pubgen new notice|disclosure|study|showcase TITLE [--source DIR]", "write a new content file from its archetype", runNew},
		{"version", "pubgen version", "print the version: module version, commit (-dirty for uncommitted changes), Go toolchain", runVersion},
	}
}

func main() {
	quietDependencyLog()
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// quietDependencyLog discards the standard logger, which pubgen itself never
// uses. Its only writers are dependencies: bleve's scorch logs, with a
// timestamp and once per snapshot, that it skipped a snapshot it could not
// load. search.Open notices the same damage (the generation stamp no longer
// matches) and the command says so once, in its own words; the raw lines
// would only be a second, more alarming report of it. This is the process's
// composition root, so setting the process-wide logger here is the one
// place it belongs.
func quietDependencyLog() { log.SetOutput(io.Discard) }

func run(args []string, stdout, stderr io.Writer) int {
	cmds := commands()
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		if len(args) > 1 {
			for _, c := range cmds {
				if c.name == args[1] {
					fmt.Fprintf(stdout, "usage: %s\n\n%s\n", c.usage, c.summary)
					c.run([]string{"-h"}, stdout, stdout)
					return 0
				}
			}
		}
		usage(stdout, cmds)
		if len(args) == 0 {
			return 2
		}
		return 0
	}
	for _, c := range cmds {
		if c.name == args[0] {
			return c.run(args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "pubgen: unknown command %q\n", args[0])
	usage(stderr, cmds)
	return 2
}

func usage(w io.Writer, cmds []command) {
	fmt.Fprintln(w, "pubgen builds a party-building portal from Markdown.\n\nusage: pubgen COMMAND [flags]\n\ncommands:")
	for _, c := range cmds {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.summary)
	}
	fmt.Fprintln(w, "\nRun \"pubgen help COMMAND\" for a command's flags.")
}

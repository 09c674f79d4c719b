// Command pubgen builds a party-building portal from Markdown. It only reads
// flags and calls the stages; what a command does lives in internal/.
package main

import (
	"fmt"
	"io"
	"log"
	"os"
	_ "time/tzdata" // Asia/Shanghai must resolve on machines without zoneinfo (Windows, slim containers)

	"github.com/pubgen/pubgen/internal/msg"
)

type command struct {
	name string
	// args is the command line to type, summary what the command does:
	// both catalogue entries, shown in the site's language.
	args, summary msg.Key
	run           func(args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"build", msg.CmdBuildArgs, msg.CmdBuild, runBuild},
		{"serve", msg.CmdServeArgs, msg.CmdServe, runServe},
		{"check", msg.CmdCheckArgs, msg.CmdCheck, runCheck},
		{"search", msg.CmdSearchArgs, msg.CmdSearch, runSearch},
		{"init", msg.CmdInitArgs, msg.CmdInit, runInit},
		{"new", msg.CmdNewArgs, msg.CmdNew, runNew},
		{"version", msg.CmdVersionArgs, msg.CmdVersion, runVersion},
	}
}

func main() {
	quietDependencyLog()
	tuneGC()
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
	// No command has read a site yet: the current folder's language, if
	// it is one.
	p := sitePrinter(".")
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		if len(args) > 1 {
			for _, c := range cmds {
				if c.name == args[1] {
					// Each command prints its usage for -h.
					c.run([]string{"-h"}, stdout, stdout)
					return 0
				}
			}
		}
		usage(stdout, p, cmds)
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
	say(stderr, "pubgen: %s", p.Sprint(msg.UsageUnknownCommand, args[0]))
	usage(stderr, p, cmds)
	return 2
}

// usage lists the commands, in the catalogue's words (printed as they
// are: they are no author's).
func usage(w io.Writer, p msg.Printer, cmds []command) {
	fmt.Fprintln(w, p.Sprint(msg.UsageIntro))
	for _, c := range cmds {
		fmt.Fprintln(w, p.Sprint(msg.UsageCommands, c.name, c.summary))
	}
	fmt.Fprintln(w, p.Sprint(msg.UsageMore))
}

package main

import (
	"io"
	"path"
	"path/filepath"
	"strings"
	"time"

	"github.com/pubgen/pubgen"
	"github.com/pubgen/pubgen/internal/config"
	"github.com/pubgen/pubgen/internal/msg"
	"github.com/pubgen/pubgen/internal/scaffold"
	srcfs "github.com/pubgen/pubgen/internal/source"
)

func runInit(args []string, stdout, stderr io.Writer) int {
	p := argsPrinter(nil)
	fs := newFlags("init")
	empty := fs.Bool("empty", false, p.Sprint(msg.FlagEmpty))
	if !parseFlags(fs, args, p, stderr) {
		return 2
	}
	if fs.NArg() != 1 {
		say(stderr, "pubgen: %s", p.Sprint(msg.ArgsInit))
		return 2
	}
	dir := fs.Arg(0)
	pin := readBuildVersion().pin()
	n, err := scaffold.Init(dir, scaffold.Options{Starter: pubgen.Starter, Module: pubgen.Module, Pin: pin, Empty: *empty, Now: time.Now()})
	if err != nil {
		sayErr(stderr, p, err)
		return 1
	}
	p = sitePrinter(dir)
	say(stdout, "%s", p.Sprint(msg.OpInitWrote, n, dir, pin.Version))
	if pin.Note != "" {
		// The same note heads the new go.mod, where the operator looks later.
		say(stderr, "%s", p.Sprint(msg.OpInitNote, filepath.Join(dir, "go.mod")))
		for _, line := range strings.Split(pin.Note, "\n") {
			say(stderr, "  %s", line)
		}
	}
	say(stdout, "%s", p.Sprint(msg.OpInitNext, dir))
	return 0
}

func runNew(args []string, stdout, stderr io.Writer) int {
	p := argsPrinter(args)
	fs := newFlags("new")
	source := fs.String("source", ".", p.Sprint(msg.FlagSource))
	branchArg := fs.String("branch", "", p.Sprint(msg.FlagNewBranch))
	if !parseFlags(fs, args, p, stderr) {
		return 2
	}
	if fs.NArg() != 2 {
		say(stderr, "pubgen: %s", p.Sprint(msg.ArgsNew))
		return 2
	}
	site := srcfs.DirFS(*source)
	cfg, l := config.Load(site)
	if cfg == nil {
		sayErr(stderr, msg.Printer{Lang: config.Lang(site)}, l.Err(false))
		return 1
	}
	p = cfg.Printer(time.Now())
	branch, err := newBranch(cfg, *branchArg)
	if err != nil {
		sayErr(stderr, p, err)
		return 2
	}
	rel, err := scaffold.New(*source, site, cfg.Theme, fs.Arg(0), fs.Arg(1), branch, time.Now().In(cfg.Location))
	if err != nil {
		sayErr(stderr, p, err)
		return 1
	}
	say(stdout, "%s", rel)
	say(stderr, "%s", p.Text(newNextSteps(fs.Arg(0), rel)))
	return 0
}

// newNextSteps tells the author what is left to do with a new draft: fill
// in the hints, add the files a page folder holds, then publish.
func newNextSteps(typ, rel string) msg.Text {
	more := msg.Raw("")
	switch typ {
	case "showcase":
		more = msg.New(msg.OpNewNextShowcase, path.Dir(rel))
	case "study":
		more = msg.New(msg.OpNewNextStudy, path.Dir(rel))
	}
	return msg.New(msg.OpNewNext, more)
}

// newBranch is the branch a new page is for: the one --branch names (by
// name or slug), else the site's only branch; with several and none named
// the archetype's hint stays for the author to fill in.
func newBranch(cfg *config.Config, arg string) (string, error) {
	if arg == "" {
		if len(cfg.Branches) == 1 {
			return cfg.Branches[0].Name, nil
		}
		return "", nil
	}
	if b, ok := cfg.FindBranch(arg); ok {
		return b.Name, nil
	}
	if len(cfg.Branches) == 0 {
		return arg, nil // a site without a branch list takes any name
	}
	var names []string
	for _, b := range cfg.Branches {
		names = append(names, b.Name+" ("+b.Slug+")")
	}
	return "", msg.Fail(nil, msg.OpNewBranchUnknown, arg, strings.Join(names, ", "))
}

package main

import (
	"flag"
	"fmt"
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
	fs := flag.NewFlagSet("init", flag.ContinueOnError)
	fs.SetOutput(stderr)
	empty := fs.Bool("empty", false, "no demo content: configuration, theme, section pages and one draft example per type")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "usage: pubgen init [--empty] DIR")
		return 2
	}
	dir := fs.Arg(0)
	pin := readBuildVersion().pin()
	n, err := scaffold.Init(dir, scaffold.Options{Starter: pubgen.Starter, Module: pubgen.Module, Pin: pin, Empty: *empty, Now: time.Now()})
	if err != nil {
		sayErr(stderr, msg.Printer{}, err)
		return 1
	}
	say(stdout, "wrote %d files into %s (a Go module pinned to pubgen %s)", n, dir, pin.Version)
	if pin.Note != "" {
		// The same note heads the new go.mod, where the operator looks later.
		say(stderr, "note (%s):", filepath.Join(dir, "go.mod"))
		for _, line := range strings.Split(pin.Note, "\n") {
			say(stderr, "  %s", line)
		}
	}
	say(stdout, "next: cd %s && go tool pubgen serve", dir)
	return 0
}

func runNew(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("new", flag.ContinueOnError)
	fs.SetOutput(stderr)
	source := fs.String("source", ".", "the site's root folder")
	branchArg := fs.String("branch", "", "the 支部 the page is for, by name or slug; fills branch and the 落款 (default: the site's only branch)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 2 {
		fmt.Fprintln(stderr, "usage: pubgen new [--branch B] notice|disclosure|study|showcase TITLE")
		return 2
	}
	site := srcfs.DirFS(*source)
	cfg, l := config.Load(site)
	if cfg == nil {
		sayErr(stderr, msg.Printer{Lang: config.Lang(site)}, l.Err(false))
		return 1
	}
	p := cfg.Printer(time.Now())
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
	say(stderr, "%s", newNextSteps(fs.Arg(0), rel))
	return 0
}

// newNextSteps tells the author what is left to do with a new draft: fill
// in the hints, add the files a page folder holds, then publish.
func newNextSteps(typ, rel string) string {
	steps := "next: it is a draft (draft: true), not published; replace or delete every （…） hint, then change draft: true to draft: false"
	switch typ {
	case "showcase":
		steps += fmt.Sprintf("; first put the cover photo in %s/ and write its name in cover:", path.Dir(rel))
	case "study":
		steps += fmt.Sprintf("; attachments (PDF, Word) go in %s/, beside index.md", path.Dir(rel))
	}
	return steps
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
	return "", fmt.Errorf("new: --branch %q is not a branch of pubgen.toml (want one of: %s)", arg, strings.Join(names, ", "))
}

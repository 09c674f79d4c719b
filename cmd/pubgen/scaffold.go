package main

import (
	"flag"
	"fmt"
	"io"
	"path"
	"time"

	"github.com/pubgen/pubgen"
	"github.com/pubgen/pubgen/internal/config"
	"github.com/pubgen/pubgen/internal/scaffold"
	srcfs "github.com/pubgen/pubgen/internal/source"
)

func runInit(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("init", flag.ContinueOnError)
	fs.SetOutput(stderr)
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 1 {
		fmt.Fprintln(stderr, "usage: pubgen init DIR")
		return 2
	}
	dir := fs.Arg(0)
	n, err := scaffold.Init(dir, pubgen.Starter)
	if err != nil {
		sayErr(stderr, err)
		return 1
	}
	say(stdout, "wrote %d files into %s", n, dir)
	say(stdout, "next: cd %s && pubgen build", dir)
	return 0
}

func runNew(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("new", flag.ContinueOnError)
	fs.SetOutput(stderr)
	source := fs.String("source", ".", "the site's root folder")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	if fs.NArg() != 2 {
		fmt.Fprintln(stderr, "usage: pubgen new notice|disclosure|study|showcase TITLE")
		return 2
	}
	site := srcfs.DirFS(*source)
	cfg, l := config.Load(site)
	if cfg == nil {
		sayErr(stderr, l.Err(false))
		return 1
	}
	rel, err := scaffold.New(*source, site, cfg.Theme, fs.Arg(0), fs.Arg(1), time.Now().In(cfg.Location))
	if err != nil {
		sayErr(stderr, err)
		return 1
	}
	say(stdout, "%s", rel)
	if fs.Arg(0) == "showcase" {
		// A showcase needs its cover photo before the site builds again.
		say(stderr, "next: put the cover photo beside it as %s/cover.jpg (and gallery photos, if any)", path.Dir(rel))
	}
	return 0
}

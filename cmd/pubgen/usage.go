package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/pubgen/pubgen/internal/msg"
)

// newFlags is the flag set of the command name, whose words are in p. The
// flag package's own output is English and goes nowhere: parseFlags says
// what was wrong, and -h prints the command's usage, in p's language.
func newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parseFlags parses args with fs. For -h it prints the command's usage on
// w; for a mistake, what was wrong and where to look, on w too. It reports
// whether the command goes on (false: exit 2).
func parseFlags(fs *flag.FlagSet, args []string, p msg.Printer, w io.Writer) bool {
	err := fs.Parse(args)
	switch {
	case err == nil:
		return true
	case errors.Is(err, flag.ErrHelp):
		printUsage(w, fs, p)
	default:
		say(w, "%s", p.Text(flagProblem(fs, err)))
		say(w, "%s", p.Sprint(msg.UsageSeeHelp, fs.Name()))
	}
	return false
}

// flagErr reads the flag package's errors, which are only text: what it
// says for an unknown flag, a missing value and a value it cannot parse.
var flagErr = struct{ unknown, noValue, badValue *regexp.Regexp }{
	regexp.MustCompile(`^flag provided but not defined: -+(.*)$`),
	regexp.MustCompile(`^flag needs an argument: -+(.*)$`),
	regexp.MustCompile(`^invalid (?:boolean )?value "(.*)" for (?:flag )?-+([^:]*):`),
}

// flagProblem says what a flag error means; an error it does not know is
// shown as the flag package wrote it.
func flagProblem(fs *flag.FlagSet, err error) msg.Text {
	s := err.Error()
	if m := flagErr.unknown.FindStringSubmatch(s); m != nil {
		return msg.New(msg.UsageUnknownFlag, fs.Name(), m[1])
	}
	if m := flagErr.noValue.FindStringSubmatch(s); m != nil {
		return msg.New(msg.UsageFlagNeedsValue, fs.Name(), m[1], example(fs, m[1]))
	}
	if m := flagErr.badValue.FindStringSubmatch(s); m != nil {
		return msg.New(msg.UsageFlagBadValue, fs.Name(), m[2], m[1], example(fs, m[2]))
	}
	return msg.Raw(s)
}

// example is a value to show for the flag name: its default, else what
// its usage calls the value.
func example(fs *flag.FlagSet, name string) string {
	f := fs.Lookup(name)
	if f == nil {
		return ""
	}
	if f.DefValue != "" && f.DefValue != "0" && f.DefValue != "false" {
		return f.DefValue
	}
	v, _ := flag.UnquoteUsage(f)
	return v
}

// printUsage prints the command's usage line and summary, then each flag
// with its description from the catalogue and its default. Its lines are
// the catalogue's own, so they are printed as they are, newlines and all.
func printUsage(w io.Writer, fs *flag.FlagSet, p msg.Printer) {
	for _, c := range commands() {
		if c.name == fs.Name() {
			fmt.Fprintln(w, p.Sprint(msg.UsageLine, c.args, c.summary))
		}
	}
	n := 0
	fs.VisitAll(func(*flag.Flag) { n++ })
	if n == 0 {
		return
	}
	fmt.Fprintln(w, p.Sprint(msg.UsageFlags))
	fs.VisitAll(func(f *flag.Flag) {
		value, usage := flag.UnquoteUsage(f)
		if value == "value" || value == "string" || value == "int" {
			value = "" // the flag package's English type names
		}
		line := "  --" + f.Name
		if value != "" {
			line += " " + value
		}
		if f.DefValue != "" && f.DefValue != "0" && f.DefValue != "false" && f.DefValue != "[]" {
			usage += p.Sprint(msg.UsageDefault, f.DefValue)
		}
		fmt.Fprintf(w, "%s\n      %s\n", line, usage)
	})
}

// argsPrinter is the Printer for what a command says before it has read a
// site: the language of the site --source names in args (default the
// current folder), Chinese when there is none.
func argsPrinter(args []string) msg.Printer {
	root := "."
	for i, a := range args {
		name, value, hasValue := strings.Cut(strings.TrimLeft(a, "-"), "=")
		if !strings.HasPrefix(a, "-") || name != "source" {
			continue
		}
		if hasValue {
			root = value
		} else if i+1 < len(args) {
			root = args[i+1]
		}
	}
	return sitePrinter(root)
}

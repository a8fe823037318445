// Command dateline turns news stories into sourced, time-resolved
// knowledge. Each subcommand lives in its own file and registers itself
// with register; `dateline --help` lists them.
package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
)

// Exit statuses shared by all subcommands.
const (
	exitOK      = 0
	exitFailure = 1 // usage errors and fatal failures
	exitPartial = 2 // some records were skipped as malformed
)

// command is one subcommand.
type command struct {
	name    string
	summary string
	// run executes the command with its arguments (without the command
	// name) and returns the exit status.
	run func(args []string, stdout, stderr io.Writer) int
}

var commands = map[string]command{}

// register adds a subcommand; a duplicate name is a programming error
// caught by the tests.
func register(c command) {
	if _, dup := commands[c.name]; dup {
		panic("dateline: duplicate command " + c.name)
	}
	commands[c.name] = c
}

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		if len(args) > 1 && args[0] == "help" {
			return run([]string{args[1], "--help"}, stdout, stderr)
		}
		usage(stdout)
		if len(args) == 0 {
			return exitFailure
		}
		return exitOK
	}
	if args[0] == "--version" || args[0] == "version" {
		fmt.Fprintln(stdout, "dateline", version)
		return exitOK
	}
	c, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "dateline: unknown command %q\n\n", args[0])
		usage(stderr)
		return exitFailure
	}
	return c.run(args[1:], stdout, stderr)
}

// version is set at build time with -ldflags "-X main.version=...".
var version = "dev"

func usage(w io.Writer) {
	fmt.Fprint(w, `dateline: sourced, time-resolved knowledge from news stories

Usage:
  dateline COMMAND [flags] [arguments]

Commands:
`)
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-10s %s\n", n, commands[n].summary)
	}
	fmt.Fprint(w, `
Run 'dateline COMMAND --help' for a command's flags.
`)
}

// parseFlags parses args with fs, allowing flags after positional
// arguments ("dateline analyze story.txt --pretty"); "--" ends flags. It
// returns the positional arguments, or an error (flag.ErrHelp for -h).
func parseFlags(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		// fs.Parse stops at the first positional argument or after "--".
		consumed := len(args) - len(rest)
		if consumed > 0 && args[consumed-1] == "--" {
			return append(pos, rest...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// newFlagSet returns a flag set whose usage text starts with synopsis and
// a description, then lists the flags.
func newFlagSet(name, synopsis, description string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		w := fs.Output()
		fmt.Fprintf(w, "Usage: %s\n\n%s\n\nFlags:\n", synopsis, strings.TrimSpace(description))
		printFlags(w, fs)
	}
	return fs
}

// printFlags lists the flags GNU-style ("--layers string"), which is how
// the help text and the README write them; Go's flag package accepts both
// one and two dashes.
func printFlags(w io.Writer, fs *flag.FlagSet) {
	fs.VisitAll(func(f *flag.Flag) {
		name, usage := flag.UnquoteUsage(f)
		line := "  --" + f.Name
		if name != "" {
			line += " " + name
		}
		def := ""
		if f.DefValue != "" && f.DefValue != "false" && f.DefValue != "0" {
			def = fmt.Sprintf(" (default %q)", f.DefValue)
		}
		fmt.Fprintf(w, "%s\n        %s%s\n", line, usage, def)
	})
}

// flagStatus maps a flag parsing error to an exit status: -h is success
// (usage was printed to the flag set's output), anything else a usage
// error.
func flagStatus(err error) int {
	if errors.Is(err, flag.ErrHelp) {
		return exitOK
	}
	return exitFailure
}

package main

import (
	"fmt"
	"io"
	"sort"
)

// group is a command with sub-targets: `dateline eval TARGET`,
// `dateline train TARGET`, `dateline kb TARGET`. Each target registers
// itself from its own file.
type group struct {
	name    string
	targets map[string]command
}

var (
	evalGroup  = newGroup("eval", "measure accuracy against annotated data")
	trainGroup = newGroup("train", "rebuild a trained model from ../shared/data")
	kbGroup    = newGroup("kb", "build or inspect the knowledge base")
)

func newGroup(name, summary string) *group {
	g := &group{name: name, targets: map[string]command{}}
	register(command{name: name, summary: summary, run: g.run})
	return g
}

func (g *group) register(c command) {
	if _, dup := g.targets[c.name]; dup {
		panic("dateline: duplicate " + g.name + " target " + c.name)
	}
	g.targets[c.name] = c
}

func (g *group) run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		w, status := stdout, exitOK
		if len(args) == 0 {
			w, status = stderr, exitFailure
		}
		fmt.Fprintf(w, "Usage: dateline %s TARGET [flags] [arguments]\n\nTargets:\n", g.name)
		names := make([]string, 0, len(g.targets))
		for n := range g.targets {
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			fmt.Fprintf(w, "  %-10s %s\n", n, g.targets[n].summary)
		}
		fmt.Fprintf(w, "\nRun 'dateline %s TARGET --help' for a target's flags.\n", g.name)
		return status
	}
	t, ok := g.targets[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "dateline %s: unknown target %q (try 'dateline %s --help')\n", g.name, args[0], g.name)
		return exitFailure
	}
	return t.run(args[1:], stdout, stderr)
}

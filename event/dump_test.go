package event

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/dateline/dateline/doc"
)

// TestDumpReal prints the events of real stories for reading by hand:
// EVENT_DUMP names a file of stories separated by "\n\n=====\n\n"; they
// go through the real stages. Skipped unless EVENT_DUMP is set.
func TestDumpReal(t *testing.T) {
	path := os.Getenv("EVENT_DUMP")
	if path == "" {
		t.Skip("set EVENT_DUMP to a file of stories")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	p := fullPipeline(t)
	for i, txt := range strings.Split(string(b), "\n\n=====\n\n") {
		d := &doc.Document{ID: fmt.Sprint(i), Text: txt}
		_ = p.Run(d)
		fmt.Print(dumpDoc(d))
	}
}

// dumpDoc renders d's events with entity names and their sentences.
func dumpDoc(d *doc.Document) string {
	var b strings.Builder
	name := map[string]string{}
	for _, e := range d.Entities {
		name[e.ID] = e.Name
	}
	for _, e := range d.Events {
		fmt.Fprintf(&b, "%s %s/%s %q", d.ID, e.Type, e.Mode, d.Slice(e.Trigger))
		for _, p := range e.Participants {
			fmt.Fprintf(&b, " %s=%s", p.Role, name[p.Entity])
		}
		conf := ""
		if e.Confirmed != nil {
			conf = fmt.Sprintf(" confirmed=%v", *e.Confirmed)
		}
		fmt.Fprintf(&b, " [%s src=%s%s]\n    %s\n", e.Status, name[e.Source], conf, strings.ReplaceAll(d.Slice(e.Evidence), "\n", " "))
	}
	return b.String()
}

package event

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/dateline/dateline/doc"
)

func TestDumpReal(t *testing.T) {
	if os.Getenv("EVENT_DUMP") == "" {
		t.Skip()
	}
	p := fullPipeline(t)
	texts := strings.Split(os.Getenv("EVENT_DUMP"), "\x00")
	_ = texts
	b, _ := os.ReadFile(os.Getenv("EVENT_DUMP"))
	for i, txt := range strings.Split(string(b), "\n\n=====\n\n") {
		d := &doc.Document{ID: fmt.Sprint(i), Text: txt}
		_ = p.Run(d)
		fmt.Print(dumpDoc(d))
	}
}

func dumpDoc(d *doc.Document) string {
	var b strings.Builder
	name := map[string]string{}
	for _, e := range d.Entities {
		name[e.ID] = e.Name
	}
	for _, e := range d.Events {
		sent := d.Slice(e.Evidence)
		fmt.Fprintf(&b, "%s %s/%s %q", d.ID, e.Type, e.Mode, d.Slice(e.Trigger))
		for _, p := range e.Participants {
			fmt.Fprintf(&b, " %s=%s", p.Role, name[p.Entity])
		}
		fmt.Fprintf(&b, " [%s src=%s]\n    %s\n", e.Status, name[e.Source], strings.ReplaceAll(sent, "\n", " "))
	}
	return b.String()
}

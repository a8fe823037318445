package timex_test

import (
	"fmt"
	"strings"
	"time"

	"github.com/dateline/dateline/timex"
)

func Example() {
	tg, err := timex.For("de")
	if err != nil {
		fmt.Println(err)
		return
	}
	text := "Die für Anfang März geplanten Gespräche sollten den Weg ebnen, teilte Selenskyj am Mittwoch mit. Am Donnerstag wollen sie in Genf beraten."
	anchor := time.Date(2026, 2, 25, 0, 0, 0, 0, time.UTC) // the dateline's date
	for _, tx := range tg.Tag(text, anchor, nil) {
		fmt.Println(strings.TrimSpace(fmt.Sprintf("%-12s %-5s %s %s", text[tx.Start:tx.End], tx.Type, tx.Value, tx.Mod)))
	}
	// Output:
	// Anfang März  DATE  2026-03 START
	// Mittwoch     DATE  2026-02-25
	// Donnerstag   DATE  2026-02-26
}

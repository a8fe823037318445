package amount_test

import (
	"fmt"

	"github.com/dateline/dateline/amount"
)

func Example() {
	tg, err := amount.For("de")
	if err != nil {
		fmt.Println(err)
		return
	}
	text := "Die Kosten belaufen sich auf 588 Milliarden Dollar; Russland fordert die verbleibenden 20 Prozent und verlegt 3.000 Soldaten."
	for _, a := range tg.Tag(text) {
		fmt.Printf("%s: %g %s %q\n", text[a.Start:a.End], a.Value, a.Unit, a.Counted)
	}
	// Output:
	// 588 Milliarden Dollar: 5.88e+11 USD ""
	// 20 Prozent: 20 percent ""
	// 3.000 Soldaten: 3000 Soldaten "Soldaten"
}

package rules_test

import (
	"fmt"

	"github.com/dateline/dateline/rules"
)

func Example() {
	const file = `
table month fold
  januar   01
  februar  02
end
define Month  @month

rule day_month
  pattern  (\d\d?)\.\s?(%Month)
  value    XXXX-%month(2)-%(1)
  example  am [24. Februar] => XXXX-02-24
`
	set, err := rules.Parse("dates.txt", file, rules.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	text := "Am 24. Februar und am 3. Januar."
	set.Scan(text, 0, len(text), func(m rules.Match) {
		v, _ := set.Expand(&m, "value")
		fmt.Println(text[m.Start:m.End], "→", v)
	})
	_, err = rules.Parse("bad.txt", "rule r\n  pattern %Nope\n  example x\n", rules.Options{})
	fmt.Println(err)
	// Output:
	// 24. Februar → XXXX-02-24
	// 3. Januar → XXXX-01-3
	// bad.txt:2: rule r: unknown macro %Nope
}

package kb_test

import (
	"fmt"
	"time"

	"github.com/dateline/dateline/kb"
)

func Example() {
	k, err := kb.Default()
	if err != nil {
		panic(err)
	}
	for _, name := range []string{"Selenskyj", "Зеленський", "Kiew", "Kyiv"} {
		fmt.Printf("%-12s %-20s %s\n", name, kb.Key(name), k.Lookup(name)[0].ID)
	}
	day := time.Date(2026, 2, 25, 0, 0, 0, 0, time.UTC)
	fmt.Println(k.Holders("head_of_state", "US", day)[0].Name)
	fmt.Println(k.Adjective("russischen")[0].ID)
	// Output:
	// Selenskyj    selenski             dl:person:volodymyr-zelenskyy
	// Зеленський   selenski             dl:person:volodymyr-zelenskyy
	// Kiew         kiev                 geonames:703448
	// Kyiv         kiv                  geonames:703448
	// Donald Trump
	// iso3166:RU
}

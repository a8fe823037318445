package reader_test

import (
	"errors"
	"fmt"
	"io"
	"log"
	"strings"

	"github.com/dateline/dateline/reader"
)

// Read a record-format export with one bad record: the good ones are
// yielded, the bad one is reported, and reading goes on.
func Example() {
	input := ` date 2026-02-26 Kiew, 25. Feb (Reuters) - Selenskyj strebt ein Spitzentreffen an.

Die Gespräche sollen Anfang März stattfinden.
 date 2026-02-30 Ein Datum, das es nicht gibt.
 date 2026-02-27
Genf, 26. Feb (Reuters) - Die Gespräche haben begonnen.
`
	r, err := reader.Open("export.txt", strings.NewReader(input), reader.Options{Lang: "de"})
	if err != nil {
		log.Fatal(err)
	}
	for {
		d, err := r.Next()
		if err == io.EOF {
			break
		}
		var re *reader.RecordError
		if errors.As(err, &re) {
			fmt.Println("skipped:", re)
			continue
		}
		if err != nil {
			log.Fatal(err)
		}
		fmt.Printf("%v %s %s %q\n", d.Origin, d.Date.Format("2006-01-02"), d.ID, d.Text[:24])
	}
	// Output:
	// export.txt: record 1 (line 1) 2026-02-26 sha256:db24cdfa50408c5d "Kiew, 25. Feb (Reuters) "
	// skipped: export.txt: record 2 (line 4): bad date "2026-02-30": want YYYY-MM-DD or RFC 3339
	// export.txt: record 3 (line 5) 2026-02-27 sha256:b6a8550ced02f00a "Genf, 26. Feb (Reuters) "
}

// ReadSGML gives the raw elements of Reuters-21578, e.g. to compare a
// dateline parser with the <DATELINE> element.
func ExampleReadSGML() {
	const sgm = `<REUTERS NEWID="1"><DATE>26-FEB-1987 15:01:01.79</DATE>
<TEXT><TITLE>BAHIA COCOA REVIEW</TITLE>
<DATELINE>    SALVADOR, Feb 26 - </DATELINE><BODY>Showers continued throughout the week.
 Reuter
&#3;</BODY></TEXT>
</REUTERS>`
	err := reader.ReadSGML(strings.NewReader(sgm), func(s reader.SGMLStory) error {
		text, dateline := s.Text()
		fmt.Printf("%s %q\n%q\n", s.NewID, s.Dateline, text[dateline.Start:dateline.End])
		return nil
	})
	if err != nil {
		log.Fatal(err)
	}
	// Output:
	// 1 "    SALVADOR, Feb 26 - "
	// "SALVADOR, Feb 26 -"
}

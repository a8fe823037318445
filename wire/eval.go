package wire

import (
	"fmt"
	"io"
	"os"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/dateline/dateline/reader"
)

// Scores compares parsed datelines with the <DATELINE> elements of
// Reuters-21578.
type Scores struct {
	Stories      int // all <REUTERS> elements read
	WithDateline int // stories whose SGML has a non-empty <DATELINE>
	Found        int // of those, stories where the parser found a dateline
	PlaceOK      int // place agrees with the element
	DateOK       int // date agrees with the element (month, day and year)
	BothOK       int // place and date agree
	Spurious     int // datelines found in stories without a <DATELINE>
}

// Agreement is the share of stories with a <DATELINE> whose place and date
// both agree with it.
func (s Scores) Agreement() float64 {
	if s.WithDateline == 0 {
		return 0
	}
	return float64(s.BothOK) / float64(s.WithDateline)
}

// goldMonthDay finds "Feb 26" / "March 3" in a <DATELINE> element. It is
// deliberately independent of the parser's grammar.
var goldMonthDay = regexp.MustCompile(`(?i)\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(\d{1,2})\b`)

var goldMonths = map[string]time.Month{"jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
	"jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12}

// EvalReuters parses the dateline of every story in the Reuters-21578 SGML
// files and compares place and date with the <DATELINE> element: the gold
// place is the element's text before its first comma, the gold date its
// month and day with the year of <DATE>. Disagreements are written to
// errs (nil: not written).
func EvalReuters(files []string, errs io.Writer) (Scores, error) {
	p, err := New()
	if err != nil {
		return Scores{}, err
	}
	var sc Scores
	for _, name := range files {
		f, err := os.Open(name)
		if err != nil {
			return sc, err
		}
		err = reader.ReadSGML(f, func(st reader.SGMLStory) error {
			sc.Stories++
			text, _ := st.Text()
			ref, _ := time.Parse("2-Jan-2006", strings.Fields(st.Date + " x")[0])
			dl := p.Parse(text, ref)
			gold := strings.TrimSpace(st.Dateline)
			if gold == "" || !st.HasBody {
				if dl != nil {
					sc.Spurious++
				}
				return nil
			}
			sc.WithDateline++
			goldPlace := gold
			if i := strings.IndexByte(gold, ','); i >= 0 {
				goldPlace = gold[:i]
			}
			goldPlace = strings.Join(strings.Fields(strings.TrimRight(goldPlace, " -")), " ")
			var goldDate time.Time
			if m := goldMonthDay.FindStringSubmatch(gold); m != nil && !ref.IsZero() {
				day, _ := strconv.Atoi(m[2])
				goldDate = time.Date(ref.Year(), goldMonths[strings.ToLower(m[1])], day, 0, 0, 0, 0, time.UTC)
			}
			if dl == nil {
				if errs != nil {
					fmt.Fprintf(errs, "%s NEWID %s: missed %q\n", name, st.NewID, gold)
				}
				return nil
			}
			sc.Found++
			place := ""
			if len(dl.Places) > 0 {
				place = strings.Join(strings.Fields(text[dl.Places[0].Start:dl.Places[0].End]), " ")
			}
			placeOK := strings.EqualFold(place, goldPlace)
			dateOK := dl.Date.Equal(goldDate)
			if placeOK {
				sc.PlaceOK++
			}
			if dateOK {
				sc.DateOK++
			}
			if placeOK && dateOK {
				sc.BothOK++
			} else if errs != nil {
				fmt.Fprintf(errs, "%s NEWID %s: gold %q (place %q, date %s), got %q (place %q, date %s)\n",
					name, st.NewID, gold, goldPlace, goldDate.Format("2006-01-02"),
					text[dl.Start:dl.End], place, dl.Date.Format("2006-01-02"))
			}
			return nil
		})
		f.Close()
		if err != nil {
			return sc, fmt.Errorf("%s: %w", name, err)
		}
	}
	return sc, nil
}

// Report writes the scores as a table.
func (s Scores) Report(w io.Writer) {
	pct := func(a, b int) float64 {
		if b == 0 {
			return 0
		}
		return 100 * float64(a) / float64(b)
	}
	fmt.Fprintf(w, "stories read:              %d\n", s.Stories)
	fmt.Fprintf(w, "with a <DATELINE>:         %d\n", s.WithDateline)
	fmt.Fprintf(w, "dateline found:            %d (%.2f%%)\n", s.Found, pct(s.Found, s.WithDateline))
	fmt.Fprintf(w, "place agrees:              %d (%.2f%%)\n", s.PlaceOK, pct(s.PlaceOK, s.WithDateline))
	fmt.Fprintf(w, "date agrees:               %d (%.2f%%)\n", s.DateOK, pct(s.DateOK, s.WithDateline))
	fmt.Fprintf(w, "place and date agree:      %d (%.2f%%)\n", s.BothOK, pct(s.BothOK, s.WithDateline))
	fmt.Fprintf(w, "spurious (no <DATELINE>):  %d\n", s.Spurious)
}

package timex

import (
	"fmt"
	"testing"
	"time"
)

func TestResolve(t *testing.T) {
	wed := time.Date(2026, 2, 25, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name, v    string
		anchor     time.Time
		ref, sref  string
		tense      int
		want, anch string
	}{
		{"tomorrow", "@day+1", wed, "", "", 0, "2026-02-26", "2026-02-25"},
		{"this week", "@week+0", wed, "", "", 0, "2026-W09", "2026-02-25"},
		{"next month", "@month+1", wed, "", "", 0, "2026-03", "2026-02-25"},
		{"last quarter", "@quarter-1", wed, "", "", 0, "2025-Q4", "2026-02-25"},
		{"decade", "@decade+0", wed, "", "", 0, "202", "2026-02-25"},
		{"weekday evening", "@wd3TEV", wed, "", "", TensePast, "2026-02-25TEV", "2026-02-25"},
		{"march future", "@m03", wed, "", "", TenseFuture, "2026-03", "2026-02-25"},
		{"november past", "@m11", wed, "", "", TensePast, "2025-11", "2026-02-25"},
		{"december nearest", "@m12", wed, "", "", TenseUnknown, "2025-12", "2026-02-25"},
		{"month-day", "@md03-15", wed, "", "", TenseUnknown, "2026-03-15", "2026-02-25"},
		{"last march", "@m03<", wed, "", "", TenseUnknown, "2025-03", "2026-02-25"},
		{"quarter past", "@q3", wed, "", "", TensePast, "2025-Q3", "2026-02-25"},
		{"weekend past", "@wkend", wed, "", "", TensePast, "2026-W08-WE", "2026-02-25"},
		{"winter", "@sWI", wed, "", "", TenseUnknown, "2025-WI", "2026-02-25"},
		{"easter", "@easter+0", wed, "", "", TenseFuture, "2026-04-05", "2026-02-25"},
		{"good friday 2025", "@easter-2", wed, "", "", TensePast, "2025-04-18", "2026-02-25"},
		{"thanksgiving", "@nth11-4-4", wed, "", "", TensePast, "2025-11-27", "2026-02-25"},
		{"a year earlier, quarter", "@ryear-1", wed, "2025-Q3", "", 0, "2024-Q3", "2025-Q3"},
		{"a year earlier, day", "@ryear-1", wed, "2025-10-02", "", 0, "2024", "2025-10-02"},
		{"day after", "@rday+1", wed, "2025-10-02", "", 0, "2025-10-03", "2025-10-02"},
		{"a year later, season", "@ryear+1", wed, "2006-SU", "", 0, "2007", "2006-SU"},
		{"same year, month", "@ryear+0", wed, "2017-07", "", 0, "2017", "2017-07"},
		{"several years ago", "@year-X", wed, "", "", 0, "PAST_REF", "2026-02-25"},
		{"month in the stated year", "@md06-10", wed, "", "2016", TensePast, "2016-06-10", "2026-02-25"},
		{"quarter in the stated year", "@q2", wed, "", "2015-Q1", TenseFuture, "2015-Q2", "2026-02-25"},
		{"direction before stated year", "@m03<", wed, "", "2016", 0, "2025-03", "2026-02-25"},
		{"end of the stated year", "@tyear+0", wed, "", "2017-07", 0, "2017", "2017-07"},
		{"end of this year", "@tyear+0", wed, "2017-07", "", 0, "2026", "2026-02-25"},
		{"before Christ", "@year-2026", wed, "", "", 0, "BC0001", "2026-02-25"},
		{"unanchored weekday", "@wd3", time.Time{}, "", "", 0, "XXXX-WXX-3", ""},
		{"unanchored month", "@m03", time.Time{}, "", "", 0, "XXXX-03", ""},
		{"unanchored weekday date", "@md08-27w4", time.Time{}, "", "", 0, "XXXX-08-27", ""},
		{"weekday date, sentence year", "@md08-27w4", time.Date(1992, 8, 24, 0, 0, 0, 0, time.UTC), "", "2010", 0, "1992-08-27", "1992-08-24"},
		{"weekday date, fits", "@md02-27w5", wed, "", "", 0, "2026-02-27", "2026-02-25"},
		{"unanchored clock", "@day+0T09:00", time.Time{}, "", "", 0, "XXXX-XX-XXT09:00", ""},
		{"clock, no day named", "@thatdayT09:00", wed, "", "", 0, "2026-02-25T09:00", "2026-02-25"},
		{"unanchored clock, no day named", "@thatdayT09:00", time.Time{}, "", "", 0, "XXXX-XX-XXT09:00", ""},
		{"unanchored relative", "@day-1", time.Time{}, "", "", 0, "UNDEF-day-1", ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, anch := resolve(c.v, c.anchor, c.ref, c.sref, c.tense)
			if got != c.want || anch != c.anch {
				t.Errorf("resolve(%q) = %q, %q; want %q, %q", c.v, got, anch, c.want, c.anch)
			}
		})
	}
}

func TestNormalisers(t *testing.T) {
	cases := []struct {
		name string
		f    func(string) (string, bool)
		in   string
		want string
		ok   bool
	}{
		{"day2", day2, "3", "03", true},
		{"day2 bad", day2, "32", "", false},
		{"month2", month2, "12", "12", true},
		{"year4 short", year4, "98", "1998", true},
		{"year4 apostrophe", year4, "'22", "2022", true},
		{"decade", decade, "1990", "199", true},
		{"decade short", decade, "'80", "198", true},
		{"clock12 pm", clock12, "3:30 p.m.", "15:30", true},
		{"clock12 noon", clock12, "12 pm", "12:00", true},
		{"clock12 midnight", clock12, "12 a.m.", "00:00", true},
		{"clock12 bad", clock12, "13 pm", "", false},
		{"ungroup dots", ungroup, "10.000", "10000", true},
		{"ungroup commas", ungroup, "1,250,000", "1250000", true},
		{"ungroup mixed", ungroup, "1.250,000", "", false},
		{"ungroup decimal", ungroup, "1.25", "", false},
		{"ungroup plain", ungroup, "250", "", false},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, ok := c.f(c.in)
			if got != c.want || ok != c.ok {
				t.Errorf("got %q %v, want %q %v", got, ok, c.want, c.ok)
			}
		})
	}
}

func TestTagger_Tag(t *testing.T) {
	wed := time.Date(2026, 2, 25, 0, 0, 0, 0, time.UTC)
	cases := []struct {
		name, lang, text, want string
	}{
		{"de past weekday", "de", "Der Minister sagte am Montag, er trete zurück.", "Montag=2026-02-23"},
		{"de future weekday", "de", "Die Außenminister treffen sich am Freitag in Brüssel.", "Freitag=2026-02-27"},
		{"de date and time", "de", "Die Sitzung beginnt am 3. März um 10.30 Uhr.", "3. März=2026-03-03 | 10.30 Uhr=2026-03-03T10:30"},
		{"de duration", "de", "Der Krieg dauert seit vier Jahren.", "vier Jahren=P4Y"},
		{"de set", "de", "Er reist jeden Montag nach Brüssel.", "jeden Montag=XXXX-WXX-1"},
		{"de refs", "de", "Derzeit ist unklar, was künftig geschieht.", "Derzeit=PRESENT_REF | künftig=FUTURE_REF"},
		{"de Vorjahr", "de", "Im Vorjahr war der Umsatz höher.", "Vorjahr=2025"},
		{"de stated year", "de", "Die EM 2016 (10. Juni bis 10. Juli) war ein Erfolg.", "2016=2016 | 10. Juni=2016-06-10 | 10. Juli=2016-07-10"},
		{"de stated year, other clause", "de", "Das Gesetz war 2014 gekippt worden, im Jänner dachte sie an eine Wiedereinführung.", "2014=2014 | Jänner=2026-01"},
		{"de coordinated months", "de", "Von Februar bis September 2014 herrschte Krieg.", "Februar=2014-02 | September 2014=2014-09"},
		{"de coordinated months, relative year", "de", "Zwischen Juli und Oktober des vergangenen Jahres wurde nichts exportiert.", "Juli=2025-07 | Oktober des vergangenen Jahres=2025-10"},
		{"de month, then a year", "de", "Er hatte den Vertrag im Juni bis 2019 verlängert.", "Juni=2025-06 | 2019=2019"},
		{"de weekday and date", "de", "Die Band tritt am Dienstag (16. Februar 2027) auf.", "Dienstag=2027-02-16 | 16. Februar 2027=2027-02-16"},
		{"de weekday and other weekday's date", "de", "Die Band tritt am Mittwoch (16. Februar 2027) auf.", "Mittwoch=2026-02-25 | 16. Februar 2027=2027-02-16"},
		{"de coordinated day", "de", "Die Feier soll am 21. oder 22. September 2025 beginnen.", "21.=2025-09-21 | 22. September 2025=2025-09-22"},
		{"de day range, no date after", "de", "Sie wurden 3. und Vierte.", ""},
		{"de day range, invalid", "de", "vom 30. bis 2. Februar 2026", "2. Februar 2026=2026-02-02"},
		{"de quote then reporting verb", "de", "Das wird eng bis Sonntag, sagte der Trainer.", "Sonntag=2026-03-01"},
		{"de fronted date, reporting verb", "de", "Am Sonntag, sagte er, sei alles ruhig gewesen.", "Sonntag=2026-02-22"},
		{"en said weekday", "en", "The minister said Tuesday he would resign.", "Tuesday=2026-02-24"},
		{"en next", "en", "Talks will resume next Tuesday.", "next Tuesday=2026-03-03"},
		{"en quarter", "en", "Third-quarter profit rose 5% from a year earlier.", "Third-quarter=2025-Q3 | a year earlier=2024-Q3"},
		{"en early March", "en", "The summit is planned for early March.", "early March=2026-03"},
		{"en earlier this month", "en", "Prices fell earlier this month.", "earlier this month=2026-02"},
		{"en duration", "en", "The strike lasted two hours.", "two hours=PT2H"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			tg := mustTagger(t, c.lang)
			var got []string
			for _, tx := range tg.Tag(c.text, wed, nil) {
				got = append(got, c.text[tx.Start:tx.End]+"="+tx.Value)
			}
			if g := joinBar(got); g != c.want {
				t.Errorf("got  %q\nwant %q", g, c.want)
			}
		})
	}
}

func joinBar(s []string) string {
	out := ""
	for i, x := range s {
		if i > 0 {
			out += " | "
		}
		out += x
	}
	return out
}

func TestPadYMD(t *testing.T) {
	for _, n := range []int{0, 7, 42, 123, 2026, 12345, -5} {
		for _, w := range []int{2, 3, 4} {
			if got, want := pad(n, w), fmt.Sprintf("%0*d", w, n); got != want {
				t.Errorf("pad(%d, %d) = %q, want %q", n, w, got, want)
			}
		}
	}
	for _, d := range []time.Time{time.Date(2026, 2, 25, 0, 0, 0, 0, time.UTC), time.Date(7, 12, 1, 0, 0, 0, 0, time.UTC), time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC)} {
		if got, want := ymd(d), d.Format("2006-01-02"); got != want {
			t.Errorf("ymd(%v) = %q, want %q", d, got, want)
		}
	}
}

func TestSeasonYear(t *testing.T) {
	day := func(s string) time.Time { d, _ := time.Parse("2006-01-02", s); return d }
	for _, c := range []struct {
		anchor, code string
		dir, want    int
	}{
		{"2015-12-05", "SP", -1, 2015}, // "im vergangenen Frühjahr" in December
		{"2016-05-04", "SP", -1, 2015}, // ... in May: this spring is not over
		{"2016-06-01", "SP", -1, 2016},
		{"2026-02-25", "WI", -1, 2024}, // winter 2025/26 is not over
		{"2026-03-01", "WI", -1, 2025},
		{"2026-02-25", "FA", -1, 2025},
		{"2026-02-25", "SU", 1, 2026}, // "next summer" in February
		{"2026-07-10", "SU", 1, 2027}, // ... in July
		{"2026-12-01", "WI", 1, 2027},
		{"2026-11-30", "WI", 1, 2026},
	} {
		if got := seasonYear(day(c.anchor), c.code, c.dir); got != c.want {
			t.Errorf("seasonYear(%s, %s, %d) = %d, want %d", c.anchor, c.code, c.dir, got, c.want)
		}
	}
}

package timex

import (
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/dateline/dateline/rules"
)

// resolve turns an underspecified value (starting with '@') into a TimeML
// value against anchor (and ref, the last date mentioned; sref, the last
// explicit date of the sentence before the expression, or ""). It returns
// the value and the anchor used ("" when unresolved).
//
// A year sref states takes the place of the tense's year for a month,
// day, season, quarter or holiday without a year and without a direction
// of its own ("EM 2016 (10. Juni bis 10. Juli)").
func resolve(v string, anchor time.Time, ref, sref string, tense int) (string, string) {
	if strings.HasPrefix(v, thatDay) {
		// no day named before it: the anchor's
		v = "@day+0" + v[len(thatDay):]
	}
	body := v[1:]
	if anchor.IsZero() {
		return unresolved(body), ""
	}
	a := ymd(anchor)
	useRef := false
	if len(body) > 1 && body[0] == 'r' && body[1] != 'e' {
		useRef = true
		body = body[1:]
	}
	if len(body) > 1 && body[0] == 't' {
		// @tyear+0, @tmonth+0: the unit of the date the sentence stated
		// ("ab Juli 2017 bis Ende des Jahres"), else of the anchor
		body = body[1:]
		if sref != "" {
			useRef, ref = true, sref
		}
	}
	sy := 0
	if len(sref) >= 4 && isDigits(sref[:4]) {
		sy, _ = strconv.Atoi(sref[:4])
	}
	// inYear is yearFor with the sentence's year first
	inYear := func(m, d, dir int) int {
		if sy > 0 && dir == 0 {
			return sy
		}
		return yearFor(anchor, m, d, dir, tense)
	}
	// inPick is pickYear with the sentence's year first
	inPick := func(f func(y int) time.Time) time.Time {
		if sy > 0 {
			return f(sy)
		}
		return pickYear(anchor, tense, f)
	}
	switch {
	case strings.HasPrefix(body, "wkend"):
		sat := weekday(anchor, 6, 0, tense)
		if tense == TenseUnknown && anchor.Weekday() == time.Sunday {
			sat = anchor.AddDate(0, 0, -1)
		}
		y, w := sat.ISOWeek()
		return pad(y, 4) + "-W" + pad(w, 2) + "-WE" + body[5:], a
	case strings.HasPrefix(body, "s") && len(body) >= 3:
		// season by tense: @sSU
		code := body[1:3]
		// winter is named after the year it starts in (2025-WI: 2025/26)
		m := map[string]int{"SP": 4, "SU": 7, "FA": 10, "WI": 12}[code]
		if m == 0 {
			return unresolved(body), ""
		}
		rest, dir := dirSuffix(body[3:])
		var y int
		if dir != 0 {
			y = seasonYear(anchor, code, dir)
		} else {
			y = inYear(m, 0, dir)
		}
		return pad(y, 4) + "-" + code + rest, a
	case strings.HasPrefix(body, "easter"):
		off, rest := signedInt(body[6:])
		d := inPick(func(y int) time.Time { return easter(y).AddDate(0, 0, off) })
		return ymd(d) + rest, a
	case strings.HasPrefix(body, "nth"):
		// @nthMM-W-N: the N-th weekday W (1 = Monday) of month MM
		m, rest := leadingInt(body[3:])
		w, rest := leadingInt(strings.TrimPrefix(rest, "-"))
		n, rest := leadingInt(strings.TrimPrefix(rest, "-"))
		if m < 1 || m > 12 || w < 1 || w > 7 || n < 1 || n > 5 {
			return unresolved(body), ""
		}
		d := inPick(func(y int) time.Time { return nthWeekday(y, m, w, n) })
		return ymd(d) + rest, a
	case strings.HasPrefix(body, "wd"):
		n, rest, dir := numDir(body[2:])
		if strings.HasPrefix(rest, "+") {
			// looking ahead whatever the tense: "für Donnerstag"
			rest, tense = rest[1:], TenseFuture
		} else if strings.HasPrefix(rest, "-") {
			// looking back whatever the tense: "Angaben vom Donnerstag"
			rest, tense = rest[1:], TensePast
		}
		if n < 1 || n > 7 {
			return unresolved(body), ""
		}
		d := weekday(anchor, n, dir, tense)
		return ymd(d) + rest, a
	case strings.HasPrefix(body, "md"):
		m, rest := leadingInt(body[2:])
		if !strings.HasPrefix(rest, "-") {
			return unresolved(body), ""
		}
		day, rest2 := leadingInt(rest[1:])
		rest2, dir := dirSuffix(rest2)
		if m < 1 || m > 12 || day < 1 || day > 31 {
			return unresolved(body), ""
		}
		y := inYear(m, day, dir)
		if len(rest2) >= 2 && rest2[0] == 'w' && rest2[1] >= '1' && rest2[1] <= '7' {
			// a weekday names the date too: the year it fits, the one
			// chosen if it does, else the nearest to the anchor's
			y = weekdayYear(y, anchor.Year(), m, day, int(rest2[1]-'0'))
			rest2 = rest2[2:]
		}
		return pad(y, 4) + "-" + pad(int(m), 2) + "-" + pad(day, 2) + rest2, a
	case strings.HasPrefix(body, "m") && !strings.HasPrefix(body, "month"):
		m, rest, dir := numDir(body[1:])
		if m < 1 || m > 12 {
			return unresolved(body), ""
		}
		y := inYear(m, 0, dir)
		return pad(y, 4) + "-" + pad(int(m), 2) + rest, a
	case strings.HasPrefix(body, "q") && !strings.HasPrefix(body, "quarter"):
		q, rest, _ := numDir(body[1:])
		if tense == tenseSoon {
			tense = TenseFuture
		}
		if q < 1 || q > 4 {
			return unresolved(body), ""
		}
		y := anchor.Year()
		cur := (int(anchor.Month())-1)/3 + 1
		// News speaks of past quarters far more than of next year's:
		// a later quarter than the anchor's is last year's unless the
		// sentence looks ahead.
		if sy > 0 {
			y = sy
		} else if tense != TenseFuture && q > cur {
			y--
		}
		return pad(y, 4) + "-Q" + strconv.Itoa(q) + rest, a
	}
	units := []string{"day", "week", "month", "quarter", "half", "year", "decade", "century"}
	for _, u := range units {
		if !strings.HasPrefix(body, u) {
			continue
		}
		after := body[len(u):]
		if strings.HasPrefix(after, "-X") {
			return "PAST_REF", a
		}
		if strings.HasPrefix(after, "+X") {
			return "FUTURE_REF", a
		}
		n, rest := signedInt(after)
		if useRef && ref != "" {
			if s, ok := shiftRef(ref, u, n); ok {
				return s + rest, ref
			}
		}
		return shift(anchor, u, n) + rest, a
	}
	return unresolved(body), ""
}

func unresolved(body string) string {
	switch {
	case strings.HasPrefix(body, "easter"), strings.HasPrefix(body, "nth"):
		return "UNDEF-" + body
	case strings.HasPrefix(body, "wkend"):
		return "XXXX-WXX-WE"
	case strings.HasPrefix(body, "s") && len(body) >= 3:
		return "XXXX-" + body[1:3]
	case strings.HasPrefix(body, "wd"):
		n, rest, _ := numDir(body[2:])
		return fmt.Sprintf("XXXX-WXX-%d", n) + strings.TrimLeft(rest, "+-")
	case strings.HasPrefix(body, "md"):
		md := strings.TrimRight(body[2:], "<>")
		if i := strings.IndexByte(md, 'w'); i >= 0 && i+1 < len(md) {
			md = md[:i] + md[i+2:] // the weekday constraint
		}
		return "XXXX-" + strings.TrimRight(md, "<>")
	case strings.HasPrefix(body, "m") && !strings.HasPrefix(body, "month"):
		return "XXXX-" + strings.TrimRight(body[1:], "<>")
	case strings.HasPrefix(body, "q") && !strings.HasPrefix(body, "quarter"):
		return "XXXX-Q" + strings.TrimRight(body[1:], "<>")
	}
	for u, x := range map[string]string{"day": "XXXX-XX-XX", "week": "XXXX-WXX", "month": "XXXX-XX", "year": "XXXX"} {
		if strings.HasPrefix(body, u+"+0") {
			return x + body[len(u)+2:]
		}
	}
	return "UNDEF-" + body
}

func leadingInt(s string) (int, string) {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	n, _ := strconv.Atoi(s[:i])
	return n, s[i:]
}

func signedInt(s string) (int, string) {
	if s == "" || s[0] != '+' && s[0] != '-' {
		return 0, s
	}
	n, rest := leadingInt(s[1:])
	if s[0] == '-' {
		n = -n
	}
	return n, rest
}

// weekdayYear returns y when month m, day d of y falls on weekday wd (1 =
// Monday), else the year within ten of ay, nearest to it, where it does
// (y when none does).
func weekdayYear(y, ay, m, d, wd int) int {
	fits := func(y int) bool {
		t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
		return t.Day() == d && (int(t.Weekday())+6)%7+1 == wd
	}
	if fits(y) {
		return y
	}
	for k := 0; k <= 10; k++ {
		for _, c := range []int{ay - k, ay + k} {
			if fits(c) {
				return c
			}
		}
	}
	return y
}

// seasonYear returns the year of the last season code (SP, SU, FA, WI)
// that was over by the anchor (dir < 0: "im vergangenen Frühjahr" in May
// is last year's, in December this year's) or of the next one that had
// not begun (dir > 0: "next summer" in July is next year's). Seasons are
// the meteorological ones; winter Y runs from December Y to February Y+1.
func seasonYear(anchor time.Time, code string, dir int) int {
	first := map[string]int{"SP": 3, "SU": 6, "FA": 9, "WI": 12}[code]
	y := anchor.Year()
	if dir > 0 {
		if !time.Date(y, time.Month(first), 1, 0, 0, 0, 0, time.UTC).After(anchor) {
			y++
		}
		return y
	}
	// the first day after the season ends
	after := func(y int) time.Time { return time.Date(y, time.Month(first+3), 1, 0, 0, 0, 0, time.UTC) }
	for after(y).After(anchor) {
		y--
	}
	return y
}

func dirSuffix(s string) (string, int) {
	if strings.HasPrefix(s, "<") {
		return s[1:], -1
	}
	if strings.HasPrefix(s, ">") {
		return s[1:], 1
	}
	return s, 0
}

func numDir(s string) (int, string, int) {
	n, rest := leadingInt(s)
	rest, dir := dirSuffix(rest)
	return n, rest, dir
}

// weekday returns weekday n (1 = Monday) relative to anchor: dir < 0 the
// last one strictly before, dir > 0 the next strictly after; else by tense:
// past → on or before, future → on or after, unknown → the nearest.
func weekday(anchor time.Time, n, dir, tense int) time.Time {
	cur := int(anchor.Weekday())
	if cur == 0 {
		cur = 7
	}
	back := (cur - n + 7) % 7 // days back to the last n on or before anchor
	fwd := (n - cur + 7) % 7  // days forward to the next n on or after
	switch {
	case dir < 0:
		if back == 0 {
			back = 7
		}
		return anchor.AddDate(0, 0, -back)
	case dir > 0:
		if fwd == 0 {
			fwd = 7
		}
		return anchor.AddDate(0, 0, fwd)
	case tense == TensePast:
		return anchor.AddDate(0, 0, -back)
	case tense == TenseFuture:
		return anchor.AddDate(0, 0, fwd)
	}
	if back <= fwd {
		return anchor.AddDate(0, 0, -back)
	}
	return anchor.AddDate(0, 0, fwd)
}

// yearFor picks the year of month m for an expression without a year, as
// HeidelTime does for news, with a margin: the anchor's year, unless the
// tense points back to a month more than two months after the anchor's
// (then the previous year) or ahead to a month before it (the next year).
// Without tense the nearest year wins; tenseSoon takes the next, but the
// last when it was one or two months before. The day d (0: none) decides
// a direction within the anchor's month ("seit 28. September" on 30
// September: this year's).
func yearFor(anchor time.Time, m, d, dir, tense int) int {
	y := anchor.Year()
	diff := m - int(anchor.Month()) // > 0: later in the year than the anchor
	switch {
	case dir < 0:
		if diff > 0 || diff == 0 && (d == 0 || d >= anchor.Day()) {
			y--
		}
	case dir > 0:
		if diff < 0 || diff == 0 && (d == 0 || d <= anchor.Day()) {
			y++
		}
	case tense == TensePast:
		if diff > 2 {
			y--
		}
	case tense == TenseFuture:
		if diff < 0 {
			y++
		}
	case tense == tenseSoon:
		if behind := (12 - diff) % 12; behind >= 1 && behind <= 2 {
			if diff > 0 {
				y--
			}
		} else if diff < 0 {
			y++
		}
	default:
		if diff > 6 {
			y--
		} else if diff < -6 {
			y++
		}
	}
	return y
}

func shift(a time.Time, unit string, n int) string {
	switch unit {
	case "day":
		return ymd(a.AddDate(0, 0, n))
	case "week":
		y, w := a.AddDate(0, 0, 7*n).ISOWeek()
		return pad(y, 4) + "-W" + pad(w, 2)
	case "month":
		t := time.Date(a.Year(), a.Month()+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
		return pad(t.Year(), 4) + "-" + pad(int(t.Month()), 2)
	case "quarter":
		q := a.Year()*4 + (int(a.Month())-1)/3 + n
		return fmt.Sprintf("%04d-Q%d", floorDiv(q, 4), q-4*floorDiv(q, 4)+1)
	case "half":
		h := a.Year()*2 + (int(a.Month())-1)/6 + n
		return fmt.Sprintf("%04d-H%d", floorDiv(h, 2), h-2*floorDiv(h, 2)+1)
	case "year":
		if y := a.Year() + n; y < 1 {
			// before Christ, HeidelTime's way: 1 BC is year 0
			return "BC" + pad(1-y, 4)
		}
		return pad(a.Year()+n, 4)
	case "decade":
		return pad(a.Year()/10+n, 3)
	case "century":
		return pad(a.Year()/100+n, 2)
	}
	return ""
}

func floorDiv(a, b int) int {
	q := a / b
	if a%b != 0 && (a < 0) != (b < 0) {
		q--
	}
	return q
}

// shiftRef shifts a previously mentioned value. Day values shift by days,
// months and years keep the reference's granularity when coarser.
func shiftRef(ref, unit string, n int) (string, bool) {
	if len(ref) < 4 || !isDigits(ref[:4]) {
		return "", false
	}
	y, _ := strconv.Atoi(ref[:4])
	switch unit {
	case "day":
		t, err := time.Parse("2006-01-02", ref)
		if err != nil {
			return "", false
		}
		return ymd(t.AddDate(0, 0, n)), true
	case "year":
		rest := ref[4:]
		if !strings.HasPrefix(rest, "-Q") && !strings.HasPrefix(rest, "-H") {
			// a day, month or season: a year later is the year; a
			// quarter a year earlier is that quarter (financial news)
			rest = ""
		}
		return pad(y+n, 4) + rest, true
	case "month":
		if len(ref) >= 7 && isDigits(ref[5:7]) {
			m, _ := strconv.Atoi(ref[5:7])
			t := time.Date(y, time.Month(m)+time.Month(n), 1, 0, 0, 0, 0, time.UTC)
			return pad(t.Year(), 4) + "-" + pad(int(t.Month()), 2), true
		}
	}
	return "", false
}

// Number parses a cardinal written in digits or as a word of the set's
// "num" table ("zwei", "two", "dozen"), returning its integer value as a
// string. Digits may be grouped by thousands with one separator, '.' or
// ',' ("10.000", "10,000"); which one a language uses is its rules'
// business. Compounds of table words joined by "und"/"-"
// ("einundzwanzig", "twenty-one") are summed.
func Number(set *rules.Set, s string) (string, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return "", false
	}
	if g, ok := ungroup(s); ok {
		s = g
	}
	if isDigits(s) {
		n, err := strconv.Atoi(s)
		if err != nil {
			return "", false
		}
		return strconv.Itoa(n), true
	}
	if v, ok := set.Lookup("num", s); ok {
		return v, true
	}
	ls := strings.ToLower(s)
	for _, sep := range []string{"-", "und", " "} {
		if a, b, ok := strings.Cut(ls, sep); ok && a != "" && b != "" {
			x, ok1 := set.Lookup("num", a)
			y, ok2 := set.Lookup("num", b)
			if ok1 && ok2 {
				xi, _ := strconv.Atoi(x)
				yi, _ := strconv.Atoi(y)
				return strconv.Itoa(xi + yi), true
			}
		}
	}
	return "", false
}

// ungroup removes the thousands separators of s ("10.000" → "10000"):
// one to three digits, then groups of three after the same separator.
func ungroup(s string) (string, bool) {
	i := 0
	for i < len(s) && i < 4 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i > 3 || i == len(s) || s[i] != '.' && s[i] != ',' {
		return "", false
	}
	sep := s[i]
	out := []byte(s[:i])
	for rest := s[i:]; rest != ""; rest = rest[4:] {
		if len(rest) < 4 || rest[0] != sep || !isDigits(rest[1:4]) {
			return "", false
		}
		out = append(out, rest[1:4]...)
	}
	return string(out), true
}

func day2(s string) (string, bool) {
	n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(s), "."))
	if err != nil || n < 1 || n > 31 {
		return "", false
	}
	return pad(n, 2), true
}

// week2 is an ISO week number (1 to 53) with two digits.
func week2(s string) (string, bool) {
	n, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(s), "."))
	if err != nil || n < 1 || n > 53 {
		return "", false
	}
	return pad(n, 2), true
}

func month2(s string) (string, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 1 || n > 12 {
		return "", false
	}
	return pad(n, 2), true
}

// year4 expands two-digit years ('98 → 1998, 22 → 2022; below 50 is 20xx).
func year4(s string) (string, bool) {
	s = strings.TrimLeft(strings.TrimSpace(s), "'’")
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return "", false
	}
	if len(s) <= 2 {
		if n < 50 {
			n += 2000
		} else {
			n += 1900
		}
	}
	return pad(n, 4), true
}

// bcYear writes a year before the common era as TimeML does: "1330" →
// "BC1330", "753" → "BC0753".
func bcYear(s string) (string, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 1 || n > 9999 {
		return "", false
	}
	return "BC" + pad(n, 4), true
}

// decade turns "1990", "90", "'90" into the TimeML decade "199".
func decade(s string) (string, bool) {
	s = strings.TrimLeft(strings.TrimSpace(s), "'’")
	if len(s) == 4 && isDigits(s) {
		return s[:3], true
	}
	if len(s) == 2 && isDigits(s) {
		if s[0] >= '3' {
			return "19" + s[:1], true
		}
		return "20" + s[:1], true
	}
	return "", false
}

func ordinalDigits(s string) (string, bool) {
	s = strings.TrimSpace(s)
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 {
		return "", false
	}
	return s[:i], true
}

// clock converts a 12-hour clock hour to 24 hours: add is 0 for a.m.
// (12 a.m. is 00) and 12 for p.m. (12 p.m. is 12).
func clock(s string, add int) (string, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil || n < 1 || n > 12 {
		return "", false
	}
	n %= 12
	return pad(n+add, 2), true
}

// clock12 turns "9 a.m.", "10:35 p.m. EST", "9pm" into "09:00", "22:35",
// "21:00".
func clock12(s string) (string, bool) {
	s = strings.TrimSpace(s)
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	h, err := strconv.Atoi(s[:i])
	if err != nil || h < 1 || h > 12 {
		return "", false
	}
	min := "00"
	rest := s[i:]
	if strings.HasPrefix(rest, ":") && len(rest) >= 3 && isDigits(rest[1:3]) {
		min, rest = rest[1:3], rest[3:]
		if min > "59" {
			return "", false
		}
	}
	rest = strings.TrimSpace(rest)
	h %= 12
	switch {
	case strings.HasPrefix(rest, "p") || strings.HasPrefix(rest, "P"):
		h += 12
	case strings.HasPrefix(rest, "a") || strings.HasPrefix(rest, "A"):
	default:
		return "", false
	}
	return pad(h, 2) + ":" + min, true
}

// easter returns Easter Sunday of year y (Gregorian; the anonymous
// algorithm of Meeus/Jones/Butcher).
func easter(y int) time.Time {
	a := y % 19
	b, c := y/100, y%100
	d, e := b/4, b%4
	f := (b + 8) / 25
	g := (b - f + 1) / 3
	h := (19*a + b - d - g + 15) % 30
	i, k := c/4, c%4
	l := (32 + 2*e + 2*i - h - k) % 7
	m := (a + 11*h + 22*l) / 451
	month := (h + l - 7*m + 114) / 31
	day := (h+l-7*m+114)%31 + 1
	return time.Date(y, time.Month(month), day, 0, 0, 0, 0, time.UTC)
}

// nthWeekday returns the n-th weekday w (1 = Monday) of month m in year y.
func nthWeekday(y, m, w, n int) time.Time {
	first := time.Date(y, time.Month(m), 1, 0, 0, 0, 0, time.UTC)
	wd := int(first.Weekday())
	if wd == 0 {
		wd = 7
	}
	return first.AddDate(0, 0, (w-wd+7)%7+7*(n-1))
}

// pickYear chooses among a yearly date's occurrences around the anchor:
// the last on or before it in the past tense, the next on or after it in
// the future tense, else the nearest.
func pickYear(anchor time.Time, tense int, f func(y int) time.Time) time.Time {
	y := anchor.Year()
	prev, cur, next := f(y-1), f(y), f(y+1)
	switch tense {
	case TensePast:
		if cur.After(anchor) {
			return prev
		}
		return cur
	case TenseFuture:
		if cur.Before(anchor) {
			return next
		}
		return cur
	}
	best := cur
	for _, c := range []time.Time{prev, next} {
		if absDays(c.Sub(anchor)) < absDays(best.Sub(anchor)) {
			best = c
		}
	}
	return best
}

func absDays(d time.Duration) time.Duration {
	if d < 0 {
		return -d
	}
	return d
}

// pad formats n in decimal with at least width digits, as
// fmt.Sprintf("%0*d", width, n) does.
func pad(n, width int) string {
	if n < 0 {
		return fmt.Sprintf("%0*d", width, n)
	}
	var buf [20]byte
	b := strconv.AppendInt(buf[:0], int64(n), 10)
	if len(b) >= width {
		return string(b)
	}
	var out [20]byte
	k := width - len(b)
	for i := range k {
		out[i] = '0'
	}
	copy(out[k:], b)
	return string(out[:width])
}

// ymd formats t's date as 2006-01-02.
func ymd(t time.Time) string {
	y, m, d := t.Date()
	if y < 0 || y > 9999 {
		return t.Format("2006-01-02")
	}
	b := [10]byte{byte('0' + y/1000), byte('0' + y/100%10), byte('0' + y/10%10), byte('0' + y%10), '-',
		byte('0' + int(m)/10), byte('0' + int(m)%10), '-', byte('0' + d/10), byte('0' + d%10)}
	return string(b[:])
}

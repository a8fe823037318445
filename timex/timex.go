// Package timex finds time expressions in German and English news text and
// normalises them to TimeML (TIMEX3) values: dates (2026-02-26, 2026-03,
// 2026-W09, 2026-Q1), times (2026-02-25TEV, 2026-02-25T14:30), durations
// (P4Y, PT2H), sets (XXXX-WXX-1) and the references PRESENT_REF, PAST_REF
// and FUTURE_REF.
//
// The rules are data: lang/<code>/numbers.txt and lang/<code>/timex.txt,
// in the format of package rules. A rule's value template may produce an
// underspecified value that this package resolves against the anchor:
//
//	@day+N @week+N @month+N @year+N @quarter+N @decade+N   anchor shifted by N units,
//	                                                        written at that granularity
//	@wdN   weekday N (1 = Monday) nearest the anchor in the sentence's tense;
//	@wkend the weekend (2026-W09-WE) the tense points to
//	@sSU   season SP, SU, FA, WI in the year the tense points to
//	@wdN<  the last one before the anchor; @wdN> the next one after it;
//	       @wdN+ on or after the anchor, @wdN- on or before it, whatever
//	       the tense
//	@mMM, @mdMM-DD  month (and day) in the year the tense points to; < and > as above
//	@qN    quarter N of the year the tense points to
//	@easter+N       N days after Easter Sunday (Karfreitag: @easter-2)
//	@nthMM-W-N      the N-th weekday W of month MM (Thanksgiving: @nth11-4-4)
//	@rday+N @rmonth+N @ryear+N   like @day..., relative to the last date the
//	                             story mentioned (re-anchoring), else the anchor
//	@tyear+0 @tmonth+0  the year (month) of the last date the sentence
//	                    stated with its year before ("ab Juli 2017 bis
//	                    [Ende des Jahres]"), else the anchor's
//	@coordDD  day DD of the month and year of the date that follows the
//	          rule's match at once (white space aside): "am [21.] oder
//	          22. September", "vom [10.] bis 12. Juni"; without one the
//	          expression is dropped
//	@coordTHH:MM  the same for a clock time: the day of the time that
//	          follows ("zwischen [06.35] und 08.10 Uhr")
//	@thatdayT...  a time of the day a date of the same or the previous
//	          sentence named ("am Samstag ... um [15.30 Uhr]"), else of
//	          the anchor's day; "@day+0T..." is always the anchor's
//	          ("[tonight]")
//
// Anything after the relative part is appended (@wd3TEV → 2026-02-25TEV).
// The anchor is the dateline's date, else the publication date; without
// either, relative values stay unresolved: XXXX-03, XXXX-WXX-3 or
// UNDEF-day-1 (HeidelTime's convention), with Anchor empty.
//
// Tense comes from the words of the sentence around the expression (the
// nearest word of the language's past or future table), so "teilte ... am
// Mittwoch mit" looks back and "Am Donnerstag wollen ..." looks ahead.
// A year stated before the expression in the same clause (no comma,
// semicolon or closing parenthesis between: not "(base 100 for 1976)
// rose ... in February") comes first: "die EM 2016 (10. Juni bis 10. Juli)"
// is in 2016 whatever the tense (months, days, seasons, quarters and
// holidays without a direction of their own). A date right after an
// expression corrects it: a month, day or season whose year came from
// the tense takes the year of a date coordinated with it by a word of
// the language's coord table ("von Februar bis September 2014"), and a
// weekday the date in apposition when its weekday agrees ("am Dienstag
// (16. Februar)").
//
// Durations use TimeML's form: PT2H for two hours (ISO 8601 needs the T
// before time units), P4Y for four years.
package timex

import (
	"bytes"
	"fmt"
	"path"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dateline/dateline/doc"
	"github.com/dateline/dateline/internal/fold"
	"github.com/dateline/dateline/lang"
	"github.com/dateline/dateline/pipeline"
	"github.com/dateline/dateline/rules"
	"github.com/dateline/dateline/segment"
)

// Tagger tags the time expressions of one language. It is safe for
// concurrent use.
type Tagger struct {
	Lang string
	set  *rules.Set
	// affixes from the tenseaffix table: prefix, suffix, tense; byLast
	// holds them by the last byte of the word they can match (file order)
	affixes []affix
	byLast  [256][]affix
	// words holds the past and future tables in one: tensePast,
	// tenseReport or tenseFuture (past wins over future, as looked up)
	words map[string]int8
	// auxBefore and auxAfter (the tenseaux table) are words that make a
	// past participle next to them no past marker: "would [be] paid",
	// "ausgeschrieben [werden]"
	auxBefore, auxAfter map[string]bool
	// subord (the subordinator table) holds the words that open a
	// subordinate clause after a comma ("dass"): a tense marker before
	// such a comma belongs to the clause before the expression's
	subord map[string]bool
	// konj (the konjunktiv table) holds present forms of reported speech
	// (Konjunktiv I: "sei", "habe", "rechne"), whose clause a reporting
	// verb after a comma does not date
	konj map[string]bool
	// generic (the generic table) maps a deictic word to the value it
	// takes when read as "nowadays" ("heute" PRESENT_REF); genericCue
	// (the genericcue table) holds the words that set the present against
	// a past ("damals", "Jahrhundert") and so make that reading
	generic map[string]string
	// coord (the coord table, nil when the language has none) holds the
	// words that join coordinated dates ("und", "bis")
	coord      *rules.Table
	genericCue map[string]bool
	// schedule (the schedule table, nil when the language has none)
	// holds the words that join the weekdays and clock times of a
	// timetable ("bis", "um"), "from" for those that may open it ("von")
	schedule *rules.Table
	// dayAfter (the dayafter table, nil when the language has none) holds
	// the joins after which a bare day takes the month of the date before
	// it ("April 14[-27]", "July 5 [and 20]"): value "tight" for a join
	// written without spaces, "word" for one between spaces; dayStop
	// (the dayafterstop table) the words after which the number is no
	// day ("March 3 and 4 [pct]")
	dayAfter *rules.Table
	dayStop  map[string]bool
	// rangeBack (the rangeback table) holds the joins after which a bare
	// number takes the unit of the duration that follows: "[sieben] bis
	// acht Stunden", "[two] and three months"
	rangeBack map[string]bool
	// ageCue (the agecue table) holds the words after a duration that
	// make it an age ("46 Jahre alt"), which lends no unit
	ageCue map[string]bool
	// prospect (the prospect table) holds the nouns of a date things are
	// due on, which looks ahead whatever the verb: "for delivery on
	// [July 5]", "for [April 15]-30 shipment"
	prospect map[string]string
	months   *rules.Table
	// moveVerb (the moveverb table) holds the verbs that set or move a
	// date, which then lies ahead whatever the tense: "auf [9. Juni]
	// vertagt", "für [Donnerstag] angesetzt"; movePrep (movePrep) the
	// prepositions before such a date
	moveVerb, movePrep map[string]bool
	// defaultTense is assumed when a sentence shows none (the "unmarked"
	// entry of the tenseaffix table): German news tells past events in
	// the perfect or preterite, so an unmarked present looks ahead.
	defaultTense int
	// the past and future tables (nil when the language has none)
	past, future *rules.Table
	// seg tokenizes for Tag (nil: the language has no tokenizer data)
	seg *segment.Segmenter
}

type affix struct {
	pre, suf   string
	preB, sufB []byte
	tense      int
}

// Word markers of tense (Tagger.words).
const (
	tensePast = iota + 1
	tenseReport
	tenseFuture
	// tenseNone: a word of the past table with the value "none", which
	// its shape would make a marker ("gehört" is no participle)
	tenseNone
)

// thatDay starts the value of a time of the day last named (@thatdayT...).
const thatDay = "@thatday"

// Tense of a sentence as far as the tagger can tell.
const (
	TenseUnknown = 0
	TensePast    = -1
	TenseFuture  = 1
	// tenseSoon is the unmarked future of a month or quarter: the next
	// one, but a month one or two before the anchor's is the last one
	// ("Konsequenz aus Anschlägen Mitte November" in January)
	tenseSoon = 2
)

var attrs = []string{"type", "value", "mod", "extent", "quant", "freq", "check"}

// Files returns the rule files of language code, in load order.
func Files(code string) []string {
	return []string{path.Join(code, "numbers.txt"), path.Join(code, "timex.txt")}
}

// New loads the tagger for language code ("de", "en") from the embedded
// language data.
func New(code string) (*Tagger, error) {
	t := &Tagger{Lang: code}
	var set *rules.Set
	funcs := map[string]rules.Func{
		"day2":   day2,
		"week2":  week2,
		"month2": month2,
		"year4":  year4,
		"decade": decade,
		"upper":  func(s string) (string, bool) { return strings.ToUpper(s), true },
		"ordnum": func(s string) (string, bool) { return ordinalDigits(s) },
		"number": func(s string) (string, bool) {
			if set == nil {
				return "", false
			}
			return Number(set, s)
		},
		"amhour":  func(s string) (string, bool) { return clock(s, 0) },
		"pmhour":  func(s string) (string, bool) { return clock(s, 12) },
		"clock12": clock12,
		"bcyear":  bcYear,
		"century": func(s string) (string, bool) {
			n, err := strconv.Atoi(s)
			if err != nil || n < 1 {
				return "", false
			}
			return fmt.Sprintf("%02d", n-1), true
		},
	}
	set, err := rules.Load(lang.FS(), rules.Options{Funcs: funcs, Attrs: attrs, Required: []string{"type", "value"}, LooseSpace: true}, Files(code)...)
	if err != nil {
		return nil, fmt.Errorf("timex: %w", err)
	}
	t.set = set
	if seg, err := segment.New(code); err == nil {
		t.seg = seg
	}
	t.past, t.future = set.Tables["past"], set.Tables["future"]
	if tb, ok := set.Tables["tenseaffix"]; ok {
		for _, k := range tb.Keys {
			if k == "unmarked" {
				t.defaultTense = tenseOf(tb.Value[k])
				continue
			}
			pre, suf, _ := strings.Cut(strings.ToLower(k), "*")
			t.affixes = append(t.affixes, affix{pre, suf, []byte(pre), []byte(suf), tenseOf(tb.Value[strings.ToLower(k)])})
		}
	}
	for _, a := range t.affixes {
		for c := range t.byLast {
			if a.suf == "" || a.suf[len(a.suf)-1] == byte(c) {
				t.byLast[c] = append(t.byLast[c], a)
			}
		}
	}
	t.auxBefore = keysOf(set, "tenseaux", func(v string) bool { return v == "before" })
	t.auxAfter = keysOf(set, "tenseaux", func(v string) bool { return v == "after" })
	t.subord = keysOf(set, "subordinator", func(v string) bool { return v != "" })
	t.konj = keysOf(set, "konjunktiv", func(v string) bool { return v != "" })
	t.genericCue = keysOf(set, "genericcue", func(v string) bool { return v != "" })
	t.coord = set.Tables["coord"]
	t.schedule = set.Tables["schedule"]
	t.dayAfter = set.Tables["dayafter"]
	if rb := keysOf(set, "rangeback", func(v string) bool { return v != "" }); len(rb) > 0 {
		t.rangeBack = rb
		t.ageCue = keysOf(set, "agecue", func(v string) bool { return v != "" })
	}
	t.dayStop = keysOf(set, "dayafterstop", func(v string) bool { return v != "" })
	if v := keysOf(set, "moveverb", func(v string) bool { return v != "" }); len(v) > 0 {
		t.moveVerb = v
		t.movePrep = keysOf(set, "moveprep", func(v string) bool { return v != "" })
	}
	if tb, ok := set.Tables["prospect"]; ok {
		t.prospect = tb.Value
		t.months = set.Tables["month"]
	}
	if tb, ok := set.Tables["generic"]; ok {
		t.generic = tb.Value
	}
	t.words = map[string]int8{}
	if t.future != nil {
		for k, v := range t.future.Value {
			if v != "" {
				t.words[k] = tenseFuture
			}
		}
	}
	if t.past != nil {
		for k, v := range t.past.Value {
			switch {
			case v == "report":
				t.words[k] = tenseReport
			case v == "none":
				t.words[k] = tenseNone
			case v != "":
				t.words[k] = tensePast
			}
		}
	}
	return t, nil
}

// keysOf returns the keys of table name whose value keep accepts (nil
// when the language has no such table).
func keysOf(set *rules.Set, name string, keep func(v string) bool) map[string]bool {
	tb, ok := set.Tables[name]
	if !ok {
		return nil
	}
	out := map[string]bool{}
	for k, v := range tb.Value {
		if keep(v) {
			out[k] = true
		}
	}
	return out
}

func tenseOf(s string) int {
	switch s {
	case "past":
		return TensePast
	case "future":
		return TenseFuture
	}
	return TenseUnknown
}

// Rules returns the tagger's rule set (for tests and tools).
func (t *Tagger) Rules() *rules.Set { return t.set }

var cache = lang.NewCache(New)

// For returns the shared tagger of a language, loading it on first use.
func For(code string) (*Tagger, error) { return cache.For(code) }

// Tag finds and normalises the time expressions of text. anchor is the
// date relative expressions resolve against (zero: leave them
// unresolved); sents are the sentence spans used for tense (nil: Tag
// splits the sentences itself). The result is in text order, spans on
// rune boundaries, not overlapping.
//
// Expressions start where tokens start (or after a hyphen or slash
// inside one), never inside a number: Tag tokenizes the text first, as
// the pipeline does, so the two agree.
func (t *Tagger) Tag(text string, anchor time.Time, sents []doc.Span) []doc.Timex {
	if t.seg == nil {
		return t.tag(text, anchor, sents, func(emit func(rules.Match)) { t.set.Scan(text, 0, len(text), emit) })
	}
	toks := t.seg.Tokens(text, nil)
	if sents == nil {
		for _, s := range t.seg.Sentences(text, toks, nil) {
			sents = append(sents, s.Span)
		}
	}
	return t.TagTokens(text, anchor, sents, toks)
}

// TagTokens is Tag with the text's tokens given (the pipeline's way).
func (t *Tagger) TagTokens(text string, anchor time.Time, sents []doc.Span, toks []doc.Token) []doc.Timex {
	return t.tag(text, anchor, sents, func(emit func(rules.Match)) { t.set.ScanTokens(text, toks, emit) })
}

func (t *Tagger) tag(text string, anchor time.Time, sents []doc.Span, scan func(func(rules.Match))) []doc.Timex {
	var out []doc.Timex
	ref, qref := "", ""
	dayRef, dayRefEnd := "", -1 // last day-level date and where it ended
	anchorDay := ""
	if !anchor.IsZero() {
		ref = ymd(anchor)
		anchorDay = ref
	}
	// the last date stated with its year and the start of its sentence
	sref, srefSent, srefEnd := "", -1, 0
	type pending struct{ k, n int }
	// st holds what the story has said so far that the rarer cases need
	// (in one variable: the closure below makes it one allocation):
	// given, the year the story last gave each month (1-12) and quarter
	// (13-16), 0 for none; implied, the tense the last expression that had
	// one of its own (a marker, a direction, a date before or after the
	// anchor) implies, and impliedEnd, where it ended; named, whether the
	// story has named a month (or a finer date): before, "Vormonat" waits
	// in ahead for the first month the story names ("Bestellungen sanken
	// zum Vormonat. ... im August ...")
	var st struct {
		given               [17]int
		implied, impliedEnd int
		named               bool
		ahead               []pending
		// sched: a weekday, weekend or set was tagged, so the story may
		// hold a timetable (Tagger.schedules)
		sched bool
	}
	st.implied, st.impliedEnd = TenseUnknown, -1
	// a bare day waiting for the date after it (@coordDD): its index in
	// out and where its match ended
	coord, coordEnd, dropped := -1, 0, 0
	settle := func(next *doc.Timex) {
		if coord < 0 {
			return
		}
		c := &out[coord]
		coord = -1
		if next != nil && isDayValue(next.Value) && strings.TrimSpace(text[coordEnd:next.Start]) == "" {
			if rest := c.Value[len("@coord"):]; strings.HasPrefix(rest, "T") {
				// a clock time: the day of the time after it ("zwischen
				// 06.35 und 08.10 Uhr")
				if len(next.Value) > 10 && next.Value[10] == 'T' {
					c.Type, c.Value, c.Anchor = "TIME", next.Value[:10]+rest, next.Anchor
					return
				}
			} else {
				v := next.Value[:8] + rest
				if _, err := time.Parse("2006-01-02", v); err == nil || v[:4] == "XXXX" {
					c.Value, c.Anchor = v, next.Anchor
					return
				}
			}
		}
		c.Value = ""
		dropped++
	}
	// the expression just emitted, when its year came from the tense
	// (@m, @md, @s) or it is a weekday (@wdN): a date right after it
	// can correct it
	tensed, wd := false, 0
	emit := func(tx doc.Timex, val string) {
		settle(&tx)
		if n := len(out); n > 0 && (tensed || wd > 0) && out[n-1].End <= tx.Start {
			p, gap := &out[n-1], text[out[n-1].End:tx.Start]
			if tensed && (explicitYear(tx.Type, val) || strings.HasPrefix(val, "@") && !needsTense(val)) && len(tx.Value) > 4 && isDigits(tx.Value[:4]) && len(p.Value) >= 4 && isDigits(p.Value[:4]) && t.coord != nil {
				// "im Juni und August 2015", "zwischen Juli und Oktober
				// des vergangenen Jahres": the year of the date it is
				// coordinated with, stated or counted without tense (a
				// month or finer: not "im Juni bis 2019 verlängert")
				if _, ok := t.coord.Lookup(strings.TrimSpace(gap)); ok {
					p.Value = tx.Value[:4] + p.Value[4:]
				}
			}
			if tensed && isMonthValue(p.Value) && isMonthValue(tx.Value) && p.Value > tx.Value && t.coord != nil {
				// a range runs forwards: "Jänner bis März" in February,
				// looking ahead, is this January to March, not next
				// January; "Dezember bis Februar 2016" starts in 2015
				if _, ok := t.coord.Lookup(strings.TrimSpace(gap)); ok {
					y, _ := strconv.Atoi(tx.Value[:4])
					if p.Value[5:7] > tx.Value[5:7] {
						y--
					}
					p.Value = pad(y, 4) + p.Value[4:]
				}
			}
			if wd > 0 && isDayValue(tx.Value) && tx.Value[:4] != "XXXX" && len(p.Value) >= 10 && strings.Trim(gap, " (,") == "" {
				// "am Dienstag (16. Februar)": the date, when its
				// weekday agrees
				if d, err := time.Parse("2006-01-02", tx.Value[:10]); err == nil && (int(d.Weekday())+6)%7+1 == wd {
					p.Value = tx.Value[:10] + p.Value[10:]
				}
			}
		}
		tensed = strings.HasPrefix(val, "@m") && !strings.HasPrefix(val, "@month") || strings.HasPrefix(val, "@s")
		wd = 0
		if strings.HasPrefix(val, "@wd") && len(val) > 3 && val[3] >= '1' && val[3] <= '7' {
			wd = int(val[3] - '0')
		}
		out = append(out, tx)
	}
	scan(func(m rules.Match) {
		typ, _ := t.set.Expand(&m, "type")
		val, ok := t.set.Expand(&m, "value")
		if !ok || val == "" || val == "-" || typ == "-" {
			return
		}
		mod, _ := t.set.Expand(&m, "mod")
		span := doc.Span{Start: m.Start, End: m.End}
		if ex, ok := t.set.Expand(&m, "extent"); ok {
			if g, err := strconv.Atoi(ex); err == nil {
				if s, e := m.GroupSpan(g); s >= 0 && e > s {
					span = doc.Span{Start: s, End: e}
				}
			}
		}
		tx := doc.Timex{Span: span, Type: typ, Value: val, Mod: mod}
		if strings.HasPrefix(val, "@coord") {
			settle(nil)
			out = append(out, tx)
			coord, coordEnd = len(out)-1, m.End
			return
		}
		if strings.HasPrefix(val, thatDay) && dayRef != "" {
			// A clock time belongs to the day the same sentence or the
			// one before named: "am Samstag ... um 15.30 Uhr", "in der
			// Nacht auf Dienstag gebebt. Der Erdstoß war um 2.52 Uhr
			// aufgezeichnet".
			if s := sentenceOf(text, span, sents); dayRefEnd > prevSentenceStart(text, s, sents) && dayRefEnd <= span.Start {
				tx.Value, tx.Anchor = dayRef+val[len(thatDay):], dayRef
				emit(tx, val)
				return
			}
		}
		var low [32]byte
		if g, ok := t.generic[string(fold.AppendLower(low[:0], text[span.Start:span.End]))]; ok && t.nowadays(text, span, sents, anchor) {
			tx.Value = g
			emit(tx, g)
			return
		}
		if strings.HasPrefix(val, "@") {
			tense, yearOf, own := TenseUnknown, 0, true
			if needsTense(val) {
				if t.prospect != nil && t.prospective(text, span, m.End) || t.moveVerb != nil && t.movedTo(text, span, sents) {
					// "for delivery on [July 5]", "for [September 5]-20
					// shipment", "auf [9. Juni] vertagt": a date the
					// story looks ahead to,
					// whatever the verb (a month just past stays this
					// year's: "for the February 27-July 7 shipment
					// period" in March)
					tense = TenseFuture
					if yearSlot(val) >= 0 {
						tense = tenseSoon
					}
				} else {
					tense = t.tense(text, span, sents)
				}
				if tense == TenseUnknown && st.implied != TenseUnknown && st.impliedEnd <= span.Start && st.impliedEnd > sentenceOf(text, span, sents).Start {
					// no marker: the tense of an expression before it
					// in the sentence ("Polizeiangaben vom Donnerstag
					// ... am Dienstag")
					tense = st.implied
				}
				if tense == TenseUnknown {
					own = directed(val)
					tense = t.defaultTense
					if yearOf = yearSlot(val); yearOf >= 0 && tense == TenseFuture {
						tense = tenseSoon
					}
				}
			}
			r := ref
			if qref != "" && strings.HasPrefix(val, "@ryear") {
				// "a year earlier" in a story about a quarter means that
				// quarter a year before (financial news).
				r = qref
			}
			sr := ""
			if sref != "" && sentenceOf(text, span, sents).Start == srefSent && srefEnd <= span.Start && !strings.ContainsAny(text[srefEnd:span.Start], ",;)") {
				sr = sref
			}
			if yearOf > 0 && sr == "" && st.given[yearOf] > 0 {
				// a month or quarter the sentence gives no tense: the
				// year the story gave it before ("im August ...
				// verzeichnet. ... ist der Rückgang im August ...")
				sr = pad(st.given[yearOf], 4)
			}
			v, a := resolve(val, anchor, r, sr, tense)
			tx.Value, tx.Anchor = v, a
			if own && ref != "" {
				tn := impliedTense(tx.Value, anchorDay)
				if tn == TenseUnknown && strings.ContainsAny(val, "<>+-") && directed(val) {
					// "Angaben vom Donnerstag" on that Thursday
					tn = TenseFuture
					if strings.ContainsAny(val, "<-") {
						tn = TensePast
					}
				}
				if tn != TenseUnknown {
					st.implied, st.impliedEnd = tn, span.End
				}
			}
		} else if ref != "" && (tx.Type == "DATE" || tx.Type == "TIME") {
			if tn := impliedTense(tx.Value, anchorDay); tn != TenseUnknown {
				st.implied, st.impliedEnd = tn, span.End
			}
		}
		if len(tx.Value) >= 7 && tx.Value[4] == '-' && (tx.Type == "DATE" || tx.Type == "TIME") && isDigits(tx.Value[:4]) {
			if m := tx.Value[5:7]; isDigits(m) {
				st.given[(m[0]-'0')*10+m[1]-'0'], _ = strconv.Atoi(tx.Value[:4])
			} else if m[0] == 'Q' && m[1] >= '1' && m[1] <= '4' {
				st.given[12+m[1]-'0'], _ = strconv.Atoi(tx.Value[:4])
			}
		}
		if len(tx.Value) >= 10 && isDigits(tx.Value[:4]) && tx.Value[4] == '-' && tx.Value[7] == '-' && isDigits(tx.Value[8:10]) {
			dayRef, dayRefEnd = tx.Value[:10], tx.End
		}
		if explicitYear(tx.Type, val) {
			sref, srefSent, srefEnd = val, sentenceOf(text, span, sents).Start, span.End
			if i := strings.IndexByte(sref, 'T'); i >= 0 {
				sref = sref[:i]
			}
		}
		if !st.named && tx.Anchor != "" && strings.HasPrefix(val, "@rmonth") {
			n, _ := signedInt(val[len("@rmonth"):])
			st.ahead = append(st.ahead, pending{len(out), n})
		} else if !st.named && tx.Type == "DATE" && len(tx.Value) >= 7 && tx.Value[4] == '-' && isDigits(tx.Value[:4]) && isDigits(tx.Value[5:7]) && !strings.HasPrefix(val, "@r") {
			st.named = true
			for _, p := range st.ahead {
				if v, ok := shiftRef(tx.Value[:7], "month", p.n); ok {
					out[p.k].Value, out[p.k].Anchor = v+out[p.k].Value[7:], tx.Value[:7]
				}
			}
		}
		if t.schedule != nil && (tx.Type == "SET" || strings.HasPrefix(val, "@wd") || strings.HasPrefix(val, "@wkend")) {
			st.sched = true
		}
		if (tx.Type == "DATE" || tx.Type == "TIME" && !strings.HasPrefix(val, "@r") && !strings.HasPrefix(val, thatDay)) && len(tx.Value) >= 10 && isDigits(tx.Value[:4]) && tx.Value[4] == '-' && tx.Value[7] == '-' {
			// a day, or the day of a time ("Montagfrüh ... am Abend"; not
			// a clock time the anchor's day was taken for)
			ref = tx.Value[:10]
		} else if tx.Type == "DATE" && len(tx.Value) >= 4 && isDigits(tx.Value[:4]) && !strings.HasPrefix(val, "@r") {
			ref = tx.Value
		}
		if tx.Type == "DATE" && len(tx.Value) == 7 && tx.Value[4:6] == "-Q" && !strings.HasPrefix(val, "@r") {
			qref = tx.Value
		}
		emit(tx, val)
	})
	settle(nil)
	if dropped > 0 {
		// remove the bare days no date followed
		k := 0
		for _, tx := range out {
			if tx.Value != "" {
				out[k] = tx
				k++
			}
		}
		out = out[:k]
	}
	if st.sched {
		t.schedules(text, out, sents)
	}
	if t.dayAfter != nil {
		out = t.trailingDays(text, out)
	}
	if t.rangeBack != nil {
		out = t.leadingNumbers(text, out)
	}
	return out
}

// trailingDays adds the bare days that a date's month carries over
// ("April 14-[27]", "July 5 and [20]", "September 5-[20]/..."): a number
// right after a day-level date that ends in its day, joined by a word of
// the dayafter table, later in the month than that day, and no part of
// an amount, a decimal or a clock time.
func (t *Tagger) trailingDays(text string, out []doc.Timex) []doc.Timex {
	for i := 0; i < len(out); i++ {
		tx := out[i]
		if tx.Type != "DATE" || len(tx.Value) != 10 || !isDayValue(tx.Value) || tx.End <= tx.Start || text[tx.End-1] < '0' || text[tx.End-1] > '9' {
			continue
		}
		limit := len(text)
		if i+1 < len(out) {
			limit = out[i+1].Start
		}
		s, e, day, ok := t.dayAfterAt(text, tx.End, limit)
		if !ok {
			continue
		}
		d0, _ := strconv.Atoi(tx.Value[8:10])
		month, _ := strconv.Atoi(tx.Value[5:7])
		if day <= d0 || day > daysIn(month) {
			continue
		}
		nx := doc.Timex{Span: doc.Span{Start: s, End: e}, Type: "DATE", Value: tx.Value[:8] + pad2(day), Anchor: tx.Anchor}
		out = slices.Insert(out, i+1, nx)
	}
	return out
}

// leadingNumbers adds the bare numbers that share the unit of the
// duration after them ("[sieben] bis acht Stunden", "auf [fünf] bis zehn
// Jahre", "[two] and three month", "[ein], zwei Tage"): a number in digits
// or words right before a join of the rangeback table (or a dash, or a
// comma between number words one apart) that comes right before a
// duration starting with its own, larger, number.
func (t *Tagger) leadingNumbers(text string, out []doc.Timex) []doc.Timex {
	for i := 0; i < len(out); i++ {
		tx := out[i]
		m := durationUnit.FindStringSubmatch(tx.Value)
		if tx.Type != "DURATION" || m == nil {
			continue
		}
		hi, err := strconv.ParseFloat(m[2], 64)
		if err != nil {
			continue
		}
		if _, w := nextWord(text, tx.End, len(text)); t.ageCue[strings.ToLower(w)] {
			continue // an age: "zwischen 27 und 46 Jahren alt"
		}
		// the join before the duration, then the number before the join
		j, w := prevWord(text, 0, tx.Start)
		comma := false
		if w == "" {
			j = tx.Start
			for j > 0 && text[j-1] == ' ' {
				j--
			}
			comma = j > 0 && text[j-1] == ','
		}
		if comma {
			// "ein, zwei Tage", "fünf, sechs Stunden": number words next
			// to each other (checked below)
			j--
		} else if w == "" {
			// a dash: "7-8 Stunden", "sieben – acht Stunden"
			j = tx.Start
			for j > 0 && text[j-1] == ' ' {
				j--
			}
			if j == 0 || !(text[j-1] == '-' || strings.HasSuffix(text[:j], "–")) {
				continue
			}
			_, size := utf8.DecodeLastRuneInString(text[:j])
			j -= size
		} else if !t.rangeBack[strings.ToLower(w)] {
			continue
		}
		e := j
		for e > 0 && text[e-1] == ' ' {
			e--
		}
		b := e
		for b > 0 && (isLetterBefore(text, b) || text[b-1] >= '0' && text[b-1] <= '9') {
			_, size := utf8.DecodeLastRuneInString(text[:b])
			b -= size
		}
		if b == e || i > 0 && out[i-1].End > b {
			continue
		}
		v, ok := Number(t.set, text[b:e])
		lo, err := strconv.ParseFloat(v, 64)
		if !ok || err != nil || lo <= 0 || lo >= hi {
			continue
		}
		if comma && (lo+1 != hi || !isLetterAt(text, b) || !isLetterAt(text, tx.Start)) {
			continue // a comma joins only words for neighbours
		}
		nx := doc.Timex{Span: doc.Span{Start: b, End: e}, Type: "DURATION", Value: "P" + m[1] + v + m[3]}
		out = slices.Insert(out, i, nx)
		i++
	}
	return out
}

// durationUnit splits a simple duration value: P, T for a time unit, the
// number and the unit (PT8H: "T", "8", "H").
var durationUnit = regexp.MustCompile(`^P(T?)(\d+)([YMWDHS])$`)

// dayAfterAt reads a join of the dayafter table and a bare day at
// text[i:] (not beyond limit) and returns the day's span and number.
func (t *Tagger) dayAfterAt(text string, i, limit int) (int, int, int, bool) {
	j := i
	if j < limit && (text[j] == '-' || text[j] == '/') || strings.HasPrefix(text[j:], "–") {
		_, size := utf8.DecodeRuneInString(text[j:])
		if v, ok := t.dayAfter.Lookup(text[j : j+size]); !ok || v != "tight" {
			return 0, 0, 0, false
		}
		j += size
	} else {
		if j >= limit || text[j] != ' ' {
			return 0, 0, 0, false
		}
		k := j + 1
		for k < limit && isLetterAt(text, k) {
			k++
		}
		if v, ok := t.dayAfter.Lookup(text[j+1 : k]); !ok || v != "word" || k >= limit || text[k] != ' ' {
			return 0, 0, 0, false
		}
		j = k + 1
	}
	s := j
	for j < limit && j-s < 2 && text[j] >= '0' && text[j] <= '9' {
		j++
	}
	if j == s || j < len(text) && (isLetterAt(text, j) || text[j] >= '0' && text[j] <= '9' || text[j] == '%') {
		return 0, 0, 0, false
	}
	if j+1 < len(text) && (text[j] == '.' || text[j] == ',' || text[j] == ':') && text[j+1] >= '0' && text[j+1] <= '9' {
		return 0, 0, 0, false
	}
	if j < len(text) && text[j] == ' ' {
		// the next word: no unit ("4 pct"), and after a word join ("5 and
		// 20") nothing but punctuation or the end may follow
		k := j + 1
		for k < len(text) && isLetterAt(text, k) {
			k++
		}
		w := text[j+1 : k]
		var low [48]byte
		if k > j+1 && t.dayStop[string(fold.AppendLower(low[:0], w))] {
			return 0, 0, 0, false
		}
		if text[s-1] == ' ' && k > j+1 {
			return 0, 0, 0, false
		}
	}
	day, _ := strconv.Atoi(text[s:j])
	return s, j, day, true
}

// prospective reports whether the expression at sp, whose rule matched
// up to end, is a date something is due on: "for" and a noun of the
// prospect table before it ("for delivery between [May 10]", "for
// delivery between May 10 and [October 10]"), or "for" just before it
// and such a noun after it ("for [September 5]-20/September 10-25
// delivery"). Between the noun and the date only numbers, month names
// and the joins of the table ("between", "and") may stand.
func (t *Tagger) prospective(text string, sp doc.Span, end int) bool {
	// backwards
	i := sp.Start
	for n := 0; n < 8; n++ {
		j := i
		for j > 0 && (text[j-1] == ' ' || text[j-1] == ',' || text[j-1] == '-' || text[j-1] == '/') {
			j--
		}
		k := j
		for k > 0 && (isLetterBefore(text, k) || text[k-1] >= '0' && text[k-1] <= '9') {
			_, size := utf8.DecodeLastRuneInString(text[:k])
			k -= size
		}
		if k == j {
			return false
		}
		w := text[k:j]
		switch t.prospectWord(w) {
		case "noun":
			_, before := prevWord(text, 0, k)
			return n > 0 && strings.EqualFold(before, "for")
		case "skip":
			i = k
			continue
		}
		if n > 0 || !strings.EqualFold(w, "for") && !strings.EqualFold(w, "the") {
			return false
		}
		if _, before := prevWord(text, 0, k); strings.EqualFold(w, "the") && !strings.EqualFold(before, "for") {
			return false
		}
		break // "for [date] ...": look ahead
	}
	// forwards: numbers, month names and joins aside, the next word
	j := max(end, sp.End)
	for n := 0; n < 8 && j < len(text); n++ {
		for j < len(text) && (text[j] == ' ' || text[j] == ',' || text[j] == '-' || text[j] == '/') {
			j++
		}
		k := j
		for k < len(text) && (isLetterAt(text, k) || text[k] >= '0' && text[k] <= '9') {
			_, size := utf8.DecodeRuneInString(text[k:])
			k += size
		}
		if k == j {
			return false
		}
		switch t.prospectWord(text[j:k]) {
		case "noun":
			return true
		case "skip":
			j = k
			continue
		}
		return false
	}
	return false
}

// movedTo reports whether the expression at sp is the date something is
// set or moved to: a word of the moveprep table just before it (an
// article aside: "auf den 9. Juni") and a verb of the moveverb table in
// its clause, at most six words after it or four before the preposition.
func (t *Tagger) movedTo(text string, sp doc.Span, sents []doc.Span) bool {
	var low [48]byte
	s := sentenceOf(text, sp, sents)
	i, w := prevWord(text, s.Start, sp.Start)
	if lw := strings.ToLower(w); lw == "den" || lw == "dem" {
		i, w = prevWord(text, s.Start, i)
	}
	if w == "" || !t.movePrep[string(fold.AppendLower(low[:0], w))] {
		return false
	}
	for n := 0; n < 4; n++ {
		if i, w = prevWord(text, s.Start, i); w == "" {
			break
		}
		if t.moveVerb[string(fold.AppendLower(low[:0], w))] {
			return true
		}
	}
	for j, n := sp.End, 0; n < 6; n++ {
		k, w := nextWord(text, j, s.End)
		if w == "" {
			break
		}
		if t.moveVerb[string(fold.AppendLower(low[:0], w))] {
			return true
		}
		j = k
	}
	return false
}

// prevWord returns the start of the word that ends before text[:i] (white
// space aside) and the word; "" at from or when a clause break (,;:()–)
// or anything else but white space comes first.
func prevWord(text string, from, i int) (int, string) {
	for i > from && text[i-1] == ' ' {
		i--
	}
	k := i
	for k > from && isLetterBefore(text, k) {
		_, size := utf8.DecodeLastRuneInString(text[:k])
		k -= size
	}
	return k, text[k:i]
}

// nextWord returns the end of the word after text[i:] (white space and
// digits or dots of a date aside) and the word; "" at to or at a clause
// break.
func nextWord(text string, i, to int) (int, string) {
	for i < to && (text[i] == ' ' || text[i] == '.' || text[i] >= '0' && text[i] <= '9') {
		i++
	}
	k := i
	for k < to && isLetterAt(text, k) {
		_, size := utf8.DecodeRuneInString(text[k:])
		k += size
	}
	return k, text[i:k]
}

// prospectWord classes a word for prospective: "noun" (the prospect
// table's nouns), "skip" (a number, a month name or a join of the
// table), or "".
func (t *Tagger) prospectWord(w string) string {
	if w == "" {
		return ""
	}
	if w[0] >= '0' && w[0] <= '9' {
		if isDigits(w) {
			return "skip"
		}
		return ""
	}
	var low [48]byte
	lw := fold.AppendLower(low[:0], w)
	if v, ok := t.prospect[string(lw)]; ok {
		return v
	}
	if t.months != nil {
		if _, ok := t.months.Lookup(w); ok {
			return "skip"
		}
	}
	return ""
}

// daysIn returns the most days month m can have.
func daysIn(m int) int {
	switch m {
	case 2:
		return 29
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// pad2 writes n with two digits.
func pad2(n int) string {
	if n < 10 {
		return "0" + strconv.Itoa(n)
	}
	return strconv.Itoa(n)
}

// schedules rewrites the weekdays and clock times of timetables as sets
// and times of no particular day, in sentences that do not look back:
// a bare weekday (at the start of the sentence or after a comma, dash or
// parenthesis; a range of them also after a word of value "from" in the
// schedule table) joined to clock times by words of the schedule table,
// with a range of weekdays or more than one time
// ("Montag bis Freitag 13.30 bis 18 Uhr, Samstag 10 bis 18 Uhr", "von
// Montag bis Freitag um 11 Uhr und um 18 Uhr"): XXXX-WXX-1, XXXX-WXX-5,
// XXXX-XX-XXT13:30; and a weekend in a sentence with a set ("am
// Wochenende einmal täglich um 13 Uhr"): XXXX-WXX-WE, and the clock
// times after it; the clock times joined to a weekday set ("montags 10
// bis 12 Uhr"). "am Samstag um 15.30 Uhr" stays that Saturday.
func (t *Tagger) schedules(text string, out []doc.Timex, sents []doc.Span) {
	wk := t.set.Tables["weekday"]
	if wk == nil {
		return
	}
	weekday := func(x *doc.Timex) string {
		if x.Type != "DATE" || len(x.Value) != 10 || !isDayValue(x.Value) || x.Value[:4] == "XXXX" {
			return ""
		}
		if x.End-x.Start > 24 {
			return ""
		}
		var low [48]byte
		return wk.Value[string(fold.AppendLower(low[:0], text[x.Start:x.End]))]
	}
	clock := func(x *doc.Timex) bool {
		return x.Type == "TIME" && len(x.Value) > 11 && x.Value[10] == 'T' && x.Value[11] >= '0' && x.Value[11] <= '9' && isDigits(x.Value[:4])
	}
	for i := 0; i < len(out); i++ {
		if out[i].Type == "SET" && (strings.HasPrefix(out[i].Value, "XXXX-WXX-") || out[i].Value == "P1D") {
			// "montags 10 bis 12 Uhr", "jeden Montag um 9 Uhr", "samstags
			// im Hallenbad von 9 bis 10 Uhr", "täglich um 10.30 Uhr und
			// 14.30 Uhr": the clock times that follow a weekday or daily
			// set in its sentence, before any other expression, are of no
			// day
			s := sentenceOf(text, out[i].Span, sents)
			k := i + 1
			for ; k < len(out) && out[k].Start < s.End && clock(&out[k]); k++ {
				out[k].Value, out[k].Anchor = "XXXX-XX-XX"+out[k].Value[10:], ""
			}
			i = k - 1
			continue
		}
		n := weekday(&out[i])
		weekend := n == "" && out[i].Type == "DATE" && strings.HasSuffix(out[i].Value, "-WE") && isDigits(out[i].Value[:4])
		if n == "" && !weekend {
			continue
		}
		// the weekdays joined to it ("Montag bis Freitag"), then the
		// clock times joined to those
		j := i
		for !weekend && j+1 < len(out) && weekday(&out[j+1]) != "" && t.joins(text[out[j].End:out[j+1].Start]) {
			j++
		}
		k := j + 1
		for k < len(out) && clock(&out[k]) && t.joins(text[out[k-1].End:out[k].Start]) {
			k++
		}
		s := sentenceOf(text, out[i].Span, sents)
		generic, sure := false, false
		if weekend {
			// a set in the sentence: every weekend
			for m := i - 1; m >= 0 && out[m].End > s.Start && !generic; m-- {
				generic = out[m].Type == "SET"
			}
			for m := i + 1; m < len(out) && out[m].Start < s.End && !generic; m++ {
				generic = out[m].Type == "SET"
			}
			if generic {
				// and the clock times of the sentence after it
				for k = i + 1; k < len(out) && out[k].Start < s.End; k++ {
				}
			}
		} else if k > j+1 && (j > i || k > j+2) {
			// a range of weekdays or of times: a single weekday and time
			// is a fixture ("SV Grödig – FK Austria Wien (Samstag, 16.00
			// Uhr)", "Morgen, Dienstag, um 8.00 Uhr")
			switch t.opener(text, s.Start, out[i].Start) {
			case "start":
				generic = true
			case "from":
				generic = j > i
			}
			// a range of weekdays with more than one time is a
			// timetable whatever the tense seems to be ("wird von
			// Montag bis Freitag um 11 Uhr und um 18 Uhr aktualisiert")
			sure = j > i && k > j+2
		}
		if !generic || !sure && t.tense(text, out[i].Span, sents) == TensePast {
			i = j
			continue
		}
		for m := i; m < k; m++ {
			x := &out[m]
			switch {
			case m <= j && weekend:
				x.Value, x.Anchor = "XXXX-WXX-WE", ""
			case m <= j:
				x.Value, x.Anchor = "XXXX-WXX-"+weekday(x), ""
			case clock(x):
				x.Value, x.Anchor = "XXXX-XX-XX"+x.Value[10:], ""
			}
		}
		i = k - 1
	}
}

// joins reports whether gap, the text between two expressions, holds
// nothing but white space, commas, dashes and words of the schedule table
// ("bis", "und um").
func (t *Tagger) joins(gap string) bool {
	for i := 0; i < len(gap); {
		c := gap[i]
		if c == ' ' || c == ',' || c == '-' || c == '\n' {
			i++
			continue
		}
		if strings.HasPrefix(gap[i:], "–") {
			i += len("–")
			continue
		}
		j := i
		for j < len(gap) && isLetterAt(gap, j) {
			_, size := utf8.DecodeRuneInString(gap[j:])
			j += size
		}
		if j == i {
			return false
		}
		var low [48]byte
		if j-i > 24 || t.schedule.Value[string(fold.AppendLower(low[:0], gap[i:j]))] == "" {
			return false
		}
		i = j
	}
	return true
}

// opener tells what stands before a weekday at start: "start" for the
// sentence start or a comma, semicolon, colon, dash or parenthesis,
// "from" for a word of that value in the schedule table ("von"), else
// "".
func (t *Tagger) opener(text string, sentStart, start int) string {
	p := start
	for p > sentStart && text[p-1] == ' ' {
		p--
	}
	if p <= sentStart {
		return "start"
	}
	switch c := text[p-1]; {
	case c == ',' || c == ';' || c == ':' || c == '(' || c == '-' || c == '\n':
		return "start"
	case strings.HasSuffix(text[:p], "–"):
		return "start"
	}
	b := p
	for b > sentStart && isLetterBefore(text, b) {
		_, size := utf8.DecodeLastRuneInString(text[:b])
		b -= size
	}
	var low [48]byte
	if p-b <= 24 && t.schedule.Value[string(fold.AppendLower(low[:0], text[b:p]))] == "from" {
		return "from"
	}
	return ""
}

// explicitYear reports whether a rule's value template val states a
// date or time with its year (2015-06, 2016-06-10T20:00).
func explicitYear(typ, val string) bool {
	return (typ == "DATE" || typ == "TIME") && !strings.HasPrefix(val, "@") && len(val) >= 4 && isDigits(val[:4])
}

// isDayValue reports whether v is a date to the day (2026-02-25,
// XXXX-02-25), possibly with a time after it.
func isDayValue(v string) bool {
	return len(v) >= 10 && (isDigits(v[:4]) || v[:4] == "XXXX") && v[4] == '-' && isDigits(v[5:7]) && v[7] == '-' && isDigits(v[8:10])
}

// isMonthValue reports whether v is a month of a year (2016-03).
func isMonthValue(v string) bool {
	return len(v) == 7 && isDigits(v[:4]) && v[4] == '-' && isDigits(v[5:7])
}

// directed reports whether a template has a direction of its own
// ("@wd4-" vom Donnerstag, "@m09<" vergangenen September).
func directed(v string) bool {
	if strings.HasPrefix(v, "@wd") && len(v) > 4 {
		return strings.IndexByte("<>+-", v[4]) >= 0
	}
	return strings.ContainsAny(v, "<>")
}

// impliedTense returns the tense a resolved value implies: past for a
// month or day before the anchor's, future for one after it.
// a is the anchor's date as ymd writes it ("" when there is none).
func impliedTense(v string, a string) int {
	if len(v) < 7 || len(a) != 10 || !isDigits(v[:4]) || v[4] != '-' || !isDigits(v[5:7]) {
		return TenseUnknown
	}
	n := 7
	if isDayValue(v) {
		n = 10
	}
	switch c := strings.Compare(v[:n], a[:n]); {
	case c < 0:
		return TensePast
	case c > 0:
		return TenseFuture
	}
	return TenseUnknown
}

// yearSlot returns the slot of given (timex.tag) a month, month-day or
// quarter template without a direction of its own stands for ("@m08",
// "@md11-08", "@q1": 8, 11, 13), else -1.
func yearSlot(v string) int {
	base, day := 0, false
	switch {
	case strings.HasPrefix(v, "@md"):
		v, day = v[3:], true
	case strings.HasPrefix(v, "@m") && !strings.HasPrefix(v, "@month"):
		v = v[2:]
	case strings.HasPrefix(v, "@q") && !strings.HasPrefix(v, "@quarter"):
		v, base = v[2:], 12
	default:
		return -1
	}
	k, rest := leadingInt(v)
	if k < 1 || base == 0 && k > 12 || base == 12 && k > 4 {
		return -1
	}
	if day && strings.HasPrefix(rest, "-") {
		_, rest = leadingInt(rest[1:])
	}
	if strings.HasPrefix(rest, "<") || strings.HasPrefix(rest, ">") {
		return -1
	}
	return base + k
}

func needsTense(v string) bool {
	return strings.HasPrefix(v, "@easter") || strings.HasPrefix(v, "@nth") || strings.HasPrefix(v, "@wd") || strings.HasPrefix(v, "@wkend") || strings.HasPrefix(v, "@s") || strings.HasPrefix(v, "@m") && !strings.HasPrefix(v, "@month") || strings.HasPrefix(v, "@q") && !strings.HasPrefix(v, "@quarter")
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

// sentenceOf returns the sentence around span: from sents when given,
// else guessed from sentence-final punctuation.
func sentenceOf(text string, sp doc.Span, sents []doc.Span) doc.Span {
	if len(sents) > 0 {
		i := sort.Search(len(sents), func(i int) bool { return sents[i].End > sp.Start })
		if i < len(sents) && sents[i].Start <= sp.Start {
			return sents[i]
		}
	}
	start := sp.Start
	for start > 0 && sp.Start-start < 400 {
		c := text[start-1]
		if (c == '.' || c == '!' || c == '?' || c == '\n') && start < len(text) && (text[start] == ' ' || text[start] == '\n') {
			break
		}
		start--
	}
	end := sp.End
	for end < len(text) && end-sp.End < 400 {
		c := text[end]
		if (c == '.' || c == '!' || c == '?' || c == '\n') && (end+1 == len(text) || text[end+1] == ' ' || text[end+1] == '\n') {
			break
		}
		end++
	}
	for start < len(text) && !utf8.RuneStart(text[start]) {
		start++
	}
	for end < len(text) && !utf8.RuneStart(text[end]) {
		end++
	}
	return doc.Span{Start: start, End: end}
}

// tense returns the tense of the nearest tense marker to sp in its
// sentence. A reporting verb ("said", "teilte ... mit") dates the report:
// it counts only when next to the expression (at most 8 bytes away, and
// not behind a comma that ends the expression's clause: "Das wird eng
// bis Sonntag, sagte er") or when nothing else is near, as if 60 bytes
// further. Words are looked at
// outwards from the expression, nearest first, until none left can be
// nearer than the best found; equal distances go to the earlier word.
func (t *Tagger) tense(text string, sp doc.Span, sents []doc.Span) int {
	s := sentenceOf(text, sp, sents)
	best, bestDist, bestStart := TenseUnknown, 1<<30, 0
	// the nearest reporting verb found left of the span (-1: none)
	reportLeft := -1
	consider := func(i, j, d int) {
		tn, weak := t.wordTense(text[i:j])
		if tn == TenseUnknown || tn == TensePast && t.auxiliary(text, i, j, s) {
			return
		}
		if c := text[i]; c >= 'A' && c <= 'Z' && !sentenceInitial(text, s.Start, i) {
			// a capitalised word inside the sentence is a name or a
			// (German) noun, no verb: "in Las Vegas", "Hat Trick"
			return
		}
		if weak && j-i == 2 && text[i]|0x20 == 's' && text[i+1]|0x20 == 'o' && !reportingSo(text, i, j, s) {
			// the adverb ("so knapp, dass", "so dass"), not ", so der
			// Sprecher"
			return
		}
		if j <= sp.Start {
			if weak {
				if reportLeft < 0 {
					reportLeft = i
				}
			} else if reportLeft > j && strings.IndexByte(text[j:reportLeft], ',') >= 0 {
				// "... ändern könnten, sagte er am Montag": the marker
				// is in the clause the reporting verb closes
				d += 60
			}
		}
		if weak && i >= sp.End && strings.IndexByte(text[sp.End:i], ',') >= 0 && t.konjunktiv(text, s.Start, sp.Start) {
			// "Er rechne ab Oktober mit dem Beginn, sagte er": the clause
			// is reported speech in the present (Konjunktiv I), which the
			// reporting verb after it does not date
			return
		}
		if weak && tn == TenseFuture && d > 1 {
			// a present participle looks ahead only right after the
			// expression ("die am Samstag beginnende Tagung"), not as
			// any adjective ("am Samstag nach spannenden 15 Runden")
			d += 60
		}
		if weak && (d > 8 || i >= sp.End && strings.IndexByte(text[sp.End:i], ',') >= 0 && t.marked(text, s.Start, i)) {
			// "bis Sonntag, sagte er": a reporting verb after the comma
			// that closes a clause with a verb of its own dates the
			// report, not the clause
			d += 60
		}
		if j <= sp.Start && t.opensClause(text, j, sp.Start) {
			// "ließ nicht erkennen, dass er am Freitag ... wird": the
			// expression is in a subordinate clause the marker is not in
			d += 60
		}
		if d < bestDist || d == bestDist && i < bestStart {
			best, bestDist, bestStart = tn, d, i
		}
	}
	// l scans leftwards from the span, r rightwards; a word the span
	// starts or ends inside is not a marker.
	l, r := sp.Start, sp.End
	if l > s.Start && l < len(text) && isLetterAt(text, l) && isLetterBefore(text, l) {
		for l > s.Start && isLetterBefore(text, l) {
			_, size := utf8.DecodeLastRuneInString(text[:l])
			l -= size
		}
	}
	if r < s.End && r > 0 && isLetterAt(text, r) && isLetterBefore(text, r) {
		for r < s.End && isLetterAt(text, r) {
			_, size := utf8.DecodeRuneInString(text[r:])
			r += size
		}
	}
	for {
		// the next word to the left, [li, lj), and to the right, [ri, rj)
		for l > s.Start && !isLetterBefore(text, l) {
			_, size := utf8.DecodeLastRuneInString(text[:l])
			l -= size
		}
		for r < s.End && !isLetterAt(text, r) {
			_, size := utf8.DecodeRuneInString(text[r:])
			r += size
		}
		dl, dr := 1<<30, 1<<30
		if l > s.Start {
			dl = sp.Start - l
		}
		if r < s.End {
			dr = r - sp.End
		}
		if dl > bestDist && dr > bestDist || dl == 1<<30 && dr == 1<<30 {
			return best
		}
		if dl <= dr {
			j := l
			for l > s.Start && isLetterBefore(text, l) {
				_, size := utf8.DecodeLastRuneInString(text[:l])
				l -= size
			}
			consider(l, j, dl)
		} else {
			i := r
			for r < s.End && isLetterAt(text, r) {
				_, size := utf8.DecodeRuneInString(text[r:])
				r += size
			}
			consider(i, r, dr)
		}
	}
}

// reportingSo reports whether the word "so" at text[i:j] introduces a
// source (", so der Sprecher", "(so Häupl)", sentence-initial "So
// Häupl"): after a comma, parenthesis or dash or at the sentence start,
// before a capitalised word or an article.
func reportingSo(text string, i, j int, s doc.Span) bool {
	p := i
	for p > s.Start && text[p-1] == ' ' {
		p--
	}
	if p > s.Start {
		switch c := text[p-1]; {
		case c == ',' || c == '(' || c == '-':
		case p >= s.Start+3 && strings.HasSuffix(text[:p], "–"):
		default:
			return false
		}
	}
	b := j
	for b < s.End && text[b] == ' ' {
		b++
	}
	e := b
	for e < s.End && isLetterAt(text, e) {
		_, size := utf8.DecodeRuneInString(text[e:])
		e += size
	}
	if b == e {
		return false
	}
	if r, _ := utf8.DecodeRuneInString(text[b:]); unicode.IsUpper(r) {
		return true
	}
	switch text[b:e] {
	case "der", "die", "das", "ein", "eine", "einer":
		return true
	}
	return false
}

// sentenceInitial reports whether the word at i opens its sentence, which
// starts at from (quotation marks and dashes before it aside).
func sentenceInitial(text string, from, i int) bool {
	for k := from; k < i; {
		r, size := utf8.DecodeRuneInString(text[k:])
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
		k += size
	}
	return true
}

// prevSentenceStart returns the start of the sentence before s (s's own
// start when s is the first).
func prevSentenceStart(text string, s doc.Span, sents []doc.Span) int {
	p := s.Start
	for p > 0 && (text[p-1] == ' ' || text[p-1] == '\n') {
		p--
	}
	if p == 0 {
		return s.Start
	}
	if st := sentenceOf(text, doc.Span{Start: p - 1, End: p}, sents).Start; st < s.Start {
		return st
	}
	return s.Start
}

// nowadays reports whether the deictic word at sp means "nowadays": its
// sentence or the one before it sets the present against the past, with
// a word of the genericcue table or a year ten or more years before the
// anchor's ("im 17. Jahrhundert als Ort für Spaziergänge entworfen. ...
// sind sie heute Anziehungspunkt"). A weekday or date in apposition
// ("heute, Montag") keeps the day.
func (t *Tagger) nowadays(text string, sp doc.Span, sents []doc.Span, anchor time.Time) bool {
	if len(t.genericCue) == 0 {
		return false
	}
	s := sentenceOf(text, sp, sents)
	from := s.Start
	if p := s.Start; p > 0 {
		for p > 0 && (text[p-1] == ' ' || text[p-1] == '\n') {
			p--
		}
		if p > 0 {
			from = sentenceOf(text, doc.Span{Start: p - 1, End: p}, sents).Start
		}
	}
	if from > s.Start {
		from = s.Start
	}
	for i := from; i < s.End; {
		if i >= sp.Start && i < sp.End {
			i = sp.End
			continue
		}
		if !isLetterAt(text, i) && (text[i] < '0' || text[i] > '9') {
			i++
			continue
		}
		j := i
		for j < s.End && (isLetterAt(text, j) || text[j] >= '0' && text[j] <= '9') {
			_, size := utf8.DecodeRuneInString(text[j:])
			j += size
		}
		w := text[i:j]
		var low [48]byte
		if t.genericCue[string(fold.AppendLower(low[:0], w))] {
			return true
		}
		if len(w) == 4 && isDigits(w) && !anchor.IsZero() && (i == 0 || text[i-1] != '.' && text[i-1] != ',') {
			if y, _ := strconv.Atoi(w); y >= 1000 && y <= anchor.Year()-10 {
				return true
			}
		}
		i = j
	}
	return false
}

// opensClause reports whether text[from:to] holds a comma followed by a
// word of the subordinator table (", dass", ", ob").
func (t *Tagger) opensClause(text string, from, to int) bool {
	if len(t.subord) == 0 {
		return false
	}
	for i := from; i < to; i++ {
		if text[i] != ',' {
			continue
		}
		b := i + 1
		for b < to && text[b] == ' ' {
			b++
		}
		e := b
		for e < to && isLetterAt(text, e) {
			_, size := utf8.DecodeRuneInString(text[e:])
			e += size
		}
		var low [48]byte
		if b < e && t.subord[string(fold.AppendLower(low[:0], text[b:e]))] {
			return true
		}
	}
	return false
}

// marked reports whether text[from:to] has a tense marker other than a
// reporting verb.
func (t *Tagger) marked(text string, from, to int) bool {
	return anyWord(text, from, to, func(w string) bool {
		var low [48]byte
		tn, _ := t.wordTense(w)
		return tn != TenseUnknown && t.words[string(fold.AppendLower(low[:0], w))] != tenseReport
	})
}

// konjunktiv reports whether text[from:to] has a word of the konjunktiv
// table (present forms of reported speech: "sei", "habe", "rechne").
func (t *Tagger) konjunktiv(text string, from, to int) bool {
	return len(t.konj) > 0 && anyWord(text, from, to, func(w string) bool {
		var low [48]byte
		return t.konj[string(fold.AppendLower(low[:0], w))]
	})
}

// anyWord reports whether f holds for a word (a run of letters) of
// text[from:to].
func anyWord(text string, from, to int, f func(w string) bool) bool {
	for i := from; i < to; {
		if !isLetterAt(text, i) {
			i++
			continue
		}
		j := i
		for j < to && isLetterAt(text, j) {
			_, size := utf8.DecodeRuneInString(text[j:])
			j += size
		}
		if f(text[i:j]) {
			return true
		}
		i = j
	}
	return false
}

// auxiliary reports whether the word text[i:j] stands next to an auxiliary
// of the tenseaux table (the word before or after it, within sentence s),
// which makes a participle no past marker.
func (t *Tagger) auxiliary(text string, i, j int, s doc.Span) bool {
	if len(t.auxBefore) > 0 {
		e := i
		for e > s.Start && !isLetterBefore(text, e) {
			_, size := utf8.DecodeLastRuneInString(text[:e])
			e -= size
		}
		b := e
		for b > s.Start && isLetterBefore(text, b) {
			_, size := utf8.DecodeLastRuneInString(text[:b])
			b -= size
		}
		var low [48]byte
		if b < e && t.auxBefore[string(fold.AppendLower(low[:0], text[b:e]))] {
			return true
		}
	}
	if len(t.auxAfter) > 0 {
		b := j
		for b < s.End && !isLetterAt(text, b) {
			_, size := utf8.DecodeRuneInString(text[b:])
			b += size
		}
		e := b
		for e < s.End && isLetterAt(text, e) {
			_, size := utf8.DecodeRuneInString(text[e:])
			e += size
		}
		var low [48]byte
		if b < e && t.auxAfter[string(fold.AppendLower(low[:0], text[b:e]))] {
			return true
		}
	}
	return false
}

// isLetterAt reports whether the rune at text[i:] is a letter.
func isLetterAt(text string, i int) bool {
	if c := text[i]; c < utf8.RuneSelf {
		return c|0x20 >= 'a' && c|0x20 <= 'z'
	}
	r, _ := utf8.DecodeRuneInString(text[i:])
	return unicode.IsLetter(r)
}

// isLetterBefore reports whether the rune before text[i] is a letter.
func isLetterBefore(text string, i int) bool {
	if c := text[i-1]; c < utf8.RuneSelf {
		return c|0x20 >= 'a' && c|0x20 <= 'z'
	}
	r, _ := utf8.DecodeLastRuneInString(text[:i])
	return unicode.IsLetter(r)
}

// wordTense returns the tense a word marks and whether it is a weak
// marker (a reporting verb, value "report" in the past table).
func (t *Tagger) wordTense(w string) (int, bool) {
	if len(w) < 2 || len(w) > 24 {
		return TenseUnknown, false
	}
	// The word lower-cased without allocating.
	var buf [4 * 24]byte
	lw := fold.AppendLower(buf[:0], w)
	switch t.words[string(lw)] {
	case tensePast:
		return TensePast, false
	case tenseReport:
		return TensePast, true
	case tenseFuture:
		return TenseFuture, false
	case tenseNone:
		return TenseUnknown, false
	}
	if as := t.byLast[lw[len(lw)-1]]; len(as) > 0 {
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsLower(r) {
			for _, a := range as {
				if len(lw) >= len(a.pre)+len(a.suf)+3 && bytes.HasPrefix(lw, a.preB) && bytes.HasSuffix(lw, a.sufB) {
					// a word shape is weaker evidence than a listed word
					return a.tense, true
				}
			}
		}
	}
	return TenseUnknown, false
}

// Stage returns the pipeline stage "timex". It anchors on the dateline's
// date, else the publication date, and uses the sentences for tense.
// Languages without timex rules are left untagged.
func Stage() pipeline.Stage { return stage{} }

type stage struct{}

func (stage) Name() string { return "timex" }
func (stage) Needs() []pipeline.Layer {
	return []pipeline.Layer{pipeline.Lang, pipeline.Sentences, pipeline.Dateline}
}
func (stage) Writes() []pipeline.Layer { return []pipeline.Layer{pipeline.Timexes} }

func (stage) Process(d *doc.Document) error {
	if d.Lang != "de" && d.Lang != "en" {
		return nil
	}
	t, err := For(d.Lang)
	if err != nil {
		return err
	}
	if len(d.Tokens) > 0 || d.Text == "" {
		d.Timexes = t.TagTokens(d.Text, Anchor(d), SentenceSpans(d), d.Tokens)
	} else {
		d.Timexes = t.Tag(d.Text, Anchor(d), SentenceSpans(d))
	}
	return nil
}

// Anchor returns the date a document's relative expressions resolve
// against: the dateline's date, else the publication date, else zero.
func Anchor(d *doc.Document) time.Time {
	if d.Dateline != nil && !d.Dateline.Date.IsZero() {
		return d.Dateline.Date
	}
	return d.Date
}

// SentenceSpans returns the spans of d.Sentences (nil when there are none).
func SentenceSpans(d *doc.Document) []doc.Span {
	if len(d.Sentences) == 0 {
		return nil
	}
	out := make([]doc.Span, len(d.Sentences))
	for i, s := range d.Sentences {
		out[i] = s.Span
	}
	return out
}

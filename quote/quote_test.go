package quote

import (
	"errors"
	"strings"
	"testing"
	"time"

	"github.com/dateline/dateline/doc"
	"github.com/dateline/dateline/pipeline"
)

// want describes one expected quote; empty fields are not checked.
type want struct {
	text, kind, speaker, lemma, channel, addressee, time string
}

func TestExtract_Styles(t *testing.T) {
	cases := []struct {
		name, lang, text string
		people           []string // entity ids = surnames, mentions by name
		want             []want
	}{
		{"german low-high", "de", "„Wir lassen niemanden zurück“, sagte Müller.", []string{"Müller"},
			[]want{{text: "Wir lassen niemanden zurück", kind: Direct, speaker: "Müller", lemma: "sagen"}}},
		{"guillemets", "de", "»Das ist ein guter Tag für Europa«, sagte Müller.", []string{"Müller"},
			[]want{{text: "Das ist ein guter Tag für Europa", kind: Direct, speaker: "Müller"}}},
		{"swiss guillemets", "de", "«Das ist ein guter Tag für Europa», sagte Müller.", []string{"Müller"},
			[]want{{text: "Das ist ein guter Tag für Europa", kind: Direct, speaker: "Müller"}}},
		{"straight", "de", "\"Das ist ein guter Tag\", sagte Müller.", []string{"Müller"},
			[]want{{text: "Das ist ein guter Tag", kind: Direct, speaker: "Müller"}}},
		{"nested single", "de", "„Er hat ‚nein‘ gesagt und ist gegangen“, berichtete Müller.", []string{"Müller"},
			[]want{{text: "Er hat ‚nein‘ gesagt und ist gegangen", kind: Direct, speaker: "Müller", lemma: "berichten"}}},
		{"split by attribution", "de", "„Wir kommen“, sagte Müller. „Und wir bleiben.“", []string{"Müller"},
			[]want{{text: "Wir kommen", speaker: "Müller"}, {text: "Und wir bleiben.", kind: Direct, speaker: "Müller"}}},
		{"split mid-sentence", "de", "„Wir kommen“, sagte Müller, „und wir bleiben.“", []string{"Müller"},
			[]want{{text: "Wir kommen", speaker: "Müller"}, {text: "und wir bleiben.", speaker: "Müller"}}},
		{"colon", "de", "Müller sagte am Abend: „Wir kommen wieder.“", []string{"Müller"},
			[]want{{text: "Wir kommen wieder.", kind: Direct, speaker: "Müller", lemma: "sagen"}}},
		{"separable verb", "de", "Die Gespräche seien gescheitert, teilte Müller am Mittwoch nach einem Treffen mit Schmidt mit.", []string{"Müller", "Schmidt"},
			[]want{{text: "Die Gespräche seien gescheitert", kind: Indirect, speaker: "Müller", lemma: "mitteilen"}}},
		{"dass clause", "de", "Müller erklärte, dass die Regierung handeln werde.", []string{"Müller"},
			[]want{{text: "dass die Regierung handeln werde", kind: Indirect, speaker: "Müller", lemma: "erklären"}}},
		{"konjunktiv continuation", "de", "Müller sagte, die Lage sei ernst. Die Regierung plane neue Hilfen. Am Abend regnete es.", []string{"Müller"},
			[]want{{text: "die Lage sei ernst", speaker: "Müller"}, {text: "Die Regierung plane neue Hilfen", kind: Indirect, speaker: "Müller"}}},
		{"zufolge", "de", "Dem Ministerium zufolge wurden 20 Menschen verletzt.", []string{"Ministerium"},
			[]want{{text: "wurden 20 Menschen verletzt", kind: Indirect, speaker: "Ministerium", lemma: "zufolge"}}},
		{"laut", "de", "Laut Müller ist die Lage ruhig.", []string{"Müller"},
			[]want{{text: "ist die Lage ruhig", kind: Indirect, speaker: "Müller", lemma: "laut"}}},
		{"nach Angaben", "de", "Nach Angaben der Polizei gab es keine Verletzten.", []string{"Polizei"},
			[]want{{text: "gab es keine Verletzten", speaker: "Polizei", lemma: "nach Angaben"}}},
		{"so X", "de", "Die Lage sei unter Kontrolle, so Müller am Montag.", []string{"Müller"},
			[]want{{text: "Die Lage sei unter Kontrolle", kind: Indirect, speaker: "Müller", lemma: "so", time: "2026-02-23"}}},
		{"nach Medienberichten", "de", "Nach Medienberichten wurden drei Menschen festgenommen.", nil,
			[]want{{text: "wurden drei Menschen festgenommen", kind: Indirect, lemma: "nach Berichten"}}},
		{"wie X mitteilte", "de", "Die Lieferungen wurden gestoppt, wie das Unternehmen Acme mitteilte.", []string{"Acme"},
			[]want{{text: "Die Lieferungen wurden gestoppt", speaker: "Acme", lemma: "mitteilen"}}},
		{"channel auf X", "de", "„Wir sind bereit“, schrieb Müller auf X.", []string{"Müller"},
			[]want{{text: "Wir sind bereit", channel: "auf X", lemma: "schreiben"}}},
		{"interview", "de", "„Wir sind bereit“, sagte Müller in einem Interview mit der ARD.", []string{"Müller"},
			[]want{{text: "Wir sind bereit", channel: "in einem Interview mit der ARD"}}},
		{"addressee", "de", "„Wir sind bereit“, sagte Müller der Nachrichtenagentur Reuters.", []string{"Müller"},
			[]want{{text: "Wir sind bereit", addressee: "Reuters", channel: "Reuters"}}},
		{"spokesman and addressee", "de", "„Wir prüfen das“, sagte ein Sprecher des Auswärtigen Amts der Nachrichtenagentur dpa.", []string{"Auswärtigen Amts"},
			[]want{{text: "Wir prüfen das", speaker: "Auswärtigen Amts", addressee: "dpa", channel: "dpa"}}},
		{"english spokesman", "en", "\"We are reviewing it,\" a spokesman for the State Department told Reuters.", []string{"State Department"},
			[]want{{text: "We are reviewing it", speaker: "State Department", lemma: "tell", addressee: "Reuters"}}},
		{"quotation after a sentence about the speaker", "de", "„Wir kommen“, sagte Müller. Schmidt äußerte sich am Abend zurückhaltend. „Wir warten ab.“", []string{"Müller", "Schmidt"},
			[]want{{text: "Wir kommen", speaker: "Müller"}, {text: "Wir warten ab.", kind: Direct, speaker: "Schmidt"}}},
		{"quotation ends its sentence", "de", "Hübner sagte: „Ohne Zinssenkung gibt es keine Wende.“ Er forderte zudem, die Steuern zu senken.", []string{"Hübner"},
			[]want{{text: "Ohne Zinssenkung gibt es keine Wende.", kind: Direct, speaker: "Hübner", lemma: "sagen"}, {text: "die Steuern zu senken", speaker: "Hübner", lemma: "fordern"}}},
		{"pronoun", "de", "Müller trat am Abend vor die Presse. „Wir sind bereit“, sagte er.", []string{"Müller"},
			[]want{{text: "Wir sind bereit", speaker: "Müller"}}},
		{"english curly", "en", "“We will fight on,” Smith said on Tuesday.", []string{"Smith"},
			[]want{{text: "We will fight on", kind: Direct, speaker: "Smith", lemma: "say"}}},
		{"english said X", "en", "\"We will fight on,\" said Smith.", []string{"Smith"},
			[]want{{text: "We will fight on", speaker: "Smith"}}},
		{"english said that", "en", "Smith said on Tuesday that the talks had failed.", []string{"Smith"},
			[]want{{text: "that the talks had failed", kind: Indirect, speaker: "Smith"}}},
		{"english postposed", "en", "The talks had failed, Smith said.", []string{"Smith"},
			[]want{{text: "The talks had failed", kind: Indirect, speaker: "Smith"}}},
		{"according to", "en", "Twenty people died, according to the Red Cross.", []string{"Red Cross"},
			[]want{{text: "Twenty people died", speaker: "Red Cross", lemma: "according to"}}},
		{"told Reuters", "en", "Smith told Reuters the deal was done.", []string{"Smith"},
			[]want{{text: "the deal was done", speaker: "Smith", lemma: "tell", addressee: "Reuters", channel: "Reuters"}}},
		{"in a statement", "en", "The deal was done, the company said in a statement.", nil,
			[]want{{text: "The deal was done", channel: "in a statement"}}},
		{"on Telegram", "en", "Smith wrote on Telegram that the deal was done.", []string{"Smith"},
			[]want{{text: "that the deal was done", channel: "on Telegram", lemma: "write"}}},
		{"mixed", "en", "Smith said the plan was \"dead on arrival\" and would fail.", []string{"Smith"},
			[]want{{text: "the plan was \"dead on arrival\" and would fail", kind: Mixed, speaker: "Smith"}}},
		{"multi-paragraph", "en", "\"We will fight on. We will not give up.\n\n\"We never will,\" Smith said.", []string{"Smith"},
			[]want{{text: "We will fight on. We will not give up.", kind: Direct, speaker: "Smith"}, {text: "We never will", speaker: "Smith"}}},
		{"time from timex", "de", "„Wir kommen“, sagte Müller am Montag.", []string{"Müller"},
			[]want{{text: "Wir kommen", time: "2026-02-23"}}},
		{"time from dateline", "de", "„Wir kommen“, sagte Müller.", []string{"Müller"},
			[]want{{text: "Wir kommen", time: "2026-02-25"}}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			d := &doc.Document{Text: c.text, Lang: c.lang, Date: time.Date(2026, 2, 25, 0, 0, 0, 0, time.UTC)}
			for _, p := range c.people {
				e := doc.Entity{ID: p, Type: "PER", Name: p}
				for off := 0; ; {
					k := strings.Index(c.text[off:], p)
					if k < 0 {
						break
					}
					e.Mentions = append(e.Mentions, doc.Mention{Span: doc.Span{Start: off + k, End: off + k + len(p)}, Kind: doc.MentionName})
					off += k + len(p)
				}
				d.Entities = append(d.Entities, e)
			}
			if k := strings.Index(c.text, "am Montag"); k >= 0 {
				d.Timexes = append(d.Timexes, doc.Timex{Span: doc.Span{Start: k + 3, End: k + len("am Montag")}, Type: "DATE", Value: "2026-02-23"})
			}
			segmentDoc(t, d)
			x, err := New(c.lang)
			if err != nil {
				t.Fatal(err)
			}
			qs := x.Extract(d)
			checkQuotes(t, d, qs)
			for _, w := range c.want {
				var q *doc.Quote
				for i := range qs {
					if d.Slice(qs[i].Span) == w.text {
						q = &qs[i]
					}
				}
				if q == nil {
					var got []string
					for _, q := range qs {
						got = append(got, d.Slice(q.Span))
					}
					t.Fatalf("no quote %q; got %q", w.text, got)
				}
				check := func(field, got, want string) {
					if want != "" && got != want {
						t.Errorf("%q: %s = %q, want %q", w.text, field, got, want)
					}
				}
				check("kind", q.Kind, w.kind)
				check("speaker", q.Speaker, w.speaker)
				check("time", q.Time, w.time)
				if q.Cue != nil {
					check("lemma", q.Cue.Lemma, w.lemma)
				} else {
					check("lemma", "", w.lemma)
				}
				sl := func(s *doc.Span) string {
					if s == nil {
						return ""
					}
					return d.Slice(*s)
				}
				check("channel", sl(q.Channel), w.channel)
				check("addressee", sl(q.Addressee), w.addressee)
			}
		})
	}
}

func TestNew_UnknownLanguage(t *testing.T) {
	if _, err := New("xx"); !errors.Is(err, ErrData) {
		t.Errorf("got %v, want ErrData", err)
	}
}

func TestStage(t *testing.T) {
	s := Stage()
	if s.Name() != "quote" || len(s.Writes()) != 1 || s.Writes()[0] != pipeline.Quotes {
		t.Errorf("stage %s writes %v", s.Name(), s.Writes())
	}
	d := &doc.Document{Text: "„Ja“, sagte er.", Lang: "fr"}
	if err := s.Process(d); err != nil {
		t.Fatal(err)
	}
	if len(d.Errors) != 1 || d.Errors[0].Code != "quote.lang" {
		t.Errorf("errors %v, want quote.lang", d.Errors)
	}
	d = &doc.Document{Text: "„Wir kommen wieder“, sagte Müller.", Lang: "de"}
	if err := s.Process(d); err != nil || len(d.Quotes) != 1 {
		t.Errorf("got %v, %d quotes", err, len(d.Quotes))
	}
}

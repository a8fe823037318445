package doc

import (
	"encoding/json"
	"io"
	"unicode/utf8"
)

// EncodeOptions selects what Encode writes.
type EncodeOptions struct {
	Tokens bool // include the tokens layer (large)
	Pretty bool // indent
}

// Record is the JSON form of a Document (schema version SchemaVersion),
// with code-point offsets. See docs/schema.md.
type Record struct {
	Schema         string        `json:"schema"`
	ID             string        `json:"id"`
	Lang           *string       `json:"lang"`
	LangConfidence float64       `json:"lang_confidence"`
	Date           *string       `json:"date"`
	Title          *string       `json:"title"`
	URL            *string       `json:"url,omitempty"`
	Source         *string       `json:"source,omitempty"`
	Labels         []string      `json:"labels,omitempty"`
	Text           string        `json:"text"`
	Dateline       *DatelineJSON `json:"dateline"`
	Sentences      []SpanJSON    `json:"sentences"`
	Tokens         []SpanJSON    `json:"tokens,omitempty"`
	Entities       []EntityJSON  `json:"entities"`
	Timexes        []TimexJSON   `json:"timexes"`
	Amounts        []AmountJSON  `json:"amounts"`
	Quotes         []QuoteJSON   `json:"quotes"`
	Events         []EventJSON   `json:"events"`
	Errors         []ErrorJSON   `json:"errors"`
}

// SpanJSON is a bare span.
type SpanJSON struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// TextSpanJSON is a span with its text.
type TextSpanJSON struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
}

// DatelineJSON is the dateline in JSON.
type DatelineJSON struct {
	Start    int         `json:"start"`
	End      int         `json:"end"`
	Text     string      `json:"text"`
	Place    *PlaceJSON  `json:"place"`
	Places   []PlaceJSON `json:"places"`
	Date     *string     `json:"date"`
	Agency   *string     `json:"agency"`
	Agencies []string    `json:"agencies"`
}

// PlaceJSON is a dateline place.
type PlaceJSON struct {
	Text   string  `json:"text"`
	Start  int     `json:"start"`
	End    int     `json:"end"`
	Entity *string `json:"entity"`
}

// EntityJSON is an entity in JSON.
type EntityJSON struct {
	ID       string        `json:"id"`
	Type     string        `json:"type"`
	Name     string        `json:"name"`
	KB       *KBRef        `json:"kb"`
	Mentions []MentionJSON `json:"mentions"`
}

// MentionJSON is a mention in JSON.
type MentionJSON struct {
	Start      int     `json:"start"`
	End        int     `json:"end"`
	Text       string  `json:"text"`
	Kind       string  `json:"kind"`
	Confidence float64 `json:"confidence"`
}

// TimexJSON is a time expression in JSON.
type TimexJSON struct {
	Start  int     `json:"start"`
	End    int     `json:"end"`
	Text   string  `json:"text"`
	Type   string  `json:"type"`
	Value  string  `json:"value"`
	Mod    *string `json:"mod"`
	Anchor *string `json:"anchor"`
}

// AmountJSON is an amount in JSON.
type AmountJSON struct {
	Start   int     `json:"start"`
	End     int     `json:"end"`
	Text    string  `json:"text"`
	Value   float64 `json:"value"`
	Unit    string  `json:"unit"`
	Counted *string `json:"counted"`
}

// QuoteJSON is a quote in JSON.
type QuoteJSON struct {
	Start       int           `json:"start"`
	End         int           `json:"end"`
	Text        string        `json:"text"`
	Kind        string        `json:"kind"`
	Speaker     *string       `json:"speaker"`
	SpeakerText *string       `json:"speaker_text"`
	Cue         *CueJSON      `json:"cue"`
	Channel     *TextSpanJSON `json:"channel"`
	Addressee   *TextSpanJSON `json:"addressee"`
	Time        *string       `json:"time"`
}

// CueJSON is a speech cue in JSON.
type CueJSON struct {
	Start int    `json:"start"`
	End   int    `json:"end"`
	Text  string `json:"text"`
	Lemma string `json:"lemma"`
}

// EventJSON is an event in JSON.
type EventJSON struct {
	ID           string         `json:"id"`
	Type         string         `json:"type"`
	Mode         *string        `json:"mode"`
	Format       *string        `json:"format"`
	Trigger      TextSpanJSON   `json:"trigger"`
	Participants []Participant  `json:"participants"`
	Place        *string        `json:"place"`
	Time         *EventTimeJSON `json:"time"`
	Status       string         `json:"status"`
	Source       *string        `json:"source"`
	Confirmed    *bool          `json:"confirmed"`
	About        *TextSpanJSON  `json:"about"`
	Evidence     SpanJSON       `json:"evidence"`
}

// EventTimeJSON is an event's time in JSON.
type EventTimeJSON struct {
	Value string `json:"value"`
	Timex *int   `json:"timex"`
}

// ErrorJSON is a non-fatal problem in JSON.
type ErrorJSON struct {
	Stage   string `json:"stage"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

// runeIndex converts byte offsets of one text to code-point offsets.
type runeIndex struct {
	ascii bool
	pos   []int32 // pos[b] = code points before byte b (for b on a rune boundary)
}

func newRuneIndex(text string) runeIndex {
	ascii := true
	for i := 0; i < len(text); i++ {
		if text[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if ascii {
		return runeIndex{ascii: true}
	}
	// A byte inside a multi-byte rune maps to that rune's index; valid
	// spans never end there, but a bad one must not crash the encoder.
	pos := make([]int32, len(text)+1)
	n := int32(-1)
	for i := 0; i < len(text); i++ {
		if utf8.RuneStart(text[i]) {
			n++
		}
		pos[i] = n
	}
	pos[len(text)] = n + 1
	return runeIndex{pos: pos}
}

func (r runeIndex) at(b int) int {
	if r.ascii {
		return b
	}
	if b < 0 {
		return 0
	}
	if b >= len(r.pos) {
		return int(r.pos[len(r.pos)-1])
	}
	return int(r.pos[b])
}

func strp(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// ToRecord converts a Document to its JSON record.
func ToRecord(d *Document, opt EncodeOptions) *Record {
	ri := newRuneIndex(d.Text)
	span := func(s Span) SpanJSON { return SpanJSON{ri.at(s.Start), ri.at(s.End)} }
	tspan := func(s Span) TextSpanJSON {
		return TextSpanJSON{ri.at(s.Start), ri.at(s.End), d.Slice(s)}
	}
	tspanp := func(s *Span) *TextSpanJSON {
		if s == nil {
			return nil
		}
		t := tspan(*s)
		return &t
	}
	r := &Record{
		Schema:         SchemaVersion,
		ID:             d.ID,
		Lang:           strp(d.Lang),
		LangConfidence: d.LangConfidence,
		Title:          strp(d.Title),
		URL:            strp(d.URL),
		Source:         strp(d.Source),
		Labels:         d.Labels,
		Text:           d.Text,
		Sentences:      make([]SpanJSON, 0, len(d.Sentences)),
		Entities:       []EntityJSON{},
		Timexes:        []TimexJSON{},
		Amounts:        []AmountJSON{},
		Quotes:         []QuoteJSON{},
		Events:         []EventJSON{},
		Errors:         []ErrorJSON{},
	}
	if !d.Date.IsZero() {
		r.Date = strp(d.Date.Format("2006-01-02"))
	}
	if dl := d.Dateline; dl != nil {
		j := &DatelineJSON{Start: ri.at(dl.Start), End: ri.at(dl.End), Text: d.Slice(dl.Span),
			Places: []PlaceJSON{}, Agencies: []string{}}
		for _, p := range dl.Places {
			j.Places = append(j.Places, PlaceJSON{Text: d.Slice(p.Span), Start: ri.at(p.Start), End: ri.at(p.End), Entity: strp(p.Entity)})
		}
		if len(j.Places) > 0 {
			p := j.Places[0]
			j.Place = &p
		}
		if !dl.Date.IsZero() {
			j.Date = strp(dl.Date.Format("2006-01-02"))
		}
		j.Agencies = append(j.Agencies, dl.Agencies...)
		if len(dl.Agencies) > 0 {
			j.Agency = strp(dl.Agencies[0])
		}
		r.Dateline = j
	}
	for _, s := range d.Sentences {
		r.Sentences = append(r.Sentences, span(s.Span))
	}
	if opt.Tokens {
		r.Tokens = make([]SpanJSON, 0, len(d.Tokens))
		for _, t := range d.Tokens {
			r.Tokens = append(r.Tokens, span(t.Span))
		}
	}
	for _, e := range d.Entities {
		j := EntityJSON{ID: e.ID, Type: e.Type, Name: e.Name, KB: e.KB, Mentions: make([]MentionJSON, 0, len(e.Mentions))}
		for _, m := range e.Mentions {
			j.Mentions = append(j.Mentions, MentionJSON{ri.at(m.Start), ri.at(m.End), d.Slice(m.Span), m.Kind, m.Confidence})
		}
		r.Entities = append(r.Entities, j)
	}
	for _, t := range d.Timexes {
		r.Timexes = append(r.Timexes, TimexJSON{ri.at(t.Start), ri.at(t.End), d.Slice(t.Span), t.Type, t.Value, strp(t.Mod), strp(t.Anchor)})
	}
	for _, a := range d.Amounts {
		r.Amounts = append(r.Amounts, AmountJSON{ri.at(a.Start), ri.at(a.End), d.Slice(a.Span), a.Value, a.Unit, strp(a.Counted)})
	}
	for _, q := range d.Quotes {
		j := QuoteJSON{Start: ri.at(q.Start), End: ri.at(q.End), Text: d.Slice(q.Span), Kind: q.Kind,
			Speaker: strp(q.Speaker), Channel: tspanp(q.Channel), Addressee: tspanp(q.Addressee), Time: strp(q.Time)}
		if q.SpeakerSpan != nil {
			j.SpeakerText = strp(d.Slice(*q.SpeakerSpan))
		}
		if q.Cue != nil {
			j.Cue = &CueJSON{ri.at(q.Cue.Start), ri.at(q.Cue.End), d.Slice(q.Cue.Span), q.Cue.Lemma}
		}
		r.Quotes = append(r.Quotes, j)
	}
	for _, e := range d.Events {
		j := EventJSON{ID: e.ID, Type: e.Type, Mode: strp(e.Mode), Format: strp(e.Format),
			Trigger: tspan(e.Trigger), Participants: append([]Participant{}, e.Participants...),
			Place: strp(e.Place), Status: e.Status, Source: strp(e.Source), Confirmed: e.Confirmed,
			About: tspanp(e.About), Evidence: span(e.Evidence)}
		if e.Time != nil {
			t := &EventTimeJSON{Value: e.Time.Value}
			if e.Time.Timex >= 0 {
				i := e.Time.Timex
				t.Timex = &i
			}
			j.Time = t
		}
		r.Events = append(r.Events, j)
	}
	for _, e := range d.Errors {
		r.Errors = append(r.Errors, ErrorJSON(e))
	}
	return r
}

// Encoder writes documents as JSON Lines (or indented JSON).
type Encoder struct {
	enc *json.Encoder
	opt EncodeOptions
}

// NewEncoder returns an Encoder writing to w.
func NewEncoder(w io.Writer, opt EncodeOptions) *Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	if opt.Pretty {
		enc.SetIndent("", "  ")
	}
	return &Encoder{enc: enc, opt: opt}
}

// Encode writes one document.
func (e *Encoder) Encode(d *Document) error {
	return e.enc.Encode(ToRecord(d, e.opt))
}

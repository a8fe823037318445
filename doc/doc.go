// Package doc is Dateline's document model: one Document owns the text of a
// story, and every layer (sentences, tokens, dateline, entities, time
// expressions, amounts, quotes, events) is a set of spans into that text.
//
// Inside Go every offset is a byte offset into Document.Text. At the JSON
// boundary offsets become Unicode code-point offsets (what Python and
// JavaScript index with); that conversion happens in one place, Encode.
//
// The pipeline never copies or rewrites Text: stages only add spans.
package doc

import (
	"fmt"
	"time"
)

// SchemaVersion is the version of the JSON record written by Encode. It
// changes whenever a field changes meaning or disappears; adding a field
// keeps it.
const SchemaVersion = "1"

// Span is a half-open byte range [Start, End) into Document.Text.
type Span struct {
	Start, End int
}

// Len returns the span's length in bytes.
func (s Span) Len() int { return s.End - s.Start }

// Valid reports whether s lies within a text of n bytes and is not reversed.
func (s Span) Valid(n int) bool { return 0 <= s.Start && s.Start <= s.End && s.End <= n }

// Document is one news story and everything found in it.
type Document struct {
	ID     string // from the input, else a stable hash of the text
	Text   string // the story as read: record header removed, paragraphs kept
	Title  string // optional headline, not part of Text
	URL    string
	Source string // publisher or feed, when the input names one
	// Labels are the input's own categories of the story: the 10kGNAD
	// section, the Reuters-21578 TOPICS, the "labels" of a JSON record.
	Labels []string

	// Date is the publication date from the input (zero when unknown).
	Date time.Time
	// Lang is an ISO 639-1 code ("de", "en") or "" when unknown.
	Lang           string
	LangConfidence float64
	// LangGiven is true when Lang came from the input or the user rather
	// than from language identification; identification then leaves it.
	LangGiven bool

	Dateline  *Dateline
	Sentences []Sentence
	Tokens    []Token
	Entities  []Entity
	Timexes   []Timex
	Amounts   []Amount
	Quotes    []Quote
	Events    []Event

	// Errors are non-fatal problems met while reading or analysing this
	// record; the record is still emitted.
	Errors []Error

	// Origin tells where the record came from, for error messages.
	Origin Origin
}

// Origin locates a record in its input.
type Origin struct {
	File   string // "-" for standard input
	Record int    // 1-based record number within the file
	Line   int    // 1-based line where the record starts, 0 when unknown
}

func (o Origin) String() string {
	if o.Line > 0 {
		return fmt.Sprintf("%s: record %d (line %d)", o.File, o.Record, o.Line)
	}
	return fmt.Sprintf("%s: record %d", o.File, o.Record)
}

// Error is a non-fatal problem attached to a document.
type Error struct {
	Stage   string // the stage or reader that met it
	Code    string // stable, machine-readable code, e.g. "encoding.windows1252"
	Message string
}

// Slice returns the text of a span, or "" when the span is out of range.
func (d *Document) Slice(s Span) string {
	if !s.Valid(len(d.Text)) {
		return ""
	}
	return d.Text[s.Start:s.End]
}

// AddError records a non-fatal problem.
func (d *Document) AddError(stage, code, format string, args ...any) {
	d.Errors = append(d.Errors, Error{Stage: stage, Code: code, Message: fmt.Sprintf(format, args...)})
}

// Token is one word, number or punctuation mark.
type Token struct {
	Span
	// Flags describe the token's shape, set by the tokenizer.
	Flags TokenFlag
}

// TokenFlag is a bit set describing a token.
type TokenFlag uint16

const (
	// SpaceBefore: whitespace precedes the token (or it starts the text).
	SpaceBefore TokenFlag = 1 << iota
	// ParagraphStart: a blank line precedes the token.
	ParagraphStart
	// Word: the token is a word (letters, possibly with hyphens/apostrophes).
	Word
	// Number: the token is a number (digits with separators).
	Number
	// Punct: the token is punctuation.
	Punct
	// Abbrev: the token ends with a dot that belongs to it (an abbreviation
	// or an ordinal number).
	Abbrev
	// URL: a URL or e-mail address.
	URL
	// QuoteMark: an opening or closing quotation mark.
	QuoteMark
)

// Has reports whether all bits of f are set.
func (f TokenFlag) Has(g TokenFlag) bool { return f&g == g }

// Sentence is a sentence span with the range of its tokens
// (Tokens[First:Last]) when tokens were kept.
type Sentence struct {
	Span
	First, Last int
}

// Dateline is the place-agency-date lead of a wire story,
// e.g. "Kiew, 25. Feb (Reuters) -".
type Dateline struct {
	Span
	Places   []Place
	Date     time.Time // zero when the dateline names no date
	Agencies []string
}

// Place is a place named in a dateline.
type Place struct {
	Span
	Entity string // entity id once linked, else ""
}

// Entity kinds of mention.
const (
	MentionName    = "name"
	MentionAlias   = "alias"
	MentionDerived = "derived"
	MentionRole    = "role"
	MentionPronoun = "pronoun"
	MentionMetonym = "metonym"
)

// Entity is one real-world entity with its mentions in this document.
type Entity struct {
	ID       string
	Type     string // PER, LOC, ORG, MISC
	Name     string // canonical name (English where known)
	KB       *KBRef
	Mentions []Mention
}

// KBRef points at a knowledge-base entry.
type KBRef struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

// Mention is one place in the text where an entity is named or referred to.
type Mention struct {
	Span
	Kind       string // one of the Mention* constants
	Confidence float64
}

// Timex is a TIMEX3-style time expression.
type Timex struct {
	Span
	Type   string // DATE, TIME, DURATION, SET
	Value  string // ISO 8601 / TimeML value, e.g. "2026-02-26", "P2H", "PAST_REF"
	Mod    string // START, END, MID, APPROX, BEFORE, AFTER, ... or ""
	Anchor string // the value the expression was resolved against, or ""
}

// Amount is a number with its unit.
type Amount struct {
	Span
	Value   float64
	Unit    string // ISO 4217 code, "percent", or the counted noun
	Counted string // the counted noun for counts ("Soldaten"), else ""
}

// Quote is a direct or reported statement.
type Quote struct {
	Span                // the content only, without the attribution
	Kind        string  // direct, indirect, mixed
	Speaker     string  // entity id, or ""
	SpeakerSpan *Span   // the words naming the speaker
	Cue         *Cue    // reporting verb or preposition
	Channel     *Span   // "auf X", "in einer Erklärung"
	Addressee   *Span   // whom it was said to
	Time        string  // TIMEX value of the statement's time
	Confidence  float64 // 0 when not estimated
}

// Cue is the word(s) that mark speech: a reporting verb, "zufolge", "laut".
type Cue struct {
	Span
	Lemma string
}

// Event is a typed event with participants and evidence.
type Event struct {
	ID           string
	Type         string // PLOVER type: CONSULT, DEMAND, REJECT, ...
	Mode         string // e.g. phone, meeting, talks
	Format       string // bilateral, trilateral, multilateral, mediated
	Trigger      Span
	Participants []Participant
	Place        string // entity id or ""
	Time         *EventTime
	Status       string // occurred, planned, expected, ongoing, negated, hypothetical
	Source       string // entity id of who the claim is attributed to, or ""
	Confirmed    *bool
	About        *Span
	Evidence     Span
}

// Participant is an entity in an event role.
type Participant struct {
	Entity string `json:"entity"`
	Role   string `json:"role"` // actor, target, participant, mediator
}

// EventTime is an event's time: the normalised value and the index of the
// time expression it came from (-1 when none).
type EventTime struct {
	Value string
	Timex int
}

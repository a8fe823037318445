// Package store keeps what Dateline extracts from many stories and merges
// it across them: stories (with their full JSON record), entities merged
// by knowledge-base id or by normalised name and type, mentions, quotes,
// and events merged across the stories that report them.
//
// Store is the storage interface; Open returns the embedded SQLite
// implementation (one file, WAL mode, pure Go). The SQL is kept portable
// (no SQLite-only types or upserts beyond ON CONFLICT, which PostgreSQL
// shares) except for full-text search, which lives in one place (the
// stories_fts table and the functions in text.go) so that a PostgreSQL
// backend can swap in tsvector.
//
// # Adding stories
//
// Add stores a batch of analysed records in one transaction: a batch is
// either entirely visible or not at all, so a process killed at any moment
// leaves no half-written story. A story whose content hash (dedup.Hash of
// its text) is stored already is not stored again: the sighting is
// recorded as a copy of the stored story (exact duplicate) and nothing else
// changes, which makes re-running an ingest idempotent. A story whose
// MinHash similarity to a stored one is at least dedup.Threshold is
// stored, linked to the first as a near-duplicate: its event reports do not count as
// independent corroboration.
//
// # Offsets
//
// Offsets stored in tables (mentions, quotes, event evidence) are the JSON
// record's Unicode code-point offsets.
package store

import (
	"context"
	"errors"
	"io"

	"github.com/dateline/dateline/doc"
)

// Errors returned by stores; test with errors.Is.
var (
	// ErrNotFound: no story, entity or event with that id.
	ErrNotFound = errors.New("store: not found")
	// ErrInvalid: a filter or record is malformed (bad date, limit...).
	ErrInvalid = errors.New("store: invalid argument")
)

// MaxLimit is the largest page size a query accepts.
const MaxLimit = 500

// DefaultLimit is the page size when a filter gives none.
const DefaultLimit = 20

// Store is Dateline's storage across stories. Implementations are safe for
// concurrent use.
type Store interface {
	// Add stores a batch of records in one transaction and reports what
	// happened to each.
	Add(ctx context.Context, recs []*doc.Record) ([]AddResult, error)
	// HasHash reports whether a story with this content hash is stored.
	HasHash(ctx context.Context, hash string) (bool, error)
	// HasSighting reports whether the record with this content hash,
	// document id and input source (Record.Source) is stored.
	HasSighting(ctx context.Context, hash, docID, source string) (bool, error)

	Stories(ctx context.Context, f StoryFilter) (*Page[StorySummary], error)
	Story(ctx context.Context, id int64) (*StoryDetail, error)
	Entities(ctx context.Context, f EntityFilter) (*Page[Entity], error)
	Entity(ctx context.Context, id int64) (*EntityDetail, error)
	Timeline(ctx context.Context, entity int64, f TimeFilter) (*Page[TimelineItem], error)
	Related(ctx context.Context, entity int64, f TimeFilter) (*Page[RelatedEntity], error)
	Events(ctx context.Context, f EventFilter) (*Page[Event], error)
	Event(ctx context.Context, id int64) (*EventDetail, error)
	Quotes(ctx context.Context, f QuoteFilter) (*Page[Quote], error)
	Clusters(ctx context.Context, f TimeFilter) (*Page[Cluster], error)
	// ExportEvents writes every event matching f (ignoring its limit) in
	// the given format.
	ExportEvents(ctx context.Context, f EventFilter, format ExportFormat, w io.Writer) error
	Stats(ctx context.Context) (*Stats, error)
	Close() error
}

// AddStatus says what Add did with one record.
type AddStatus string

// The outcomes of adding a record.
const (
	Added         AddStatus = "added"          // a new story
	NearDuplicate AddStatus = "near_duplicate" // stored, linked to an earlier story
	ExactCopy     AddStatus = "exact_copy"     // same text as a stored story: sighting recorded
	AlreadyStored AddStatus = "already_stored" // this very sighting is stored (a re-run)
)

// AddResult is the outcome for one record of a batch.
type AddResult struct {
	Story  int64     `json:"story"` // the stored story (the first one for duplicates)
	Status AddStatus `json:"status"`
}

// Page is one page of a list.
type Page[T any] struct {
	Items  []T `json:"items"`
	Total  int `json:"total"`
	Limit  int `json:"limit"`
	Offset int `json:"offset"`
}

// Paging selects a page: Limit 0 means DefaultLimit; above MaxLimit is
// ErrInvalid.
type Paging struct {
	Limit  int
	Offset int
}

// TimeFilter restricts to a date range (inclusive, "YYYY-MM-DD" or "").
type TimeFilter struct {
	From, To string
	Paging
}

// StoryFilter selects stories. Query is full-text (stemmed in German and
// English); all set fields must match.
type StoryFilter struct {
	Query      string
	Lang       string
	Source     string
	Entity     int64
	Cluster    int64
	Duplicates bool // include near-duplicates (default: only first copies)
	TimeFilter
}

// EntityFilter selects entities by name prefix/substring and type.
type EntityFilter struct {
	Query string
	Type  string
	Paging
}

// EventFilter selects events.
type EventFilter struct {
	Entity    int64  // a participant
	Type      string // PLOVER type
	Place     int64  // place entity
	PlaceName string // place name (case-insensitive)
	Source    string // a reporting source (publisher/agency) or claim source name
	Status    string
	Confirmed string // "yes": corroborated by ≥2 independent sources or confirmed; "no": otherwise
	TimeFilter
}

// QuoteFilter selects quotes.
type QuoteFilter struct {
	Speaker     int64  // speaker entity
	SpeakerName string // substring of the speaker's name or the speaker words
	Query       string // substring of the quote
	TimeFilter
}

// ExportFormat names an export format.
type ExportFormat string

// Export formats.
const (
	JSONL   ExportFormat = "jsonl"
	CSV     ExportFormat = "csv"
	GeoJSON ExportFormat = "geojson"
)

// ParseExportFormat checks a format name.
func ParseExportFormat(s string) (ExportFormat, error) {
	switch f := ExportFormat(s); f {
	case JSONL, CSV, GeoJSON:
		return f, nil
	}
	return "", errors.Join(ErrInvalid, errors.New("unknown export format "+s+" (want jsonl, csv or geojson)"))
}

// StorySummary is a story in a list.
type StorySummary struct {
	ID          int64   `json:"id"`
	DocID       string  `json:"doc_id"`
	Title       string  `json:"title"`
	Date        string  `json:"date,omitempty"`
	Lang        string  `json:"lang,omitempty"`
	Source      string  `json:"source,omitempty"`
	Snippet     string  `json:"snippet"`
	DuplicateOf *int64  `json:"duplicate_of,omitempty"`
	Cluster     int64   `json:"cluster"`
	Copies      int     `json:"copies"`
	Score       float64 `json:"score,omitempty"`
}

// StoryDetail is one story with its full record.
type StoryDetail struct {
	StorySummary
	Hash       string        `json:"hash"`
	Record     *doc.Record   `json:"record"`
	Entities   []StoryEntity `json:"entities"`
	Events     []StoryEvent  `json:"events"`
	Duplicates []int64       `json:"duplicates"`
	Sightings  []Sighting    `json:"sightings"`
}

// StoryEntity maps a story-local entity id to the merged entity.
type StoryEntity struct {
	Local  string `json:"local"`
	Entity int64  `json:"entity"`
	Name   string `json:"name"`
	Type   string `json:"type"`
}

// StoryEvent maps a story-local event id to the merged event.
type StoryEvent struct {
	Local string `json:"local"`
	Event int64  `json:"event"`
}

// Sighting is one input record that carried a story's text.
type Sighting struct {
	DocID  string `json:"doc_id"`
	Source string `json:"source,omitempty"`
	Date   string `json:"date,omitempty"`
	Origin string `json:"origin,omitempty"`
}

// Entity is an entity merged across stories.
type Entity struct {
	ID       int64    `json:"id"`
	Type     string   `json:"type"`
	Name     string   `json:"name"`
	KBID     string   `json:"kb_id,omitempty"`
	KBLabel  string   `json:"kb_label,omitempty"`
	Mentions int      `json:"mentions"`
	Stories  int      `json:"stories"`
	First    string   `json:"first_seen,omitempty"`
	Last     string   `json:"last_seen,omitempty"`
	Lat      *float64 `json:"lat,omitempty"`
	Lon      *float64 `json:"lon,omitempty"`
}

// Alias is a surface form seen for an entity, with how often.
type Alias struct {
	Text  string `json:"text"`
	Count int    `json:"count"`
}

// EntityDetail is an entity with its aliases.
type EntityDetail struct {
	Entity
	Aliases []Alias `json:"aliases"`
}

// TimelineItem is an event or a statement on an entity's timeline.
type TimelineItem struct {
	Kind  string `json:"kind"` // "event" or "quote"
	Date  string `json:"date,omitempty"`
	Event *Event `json:"event,omitempty"`
	Quote *Quote `json:"quote,omitempty"`
}

// RelatedEntity is an entity co-occurring with another in stories.
type RelatedEntity struct {
	Entity
	Shared int `json:"shared_stories"`
}

// Event is an event merged across the stories that report it.
type Event struct {
	ID            int64         `json:"id"`
	Type          string        `json:"type"`
	Mode          string        `json:"mode,omitempty"`
	Date          string        `json:"date,omitempty"` // YYYY-MM-DD when known
	Time          string        `json:"time,omitempty"` // TIMEX value as reported first
	Place         *int64        `json:"place,omitempty"`
	PlaceName     string        `json:"place_name,omitempty"`
	Lat           *float64      `json:"lat,omitempty"`
	Lon           *float64      `json:"lon,omitempty"`
	Status        string        `json:"status"`
	FirstReported string        `json:"first_reported,omitempty"`
	FirstStory    int64         `json:"first_story"`
	Reports       int           `json:"reports"`
	Sources       int           `json:"sources"` // independent sources (corroboration)
	Confirmed     bool          `json:"confirmed"`
	Participants  []Participant `json:"participants"`
	Summary       string        `json:"summary"` // trigger text of the first report
}

// Participant is an entity in an event role.
type Participant struct {
	Entity int64  `json:"entity"`
	Name   string `json:"name"`
	Type   string `json:"type"`
	Role   string `json:"role"`
}

// Report is one story's report of an event.
type Report struct {
	Story         int64  `json:"story"`
	StoryTitle    string `json:"story_title"`
	Date          string `json:"date,omitempty"`
	Source        string `json:"source,omitempty"`
	ClaimSource   string `json:"claim_source,omitempty"`
	Status        string `json:"status"`
	Confirmed     *bool  `json:"confirmed,omitempty"`
	Trigger       string `json:"trigger"`
	Evidence      string `json:"evidence"`
	EvidenceStart int    `json:"evidence_start"`
	EvidenceEnd   int    `json:"evidence_end"`
	Duplicate     bool   `json:"duplicate"`
}

// StatusChange is a change of an event's status as reported over time.
type StatusChange struct {
	Status string `json:"status"`
	Date   string `json:"date,omitempty"`
	Story  int64  `json:"story"`
}

// EventDetail is an event with its reports and status history.
type EventDetail struct {
	Event
	ReportList []Report       `json:"report_list"`
	History    []StatusChange `json:"history"`
}

// Quote is a statement in a story.
type Quote struct {
	ID          int64  `json:"id"`
	Story       int64  `json:"story"`
	StoryTitle  string `json:"story_title"`
	Date        string `json:"date,omitempty"`
	Speaker     *int64 `json:"speaker,omitempty"`
	SpeakerName string `json:"speaker_name,omitempty"`
	SpeakerText string `json:"speaker_text,omitempty"`
	Text        string `json:"text"`
	Kind        string `json:"kind"`
	Cue         string `json:"cue,omitempty"`
	Start       int    `json:"start"`
	End         int    `json:"end"`
}

// Cluster is a group of stories about the same development.
type Cluster struct {
	ID      int64        `json:"id"`
	Stories int          `json:"stories"`
	First   string       `json:"first,omitempty"`
	Last    string       `json:"last,omitempty"`
	Lead    StorySummary `json:"lead"`
}

// Stats counts what is stored.
type Stats struct {
	Stories        int   `json:"stories"`
	NearDuplicates int   `json:"near_duplicates"`
	Sightings      int   `json:"sightings"`
	Entities       int   `json:"entities"`
	Mentions       int   `json:"mentions"`
	Events         int   `json:"events"`
	Reports        int   `json:"reports"`
	Quotes         int   `json:"quotes"`
	Clusters       int   `json:"clusters"`
	Bytes          int64 `json:"bytes"`
}

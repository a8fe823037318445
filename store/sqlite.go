package store

import (
	"context"
	"database/sql"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"net/url"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/dateline/dateline/dedup"
	"github.com/dateline/dateline/doc"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed schema.sql
var schemaSQL string

// schemaVersion is stored in meta; a store written by another version is
// refused rather than misread.
const schemaVersion = "5"

const ftsSQL = `CREATE VIRTUAL TABLE IF NOT EXISTS stories_fts USING fts5(
    body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`

// namesSQL indexes entity names and aliases by trigrams, for substring
// search of entities ("bank" finds "World Bank" and "Bundesbank").
const namesSQL = `CREATE VIRTUAL TABLE IF NOT EXISTS entity_names USING fts5(
    entity_id UNINDEXED, name, tokenize='trigram')`

// Options configure Open.
type Options struct {
	// ReadOnly opens the file for queries only; Add fails.
	ReadOnly bool
}

// SQLite is the embedded Store: one database file in WAL mode.
type SQLite struct {
	path string
	w    *sql.DB // one connection: SQLite has a single writer
	r    *sql.DB // a pool of read connections
	ro   bool

	gen     atomic.Uint64 // bumped by every Add, invalidating cached totals
	countMu sync.Mutex
	counts  map[string]countEntry
	stmtMu  sync.Mutex
	stmts   map[string]*sql.Stmt // prepared read statements
}

// maxCachedStmts bounds the statements prepared per transaction (queries
// with IN lists of many lengths are not all worth keeping).
const maxCachedStmts = 256

var _ Store = (*SQLite)(nil)

// Open opens (creating when needed, unless read-only) the SQLite store at
// path.
func Open(path string, opt Options) (*SQLite, error) {
	if path == "" {
		return nil, fmt.Errorf("%w: empty database path", ErrInvalid)
	}
	if opt.ReadOnly {
		if _, err := os.Stat(path); err != nil {
			return nil, fmt.Errorf("store: open %s: %w", path, err)
		}
	}
	dsn := func(extra string) string {
		q := url.Values{}
		q.Add("_pragma", "busy_timeout(10000)")
		q.Add("_pragma", "foreign_keys(1)")
		q.Add("_pragma", "synchronous(NORMAL)")
		q.Add("_pragma", "cache_size(-32000)")
		s := "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
		if extra != "" {
			s += "&" + extra
		}
		return s
	}
	s := &SQLite{path: path, ro: opt.ReadOnly}
	var err error
	if !opt.ReadOnly {
		s.w, err = sql.Open("sqlite", dsn("_txlock=immediate"))
		if err != nil {
			return nil, fmt.Errorf("store: open %s: %w", path, err)
		}
		s.w.SetMaxOpenConns(1)
		if err := s.init(); err != nil {
			s.w.Close()
			return nil, err
		}
	}
	s.r, err = sql.Open("sqlite", dsn("_pragma=query_only(1)"))
	if err != nil {
		s.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	s.r.SetMaxOpenConns(8)
	s.r.SetMaxIdleConns(8)
	if err := s.checkVersion(); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

func (s *SQLite) init() error {
	if _, err := s.w.Exec(`PRAGMA journal_mode=WAL`); err != nil {
		return fmt.Errorf("store: %s: WAL mode: %w", s.path, err)
	}
	tx, err := s.w.Begin()
	if err != nil {
		return fmt.Errorf("store: %s: %w", s.path, err)
	}
	defer tx.Rollback()
	for _, stmt := range strings.Split(schemaSQL, ";\n") {
		if strings.TrimSpace(stripComments(stmt)) == "" {
			continue
		}
		if _, err := tx.Exec(stmt); err != nil {
			return fmt.Errorf("store: %s: schema: %w", s.path, err)
		}
	}
	for _, q := range []string{ftsSQL, namesSQL} {
		if _, err := tx.Exec(q); err != nil {
			return fmt.Errorf("store: %s: full-text index: %w", s.path, err)
		}
	}
	if _, err := tx.Exec(`INSERT INTO meta(key, value) VALUES ('schema', ?) ON CONFLICT (key) DO NOTHING`, schemaVersion); err != nil {
		return fmt.Errorf("store: %s: %w", s.path, err)
	}
	return tx.Commit()
}

func stripComments(s string) string {
	var b strings.Builder
	for _, l := range strings.Split(s, "\n") {
		if i := strings.Index(l, "--"); i >= 0 {
			l = l[:i]
		}
		b.WriteString(l)
	}
	return b.String()
}

func (s *SQLite) checkVersion() error {
	var v string
	err := s.r.QueryRow(`SELECT value FROM meta WHERE key = 'schema'`).Scan(&v)
	if err != nil {
		return fmt.Errorf("store: %s is not a Dateline store: %w", s.path, err)
	}
	if v != schemaVersion {
		return fmt.Errorf("store: %s has schema version %s, this program reads %s", s.path, v, schemaVersion)
	}
	return nil
}

// Close closes the store.
func (s *SQLite) Close() error {
	var errs []error
	s.stmtMu.Lock()
	for _, st := range s.stmts {
		st.Close()
	}
	s.stmts = nil
	s.stmtMu.Unlock()
	if s.r != nil {
		errs = append(errs, s.r.Close())
	}
	if s.w != nil {
		// Fold the WAL back so the file is self-contained when copied.
		s.w.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`)
		errs = append(errs, s.w.Close())
	}
	return errors.Join(errs...)
}

// Path returns the database file.
func (s *SQLite) Path() string { return s.path }

// HasHash reports whether a story with this content hash is stored.
func (s *SQLite) HasHash(ctx context.Context, hash string) (bool, error) {
	var n int
	err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM stories WHERE hash = ?`, hash).Scan(&n)
	return n > 0, err
}

// HasSighting reports whether this exact sighting (same content hash,
// document id and input source, as read before analysis) is stored, so
// that a re-run can skip analysing it.
func (s *SQLite) HasSighting(ctx context.Context, hash, docID, source string) (bool, error) {
	var n int
	err := s.r.QueryRowContext(ctx, `SELECT COUNT(*) FROM sightings WHERE key = ?`, sightingKey(hash, docID, source)).Scan(&n)
	return n > 0, err
}

func sightingKey(hash, docID, source string) string { return hash + "|" + docID + "|" + source }

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

// StorySource is the independent source of a record: its publisher, else
// its dateline's first agency, else "".
func StorySource(r *doc.Record) string {
	if s := deref(r.Source); s != "" {
		return s
	}
	if r.Dateline != nil {
		if a := deref(r.Dateline.Agency); a != "" {
			return a
		}
	}
	return ""
}

// Add stores a batch of records in one transaction.
func (s *SQLite) Add(ctx context.Context, recs []*doc.Record) ([]AddResult, error) {
	if s.ro || s.w == nil {
		return nil, fmt.Errorf("%w: store opened read-only", ErrInvalid)
	}
	tx, err := s.w.BeginTx(ctx, nil)
	if err != nil {
		return nil, fmt.Errorf("store: begin: %w", err)
	}
	defer tx.Rollback()
	a := &adder{tx: tx, ctx: ctx, now: time.Now().UTC().Format(time.RFC3339), stmts: map[string]*sql.Stmt{}}
	defer a.close()
	out := make([]AddResult, 0, len(recs))
	for _, r := range recs {
		res, err := a.add(r)
		if err != nil {
			return nil, fmt.Errorf("store: story %q: %w", r.ID, err)
		}
		out = append(out, res)
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("store: commit: %w", err)
	}
	s.gen.Add(1)
	return out, nil
}

type adder struct {
	tx    *sql.Tx
	ctx   context.Context
	now   string
	stmts map[string]*sql.Stmt // transaction-bound statements
}

func (a *adder) close() {
	for _, st := range a.stmts {
		st.Close()
	}
}

// stmt returns a statement for q prepared once per transaction (a batch
// of stories), or nil when too many are cached. Statements cannot be
// prepared on the database handle: the transaction holds its only
// connection.
func (a *adder) stmt(q string) (*sql.Stmt, error) {
	if st, ok := a.stmts[q]; ok {
		return st, nil
	}
	if len(a.stmts) >= maxCachedStmts {
		return nil, nil
	}
	st, err := a.tx.PrepareContext(a.ctx, q)
	if err != nil {
		return nil, err
	}
	a.stmts[q] = st
	return st, nil
}

func (a *adder) exec(q string, args ...any) (sql.Result, error) {
	st, err := a.stmt(q)
	if err != nil {
		return nil, err
	}
	if st == nil {
		return a.tx.ExecContext(a.ctx, q, args...)
	}
	return st.ExecContext(a.ctx, args...)
}

func (a *adder) query(q string, args ...any) (*sql.Rows, error) {
	st, err := a.stmt(q)
	if err != nil {
		return nil, err
	}
	if st == nil {
		return a.query(q, args...)
	}
	return st.QueryContext(a.ctx, args...)
}

// scan runs a one-row query and scans it; sql.ErrNoRows when empty.
func (a *adder) scan(q string, args []any, dest ...any) error {
	rows, err := a.query(q, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return err
		}
		return sql.ErrNoRows
	}
	if err := rows.Scan(dest...); err != nil {
		return err
	}
	return rows.Close()
}

func (a *adder) insertID(q string, args ...any) (int64, error) {
	var id int64
	err := a.scan(q+" RETURNING id", args, &id)
	return id, err
}

func (a *adder) add(r *doc.Record) (AddResult, error) {
	if r.Text == "" {
		return AddResult{}, fmt.Errorf("%w: empty text", ErrInvalid)
	}
	hash := dedup.Hash(r.Text)
	source := StorySource(r)
	date := deref(r.Date)
	origin := ""
	key := sightingKey(hash, r.ID, deref(r.Source))

	// Exact duplicate or re-run: record the sighting only.
	var first int64
	err := a.scan(`SELECT id FROM stories WHERE hash = ?`, []any{hash}, &first)
	if err == nil {
		res, err := a.exec(`INSERT INTO sightings(key, story_id, doc_id, source, date, origin) VALUES (?,?,?,?,?,?) ON CONFLICT (key) DO NOTHING`,
			key, first, r.ID, source, date, origin)
		if err != nil {
			return AddResult{}, err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return AddResult{Story: first, Status: AlreadyStored}, nil
		}
		return AddResult{Story: first, Status: ExactCopy}, nil
	} else if !errors.Is(err, sql.ErrNoRows) {
		return AddResult{}, err
	}

	// Near duplicate: the most similar first copy sharing a MinHash band.
	title := deref(r.Title)
	sig, sigOK := dedup.MinHash(r.Text)
	var dupOf sql.NullInt64
	var sim sql.NullFloat64
	var sigBytes []byte
	if sigOK {
		sigBytes = sig.Bytes()
		b := sig.Bands()
		args := make([]any, len(b))
		for i := range b {
			args[i] = b[i]
		}
		rows, err := a.query(`SELECT DISTINCT s.id, s.signature FROM dupbands b JOIN stories s ON s.id = b.story_id
			WHERE b.band IN (?`+strings.Repeat(",?", len(b)-1)+`) ORDER BY s.id`, args...)
		if err != nil {
			return AddResult{}, err
		}
		best := 0.0
		for rows.Next() {
			var id int64
			var raw []byte
			if err := rows.Scan(&id, &raw); err != nil {
				rows.Close()
				return AddResult{}, err
			}
			other, err := dedup.ParseSignature(raw)
			if err != nil {
				continue
			}
			if x := dedup.Similarity(sig, other); x >= dedup.Threshold && x > best {
				best, dupOf, sim = x, sql.NullInt64{Int64: id, Valid: true}, sql.NullFloat64{Float64: x, Valid: true}
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return AddResult{}, err
		}
	}

	recJSON, err := json.Marshal(r)
	if err != nil {
		return AddResult{}, err
	}
	id, err := a.insertID(`INSERT INTO stories(doc_id, hash, signature, duplicate_of, similarity, title, lang, date, source, url, ingested_at)
		VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
		r.ID, hash, sigBytes, dupOf, sim, title, deref(r.Lang), date, source, deref(r.URL), a.now)
	if err != nil {
		return AddResult{}, err
	}
	if _, err := a.exec(`INSERT INTO story_bodies(story_id, text, record) VALUES (?,?,?)`, id, r.Text, string(recJSON)); err != nil {
		return AddResult{}, err
	}
	if _, err := a.exec(`INSERT INTO sightings(key, story_id, doc_id, source, date, origin) VALUES (?,?,?,?,?,?)`,
		key, id, r.ID, source, date, origin); err != nil {
		return AddResult{}, err
	}
	lang := deref(r.Lang)
	body := indexText(title+"\n"+r.Text, lang)
	if dupOf.Valid {
		body += " " + dupMarker
	}
	if _, err := a.exec(`INSERT INTO stories_fts(rowid, body) VALUES (?, ?)`, id, body); err != nil {
		return AddResult{}, err
	}
	if sigOK && !dupOf.Valid {
		for _, b := range sig.Bands() {
			if _, err := a.exec(`INSERT INTO dupbands(band, story_id) VALUES (?, ?) ON CONFLICT (band, story_id) DO NOTHING`, b, id); err != nil {
				return AddResult{}, err
			}
		}
	}
	st := &storyCtx{id: id, date: date, source: source, dup: dupOf.Valid, local: map[string]int64{}}
	if st.source == "" {
		st.source = fmt.Sprintf("story:%d", id)
	}
	if err := a.entities(r, st); err != nil {
		return AddResult{}, err
	}
	if err := a.quotes(r, st); err != nil {
		return AddResult{}, err
	}
	if err := a.events(r, st); err != nil {
		return AddResult{}, err
	}
	if err := a.cluster(st, dupOf); err != nil {
		return AddResult{}, err
	}
	if dupOf.Valid {
		return AddResult{Story: id, Status: NearDuplicate}, nil
	}
	return AddResult{Story: id, Status: Added}, nil
}

// storyCtx is what the parts of Add share about the story being added.
type storyCtx struct {
	id     int64
	date   string
	source string
	dup    bool
	local  map[string]int64 // story-local entity id → merged entity
	events []int64          // merged events this story reports
	// distinctive are the story's entities seen in few stories so far,
	// the ones that can tie it to a cluster.
	distinctive []int64
}

// maxClusterEntityStories: an entity named in more stories than this
// ("U.S.", "Reuters") says little about which development a story is
// about and is not used to cluster.
const maxClusterEntityStories = 150

// entityKey is the merge key of an entity: its KB id, else its type and
// normalised name.
func entityKey(e *doc.EntityJSON) string {
	if e.KB != nil && e.KB.ID != "" {
		return "kb:" + e.KB.ID
	}
	return "name:" + e.Type + ":" + normName(e.Name)
}

func (a *adder) entities(r *doc.Record, st *storyCtx) error {
	for i := range r.Entities {
		e := &r.Entities[i]
		name := e.Name
		if name == "" && len(e.Mentions) > 0 {
			name = e.Mentions[0].Text
		}
		if name == "" {
			continue
		}
		e.Name = name
		key := entityKey(e)
		var id int64
		err := a.scan(`SELECT id FROM entities WHERE key = ?`, []any{key}, &id)
		if errors.Is(err, sql.ErrNoRows) {
			var kbID, kbLabel string
			if e.KB != nil {
				kbID, kbLabel = e.KB.ID, e.KB.Label
			}
			var lat, lon sql.NullFloat64
			if c, ok := lookupPlace(kbID); ok {
				lat, lon = sql.NullFloat64{Float64: c.Lat, Valid: true}, sql.NullFloat64{Float64: c.Lon, Valid: true}
			}
			id, err = a.insertID(`INSERT INTO entities(key, type, name, norm, kb_id, kb_label, first_seen, last_seen, lat, lon) VALUES (?,?,?,?,?,?,?,?,?,?)`,
				key, e.Type, name, normName(name), kbID, kbLabel, st.date, st.date, lat, lon)
			if err == nil {
				_, err = a.exec(`INSERT INTO entity_names(entity_id, name) VALUES (?, ?)`, id, name)
			}
		}
		if err != nil {
			return err
		}
		if prev, seen := st.local[e.ID]; seen && prev == id {
			continue
		}
		st.local[e.ID] = id
		seDate := st.date
		if st.dup {
			seDate = ""
		}
		if _, err := a.exec(`INSERT INTO story_entities(story_id, local_id, entity_id, mentions, date) VALUES (?,?,?,?,?) ON CONFLICT (story_id, local_id) DO NOTHING`,
			st.id, e.ID, id, len(e.Mentions), seDate); err != nil {
			return err
		}
		var stories int
		if err := a.scan(`UPDATE entities SET mentions = mentions + ?, stories = stories + ?,
			first_seen = CASE WHEN ? <> '' AND (first_seen = '' OR ? < first_seen) THEN ? ELSE first_seen END,
			last_seen = CASE WHEN ? > last_seen THEN ? ELSE last_seen END WHERE id = ? RETURNING stories`,
			[]any{len(e.Mentions), boolInt(!st.dup), st.date, st.date, st.date, st.date, st.date, id}, &stories); err != nil {
			return err
		}
		if stories <= maxClusterEntityStories {
			st.distinctive = append(st.distinctive, id)
		}
		if err := a.mentions(st.id, id, e.Mentions); err != nil {
			return err
		}
		aliases := map[string]int{}
		var order []string
		for _, m := range e.Mentions {
			// "Bank of\nEngland" in a wrapped wire story is the same alias.
			text := strings.Join(strings.Fields(m.Text), " ")
			if m.Kind == doc.MentionPronoun || text == "" {
				continue
			}
			if aliases[text] == 0 {
				order = append(order, text)
			}
			aliases[text]++
		}
		for _, text := range order {
			var count int
			if err := a.scan(`INSERT INTO aliases(entity_id, text, count) VALUES (?,?,?) ON CONFLICT (entity_id, text) DO UPDATE SET count = aliases.count + excluded.count RETURNING count`,
				[]any{id, text, aliases[text]}, &count); err != nil {
				return err
			}
			if count == aliases[text] && text != name { // a new alias
				if _, err := a.exec(`INSERT INTO entity_names(entity_id, name) VALUES (?, ?)`, id, text); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// mentionRows is the number of mentions inserted by one statement.
const mentionRows = 32

// mentions inserts an entity's mentions in a story, mentionRows at a time.
func (a *adder) mentions(story, entity int64, ms []doc.MentionJSON) error {
	for len(ms) > 0 {
		n := min(len(ms), mentionRows)
		args := make([]any, 0, 7*n)
		for _, m := range ms[:n] {
			args = append(args, story, entity, m.Start, m.End, m.Text, m.Kind, m.Confidence)
		}
		q := `INSERT INTO mentions(story_id, entity_id, start_cp, end_cp, text, kind, confidence) VALUES (?,?,?,?,?,?,?)` +
			strings.Repeat(`,(?,?,?,?,?,?,?)`, n-1)
		if _, err := a.exec(q, args...); err != nil {
			return err
		}
		ms = ms[n:]
	}
	return nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (a *adder) quotes(r *doc.Record, st *storyCtx) error {
	for _, q := range r.Quotes {
		var speaker sql.NullInt64
		if q.Speaker != nil {
			if id, ok := st.local[*q.Speaker]; ok {
				speaker = sql.NullInt64{Int64: id, Valid: true}
			}
		}
		cue := ""
		if q.Cue != nil {
			cue = q.Cue.Lemma
			if cue == "" {
				cue = q.Cue.Text
			}
		}
		if _, err := a.exec(`INSERT INTO quotes(story_id, speaker_id, speaker_text, text, kind, cue, start_cp, end_cp, time_value, date) VALUES (?,?,?,?,?,?,?,?,?,?)`,
			st.id, speaker, deref(q.SpeakerText), q.Text, q.Kind, cue, q.Start, q.End, deref(q.Time), st.date); err != nil {
			return err
		}
	}
	return nil
}

// eventDate is the calendar date of an event: its time value when that
// starts with a full date, else the story's date.
func eventDate(e *doc.EventJSON, storyDate string) string {
	if e.Time != nil && len(e.Time.Value) >= 10 {
		if _, err := time.Parse("2006-01-02", e.Time.Value[:10]); err == nil {
			return e.Time.Value[:10]
		}
	}
	return storyDate
}

// compatibleDates: known dates within a day, or both unknown. An
// unknown date (an undated story whose event names no date) never matches
// a known one: it would join events of any year.
func compatibleDates(a, b string) bool {
	if a == "" || b == "" {
		return a == b
	}
	ta, err1 := time.Parse("2006-01-02", a)
	tb, err2 := time.Parse("2006-01-02", b)
	if err1 != nil || err2 != nil {
		return a == b
	}
	return math.Abs(ta.Sub(tb).Hours()) <= 24
}

func (a *adder) events(r *doc.Record, st *storyCtx) error {
	names := map[string]string{}
	for _, e := range r.Entities {
		names[e.ID] = e.Name
	}
	for i := range r.Events {
		e := &r.Events[i]
		if e.Type == "" {
			continue
		}
		parts := map[int64]string{}
		var partIDs []int64
		for _, p := range e.Participants {
			if id, ok := st.local[p.Entity]; ok {
				if _, dup := parts[id]; !dup {
					partIDs = append(partIDs, id)
				}
				parts[id] = p.Role
			}
		}
		var place sql.NullInt64
		placeName := ""
		if e.Place != nil {
			if id, ok := st.local[*e.Place]; ok {
				place = sql.NullInt64{Int64: id, Valid: true}
				placeName = names[*e.Place]
			}
		}
		date := eventDate(e, st.date)
		evID, err := a.matchEvent(e.Type, partIDs, place, date)
		if err != nil {
			return err
		}
		status := e.Status
		trig := e.Trigger.Text
		evidence := sliceCP(r.Text, e.Evidence.Start, e.Evidence.End)
		if evID == 0 {
			var lat, lon sql.NullFloat64
			if place.Valid {
				a.scan(`SELECT lat, lon FROM entities WHERE id = ?`, []any{place.Int64}, &lat, &lon)
			}
			tv := ""
			if e.Time != nil {
				tv = e.Time.Value
			}
			evID, err = a.insertID(`INSERT INTO events(type, mode, date, time_value, place_id, place_name, lat, lon, status, status_date, first_reported, first_story, summary)
				VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`,
				e.Type, deref(e.Mode), date, tv, place, placeName, lat, lon, status, st.date, st.date, st.id, trig)
			if err != nil {
				return err
			}
			if _, err := a.exec(`INSERT INTO event_status(event_id, status, date, story_id) VALUES (?,?,?,?)`, evID, status, st.date, st.id); err != nil {
				return err
			}
		} else {
			// A later report with another status is a status change.
			var cur, curDate, first string
			if err := a.scan(`SELECT status, status_date, first_reported FROM events WHERE id = ?`, []any{evID}, &cur, &curDate, &first); err != nil {
				return err
			}
			if status != "" && status != cur && st.date >= curDate {
				if _, err := a.exec(`UPDATE events SET status = ?, status_date = ? WHERE id = ?`, status, st.date, evID); err != nil {
					return err
				}
				if _, err := a.exec(`INSERT INTO event_status(event_id, status, date, story_id) VALUES (?,?,?,?)`, evID, status, st.date, st.id); err != nil {
					return err
				}
			}
			if st.date != "" && (first == "" || st.date < first) {
				if _, err := a.exec(`UPDATE events SET first_reported = ?, first_story = ? WHERE id = ?`, st.date, st.id, evID); err != nil {
					return err
				}
			}
			if place.Valid {
				if _, err := a.exec(`UPDATE events SET place_id = ?, place_name = ?,
					lat = COALESCE(lat, (SELECT lat FROM entities WHERE id = ?)), lon = COALESCE(lon, (SELECT lon FROM entities WHERE id = ?))
					WHERE id = ? AND place_id IS NULL`, place, placeName, place, place, evID); err != nil {
					return err
				}
			}
			if date != "" {
				if _, err := a.exec(`UPDATE events SET date = ? WHERE id = ? AND date = ''`, date, evID); err != nil {
					return err
				}
			}
		}
		for _, id := range partIDs {
			// An entity keeps the role it was first reported in.
			if _, err := a.exec(`INSERT INTO event_participants(event_id, entity_id, role) SELECT ?, ?, ?
				WHERE NOT EXISTS (SELECT 1 FROM event_participants WHERE event_id = ? AND entity_id = ?)`,
				evID, id, parts[id], evID, id); err != nil {
				return err
			}
		}
		claim := ""
		if e.Source != nil {
			claim = names[*e.Source]
		}
		var confirmed sql.NullInt64
		if e.Confirmed != nil {
			confirmed = sql.NullInt64{Int64: int64(boolInt(*e.Confirmed)), Valid: true}
		}
		if _, err := a.exec(`INSERT INTO event_reports(event_id, story_id, local_id, source, claim_source, status, confirmed, trigger_text, evidence, ev_start, ev_end, date, duplicate)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`,
			evID, st.id, e.ID, st.source, claim, status, confirmed, trig, evidence, e.Evidence.Start, e.Evidence.End, st.date, boolInt(st.dup)); err != nil {
			return err
		}
		if !st.dup {
			if _, err := a.exec(`INSERT INTO event_sources(event_id, source) VALUES (?,?) ON CONFLICT (event_id, source) DO NOTHING`, evID, st.source); err != nil {
				return err
			}
		}
		if _, err := a.exec(`UPDATE events SET reports = reports + 1,
			sources = (SELECT COUNT(*) FROM event_sources WHERE event_id = ?),
			confirmed = CASE WHEN (SELECT COUNT(*) FROM event_sources WHERE event_id = ?) >= 2 OR ? = 1 THEN 1 ELSE confirmed END
			WHERE id = ?`, evID, evID, confirmed.Int64, evID); err != nil {
			return err
		}
		st.events = append(st.events, evID)
	}
	return nil
}

// matchEvent finds a stored event this report is about: same type, one
// participant set containing the other, compatible date and place.
// Without participants: same type, place and date. It returns 0 when none
// matches.
func (a *adder) matchEvent(typ string, parts []int64, place sql.NullInt64, date string) (int64, error) {
	type cand struct {
		id      int64
		date    string
		place   sql.NullInt64
		overlap int
		size    int
	}
	var cands []cand
	if len(parts) > 0 {
		args := []any{typ}
		for _, p := range parts {
			args = append(args, p)
		}
		rows, err := a.query(`SELECT e.id, e.date, e.place_id, COUNT(DISTINCT p.entity_id),
			(SELECT COUNT(DISTINCT entity_id) FROM event_participants WHERE event_id = e.id)
			FROM events e JOIN event_participants p ON p.event_id = e.id
			WHERE e.type = ? AND p.entity_id IN (?`+strings.Repeat(",?", len(parts)-1)+`)
			GROUP BY e.id, e.date, e.place_id ORDER BY e.id DESC LIMIT 200`, args...)
		if err != nil {
			return 0, err
		}
		for rows.Next() {
			var c cand
			if err := rows.Scan(&c.id, &c.date, &c.place, &c.overlap, &c.size); err != nil {
				rows.Close()
				return 0, err
			}
			cands = append(cands, c)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return 0, err
		}
	} else if place.Valid && date != "" {
		var id int64
		err := a.scan(`SELECT e.id FROM events e WHERE e.type = ? AND e.place_id = ? AND e.date = ?
			AND NOT EXISTS (SELECT 1 FROM event_participants p WHERE p.event_id = e.id) ORDER BY e.id LIMIT 1`, []any{typ, place, date}, &id)
		if errors.Is(err, sql.ErrNoRows) {
			return 0, nil
		}
		return id, err
	}
	var best int64
	bestOverlap := 0
	for _, c := range cands {
		// One participant set contains the other: {US} and {US, China}
		// may be one meeting; {US, China} and {US, Japan} are two.
		if c.overlap == 0 || c.overlap < min(len(parts), c.size) {
			continue
		}
		if !compatibleDates(c.date, date) {
			continue
		}
		if place.Valid && c.place.Valid && place.Int64 != c.place.Int64 {
			continue
		}
		if c.overlap > bestOverlap {
			best, bestOverlap = c.id, c.overlap
		}
	}
	return best, nil
}

// cluster assigns the story to a cluster: a near-duplicate joins its
// first copy's; a story reporting an already known event joins that
// event's first story's; a story sharing at least two distinctive
// entities (and a third of its own) with a story within three days joins
// that story's; otherwise it starts its own.
func (a *adder) cluster(st *storyCtx, dupOf sql.NullInt64) error {
	var c int64
	if dupOf.Valid {
		a.scan(`SELECT cluster_id FROM stories WHERE id = ?`, []any{dupOf.Int64}, &c)
	}
	if c == 0 && len(st.events) > 0 {
		for _, ev := range st.events {
			a.scan(`SELECT s.cluster_id FROM events e JOIN stories s ON s.id = e.first_story WHERE e.id = ? AND s.id <> ?`, []any{ev, st.id}, &c)
			if c != 0 {
				break
			}
		}
	}
	if c == 0 && st.date != "" && len(st.distinctive) >= 2 {
		d, err := time.Parse("2006-01-02", st.date)
		if err == nil {
			from, to := d.AddDate(0, 0, -3).Format("2006-01-02"), d.AddDate(0, 0, 3).Format("2006-01-02")
			args := []any{}
			seen := map[int64]bool{}
			for _, id := range st.distinctive {
				if !seen[id] {
					seen[id] = true
					args = append(args, id)
				}
			}
			n := len(args)
			need := max(2, (n+2)/3)
			args = append(args, from, to, st.id, need)
			var other int64
			err := a.scan(`SELECT story_id FROM story_entities
				WHERE entity_id IN (?`+strings.Repeat(",?", n-1)+`) AND date BETWEEN ? AND ? AND story_id <> ?
				GROUP BY story_id HAVING COUNT(DISTINCT entity_id) >= ? ORDER BY COUNT(DISTINCT entity_id) DESC, story_id LIMIT 1`, args, &other)
			if err != nil && !errors.Is(err, sql.ErrNoRows) {
				return err
			}
			if other != 0 {
				if err := a.scan(`SELECT cluster_id FROM stories WHERE id = ?`, []any{other}, &c); err != nil {
					return err
				}
			}
		}
	}
	if c == 0 {
		c = st.id
	}
	if _, err := a.exec(`UPDATE stories SET cluster_id = ? WHERE id = ?`, c, st.id); err != nil {
		return err
	}
	if st.dup {
		return nil
	}
	_, err := a.exec(`INSERT INTO clusters(id, stories, first, last) VALUES (?, 1, ?, ?)
		ON CONFLICT (id) DO UPDATE SET stories = clusters.stories + 1,
		first = CASE WHEN excluded.first <> '' AND (clusters.first = '' OR excluded.first < clusters.first) THEN excluded.first ELSE clusters.first END,
		last = CASE WHEN excluded.last > clusters.last THEN excluded.last ELSE clusters.last END`, c, st.date, st.date)
	return err
}

// sliceCP returns text[start:end] in code points, clamped.
func sliceCP(text string, start, end int) string {
	if start < 0 || end <= start {
		return ""
	}
	i, bs, be := 0, -1, len(text)
	for b := range text {
		if i == start {
			bs = b
		}
		if i == end {
			be = b
			break
		}
		i++
	}
	if bs < 0 {
		return ""
	}
	return text[bs:be]
}

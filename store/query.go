package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/dateline/dateline/doc"
)

// The queries are shared by the CLI (dateline query) and the API.

func invalid(format string, args ...any) error {
	return fmt.Errorf("%w: "+format, append([]any{ErrInvalid}, args...)...)
}

func (p Paging) check() (Paging, error) {
	if p.Limit < 0 || p.Offset < 0 {
		return p, invalid("limit and offset must not be negative")
	}
	if p.Limit > MaxLimit {
		return p, invalid("limit %d is above the maximum %d", p.Limit, MaxLimit)
	}
	if p.Offset > 1_000_000 {
		return p, invalid("offset %d is too large", p.Offset)
	}
	if p.Limit == 0 {
		p.Limit = DefaultLimit
	}
	return p, nil
}

// CheckDate validates a "YYYY-MM-DD" date ("" is allowed).
func CheckDate(s string) error {
	if s == "" {
		return nil
	}
	if _, err := time.Parse("2006-01-02", s); err != nil {
		return invalid("bad date %q (want YYYY-MM-DD)", s)
	}
	return nil
}

func (f TimeFilter) check() (TimeFilter, error) {
	if err := CheckDate(f.From); err != nil {
		return f, err
	}
	if err := CheckDate(f.To); err != nil {
		return f, err
	}
	if f.From != "" && f.To != "" && f.From > f.To {
		return f, invalid("from %s is after to %s", f.From, f.To)
	}
	var err error
	f.Paging, err = f.Paging.check()
	return f, err
}

// where accumulates SQL conditions and their arguments.
type where struct {
	conds []string
	args  []any
}

func (w *where) add(cond string, args ...any) {
	w.conds = append(w.conds, cond)
	w.args = append(w.args, args...)
}

func (w *where) sql() string {
	if len(w.conds) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(w.conds, " AND ")
}

func (w *where) dates(col string, f TimeFilter) {
	if f.From != "" {
		w.add(col+" >= ?", f.From)
	}
	if f.To != "" {
		w.add(col+" <= ? AND "+col+" <> ''", f.To)
	}
}

// maxReadStmts bounds the cache of prepared read statements.
const maxReadStmts = 512

// readStmt returns a prepared statement for q on the read pool (prepared
// on each connection once, by database/sql), or nil when the cache is
// full. Preparing is a fifth of a simple query's cost in SQLite.
func (s *SQLite) readStmt(ctx context.Context, q string) *sql.Stmt {
	s.stmtMu.Lock()
	defer s.stmtMu.Unlock()
	if st, ok := s.stmts[q]; ok {
		return st
	}
	if len(s.stmts) >= maxReadStmts {
		return nil
	}
	st, err := s.r.PrepareContext(ctx, q)
	if err != nil {
		return nil // the query itself reports the error
	}
	if s.stmts == nil {
		s.stmts = map[string]*sql.Stmt{}
	}
	s.stmts[q] = st
	return st
}

func (s *SQLite) query(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	if st := s.readStmt(ctx, q); st != nil {
		return st.QueryContext(ctx, args...)
	}
	return s.r.QueryContext(ctx, q, args...)
}

func (s *SQLite) queryRow(ctx context.Context, q string, args ...any) *sql.Row {
	if st := s.readStmt(ctx, q); st != nil {
		return st.QueryRowContext(ctx, args...)
	}
	return s.r.QueryRowContext(ctx, q, args...)
}

// countTTL is how long a list's total is reused. Totals are the costly
// part of a page (they visit every matching row); a total at most this
// old, or from before this process's last Add, is not reused.
const countTTL = 3 * time.Second

type countEntry struct {
	n   int
	at  time.Time
	gen uint64
}

// count runs a COUNT query, reusing a recent result.
func (s *SQLite) count(ctx context.Context, q string, args ...any) (int, error) {
	key := q + "\x00" + fmt.Sprint(args...)
	gen := s.gen.Load()
	s.countMu.Lock()
	e, ok := s.counts[key]
	s.countMu.Unlock()
	if ok && e.gen == gen && time.Since(e.at) < countTTL {
		return e.n, nil
	}
	var n int
	if err := s.queryRow(ctx, q, args...).Scan(&n); err != nil {
		return 0, err
	}
	s.countMu.Lock()
	if s.counts == nil || len(s.counts) > 10000 {
		s.counts = map[string]countEntry{}
	}
	s.counts[key] = countEntry{n: n, at: time.Now(), gen: gen}
	s.countMu.Unlock()
	return n, nil
}

// Stories lists stories, newest first, or by relevance for a full-text
// query.
func (s *SQLite) Stories(ctx context.Context, f StoryFilter) (*Page[StorySummary], error) {
	var err error
	if f.TimeFilter, err = f.TimeFilter.check(); err != nil {
		return nil, err
	}
	if len(f.Query) > 1000 {
		return nil, invalid("query longer than 1000 bytes")
	}
	w := &where{}
	from := "stories s"
	order := " ORDER BY s.date DESC, s.id DESC"
	score := "0.0"
	if strings.TrimSpace(f.Query) != "" {
		m := ftsQuery(f.Query)
		if m == "" {
			return &Page[StorySummary]{Items: []StorySummary{}, Limit: f.Limit, Offset: f.Offset}, nil
		}
		if f.Lang == "" && f.Source == "" && f.Entity == 0 && f.Cluster == 0 && f.From == "" && f.To == "" {
			return s.search(ctx, m, f)
		}
		from = "stories_fts JOIN stories s ON s.id = stories_fts.rowid"
		w.add("stories_fts MATCH ?", m)
		order = " ORDER BY stories_fts.rank, s.id"
		score = "-stories_fts.rank"
	}
	if !f.Duplicates {
		w.add("s.duplicate_of IS NULL")
	}
	if f.Lang != "" {
		w.add("s.lang = ?", f.Lang)
	}
	if f.Source != "" {
		w.add("s.source = ?", f.Source)
	}
	if f.Entity != 0 {
		w.add("s.id IN (SELECT story_id FROM story_entities WHERE entity_id = ?)", f.Entity)
	}
	if f.Cluster != 0 {
		w.add("s.cluster_id = ?", f.Cluster)
	}
	w.dates("s.date", f.TimeFilter)
	total, err := s.count(ctx, "SELECT COUNT(*) FROM "+from+w.sql(), w.args...)
	if err != nil {
		return nil, fmt.Errorf("store: stories: %w", err)
	}
	return s.storyPage(ctx, total, f, `SELECT s.id, s.doc_id, s.title, s.date, s.lang, s.source, s.duplicate_of, s.cluster_id, `+score+
		` FROM `+from+w.sql()+order+` LIMIT ? OFFSET ?`, append(w.args, f.Limit, f.Offset)...)
}

// search is full-text search without other filters, ranked inside the
// full-text index (FTS5 keeps only the best limit+offset matches instead of
// sorting them all); near-duplicates are left out by their marker token.
func (s *SQLite) search(ctx context.Context, match string, f StoryFilter) (*Page[StorySummary], error) {
	if !f.Duplicates {
		match = "(" + match + ") NOT " + dupMarker
	}
	total, err := s.count(ctx, `SELECT COUNT(*) FROM stories_fts WHERE stories_fts MATCH ?`, match)
	if err != nil {
		return nil, fmt.Errorf("store: stories: %w", err)
	}
	return s.storyPage(ctx, total, f, `SELECT s.id, s.doc_id, s.title, s.date, s.lang, s.source, s.duplicate_of, s.cluster_id, -f.rank
		FROM (SELECT rowid, rank FROM stories_fts WHERE stories_fts MATCH ? ORDER BY rank LIMIT ? OFFSET ?) f
		JOIN stories s ON s.id = f.rowid ORDER BY f.rank, s.id`, match, f.Limit, f.Offset)
}

// storyPage runs q, which selects story summary rows (id, doc_id, title,
// date, lang, source, duplicate_of, cluster_id, score), into a page of
// total stories with snippets and copy counts.
func (s *SQLite) storyPage(ctx context.Context, total int, f StoryFilter, q string, args ...any) (*Page[StorySummary], error) {
	rows, err := s.query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: stories: %w", err)
	}
	p := &Page[StorySummary]{Items: []StorySummary{}, Total: total, Limit: f.Limit, Offset: f.Offset}
	for rows.Next() {
		var it StorySummary
		var dup sql.NullInt64
		if err := rows.Scan(&it.ID, &it.DocID, &it.Title, &it.Date, &it.Lang, &it.Source, &dup, &it.Cluster, &it.Score); err != nil {
			rows.Close()
			return nil, fmt.Errorf("store: stories: %w", err)
		}
		if dup.Valid {
			it.DuplicateOf = &dup.Int64
		}
		p.Items = append(p.Items, it)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: stories: %w", err)
	}
	if err := s.fillSummaries(ctx, p.Items, f.Query); err != nil {
		return nil, err
	}
	return p, nil
}

// fillSummaries adds snippets and copy counts to a page of stories, in
// one query for the page rather than for every candidate row.
func (s *SQLite) fillSummaries(ctx context.Context, items []StorySummary, query string) error {
	if len(items) == 0 {
		return nil
	}
	idx := map[int64]int{}
	ids := make([]any, len(items))
	for i := range items {
		idx[items[i].ID] = i
		ids[i] = items[i].ID
	}
	rows, err := s.query(ctx, `SELECT b.story_id, b.text, (SELECT COUNT(*) FROM sightings WHERE story_id = b.story_id)
		FROM story_bodies b WHERE b.story_id IN (?`+strings.Repeat(",?", len(ids)-1)+`)`, ids...)
	if err != nil {
		return fmt.Errorf("store: stories: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id int64
		var text string
		var copies int
		if err := rows.Scan(&id, &text, &copies); err != nil {
			return fmt.Errorf("store: stories: %w", err)
		}
		it := &items[idx[id]]
		it.Copies = copies
		it.Snippet = snippet(text, it.Lang, query, 220)
		if it.Title == "" {
			it.Title = snippet(text, "", "", 80)
		}
	}
	return rows.Err()
}

// Story returns one story with its full record.
func (s *SQLite) Story(ctx context.Context, id int64) (*StoryDetail, error) {
	var d StoryDetail
	var dup sql.NullInt64
	var rec string
	err := s.queryRow(ctx, `SELECT s.id, s.doc_id, s.title, s.date, s.lang, s.source, s.duplicate_of, s.cluster_id, b.record, s.hash,
		(SELECT COUNT(*) FROM sightings WHERE story_id = s.id) FROM stories s JOIN story_bodies b ON b.story_id = s.id WHERE s.id = ?`, id).
		Scan(&d.ID, &d.DocID, &d.Title, &d.Date, &d.Lang, &d.Source, &dup, &d.Cluster, &rec, &d.Hash, &d.Copies)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%w: story %d", ErrNotFound, id)
	}
	if err != nil {
		return nil, fmt.Errorf("store: story %d: %w", id, err)
	}
	if dup.Valid {
		d.DuplicateOf = &dup.Int64
	}
	d.Record = &doc.Record{}
	if err := json.Unmarshal([]byte(rec), d.Record); err != nil {
		return nil, fmt.Errorf("store: story %d: record: %w", id, err)
	}
	d.Snippet = snippet(d.Record.Text, d.Lang, "", 220)
	d.Entities = []StoryEntity{}
	rows, err := s.query(ctx, `SELECT se.local_id, e.id, e.name, e.type FROM story_entities se JOIN entities e ON e.id = se.entity_id
		WHERE se.story_id = ? ORDER BY se.local_id`, id)
	if err != nil {
		return nil, fmt.Errorf("store: story %d: %w", id, err)
	}
	for rows.Next() {
		var e StoryEntity
		if err := rows.Scan(&e.Local, &e.Entity, &e.Name, &e.Type); err != nil {
			rows.Close()
			return nil, err
		}
		d.Entities = append(d.Entities, e)
	}
	rows.Close()
	d.Events = []StoryEvent{}
	rows, err = s.query(ctx, `SELECT local_id, event_id FROM event_reports WHERE story_id = ? ORDER BY id`, id)
	if err != nil {
		return nil, fmt.Errorf("store: story %d: %w", id, err)
	}
	for rows.Next() {
		var e StoryEvent
		if err := rows.Scan(&e.Local, &e.Event); err != nil {
			rows.Close()
			return nil, err
		}
		d.Events = append(d.Events, e)
	}
	rows.Close()
	d.Duplicates = []int64{}
	rows, err = s.query(ctx, `SELECT id FROM stories WHERE duplicate_of = ? ORDER BY id LIMIT 100`, id)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var x int64
		rows.Scan(&x)
		d.Duplicates = append(d.Duplicates, x)
	}
	rows.Close()
	d.Sightings = []Sighting{}
	rows, err = s.query(ctx, `SELECT doc_id, source, date, origin FROM sightings WHERE story_id = ? ORDER BY rowid LIMIT 100`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var x Sighting
		if err := rows.Scan(&x.DocID, &x.Source, &x.Date, &x.Origin); err != nil {
			return nil, err
		}
		d.Sightings = append(d.Sightings, x)
	}
	return &d, rows.Err()
}

const entityCols = `e.id, e.type, e.name, e.kb_id, e.kb_label, e.mentions, e.stories, e.first_seen, e.last_seen, e.lat, e.lon`

func scanEntity(sc interface{ Scan(...any) error }, e *Entity, extra ...any) error {
	var lat, lon sql.NullFloat64
	err := sc.Scan(append([]any{&e.ID, &e.Type, &e.Name, &e.KBID, &e.KBLabel, &e.Mentions, &e.Stories, &e.First, &e.Last, &lat, &lon}, extra...)...)
	if lat.Valid && lon.Valid {
		e.Lat, e.Lon = &lat.Float64, &lon.Float64
	}
	return err
}

// Entities lists entities, most widely reported first.
func (s *SQLite) Entities(ctx context.Context, f EntityFilter) (*Page[Entity], error) {
	var err error
	if f.Paging, err = f.Paging.check(); err != nil {
		return nil, err
	}
	w := &where{}
	from := "entities e"
	if q := strings.TrimSpace(cleanText(f.Query)); utf8.RuneCountInString(q) >= 3 {
		// Substring of a name or an alias, through the trigram index,
		// matched first (CROSS JOIN fixes the order: 3× faster than
		// letting the planner walk entities by size).
		from = `(SELECT DISTINCT entity_id AS id FROM entity_names WHERE entity_names MATCH ?) m CROSS JOIN entities e ON e.id = m.id`
		w.args = append(w.args, `name:"`+strings.ReplaceAll(q, `"`, `""`)+`"`)
	} else if q != "" {
		w.add("e.norm LIKE ? ESCAPE '\\'", likeEscape(normName(q))+"%")
	}
	if f.Type != "" {
		w.add("e.type = ?", f.Type)
	}
	total, err := s.count(ctx, "SELECT COUNT(*) FROM "+from+w.sql(), w.args...)
	if err != nil {
		return nil, fmt.Errorf("store: entities: %w", err)
	}
	rows, err := s.query(ctx, "SELECT "+entityCols+" FROM "+from+w.sql()+" ORDER BY e.stories DESC, e.id LIMIT ? OFFSET ?",
		append(w.args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, fmt.Errorf("store: entities: %w", err)
	}
	defer rows.Close()
	p := &Page[Entity]{Items: []Entity{}, Total: total, Limit: f.Limit, Offset: f.Offset}
	for rows.Next() {
		var e Entity
		if err := scanEntity(rows, &e); err != nil {
			return nil, err
		}
		p.Items = append(p.Items, e)
	}
	return p, rows.Err()
}

// cleanText replaces control characters (NUL ends a string inside
// SQLite's FTS5 query parser) and invalid UTF-8 in user text by spaces.
func cleanText(s string) string {
	return strings.Map(func(r rune) rune {
		if r == utf8.RuneError || unicode.IsControl(r) {
			return ' '
		}
		return r
	}, s)
}

func likeEscape(s string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(s)
}

// Entity returns one entity with its aliases.
func (s *SQLite) Entity(ctx context.Context, id int64) (*EntityDetail, error) {
	var d EntityDetail
	err := scanEntity(s.queryRow(ctx, "SELECT "+entityCols+" FROM entities e WHERE e.id = ?", id), &d.Entity)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("%w: entity %d", ErrNotFound, id)
	}
	if err != nil {
		return nil, fmt.Errorf("store: entity %d: %w", id, err)
	}
	d.Aliases = []Alias{}
	rows, err := s.query(ctx, `SELECT text, count FROM aliases WHERE entity_id = ? ORDER BY count DESC, text LIMIT 100`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var a Alias
		if err := rows.Scan(&a.Text, &a.Count); err != nil {
			return nil, err
		}
		d.Aliases = append(d.Aliases, a)
	}
	return &d, rows.Err()
}

func (s *SQLite) entityExists(ctx context.Context, id int64) error {
	n, err := s.count(ctx, `SELECT COUNT(*) FROM entities WHERE id = ?`, id)
	if err != nil {
		return err
	}
	if n == 0 {
		return fmt.Errorf("%w: entity %d", ErrNotFound, id)
	}
	return nil
}

// Timeline lists an entity's events (as participant or place) and
// statements (as speaker), oldest first, undated ones last.
func (s *SQLite) Timeline(ctx context.Context, entity int64, f TimeFilter) (*Page[TimelineItem], error) {
	var err error
	if f, err = f.check(); err != nil {
		return nil, err
	}
	if err := s.entityExists(ctx, entity); err != nil {
		return nil, err
	}
	we, wq := &where{}, &where{}
	we.add("(e.id IN (SELECT event_id FROM event_participants WHERE entity_id = ?) OR e.place_id = ?)", entity, entity)
	we.dates("e.date", f)
	wq.add("q.speaker_id = ?", entity)
	wq.dates("q.date", f)
	union := `SELECT 'event' AS kind, e.id AS id, e.date AS date FROM events e` + we.sql() +
		` UNION ALL SELECT 'quote', q.id, q.date FROM quotes q` + wq.sql()
	args := append(append([]any{}, we.args...), wq.args...)
	total, err := s.count(ctx, "SELECT COUNT(*) FROM ("+union+") t", args...)
	if err != nil {
		return nil, fmt.Errorf("store: timeline: %w", err)
	}
	rows, err := s.query(ctx, "SELECT kind, id, date FROM ("+union+") t ORDER BY date = '', date, kind, id LIMIT ? OFFSET ?", append(args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, fmt.Errorf("store: timeline: %w", err)
	}
	type ref struct {
		kind, date string
		id         int64
	}
	var refs []ref
	for rows.Next() {
		var r ref
		if err := rows.Scan(&r.kind, &r.id, &r.date); err != nil {
			rows.Close()
			return nil, err
		}
		refs = append(refs, r)
	}
	rows.Close()
	p := &Page[TimelineItem]{Items: []TimelineItem{}, Total: total, Limit: f.Limit, Offset: f.Offset}
	for _, r := range refs {
		it := TimelineItem{Kind: r.kind, Date: r.date}
		if r.kind == "event" {
			evs, err := s.events(ctx, "WHERE e.id = ?", []any{r.id}, "", 1, 0)
			if err != nil {
				return nil, err
			}
			if len(evs) == 1 {
				it.Event = &evs[0]
			}
		} else {
			qs, err := s.quotes(ctx, " WHERE q.id = ?", []any{r.id}, 1, 0)
			if err != nil {
				return nil, err
			}
			if len(qs) == 1 {
				it.Quote = &qs[0]
			}
		}
		p.Items = append(p.Items, it)
	}
	return p, nil
}

// Related lists entities co-occurring with entity in first copies of
// stories, most shared stories first.
func (s *SQLite) Related(ctx context.Context, entity int64, f TimeFilter) (*Page[RelatedEntity], error) {
	var err error
	if f, err = f.check(); err != nil {
		return nil, err
	}
	if err := s.entityExists(ctx, entity); err != nil {
		return nil, err
	}
	w := &where{}
	w.add("a.entity_id = ?", entity)
	w.add("b.entity_id <> ?", entity)
	w.add("s.duplicate_of IS NULL")
	w.dates("s.date", f)
	base := ` FROM story_entities a JOIN story_entities b ON b.story_id = a.story_id JOIN stories s ON s.id = a.story_id` + w.sql()
	total, err := s.count(ctx, "SELECT COUNT(DISTINCT b.entity_id)"+base, w.args...)
	if err != nil {
		return nil, fmt.Errorf("store: related: %w", err)
	}
	rows, err := s.query(ctx, `SELECT `+entityCols+`, t.shared FROM (SELECT b.entity_id AS id, COUNT(DISTINCT a.story_id) AS shared`+base+
		` GROUP BY b.entity_id) t JOIN entities e ON e.id = t.id ORDER BY t.shared DESC, e.id LIMIT ? OFFSET ?`, append(w.args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, fmt.Errorf("store: related: %w", err)
	}
	defer rows.Close()
	p := &Page[RelatedEntity]{Items: []RelatedEntity{}, Total: total, Limit: f.Limit, Offset: f.Offset}
	for rows.Next() {
		var r RelatedEntity
		if err := scanEntity(rows, &r.Entity, &r.Shared); err != nil {
			return nil, err
		}
		p.Items = append(p.Items, r)
	}
	return p, rows.Err()
}

func (f EventFilter) where() (*where, error) {
	var err error
	if f.TimeFilter, err = f.TimeFilter.check(); err != nil {
		return nil, err
	}
	w := &where{}
	if f.Entity != 0 {
		w.add("e.id IN (SELECT event_id FROM event_participants WHERE entity_id = ?)", f.Entity)
	}
	if f.Type != "" {
		w.add("e.type = ?", strings.ToUpper(f.Type))
	}
	if f.Place != 0 {
		w.add("e.place_id = ?", f.Place)
	}
	if f.PlaceName != "" {
		w.add("LOWER(e.place_name) = ?", strings.ToLower(f.PlaceName))
	}
	if f.Source != "" {
		w.add("e.id IN (SELECT event_id FROM event_reports WHERE source = ? OR claim_source = ?)", f.Source, f.Source)
	}
	if f.Status != "" {
		w.add("e.status = ?", f.Status)
	}
	switch f.Confirmed {
	case "":
	case "yes", "true", "1":
		w.add("e.confirmed = 1")
	case "no", "false", "0":
		w.add("e.confirmed = 0")
	default:
		return nil, invalid("confirmed must be yes or no, not %q", f.Confirmed)
	}
	w.dates("e.date", f.TimeFilter)
	return w, nil
}

// Events lists events merged across stories, newest first.
func (s *SQLite) Events(ctx context.Context, f EventFilter) (*Page[Event], error) {
	w, err := f.where()
	if err != nil {
		return nil, err
	}
	f.TimeFilter, _ = f.TimeFilter.check()
	total, err := s.count(ctx, "SELECT COUNT(*) FROM events e"+w.sql(), w.args...)
	if err != nil {
		return nil, fmt.Errorf("store: events: %w", err)
	}
	items, err := s.events(ctx, w.sql(), w.args, " ORDER BY e.date DESC, e.id DESC", f.Limit, f.Offset)
	if err != nil {
		return nil, err
	}
	return &Page[Event]{Items: items, Total: total, Limit: f.Limit, Offset: f.Offset}, nil
}

func (s *SQLite) events(ctx context.Context, whereSQL string, args []any, order string, limit, offset int) ([]Event, error) {
	rows, err := s.query(ctx, `SELECT e.id, e.type, e.mode, e.date, e.time_value, e.place_id, e.place_name, e.lat, e.lon, e.status,
		e.first_reported, e.first_story, e.reports, e.sources, e.confirmed, e.summary FROM events e `+whereSQL+order+` LIMIT ? OFFSET ?`,
		append(append([]any{}, args...), limit, offset)...)
	if err != nil {
		return nil, fmt.Errorf("store: events: %w", err)
	}
	out := []Event{}
	for rows.Next() {
		var e Event
		var place sql.NullInt64
		var lat, lon sql.NullFloat64
		if err := rows.Scan(&e.ID, &e.Type, &e.Mode, &e.Date, &e.Time, &place, &e.PlaceName, &lat, &lon, &e.Status,
			&e.FirstReported, &e.FirstStory, &e.Reports, &e.Sources, &e.Confirmed, &e.Summary); err != nil {
			rows.Close()
			return nil, err
		}
		if place.Valid {
			e.Place = &place.Int64
		}
		if lat.Valid && lon.Valid {
			e.Lat, e.Lon = &lat.Float64, &lon.Float64
		}
		out = append(out, e)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	if len(out) == 0 {
		return out, nil
	}
	idx := map[int64]int{}
	ids := make([]any, len(out))
	for i := range out {
		out[i].Participants = []Participant{}
		idx[out[i].ID] = i
		ids[i] = out[i].ID
	}
	prows, err := s.query(ctx, `SELECT p.event_id, p.entity_id, n.name, n.type, p.role FROM event_participants p JOIN entities n ON n.id = p.entity_id
		WHERE p.event_id IN (?`+strings.Repeat(",?", len(ids)-1)+`) ORDER BY p.event_id, p.role, n.name`, ids...)
	if err != nil {
		return nil, fmt.Errorf("store: events: %w", err)
	}
	defer prows.Close()
	for prows.Next() {
		var ev int64
		var p Participant
		if err := prows.Scan(&ev, &p.Entity, &p.Name, &p.Type, &p.Role); err != nil {
			return nil, err
		}
		if i, ok := idx[ev]; ok {
			out[i].Participants = append(out[i].Participants, p)
		}
	}
	return out, prows.Err()
}

// Event returns one event with all its reports and its status history.
func (s *SQLite) Event(ctx context.Context, id int64) (*EventDetail, error) {
	evs, err := s.events(ctx, "WHERE e.id = ?", []any{id}, "", 1, 0)
	if err != nil {
		return nil, err
	}
	if len(evs) == 0 {
		return nil, fmt.Errorf("%w: event %d", ErrNotFound, id)
	}
	d := &EventDetail{Event: evs[0], ReportList: []Report{}, History: []StatusChange{}}
	rows, err := s.query(ctx, `SELECT r.story_id, s.title, r.date, r.source, r.claim_source, r.status, r.confirmed, r.trigger_text,
		r.evidence, r.ev_start, r.ev_end, r.duplicate FROM event_reports r JOIN stories s ON s.id = r.story_id WHERE r.event_id = ? ORDER BY r.date, r.id LIMIT 1000`, id)
	if err != nil {
		return nil, err
	}
	for rows.Next() {
		var r Report
		var conf sql.NullInt64
		if err := rows.Scan(&r.Story, &r.StoryTitle, &r.Date, &r.Source, &r.ClaimSource, &r.Status, &conf, &r.Trigger,
			&r.Evidence, &r.EvidenceStart, &r.EvidenceEnd, &r.Duplicate); err != nil {
			rows.Close()
			return nil, err
		}
		if conf.Valid {
			b := conf.Int64 == 1
			r.Confirmed = &b
		}
		d.ReportList = append(d.ReportList, r)
	}
	rows.Close()
	rows, err = s.query(ctx, `SELECT status, date, story_id FROM event_status WHERE event_id = ? ORDER BY rowid`, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	for rows.Next() {
		var c StatusChange
		if err := rows.Scan(&c.Status, &c.Date, &c.Story); err != nil {
			return nil, err
		}
		d.History = append(d.History, c)
	}
	return d, rows.Err()
}

// Quotes lists statements, newest first.
func (s *SQLite) Quotes(ctx context.Context, f QuoteFilter) (*Page[Quote], error) {
	var err error
	if f.TimeFilter, err = f.TimeFilter.check(); err != nil {
		return nil, err
	}
	w := &where{}
	if f.Speaker != 0 {
		w.add("q.speaker_id = ?", f.Speaker)
	}
	if f.SpeakerName != "" {
		n := "%" + likeEscape(strings.ToLower(f.SpeakerName)) + "%"
		w.add("(LOWER(q.speaker_text) LIKE ? ESCAPE '\\' OR q.speaker_id IN (SELECT id FROM entities WHERE LOWER(name) LIKE ? ESCAPE '\\'))", n, n)
	}
	if f.Query != "" {
		w.add("LOWER(q.text) LIKE ? ESCAPE '\\'", "%"+likeEscape(strings.ToLower(f.Query))+"%")
	}
	w.dates("q.date", f.TimeFilter)
	total, err := s.count(ctx, "SELECT COUNT(*) FROM quotes q"+w.sql(), w.args...)
	if err != nil {
		return nil, fmt.Errorf("store: quotes: %w", err)
	}
	items, err := s.quotes(ctx, w.sql(), w.args, f.Limit, f.Offset)
	if err != nil {
		return nil, err
	}
	return &Page[Quote]{Items: items, Total: total, Limit: f.Limit, Offset: f.Offset}, nil
}

func (s *SQLite) quotes(ctx context.Context, whereSQL string, args []any, limit, offset int) ([]Quote, error) {
	rows, err := s.query(ctx, `SELECT q.id, q.story_id, s.title, q.date, q.speaker_id, COALESCE(e.name, ''), q.speaker_text, q.text, q.kind, q.cue, q.start_cp, q.end_cp
		FROM quotes q JOIN stories s ON s.id = q.story_id LEFT JOIN entities e ON e.id = q.speaker_id`+whereSQL+` ORDER BY q.date DESC, q.id DESC LIMIT ? OFFSET ?`,
		append(append([]any{}, args...), limit, offset)...)
	if err != nil {
		return nil, fmt.Errorf("store: quotes: %w", err)
	}
	defer rows.Close()
	out := []Quote{}
	for rows.Next() {
		var q Quote
		var sp sql.NullInt64
		if err := rows.Scan(&q.ID, &q.Story, &q.StoryTitle, &q.Date, &sp, &q.SpeakerName, &q.SpeakerText, &q.Text, &q.Kind, &q.Cue, &q.Start, &q.End); err != nil {
			return nil, err
		}
		if sp.Valid {
			q.Speaker = &sp.Int64
		}
		out = append(out, q)
	}
	return out, rows.Err()
}

// Clusters lists story clusters with more than one story, largest first.
func (s *SQLite) Clusters(ctx context.Context, f TimeFilter) (*Page[Cluster], error) {
	var err error
	if f, err = f.check(); err != nil {
		return nil, err
	}
	// Clusters overlapping the date range.
	w := &where{}
	w.add("c.stories > 1")
	if f.From != "" {
		w.add("c.last >= ?", f.From)
	}
	if f.To != "" {
		w.add("c.first <= ? AND c.first <> ''", f.To)
	}
	total, err := s.count(ctx, "SELECT COUNT(*) FROM clusters c"+w.sql(), w.args...)
	if err != nil {
		return nil, fmt.Errorf("store: clusters: %w", err)
	}
	// The lead story of a cluster is the one that started it (id = cluster id).
	rows, err := s.query(ctx, `SELECT c.id, c.stories, c.first, c.last, l.doc_id, l.title, l.date, l.lang, l.source
		FROM clusters c JOIN stories l ON l.id = c.id`+w.sql()+` ORDER BY c.stories DESC, c.id LIMIT ? OFFSET ?`, append(w.args, f.Limit, f.Offset)...)
	if err != nil {
		return nil, fmt.Errorf("store: clusters: %w", err)
	}
	p := &Page[Cluster]{Items: []Cluster{}, Total: total, Limit: f.Limit, Offset: f.Offset}
	for rows.Next() {
		var c Cluster
		if err := rows.Scan(&c.ID, &c.Stories, &c.First, &c.Last, &c.Lead.DocID, &c.Lead.Title, &c.Lead.Date, &c.Lead.Lang, &c.Lead.Source); err != nil {
			rows.Close()
			return nil, err
		}
		c.Lead.ID, c.Lead.Cluster = c.ID, c.ID
		p.Items = append(p.Items, c)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, err
	}
	leads := make([]StorySummary, len(p.Items))
	for i := range p.Items {
		leads[i] = p.Items[i].Lead
	}
	if err := s.fillSummaries(ctx, leads, ""); err != nil {
		return nil, err
	}
	for i := range p.Items {
		p.Items[i].Lead = leads[i]
	}
	return p, nil
}

// Stats counts what is stored.
func (s *SQLite) Stats(ctx context.Context) (*Stats, error) {
	st := &Stats{}
	err := s.queryRow(ctx, `SELECT
		(SELECT COUNT(*) FROM stories WHERE duplicate_of IS NULL),
		(SELECT COUNT(*) FROM stories WHERE duplicate_of IS NOT NULL),
		(SELECT COUNT(*) FROM sightings),
		(SELECT COUNT(*) FROM entities),
		(SELECT COUNT(*) FROM mentions),
		(SELECT COUNT(*) FROM events),
		(SELECT COUNT(*) FROM event_reports),
		(SELECT COUNT(*) FROM quotes),
		(SELECT COUNT(DISTINCT cluster_id) FROM stories WHERE duplicate_of IS NULL)`).
		Scan(&st.Stories, &st.NearDuplicates, &st.Sightings, &st.Entities, &st.Mentions, &st.Events, &st.Reports, &st.Quotes, &st.Clusters)
	if err != nil {
		return nil, fmt.Errorf("store: stats: %w", err)
	}
	for _, suf := range []string{"", "-wal"} {
		if fi, err := os.Stat(s.path + suf); err == nil {
			st.Bytes += fi.Size()
		}
	}
	return st, nil
}

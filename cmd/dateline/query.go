package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strconv"

	"github.com/dateline/dateline/store"
)

func init() {
	register(command{name: "query", summary: "query a store: search, events, quotes, timelines, exports", run: runQuery})
}

const queryHelp = `
Queries the store FILE with the same queries as the API. List queries print
one JSON object per line (JSON Lines); export prints the chosen format.

Queries:
  search [TEXT]        stories, full-text (German and English stemming)
  story ID             one story with its full record
  entities [NAME]      entities merged across stories
  entity ID            an entity with its aliases
  timeline ID          an entity's events and statements
  related ID           entities co-occurring with an entity
  events               events (filters: --entity --type --place --source
                       --status --confirmed --from --to)
  event ID             an event with its reports and status history
  quotes [TEXT]        statements (--speaker ID, --speaker-name NAME)
  clusters             story clusters
  export               events as --format jsonl, csv or geojson
  stats                counts

Examples:
  dateline query --db news.db search "oil prices" --from 1987-03-01
  dateline query --db news.db events --type CONSULT --confirmed yes
  dateline query --db news.db export --format csv > events.csv`

func runQuery(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("query", "dateline query --db FILE QUERY [ARG] [flags]", queryHelp, stderr)
	db := fs.String("db", "", "store file (required)")
	limit := fs.Int("limit", store.DefaultLimit, fmt.Sprintf("items per page (at most %d)", store.MaxLimit))
	offset := fs.Int("offset", 0, "items to skip")
	from := fs.String("from", "", "first date YYYY-MM-DD")
	to := fs.String("to", "", "last date YYYY-MM-DD")
	lang := fs.String("lang", "", "stories in this language")
	source := fs.String("source", "", "publisher or agency")
	entity := fs.Int64("entity", 0, "entity id (stories mentioning it; events it takes part in)")
	typ := fs.String("type", "", "entity type (entities) or event type (events, export)")
	place := fs.String("place", "", "event place name")
	status := fs.String("status", "", "event status")
	confirmed := fs.String("confirmed", "", "yes or no: events corroborated by two or more sources")
	speaker := fs.Int64("speaker", 0, "quotes by this entity id")
	speakerName := fs.String("speaker-name", "", "quotes by a speaker whose name contains this")
	dups := fs.Bool("duplicates", false, "include near-duplicate stories")
	format := fs.String("format", "jsonl", "export format: jsonl, csv or geojson")
	if helpRequested(args) {
		fs.SetOutput(stdout)
		fs.Usage()
		return exitOK
	}
	pos, err := parseFlags(fs, args)
	if err != nil {
		return flagStatus(err)
	}
	if *db == "" || len(pos) == 0 {
		fmt.Fprintln(stderr, "dateline query: need --db FILE and a query (try --help)")
		return exitFailure
	}
	st, err := store.Open(*db, store.Options{ReadOnly: true})
	if err != nil {
		fmt.Fprintln(stderr, "dateline query:", err)
		return exitFailure
	}
	defer st.Close()
	ctx := context.Background()
	q, arg := pos[0], ""
	if len(pos) > 1 {
		arg = pos[1]
	}
	id := func() (int64, error) {
		n, err := strconv.ParseInt(arg, 10, 64)
		if err != nil || n <= 0 {
			return 0, fmt.Errorf("%s needs a positive numeric id, not %q", q, arg)
		}
		return n, nil
	}
	tf := store.TimeFilter{From: *from, To: *to, Paging: store.Paging{Limit: *limit, Offset: *offset}}
	ef := store.EventFilter{Entity: *entity, Type: *typ, PlaceName: *place, Source: *source, Status: *status, Confirmed: *confirmed, TimeFilter: tf}
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	err = func() error {
		switch q {
		case "search", "stories":
			p, err := st.Stories(ctx, store.StoryFilter{Query: arg, Lang: *lang, Source: *source, Entity: *entity, Duplicates: *dups, TimeFilter: tf})
			return lines(enc, p, err)
		case "story":
			n, err := id()
			if err != nil {
				return err
			}
			v, err := st.Story(ctx, n)
			return one(enc, v, err)
		case "entities":
			p, err := st.Entities(ctx, store.EntityFilter{Query: arg, Type: *typ, Paging: tf.Paging})
			return lines(enc, p, err)
		case "entity":
			n, err := id()
			if err != nil {
				return err
			}
			v, err := st.Entity(ctx, n)
			return one(enc, v, err)
		case "timeline":
			n, err := id()
			if err != nil {
				return err
			}
			p, err := st.Timeline(ctx, n, tf)
			return lines(enc, p, err)
		case "related":
			n, err := id()
			if err != nil {
				return err
			}
			p, err := st.Related(ctx, n, tf)
			return lines(enc, p, err)
		case "events":
			p, err := st.Events(ctx, ef)
			return lines(enc, p, err)
		case "event":
			n, err := id()
			if err != nil {
				return err
			}
			v, err := st.Event(ctx, n)
			return one(enc, v, err)
		case "quotes":
			p, err := st.Quotes(ctx, store.QuoteFilter{Speaker: *speaker, SpeakerName: *speakerName, Query: arg, TimeFilter: tf})
			return lines(enc, p, err)
		case "clusters":
			p, err := st.Clusters(ctx, tf)
			return lines(enc, p, err)
		case "export":
			f, err := store.ParseExportFormat(*format)
			if err != nil {
				return err
			}
			return st.ExportEvents(ctx, ef, f, stdout)
		case "stats":
			v, err := st.Stats(ctx)
			return one(enc, v, err)
		}
		return fmt.Errorf("unknown query %q (try --help)", q)
	}()
	if err != nil {
		fmt.Fprintln(stderr, "dateline query:", err)
		return exitFailure
	}
	return exitOK
}

func lines[T any](enc *json.Encoder, p *store.Page[T], err error) error {
	if err != nil {
		return err
	}
	for _, it := range p.Items {
		if err := enc.Encode(it); err != nil {
			return err
		}
	}
	return nil
}

func one(enc *json.Encoder, v any, err error) error {
	if err != nil {
		return err
	}
	return enc.Encode(v)
}

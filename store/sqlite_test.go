package store_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dateline/dateline/doc"
	"github.com/dateline/dateline/store"
	"github.com/dateline/dateline/store/storetest"
)

func open(t *testing.T) *store.SQLite {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "test.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func filled(t *testing.T) *store.SQLite {
	t.Helper()
	s := open(t)
	if _, err := s.Add(context.Background(), storetest.Records()); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestSQLite_Add(t *testing.T) {
	s := open(t)
	ctx := context.Background()
	recs := storetest.Records()
	res, err := s.Add(ctx, recs)
	if err != nil {
		t.Fatal(err)
	}
	want := []store.AddStatus{store.Added, store.NearDuplicate, store.Added, store.Added}
	for i, r := range res {
		if r.Status != want[i] {
			t.Errorf("record %d: status %s, want %s", i, r.Status, want[i])
		}
	}
	if res[1].Status == store.NearDuplicate {
		d, err := s.Story(ctx, res[1].Story)
		if err != nil {
			t.Fatal(err)
		}
		if d.DuplicateOf == nil || *d.DuplicateOf != res[0].Story {
			t.Errorf("near duplicate linked to %v, want %d", d.DuplicateOf, res[0].Story)
		}
	}

	// Re-adding is idempotent; the same text under another id is a copy.
	res2, err := s.Add(ctx, recs)
	if err != nil {
		t.Fatal(err)
	}
	for i, r := range res2 {
		if r.Status != store.AlreadyStored || r.Story != res[i].Story {
			t.Errorf("re-add %d: %+v, want already_stored of %d", i, r, res[i].Story)
		}
	}
	cp := *recs[0]
	cp.ID = "elsewhere-1"
	res3, err := s.Add(ctx, []*doc.Record{&cp})
	if err != nil {
		t.Fatal(err)
	}
	if res3[0].Status != store.ExactCopy || res3[0].Story != res[0].Story {
		t.Errorf("copy: %+v, want exact_copy of %d", res3[0], res[0].Story)
	}
	st, err := s.Stats(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if st.Stories != 3 || st.NearDuplicates != 1 || st.Sightings != 5 {
		t.Errorf("stats = %+v, want 3 stories, 1 near duplicate, 5 sightings", st)
	}
}

func TestSQLite_Add_EmptyText(t *testing.T) {
	s := open(t)
	_, err := s.Add(context.Background(), []*doc.Record{{ID: "x"}, storetest.Records()[0]})
	if !errors.Is(err, store.ErrInvalid) {
		t.Fatalf("err = %v, want ErrInvalid", err)
	}
	// The whole batch is rolled back.
	st, _ := s.Stats(context.Background())
	if st.Stories != 0 {
		t.Errorf("stories after failed batch = %d, want 0", st.Stories)
	}
}

func TestSQLite_EventMerge(t *testing.T) {
	s := filled(t)
	ctx := context.Background()
	p, err := s.Events(ctx, store.EventFilter{Type: "CONSULT"})
	if err != nil {
		t.Fatal(err)
	}
	if p.Total != 1 {
		t.Fatalf("CONSULT events = %d, want 1 (merged across stories)", p.Total)
	}
	ev, err := s.Event(ctx, p.Items[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if ev.Reports != 2 || ev.Sources != 2 || !ev.Confirmed {
		t.Errorf("reports %d sources %d confirmed %v, want 2, 2, true", ev.Reports, ev.Sources, ev.Confirmed)
	}
	if ev.Status != "occurred" || ev.FirstReported != "2026-03-02" {
		t.Errorf("status %q first reported %q, want occurred, 2026-03-02", ev.Status, ev.FirstReported)
	}
	if len(ev.History) != 2 || ev.History[0].Status != "planned" || ev.History[1].Status != "occurred" {
		t.Errorf("history = %+v, want planned → occurred", ev.History)
	}
	if ev.PlaceName != "Warsaw" || ev.Lat == nil {
		t.Errorf("place %q lat %v, want Warsaw with coordinates", ev.PlaceName, ev.Lat)
	}
	if len(ev.Participants) != 2 {
		t.Errorf("participants = %+v, want Marchuk and Nowak", ev.Participants)
	}
}

func TestSQLite_EntityMerge(t *testing.T) {
	s := filled(t)
	ctx := context.Background()
	p, err := s.Entities(ctx, store.EntityFilter{Query: "warschau"})
	if err != nil {
		t.Fatal(err)
	}
	if p.Total != 1 || p.Items[0].Name != "Warsaw" {
		t.Fatalf("entities matching an alias = %+v, want Warsaw", p.Items)
	}
	d, err := s.Entity(ctx, p.Items[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	var aliases []string
	for _, a := range d.Aliases {
		aliases = append(aliases, a.Text)
	}
	if got := strings.Join(aliases, ","); !strings.Contains(got, "Warschau") || !strings.Contains(got, "Warsaw") {
		t.Errorf("aliases = %s, want Warsaw and Warschau", got)
	}
	if d.Stories != 2 {
		t.Errorf("stories = %d, want 2 (the near duplicate not counted)", d.Stories)
	}
	m, _ := s.Entities(ctx, store.EntityFilter{Query: "Marchuk"})
	if m.Total != 1 {
		t.Fatalf("Marchuk entities = %d, want 1", m.Total)
	}
	rel, err := s.Related(ctx, m.Items[0].ID, store.TimeFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if rel.Total != 2 || rel.Items[0].Shared != 2 {
		t.Errorf("related = %+v, want Nowak and Warsaw in 2 stories", rel.Items)
	}
	tl, err := s.Timeline(ctx, m.Items[0].ID, store.TimeFilter{})
	if err != nil {
		t.Fatal(err)
	}
	kinds := ""
	for _, it := range tl.Items {
		kinds += it.Kind + " "
	}
	if kinds != "quote event " || tl.Total != 2 {
		t.Errorf("timeline kinds = %q (total %d), want her statement of 2 March, then the meeting of 4 March", kinds, tl.Total)
	}
}

func TestSQLite_Search(t *testing.T) {
	s := filled(t)
	ctx := context.Background()
	tests := []struct {
		name  string
		f     store.StoryFilter
		total int
	}{
		{"english stem", store.StoryFilter{Query: "farmer"}, 1},
		{"german stem", store.StoryFilter{Query: "Getreideexport"}, 1},
		{"both words", store.StoryFilter{Query: "grain Warsaw"}, 1},
		{"duplicates included", store.StoryFilter{Query: "farmers", Duplicates: true}, 2},
		{"fts syntax is text", store.StoryFilter{Query: `"NEAR(grain* OR) body:x`}, 0},
		{"sql is text", store.StoryFilter{Query: "'; DROP TABLE stories; --"}, 0},
		{"marker is no word", store.StoryFilter{Query: "farmers zqxnearduplicatezqx"}, 1},
		{"only the marker", store.StoryFilter{Query: "zqxnearduplicatezqx"}, 0},
		{"filtered search", store.StoryFilter{Query: "farmers", Lang: "en", Duplicates: true}, 2},
		{"lang", store.StoryFilter{Lang: "de"}, 1},
		{"dates", store.StoryFilter{TimeFilter: store.TimeFilter{From: "2026-03-03", To: "2026-03-04"}}, 1},
		{"all", store.StoryFilter{}, 3},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p, err := s.Stories(ctx, tt.f)
			if err != nil {
				t.Fatal(err)
			}
			if p.Total != tt.total || len(p.Items) != tt.total {
				t.Errorf("total %d items %d, want %d", p.Total, len(p.Items), tt.total)
			}
		})
	}
	p, _ := s.Stories(ctx, store.StoryFilter{Query: "farmers"})
	if len(p.Items) == 1 && !strings.Contains(p.Items[0].Snippet, "farmers") {
		t.Errorf("snippet %q does not show the match", p.Items[0].Snippet)
	}
}

func TestSQLite_Invalid(t *testing.T) {
	s := filled(t)
	ctx := context.Background()
	tests := []struct {
		name string
		run  func() error
		want error
	}{
		{"bad date", func() error {
			_, err := s.Stories(ctx, store.StoryFilter{TimeFilter: store.TimeFilter{From: "2026-13-01"}})
			return err
		}, store.ErrInvalid},
		{"reversed range", func() error {
			_, err := s.Events(ctx, store.EventFilter{TimeFilter: store.TimeFilter{From: "2026-03-05", To: "2026-03-01"}})
			return err
		}, store.ErrInvalid},
		{"huge limit", func() error {
			_, err := s.Entities(ctx, store.EntityFilter{Paging: store.Paging{Limit: 100000}})
			return err
		}, store.ErrInvalid},
		{"negative offset", func() error {
			_, err := s.Quotes(ctx, store.QuoteFilter{TimeFilter: store.TimeFilter{Paging: store.Paging{Offset: -1}}})
			return err
		}, store.ErrInvalid},
		{"confirmed", func() error { _, err := s.Events(ctx, store.EventFilter{Confirmed: "maybe"}); return err }, store.ErrInvalid},
		{"no story", func() error { _, err := s.Story(ctx, 999); return err }, store.ErrNotFound},
		{"no entity", func() error { _, err := s.Timeline(ctx, 999, store.TimeFilter{}); return err }, store.ErrNotFound},
		{"no event", func() error { _, err := s.Event(ctx, 999); return err }, store.ErrNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if err := tt.run(); !errors.Is(err, tt.want) {
				t.Errorf("err = %v, want %v", err, tt.want)
			}
		})
	}
}

func TestSQLite_Quotes(t *testing.T) {
	s := filled(t)
	p, err := s.Quotes(context.Background(), store.QuoteFilter{SpeakerName: "nowak"})
	if err != nil {
		t.Fatal(err)
	}
	if p.Total != 1 || p.Items[0].Text != "Wir sind einen Schritt weiter" {
		t.Errorf("quotes by Nowak = %+v", p.Items)
	}
}

func TestSQLite_Story(t *testing.T) {
	s := filled(t)
	d, err := s.Story(context.Background(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if d.Record == nil || d.Record.Text == "" || len(d.Record.Entities) != 3 || len(d.Entities) != 3 {
		t.Errorf("story 1: record %v, entities %d", d.Record != nil, len(d.Entities))
	}
	if len(d.Duplicates) != 1 {
		t.Errorf("duplicates = %v, want one", d.Duplicates)
	}
}

func TestSQLite_Clusters(t *testing.T) {
	s := filled(t)
	p, err := s.Clusters(context.Background(), store.TimeFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Total != 1 || p.Items[0].Stories != 2 {
		t.Errorf("clusters = %+v, want the two grain stories together", p.Items)
	}
}

func TestSQLite_Export(t *testing.T) {
	s := filled(t)
	ctx := context.Background()
	var b bytes.Buffer
	if err := s.ExportEvents(ctx, store.EventFilter{}, store.CSV, &b); err != nil {
		t.Fatal(err)
	}
	rows, err := csv.NewReader(&b).ReadAll()
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || len(rows[0]) != len(store.CSVHeader) {
		t.Fatalf("csv rows = %d, want header + 2 events", len(rows))
	}
	b.Reset()
	if err := s.ExportEvents(ctx, store.EventFilter{}, store.GeoJSON, &b); err != nil {
		t.Fatal(err)
	}
	var fc struct {
		Type     string
		Features []struct {
			Geometry struct{ Coordinates []float64 }
		}
	}
	if err := json.Unmarshal(b.Bytes(), &fc); err != nil {
		t.Fatalf("geojson: %v\n%s", err, b.String())
	}
	if fc.Type != "FeatureCollection" || len(fc.Features) != 2 {
		t.Errorf("geojson: %d features, want 2", len(fc.Features))
	}
	b.Reset()
	if err := s.ExportEvents(ctx, store.EventFilter{}, store.JSONL, &b); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(b.String(), "\n"); n != 2 {
		t.Errorf("jsonl lines = %d, want 2", n)
	}
}

func TestOpen_ReadOnly(t *testing.T) {
	path := filepath.Join(t.TempDir(), "ro.db")
	if _, err := store.Open(path, store.Options{ReadOnly: true}); err == nil {
		t.Error("read-only open of a missing file succeeded")
	}
	s, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	ro, err := store.Open(path, store.Options{ReadOnly: true})
	if err != nil {
		t.Fatal(err)
	}
	defer ro.Close()
	if _, err := ro.Add(context.Background(), storetest.Records()); !errors.Is(err, store.ErrInvalid) {
		t.Errorf("Add on read-only store: err = %v", err)
	}
}

func TestSQLite_EventMerge_Participants(t *testing.T) {
	s := open(t)
	ents := func(names ...string) []storetest.Ent {
		var out []storetest.Ent
		for i, n := range names {
			out = append(out, storetest.Ent{ID: fmt.Sprintf("e%d", i+1), Type: "LOC", Name: n, Surface: []string{n}})
		}
		return out
	}
	talks := func(id, text string, names ...string) storetest.Story {
		ev := storetest.Ev{ID: "v1", Type: "CONSULT", Trigger: "talks", Evidence: "talks", Status: "occurred", Time: "1987-06-02"}
		for i := range names {
			ev.Participants = append(ev.Participants, doc.Participant{Entity: fmt.Sprintf("e%d", i+1), Role: "participant"})
		}
		return storetest.Story{ID: id, Date: "1987-06-02", Lang: "en", Source: id, Text: text, Ents: ents(names...), Events: []storetest.Ev{ev}}
	}
	recs := []*doc.Record{
		talks("a", "United States and China held talks on textiles.", "United States", "China").Record(),
		talks("b", "United States and Japan held talks on semiconductors.", "United States", "Japan").Record(),
		talks("c", "The United States held talks, officials said.", "United States").Record(),
	}
	if _, err := s.Add(context.Background(), recs); err != nil {
		t.Fatal(err)
	}
	p, err := s.Events(context.Background(), store.EventFilter{})
	if err != nil {
		t.Fatal(err)
	}
	// a and b are two meetings; c ({US}) is contained in a's set and
	// joins the first matching event.
	if p.Total != 2 {
		for _, e := range p.Items {
			t.Logf("event %d: %d reports %+v", e.ID, e.Reports, e.Participants)
		}
		t.Errorf("events = %d, want 2", p.Total)
	}
}

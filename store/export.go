package store

import (
	"context"
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// CSVHeader is the header of the CSV export: one row per event, with
// columns modelled on GDELT's event table (actor 1 is the first actor or
// participant, actor 2 the first target or second participant).
var CSVHeader = []string{
	"GlobalEventID", "Day", "EventType", "EventMode", "Status", "Confirmed",
	"Actor1Name", "Actor1Type", "Actor2Name", "Actor2Type",
	"ActionGeo_FullName", "ActionGeo_Lat", "ActionGeo_Long",
	"NumArticles", "NumSources", "FirstReported", "FirstStory", "Trigger",
}

// ExportEvents writes every event matching f, in batches, ignoring f's
// paging.
func (s *SQLite) ExportEvents(ctx context.Context, f EventFilter, format ExportFormat, w io.Writer) error {
	if _, err := ParseExportFormat(string(format)); err != nil {
		return err
	}
	f.Limit, f.Offset = 0, 0
	wh, err := f.where()
	if err != nil {
		return err
	}
	var cw *csv.Writer
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	switch format {
	case CSV:
		cw = csv.NewWriter(w)
		if err := cw.Write(CSVHeader); err != nil {
			return err
		}
	case GeoJSON:
		if _, err := io.WriteString(w, `{"type":"FeatureCollection","features":[`+"\n"); err != nil {
			return err
		}
	}
	first := true
	const batch = 500
	for off := 0; ; off += batch {
		evs, err := s.events(ctx, wh.sql(), wh.args, " ORDER BY e.id", batch, off)
		if err != nil {
			return err
		}
		for i := range evs {
			e := &evs[i]
			switch format {
			case JSONL:
				if err := enc.Encode(e); err != nil {
					return err
				}
			case CSV:
				if err := cw.Write(csvRow(e)); err != nil {
					return err
				}
			case GeoJSON:
				if e.Lat == nil || e.Lon == nil {
					continue
				}
				feat := map[string]any{
					"type":       "Feature",
					"geometry":   map[string]any{"type": "Point", "coordinates": []float64{*e.Lon, *e.Lat}},
					"properties": e,
				}
				if !first {
					if _, err := io.WriteString(w, ",\n"); err != nil {
						return err
					}
				}
				first = false
				b, err := json.Marshal(feat)
				if err != nil {
					return err
				}
				if _, err := w.Write(b); err != nil {
					return err
				}
			}
		}
		if len(evs) < batch {
			break
		}
	}
	switch format {
	case CSV:
		cw.Flush()
		return cw.Error()
	case GeoJSON:
		_, err := io.WriteString(w, "\n]}\n")
		return err
	}
	return nil
}

func csvRow(e *Event) []string {
	var a1, a2 *Participant
	for i := range e.Participants {
		p := &e.Participants[i]
		switch {
		case p.Role == "actor" && a1 == nil:
			a1 = p
		case p.Role == "target" && a2 == nil:
			a2 = p
		}
	}
	for i := range e.Participants {
		p := &e.Participants[i]
		if a1 == nil && p != a2 {
			a1 = p
		} else if a2 == nil && p != a1 {
			a2 = p
		}
	}
	name := func(p *Participant) (string, string) {
		if p == nil {
			return "", ""
		}
		return p.Name, p.Type
	}
	n1, t1 := name(a1)
	n2, t2 := name(a2)
	coord := func(f *float64) string {
		if f == nil {
			return ""
		}
		return strconv.FormatFloat(*f, 'f', 4, 64)
	}
	return []string{
		strconv.FormatInt(e.ID, 10), strings.ReplaceAll(e.Date, "-", ""), e.Type, e.Mode, e.Status, fmt.Sprint(e.Confirmed),
		n1, t1, n2, t2, e.PlaceName, coord(e.Lat), coord(e.Lon),
		strconv.Itoa(e.Reports), strconv.Itoa(e.Sources), e.FirstReported, strconv.FormatInt(e.FirstStory, 10), e.Summary,
	}
}

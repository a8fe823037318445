// Package server serves a store over HTTP: a JSON API described by an
// OpenAPI document at /openapi.json, and a web UI from embedded assets.
//
// The API is read-only unless the server has a write token; then POST
// /api/stories with "Authorization: Bearer TOKEN" analyses and stores
// stories. Every error is a JSON object {"error": {"code", "message"}}
// with a stable code (see the Code* constants); malformed input gets a
// 4xx, never a 500, and no error message carries internals (SQL, paths,
// stack traces): those go to the server's log only.
package server

import (
	"context"
	"crypto/subtle"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"log"
	"net/http"
	"net/url"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dateline/dateline/doc"
	"github.com/dateline/dateline/pipeline"
	"github.com/dateline/dateline/store"
)

// Stable error codes.
const (
	CodeBadRequest       = "bad_request"
	CodeInvalidParameter = "invalid_parameter"
	CodeUnknownParameter = "unknown_parameter"
	CodeNotFound         = "not_found"
	CodeMethodNotAllowed = "method_not_allowed"
	CodeUnauthorized     = "unauthorized"
	CodeReadOnly         = "read_only"
	CodeTooLarge         = "payload_too_large"
	CodeUnsupportedMedia = "unsupported_media_type"
	CodeUnavailable      = "unavailable"
	CodeInternal         = "internal"
)

// MaxBodyBytes bounds a POST body.
const MaxBodyBytes = 4 << 20

// maxParamBytes bounds a query parameter value.
const maxParamBytes = 1000

//go:embed ui
var uiFS embed.FS

// Options configure a Server.
type Options struct {
	// WriteToken enables POST /api/stories for requests carrying it as a
	// bearer token; empty means read-only.
	WriteToken string
	// Pipeline analyses posted stories (required for writes).
	Pipeline *pipeline.Pipeline
	// Log receives internal errors (nil: the standard logger).
	Log *log.Logger
}

// Server is the HTTP handler.
type Server struct {
	st   store.Store
	opt  Options
	mux  *http.ServeMux
	logf func(format string, args ...any)
	wmu  sync.Mutex // serialises analysis+write of posted stories
	// busy admits at most a few requests to the store at once; the others
	// wait their turn in order. Queries are CPU-bound: running all of them
	// at once only spreads every request's latency over all the others.
	busy chan struct{}
}

// New returns a handler serving st.
func New(st store.Store, opt Options) *Server {
	s := &Server{st: st, opt: opt, mux: http.NewServeMux(), busy: make(chan struct{}, runtime.GOMAXPROCS(0))}
	if opt.Log != nil {
		s.logf = opt.Log.Printf
	} else {
		s.logf = log.Printf
	}
	s.routes()
	return s
}

// apiError is an error with an HTTP status and a stable code.
type apiError struct {
	Status  int    `json:"-"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

func (e *apiError) Error() string { return e.Code + ": " + e.Message }

func errf(status int, code, format string, args ...any) *apiError {
	return &apiError{Status: status, Code: code, Message: fmt.Sprintf(format, args...)}
}

type handler func(w http.ResponseWriter, r *http.Request) error

func (s *Server) routes() {
	// get registers a GET endpoint accepting the given query parameters;
	// post, when not nil, handles POST on the same path.
	route := func(path string, h, post handler, params ...string) {
		allowed := map[string]bool{}
		for _, p := range params {
			allowed[p] = true
		}
		s.mux.Handle(path, s.wrap(func(w http.ResponseWriter, r *http.Request) error {
			if r.Method == http.MethodPost && post != nil {
				return post(w, r)
			}
			if r.Method != http.MethodGet && r.Method != http.MethodHead {
				allow := "GET, HEAD"
				if post != nil {
					allow += ", POST"
				}
				w.Header().Set("Allow", allow)
				return errf(http.StatusMethodNotAllowed, CodeMethodNotAllowed, "%s is not allowed here", r.Method)
			}
			if err := checkParams(r.URL.Query(), allowed); err != nil {
				return err
			}
			return h(w, r)
		}))
	}
	get := func(path string, h handler, params ...string) { route(path, h, nil, params...) }
	page := []string{"limit", "offset"}
	times := append([]string{"from", "to"}, page...)
	timeFilter := (*params).time
	route("/api/stories", list(storyFilter, s.st.Stories), s.postStories, append([]string{"q", "lang", "source", "entity", "cluster", "duplicates"}, times...)...)
	get("/api/stories/{id}", byID(s.st.Story))
	get("/api/entities", list(entityFilter, s.st.Entities), append([]string{"q", "type"}, page...)...)
	get("/api/entities/{id}", byID(s.st.Entity))
	get("/api/entities/{id}/timeline", listOf(timeFilter, s.st.Timeline), times...)
	get("/api/entities/{id}/related", listOf(timeFilter, s.st.Related), times...)
	eventParams := append([]string{"entity", "type", "place", "place_name", "source", "status", "confirmed"}, times...)
	get("/api/events", list(eventFilter, s.st.Events), eventParams...)
	get("/api/events/{id}", byID(s.st.Event))
	get("/api/quotes", list(quoteFilter, s.st.Quotes), append([]string{"speaker", "speaker_name", "q"}, times...)...)
	get("/api/clusters", list(timeFilter, s.st.Clusters), times...)
	get("/api/export/events", s.export, append([]string{"format"}, eventParams...)...)
	get("/api/stats", s.stats)
	get("/openapi.json", s.openapi)
	get("/healthz", func(w http.ResponseWriter, r *http.Request) error {
		return writeJSON(w, http.StatusOK, map[string]string{"status": "ok"})
	})
	s.mux.Handle("/api/", s.wrap(func(w http.ResponseWriter, r *http.Request) error {
		return errf(http.StatusNotFound, CodeNotFound, "no such endpoint")
	}))
	ui, _ := fs.Sub(uiFS, "ui")
	static := http.FileServerFS(ui)
	s.mux.Handle("/", s.wrap(func(w http.ResponseWriter, r *http.Request) error {
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			return errf(http.StatusMethodNotAllowed, CodeMethodNotAllowed, "%s is not allowed here", r.Method)
		}
		if r.URL.Path != "/" {
			if _, err := fs.Stat(ui, strings.TrimPrefix(r.URL.Path, "/")); err != nil {
				return errf(http.StatusNotFound, CodeNotFound, "no such page")
			}
		}
		w.Header().Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
		static.ServeHTTP(w, r)
		return nil
	}))
}

// ServeHTTP implements http.Handler.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Header().Set("Referrer-Policy", "no-referrer")
	s.mux.ServeHTTP(w, r)
}

// wrap turns a handler returning an error into an http.Handler that writes
// the error as JSON and recovers from panics.
func (s *Server) wrap(h handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if p := recover(); p != nil {
				s.logf("server: panic on %s %s: %v", r.Method, r.URL.Path, p)
				writeJSON(w, http.StatusInternalServerError, map[string]any{"error": errf(500, CodeInternal, "internal error")})
			}
		}()
		// Exports stream for long and posts analyse: they do not queue.
		queued := r.Method == http.MethodGet && !strings.HasPrefix(r.URL.Path, "/api/export/")
		if queued {
			select {
			case s.busy <- struct{}{}:
			case <-r.Context().Done():
				return
			}
		}
		err := func() error {
			if queued {
				defer func() { <-s.busy }() // released even if h panics
			}
			return h(w, r)
		}()
		if err == nil {
			return
		}
		var ae *apiError
		switch {
		case errors.As(err, &ae):
		case errors.Is(err, store.ErrNotFound):
			ae = errf(http.StatusNotFound, CodeNotFound, "%s", strings.TrimPrefix(err.Error(), store.ErrNotFound.Error()+": ")+" not found")
		case errors.Is(err, store.ErrInvalid):
			ae = errf(http.StatusBadRequest, CodeInvalidParameter, "%s", strings.TrimPrefix(err.Error(), store.ErrInvalid.Error()+": "))
		case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
			ae = errf(http.StatusServiceUnavailable, CodeUnavailable, "request cancelled or timed out")
		default:
			s.logf("server: %s %s: %v", r.Method, r.URL.String(), err)
			ae = errf(http.StatusInternalServerError, CodeInternal, "internal error")
		}
		writeJSON(w, ae.Status, map[string]any{"error": ae})
	})
}

func writeJSON(w http.ResponseWriter, status int, v any) error {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(true)
	enc.Encode(v) // an error here is the client gone: nothing left to tell it
	return nil
}

func checkParams(q url.Values, allowed map[string]bool) error {
	for k, v := range q {
		if !allowed[k] {
			return errf(http.StatusBadRequest, CodeUnknownParameter, "unknown parameter %q", truncate(k, 40))
		}
		if len(v) > 1 {
			return errf(http.StatusBadRequest, CodeInvalidParameter, "parameter %q given %d times", k, len(v))
		}
		if len(v[0]) > maxParamBytes {
			return errf(http.StatusBadRequest, CodeInvalidParameter, "parameter %q longer than %d bytes", k, maxParamBytes)
		}
	}
	return nil
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// params reads typed query parameters, remembering the first error.
type params struct {
	q   url.Values
	err error
}

func (p *params) str(name string) string { return p.q.Get(name) }

func (p *params) int(name string) int {
	v := p.q.Get(name)
	if v == "" || p.err != nil {
		return 0
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		p.err = errf(http.StatusBadRequest, CodeInvalidParameter, "parameter %q must be a non-negative integer", name)
		return 0
	}
	return n
}

func (p *params) id(name string) int64 {
	v := p.q.Get(name)
	if v == "" || p.err != nil {
		return 0
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n <= 0 {
		p.err = errf(http.StatusBadRequest, CodeInvalidParameter, "parameter %q must be a positive integer id", name)
		return 0
	}
	return n
}

func (p *params) bool(name string) bool {
	switch p.q.Get(name) {
	case "", "0", "false", "no":
		return false
	case "1", "true", "yes":
		return true
	}
	if p.err == nil {
		p.err = errf(http.StatusBadRequest, CodeInvalidParameter, "parameter %q must be true or false", name)
	}
	return false
}

func (p *params) date(name string) string {
	v := p.q.Get(name)
	if v != "" && p.err == nil {
		if _, err := time.Parse("2006-01-02", v); err != nil {
			p.err = errf(http.StatusBadRequest, CodeInvalidParameter, "parameter %q must be a date YYYY-MM-DD", name)
		}
	}
	return v
}

func (p *params) paging() store.Paging {
	l := p.int("limit")
	if l > store.MaxLimit && p.err == nil {
		p.err = errf(http.StatusBadRequest, CodeInvalidParameter, "limit must be at most %d", store.MaxLimit)
	}
	return store.Paging{Limit: l, Offset: p.int("offset")}
}

func (p *params) time() store.TimeFilter {
	return store.TimeFilter{From: p.date("from"), To: p.date("to"), Paging: p.paging()}
}

func pathID(r *http.Request) (int64, error) {
	n, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || n <= 0 {
		return 0, errf(http.StatusBadRequest, CodeInvalidParameter, "id must be a positive integer")
	}
	return n, nil
}

// respond writes v, or err when the query failed.
func respond[T any](w http.ResponseWriter, v T, err error) error {
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusOK, v)
}

// byID serves an endpoint /…/{id}: get looks the id up.
func byID[T any](get func(context.Context, int64) (T, error)) handler {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := pathID(r)
		if err != nil {
			return err
		}
		v, err := get(r.Context(), id)
		return respond(w, v, err)
	}
}

// list serves a list endpoint: filter reads the query parameters, query
// runs it.
func list[F, T any](filter func(*params) F, query func(context.Context, F) (T, error)) handler {
	return func(w http.ResponseWriter, r *http.Request) error {
		p := &params{q: r.URL.Query()}
		f := filter(p)
		if p.err != nil {
			return p.err
		}
		v, err := query(r.Context(), f)
		return respond(w, v, err)
	}
}

// listOf serves a list endpoint about one thing, /…/{id}/…
func listOf[F, T any](filter func(*params) F, query func(context.Context, int64, F) (T, error)) handler {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := pathID(r)
		if err != nil {
			return err
		}
		return list(filter, func(ctx context.Context, f F) (T, error) { return query(ctx, id, f) })(w, r)
	}
}

func storyFilter(p *params) store.StoryFilter {
	return store.StoryFilter{Query: p.str("q"), Lang: p.str("lang"), Source: p.str("source"), Entity: p.id("entity"),
		Cluster: p.id("cluster"), Duplicates: p.bool("duplicates"), TimeFilter: p.time()}
}

func entityFilter(p *params) store.EntityFilter {
	return store.EntityFilter{Query: p.str("q"), Type: p.str("type"), Paging: p.paging()}
}

func eventFilter(p *params) store.EventFilter {
	return store.EventFilter{Entity: p.id("entity"), Type: p.str("type"), Place: p.id("place"), PlaceName: p.str("place_name"),
		Source: p.str("source"), Status: p.str("status"), Confirmed: p.str("confirmed"), TimeFilter: p.time()}
}

func quoteFilter(p *params) store.QuoteFilter {
	return store.QuoteFilter{Speaker: p.id("speaker"), SpeakerName: p.str("speaker_name"), Query: p.str("q"), TimeFilter: p.time()}
}

func (s *Server) export(w http.ResponseWriter, r *http.Request) error {
	p := &params{q: r.URL.Query()}
	f := eventFilter(p)
	if p.err != nil {
		return p.err
	}
	name := p.str("format")
	if name == "" {
		name = "jsonl"
	}
	format, err := store.ParseExportFormat(name)
	if err != nil {
		return errf(http.StatusBadRequest, CodeInvalidParameter, "format must be jsonl, csv or geojson")
	}
	// Validate the filter before the first byte is written.
	if _, err := s.st.Events(r.Context(), store.EventFilter{TimeFilter: store.TimeFilter{From: f.From, To: f.To}, Confirmed: f.Confirmed}); err != nil {
		return err
	}
	ct := map[store.ExportFormat]string{store.JSONL: "application/x-ndjson", store.CSV: "text/csv; charset=utf-8", store.GeoJSON: "application/geo+json"}[format]
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Content-Disposition", fmt.Sprintf(`attachment; filename="events.%s"`, format))
	if err := s.st.ExportEvents(r.Context(), f, format, w); err != nil {
		s.logf("server: export: %v", err) // headers are sent: log only
	}
	return nil
}

func (s *Server) stats(w http.ResponseWriter, r *http.Request) error {
	v, err := s.st.Stats(r.Context())
	return respond(w, v, err)
}

// PostedStory is the body of POST /api/stories (or an array of them).
type PostedStory struct {
	ID     string `json:"id"`
	Title  string `json:"title"`
	Text   string `json:"text"`
	Date   string `json:"date"`
	Lang   string `json:"lang"`
	Source string `json:"source"`
	URL    string `json:"url"`
}

func (s *Server) postStories(w http.ResponseWriter, r *http.Request) error {
	if s.opt.WriteToken == "" || s.opt.Pipeline == nil {
		return errf(http.StatusForbidden, CodeReadOnly, "this server is read-only (start it with a write token to accept stories)")
	}
	auth := r.Header.Get("Authorization")
	tok, ok := strings.CutPrefix(auth, "Bearer ")
	if !ok || subtle.ConstantTimeCompare([]byte(tok), []byte(s.opt.WriteToken)) != 1 {
		w.Header().Set("WWW-Authenticate", `Bearer realm="dateline"`)
		return errf(http.StatusUnauthorized, CodeUnauthorized, "a valid bearer token is required")
	}
	if ct := r.Header.Get("Content-Type"); ct != "" && !strings.HasPrefix(ct, "application/json") {
		return errf(http.StatusUnsupportedMediaType, CodeUnsupportedMedia, "send application/json")
	}
	if len(r.URL.Query()) > 0 {
		return errf(http.StatusBadRequest, CodeUnknownParameter, "POST /api/stories takes no parameters")
	}
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBodyBytes))
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return errf(http.StatusRequestEntityTooLarge, CodeTooLarge, "body larger than %d bytes", MaxBodyBytes)
		}
		return errf(http.StatusBadRequest, CodeBadRequest, "cannot read body")
	}
	var stories []PostedStory
	trimmed := strings.TrimSpace(string(body))
	dec := json.NewDecoder(strings.NewReader(trimmed))
	dec.DisallowUnknownFields()
	if strings.HasPrefix(trimmed, "[") {
		err = dec.Decode(&stories)
	} else {
		var one PostedStory
		err = dec.Decode(&one)
		stories = []PostedStory{one}
	}
	if err == nil && dec.More() {
		err = errors.New("trailing data after the JSON value")
	}
	if err != nil {
		return errf(http.StatusBadRequest, CodeBadRequest, "body is not a story object or array: %s", jsonProblem(err))
	}
	if len(stories) == 0 || len(stories) > 1000 {
		return errf(http.StatusBadRequest, CodeBadRequest, "send between 1 and 1000 stories")
	}
	recs := make([]*doc.Record, 0, len(stories))
	for i, ps := range stories {
		if strings.TrimSpace(ps.Text) == "" {
			return errf(http.StatusBadRequest, CodeInvalidParameter, "story %d: text is empty", i)
		}
		d := &doc.Document{ID: ps.ID, Title: ps.Title, Text: strings.TrimSpace(ps.Text), Lang: ps.Lang, LangGiven: ps.Lang != "", Source: ps.Source, URL: ps.URL}
		if ps.Date != "" {
			t, err := time.Parse("2006-01-02", ps.Date)
			if err != nil {
				return errf(http.StatusBadRequest, CodeInvalidParameter, "story %d: date must be YYYY-MM-DD", i)
			}
			d.Date = t
		}
		if d.ID == "" {
			d.ID = fmt.Sprintf("posted:%x", time.Now().UnixNano()+int64(i))
		}
		s.opt.Pipeline.Run(d)
		recs = append(recs, doc.ToRecord(d, doc.EncodeOptions{}))
	}
	s.wmu.Lock()
	res, err := s.st.Add(r.Context(), recs)
	s.wmu.Unlock()
	if err != nil {
		return err
	}
	return writeJSON(w, http.StatusCreated, map[string]any{"results": res})
}

// jsonProblem describes a JSON decoding error without echoing the input.
func jsonProblem(err error) string {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return fmt.Sprintf("syntax error at byte %d", se.Offset)
	case errors.As(err, &te):
		return fmt.Sprintf("field %q has the wrong type", te.Field)
	case strings.HasPrefix(err.Error(), "json: unknown field"):
		return truncate(strings.TrimPrefix(err.Error(), "json: "), 60)
	}
	return "invalid JSON"
}

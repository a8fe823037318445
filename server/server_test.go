package server_test

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dateline/dateline/pipeline"
	"github.com/dateline/dateline/server"
	"github.com/dateline/dateline/store"
	"github.com/dateline/dateline/store/storetest"
)

func newServer(t testing.TB, opt server.Options) *httptest.Server {
	t.Helper()
	st, err := store.Open(filepath.Join(t.TempDir(), "s.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	if _, err := st.Add(context.Background(), storetest.Records()); err != nil {
		t.Fatal(err)
	}
	ts := httptest.NewServer(server.New(st, opt))
	t.Cleanup(ts.Close)
	return ts
}

type apiErr struct {
	Error struct{ Code, Message string }
}

func do(t *testing.T, method, u string, body string, hdr map[string]string) (int, []byte, http.Header) {
	t.Helper()
	req, err := http.NewRequest(method, u, strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, b, resp.Header
}

func TestServer_OK(t *testing.T) {
	ts := newServer(t, server.Options{})
	tests := []struct {
		path  string
		check string // a substring the body must contain
	}{
		{"/api/stories", `"total":3`},
		{"/api/stories?q=farmers&limit=5", `farmers`},
		{"/api/stories?q=Getreideexport", `"lang":"de"`},
		{"/api/stories/1", `"record"`},
		{"/api/stories?entity=1&from=2026-03-01&to=2026-03-31", `"total":2`},
		{"/api/entities?q=Warschau", `"name":"Warsaw"`},
		{"/api/entities/1", `"aliases"`},
		{"/api/entities/1/timeline", `"kind":"event"`},
		{"/api/entities/1/related", `"shared_stories":2`},
		{"/api/events?type=CONSULT&confirmed=yes", `"sources":2`},
		{"/api/events/1", `"history"`},
		{"/api/quotes?speaker_name=Nowak", `Schritt`},
		{"/api/clusters", `"stories":2`},
		{"/api/export/events?format=csv", "GlobalEventID"},
		{"/api/export/events?format=geojson", "FeatureCollection"},
		{"/api/stats", `"stories":3`},
		{"/openapi.json", `"openapi":"3.1.0"`},
		{"/", "<"},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			code, body, _ := do(t, "GET", ts.URL+tt.path, "", nil)
			if code != 200 {
				t.Fatalf("status %d, want 200: %s", code, body)
			}
			if !strings.Contains(string(body), tt.check) {
				t.Errorf("body does not contain %q: %.300s", tt.check, body)
			}
		})
	}
}

// TestServer_Malformed sends malformed input: each must get a 4xx JSON
// error with the expected stable code and no internals.
func TestServer_Malformed(t *testing.T) {
	ts := newServer(t, server.Options{})
	long := strings.Repeat("x", 2000)
	tests := []struct {
		name, method, path, body string
		status                   int
		code                     string
	}{
		{"bad date", "GET", "/api/events?from=2026-02-30", "", 400, server.CodeInvalidParameter},
		{"date words", "GET", "/api/stories?from=yesterday", "", 400, server.CodeInvalidParameter},
		{"reversed range", "GET", "/api/stories?from=2026-03-05&to=2026-03-01", "", 400, server.CodeInvalidParameter},
		{"unknown field", "GET", "/api/stories?colour=red", "", 400, server.CodeUnknownParameter},
		{"repeated", "GET", "/api/stories?q=a&q=b", "", 400, server.CodeInvalidParameter},
		{"huge page", "GET", "/api/entities?limit=1000000", "", 400, server.CodeInvalidParameter},
		{"overflow", "GET", "/api/entities?limit=99999999999999999999999", "", 400, server.CodeInvalidParameter},
		{"negative offset", "GET", "/api/events?offset=-5", "", 400, server.CodeInvalidParameter},
		{"huge offset", "GET", "/api/events?offset=999999999", "", 400, server.CodeInvalidParameter},
		{"not a number", "GET", "/api/stories?entity=abc", "", 400, server.CodeInvalidParameter},
		{"bad id", "GET", "/api/stories/abc", "", 400, server.CodeInvalidParameter},
		{"zero id", "GET", "/api/events/0", "", 400, server.CodeInvalidParameter},
		{"missing", "GET", "/api/stories/99999", "", 404, server.CodeNotFound},
		{"missing entity timeline", "GET", "/api/entities/99999/timeline", "", 404, server.CodeNotFound},
		{"no endpoint", "GET", "/api/nothing", "", 404, server.CodeNotFound},
		{"no page", "GET", "/etc/passwd", "", 404, server.CodeNotFound},
		{"sql in q", "GET", "/api/stories?q=" + url.QueryEscape("'; DROP TABLE stories; --"), "", 200, ""},
		{"sql in type", "GET", "/api/events?type=" + url.QueryEscape("x' OR '1'='1"), "", 200, ""},
		{"fts syntax", "GET", "/api/stories?q=" + url.QueryEscape(`"NEAR( * OR body:`), "", 200, ""},
		{"like wildcards", "GET", "/api/entities?q=" + url.QueryEscape(`%_\`), "", 200, ""},
		{"nul in entity search", "GET", "/api/entities?q=ab%00cd", "", 200, ""},
		{"nul in quotes", "GET", "/api/quotes?q=ab%00cd&speaker_name=%00", "", 200, ""},
		{"long value", "GET", "/api/stories?q=" + long, "", 400, server.CodeInvalidParameter},
		{"bad confirmed", "GET", "/api/events?confirmed=perhaps", "", 400, server.CodeInvalidParameter},
		{"bad bool", "GET", "/api/stories?duplicates=maybe", "", 400, server.CodeInvalidParameter},
		{"bad format", "GET", "/api/export/events?format=xml", "", 400, server.CodeInvalidParameter},
		{"export bad date", "GET", "/api/export/events?from=2026-13-01", "", 400, server.CodeInvalidParameter},
		{"method", "DELETE", "/api/stories/1", "", 405, server.CodeMethodNotAllowed},
		{"post read-only", "POST", "/api/stories", `{"text":"x"}`, 403, server.CodeReadOnly},
		{"post elsewhere", "POST", "/api/events", `{}`, 405, server.CodeMethodNotAllowed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, body, hdr := do(t, tt.method, ts.URL+tt.path, tt.body, nil)
			if code != tt.status {
				t.Fatalf("status %d, want %d: %s", code, tt.status, body)
			}
			if !strings.HasPrefix(hdr.Get("Content-Type"), "application/json") {
				t.Errorf("content type %q, want JSON", hdr.Get("Content-Type"))
			}
			if tt.code == "" {
				return
			}
			var e apiErr
			if err := json.Unmarshal(body, &e); err != nil {
				t.Fatalf("body is not JSON: %s", body)
			}
			if e.Error.Code != tt.code {
				t.Errorf("code %q, want %q (%s)", e.Error.Code, tt.code, e.Error.Message)
			}
			for _, leak := range []string{"sql", "SQL", "sqlite", "store:", ".go:", "goroutine", "/tmp/"} {
				if strings.Contains(e.Error.Message, leak) {
					t.Errorf("message leaks %q: %s", leak, e.Error.Message)
				}
			}
		})
	}
}

func TestServer_Post(t *testing.T) {
	p, _ := pipeline.New()
	ts := newServer(t, server.Options{WriteToken: "s3cret", Pipeline: p})
	auth := map[string]string{"Authorization": "Bearer s3cret", "Content-Type": "application/json"}
	tests := []struct {
		name   string
		hdr    map[string]string
		body   string
		status int
		code   string
	}{
		{"no token", map[string]string{}, `{"text":"x"}`, 401, server.CodeUnauthorized},
		{"wrong token", map[string]string{"Authorization": "Bearer nope"}, `{"text":"x"}`, 401, server.CodeUnauthorized},
		{"unknown field", auth, `{"text":"x","evil":1}`, 400, server.CodeBadRequest},
		{"not json", auth, `text=x`, 400, server.CodeBadRequest},
		{"wrong type", auth, `{"text":5}`, 400, server.CodeBadRequest},
		{"empty text", auth, `{"text":"  "}`, 400, server.CodeInvalidParameter},
		{"bad date", auth, `{"text":"x","date":"5 March"}`, 400, server.CodeInvalidParameter},
		{"empty array", auth, `[]`, 400, server.CodeBadRequest},
		{"trailing", auth, `{"text":"x"} {"text":"y"}`, 400, server.CodeBadRequest},
		{"media type", map[string]string{"Authorization": "Bearer s3cret", "Content-Type": "text/plain"}, `{"text":"x"}`, 415, server.CodeUnsupportedMedia},
		{"too large", auth, `{"text":"` + strings.Repeat("a", server.MaxBodyBytes) + `"}`, 413, server.CodeTooLarge},
		{"ok", auth, `{"id":"p1","title":"Posted","text":"A posted story about grain.","date":"2026-03-07","lang":"en"}`, 201, ""},
		{"ok array", auth, `[{"text":"One more posted story."},{"text":"And another one."}]`, 201, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code, body, _ := do(t, "POST", ts.URL+"/api/stories", tt.body, tt.hdr)
			if code != tt.status {
				t.Fatalf("status %d, want %d: %.300s", code, tt.status, body)
			}
			if tt.code != "" {
				var e apiErr
				json.Unmarshal(body, &e)
				if e.Error.Code != tt.code {
					t.Errorf("code %q, want %q", e.Error.Code, tt.code)
				}
			}
		})
	}
	_, body, _ := do(t, "GET", ts.URL+"/api/stories?q=posted", "", nil)
	if !strings.Contains(string(body), `"total":2`) {
		t.Errorf("posted stories not found: %.300s", body)
	}
}

// TestOpenAPI checks that every documented GET path answers and accepts
// every documented query parameter.
func TestOpenAPI(t *testing.T) {
	ts := newServer(t, server.Options{})
	_, body, _ := do(t, "GET", ts.URL+"/openapi.json", "", nil)
	var spec struct {
		Paths map[string]map[string]struct {
			Parameters []struct{ Name, In string }
		}
	}
	if err := json.Unmarshal(body, &spec); err != nil {
		t.Fatal(err)
	}
	if len(spec.Paths) < 10 {
		t.Fatalf("only %d paths documented", len(spec.Paths))
	}
	for path, ops := range spec.Paths {
		op, ok := ops["get"]
		if !ok {
			continue
		}
		u := strings.ReplaceAll(path, "{id}", "1")
		q := url.Values{}
		for _, p := range op.Parameters {
			if p.In == "query" {
				q.Set(p.Name, "")
			}
		}
		code, b, _ := do(t, "GET", ts.URL+u+"?"+q.Encode(), "", nil)
		if code != 200 {
			t.Errorf("GET %s?%s: status %d: %.200s", u, q.Encode(), code, b)
		}
	}
}

// FuzzServer_Query sends arbitrary query strings: no 5xx, always JSON.
func FuzzServer_Query(f *testing.F) {
	for _, s := range []string{"q=grain", "from=2026-01-01&to=x", "limit=-1", "q=%00", "entity=1e9", "type=%27%20OR%201=1"} {
		f.Add("/api/stories", s)
		f.Add("/api/events", s)
		f.Add("/api/entities", s)
		f.Add("/api/quotes", s)
	}
	ts := newServer(f, server.Options{})
	f.Fuzz(func(t *testing.T, path, query string) {
		if !strings.HasPrefix(path, "/api/") || strings.ContainsAny(path, " \x00\r\n?#%") {
			return
		}
		u, err := url.Parse(ts.URL + path + "?" + query)
		if err != nil {
			return
		}
		resp, err := http.Get(u.String())
		if err != nil {
			return
		}
		defer resp.Body.Close()
		if resp.StatusCode >= 500 {
			b, _ := io.ReadAll(resp.Body)
			t.Errorf("GET %s: status %d: %s", u, resp.StatusCode, b)
		}
	})
}

func TestLoadTest(t *testing.T) {
	ts := newServer(t, server.Options{})
	rs, err := server.LoadTest(context.Background(), ts.URL, []string{"/api/stories", "/api/events"}, server.LoadOptions{Clients: 4, Requests: 40})
	if err != nil {
		t.Fatal(err)
	}
	n, errs, _ := server.Overall(rs)
	if n != 40 || errs != 0 {
		t.Errorf("requests %d errors %d, want 40 and 0", n, errs)
	}
	if _, err := server.LoadTest(context.Background(), "http://192.0.2.1:80", nil, server.LoadOptions{}); err == nil {
		t.Error("load test against a non-loopback address was not refused")
	}
}

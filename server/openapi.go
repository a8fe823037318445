package server

import (
	"net/http"
	"strings"
	"sync"
)

// The OpenAPI document is built from one table of endpoints and
// parameters so that it cannot drift from the routes: TestOpenAPI checks
// that each documented path answers and each parameter is accepted.

type apiParam struct {
	name, in, typ, format, desc string
}

type apiOp struct {
	method, path, summary, result string
	params                        []apiParam
	body                          bool
}

var (
	pLimit  = apiParam{"limit", "query", "integer", "", "page size (default 20, at most 500)"}
	pOffset = apiParam{"offset", "query", "integer", "", "items to skip"}
	pFrom   = apiParam{"from", "query", "string", "date", "first date, YYYY-MM-DD (inclusive)"}
	pTo     = apiParam{"to", "query", "string", "date", "last date, YYYY-MM-DD (inclusive)"}
	pID     = apiParam{"id", "path", "integer", "", "id"}
	times   = []apiParam{pFrom, pTo, pLimit, pOffset}
	evPar   = append([]apiParam{
		{"entity", "query", "integer", "", "a participant entity id"},
		{"type", "query", "string", "", "PLOVER event type, e.g. CONSULT"},
		{"place", "query", "integer", "", "place entity id"},
		{"place_name", "query", "string", "", "place name"},
		{"source", "query", "string", "", "reporting source (publisher or agency) or claim source"},
		{"status", "query", "string", "", "occurred, planned, expected, ongoing, negated, hypothetical"},
		{"confirmed", "query", "string", "", "yes: corroborated by two or more independent sources or confirmed; no: otherwise"},
	}, times...)
)

var apiOps = []apiOp{
	{"get", "/api/stories", "List or full-text search stories (German and English stemming)", "StoryPage", append([]apiParam{
		{"q", "query", "string", "", "full-text query; every word must match"},
		{"lang", "query", "string", "", "language code"},
		{"source", "query", "string", "", "publisher or agency"},
		{"entity", "query", "integer", "", "stories mentioning this entity"},
		{"cluster", "query", "integer", "", "stories of this cluster"},
		{"duplicates", "query", "boolean", "", "include near-duplicates"},
	}, times...), false},
	{"post", "/api/stories", "Analyse and store stories (needs the write token as a bearer token)", "AddResults", nil, true},
	{"get", "/api/stories/{id}", "A story with its full analysis record (code-point offsets)", "Story", []apiParam{pID}, false},
	{"get", "/api/entities", "List entities merged across stories", "EntityPage", []apiParam{
		{"q", "query", "string", "", "name or alias substring"}, {"type", "query", "string", "", "PER, ORG, LOC or MISC"}, pLimit, pOffset}, false},
	{"get", "/api/entities/{id}", "An entity with its aliases", "Entity", []apiParam{pID}, false},
	{"get", "/api/entities/{id}/timeline", "An entity's events and statements, oldest first", "TimelinePage", append([]apiParam{pID}, times...), false},
	{"get", "/api/entities/{id}/related", "Entities co-occurring with an entity", "RelatedPage", append([]apiParam{pID}, times...), false},
	{"get", "/api/events", "List events merged across the stories that report them", "EventPage", evPar, false},
	{"get", "/api/events/{id}", "An event with its reports and status history", "EventDetail", []apiParam{pID}, false},
	{"get", "/api/quotes", "List statements", "QuotePage", append([]apiParam{
		{"speaker", "query", "integer", "", "speaker entity id"}, {"speaker_name", "query", "string", "", "speaker name substring"},
		{"q", "query", "string", "", "substring of the statement"}}, times...), false},
	{"get", "/api/clusters", "Story clusters (stories about the same development)", "ClusterPage", times, false},
	{"get", "/api/export/events", "Export events as JSON Lines, CSV (GDELT-like columns) or GeoJSON", "", append([]apiParam{
		{"format", "query", "string", "", "jsonl (default), csv or geojson"}}, evPar...), false},
	{"get", "/api/stats", "Counts of what is stored", "Stats", nil, false},
	{"get", "/healthz", "Liveness", "", nil, false},
}

var (
	openapiOnce sync.Once
	openapiDoc  map[string]any
)

func buildOpenAPI() map[string]any {
	paths := map[string]any{}
	errResp := map[string]any{"description": "error", "content": map[string]any{"application/json": map[string]any{"schema": map[string]any{"$ref": "#/components/schemas/Error"}}}}
	for _, op := range apiOps {
		var ps []any
		for _, p := range op.params {
			schema := map[string]any{"type": p.typ}
			if p.format != "" {
				schema["format"] = p.format
			}
			if p.name == "limit" {
				schema["maximum"] = 500
				schema["minimum"] = 0
			}
			ps = append(ps, map[string]any{"name": p.name, "in": p.in, "required": p.in == "path", "description": p.desc, "schema": schema})
		}
		ok := map[string]any{"description": "OK"}
		if op.result != "" {
			ok["content"] = map[string]any{"application/json": map[string]any{"schema": map[string]any{"$ref": "#/components/schemas/" + op.result}}}
		}
		o := map[string]any{
			"summary":     op.summary,
			"operationId": op.method + strings.NewReplacer("/", "_", "{", "", "}", "").Replace(op.path),
			"parameters":  append([]any{}, ps...),
			"responses":   map[string]any{"200": ok, "400": errResp, "404": errResp},
		}
		if op.body {
			o["requestBody"] = map[string]any{"required": true, "content": map[string]any{"application/json": map[string]any{"schema": map[string]any{
				"oneOf": []any{map[string]any{"$ref": "#/components/schemas/PostedStory"},
					map[string]any{"type": "array", "items": map[string]any{"$ref": "#/components/schemas/PostedStory"}, "maxItems": 1000}}}}}}
			o["security"] = []any{map[string]any{"bearer": []any{}}}
			o["responses"] = map[string]any{"201": ok, "400": errResp, "401": errResp, "403": errResp, "413": errResp}
		}
		item, _ := paths[op.path].(map[string]any)
		if item == nil {
			item = map[string]any{}
			paths[op.path] = item
		}
		item[op.method] = o
	}
	obj := func(props ...string) map[string]any {
		m := map[string]any{}
		for _, p := range props {
			name, typ, _ := strings.Cut(p, ":")
			if strings.HasPrefix(typ, "#") {
				m[name] = map[string]any{"$ref": "#/components/schemas/" + typ[1:]}
			} else if strings.HasPrefix(typ, "[]") {
				m[name] = map[string]any{"type": "array", "items": map[string]any{"$ref": "#/components/schemas/" + typ[2:]}}
			} else {
				m[name] = map[string]any{"type": typ}
			}
		}
		return map[string]any{"type": "object", "properties": m}
	}
	pageOf := func(item string) map[string]any {
		return obj("items:[]"+item, "total:integer", "limit:integer", "offset:integer")
	}
	schemas := map[string]any{
		"Error": map[string]any{"type": "object", "properties": map[string]any{"error": obj("code:string", "message:string")}},
		"StorySummary": obj("id:integer", "doc_id:string", "title:string", "date:string", "lang:string", "source:string",
			"snippet:string", "duplicate_of:integer", "cluster:integer", "copies:integer", "score:number"),
		"Story":        obj("id:integer", "title:string", "date:string", "record:object", "entities:array", "duplicates:array", "sightings:array", "hash:string"),
		"StoryPage":    pageOf("StorySummary"),
		"Entity":       obj("id:integer", "type:string", "name:string", "kb_id:string", "kb_label:string", "mentions:integer", "stories:integer", "first_seen:string", "last_seen:string", "lat:number", "lon:number", "aliases:array"),
		"EntityPage":   pageOf("Entity"),
		"Related":      obj("id:integer", "name:string", "type:string", "shared_stories:integer"),
		"RelatedPage":  pageOf("Related"),
		"Timeline":     obj("kind:string", "date:string", "event:#Event", "quote:#Quote"),
		"TimelinePage": pageOf("Timeline"),
		"Event": obj("id:integer", "type:string", "mode:string", "date:string", "time:string", "place:integer", "place_name:string",
			"lat:number", "lon:number", "status:string", "first_reported:string", "first_story:integer", "reports:integer",
			"sources:integer", "confirmed:boolean", "participants:array", "summary:string"),
		"EventDetail": obj("id:integer", "type:string", "status:string", "report_list:array", "history:array"),
		"EventPage":   pageOf("Event"),
		"Quote":       obj("id:integer", "story:integer", "story_title:string", "date:string", "speaker:integer", "speaker_name:string", "speaker_text:string", "text:string", "kind:string", "cue:string", "start:integer", "end:integer"),
		"QuotePage":   pageOf("Quote"),
		"Cluster":     obj("id:integer", "stories:integer", "first:string", "last:string", "lead:#StorySummary"),
		"ClusterPage": pageOf("Cluster"),
		"Stats":       obj("stories:integer", "near_duplicates:integer", "sightings:integer", "entities:integer", "mentions:integer", "events:integer", "reports:integer", "quotes:integer", "clusters:integer", "bytes:integer"),
		"PostedStory": map[string]any{"type": "object", "required": []any{"text"}, "additionalProperties": false,
			"properties": obj("id:string", "title:string", "text:string", "date:string", "lang:string", "source:string", "url:string")["properties"]},
		"AddResults": map[string]any{"type": "object", "properties": map[string]any{"results": map[string]any{"type": "array", "items": obj("story:integer", "status:string")}}},
	}
	return map[string]any{
		"openapi": "3.1.0",
		"info": map[string]any{"title": "Dateline API", "version": "1",
			"description": "Stories, entities, events and quotes merged across stories. Errors are {\"error\": {\"code\", \"message\"}} with stable codes: " +
				strings.Join([]string{CodeBadRequest, CodeInvalidParameter, CodeUnknownParameter, CodeNotFound, CodeMethodNotAllowed,
					CodeUnauthorized, CodeReadOnly, CodeTooLarge, CodeUnsupportedMedia, CodeUnavailable, CodeInternal}, ", ") + "."},
		"paths":      paths,
		"components": map[string]any{"schemas": schemas, "securitySchemes": map[string]any{"bearer": map[string]any{"type": "http", "scheme": "bearer"}}},
	}
}

func (s *Server) openapi(w http.ResponseWriter, r *http.Request) error {
	openapiOnce.Do(func() { openapiDoc = buildOpenAPI() })
	return writeJSON(w, http.StatusOK, openapiDoc)
}

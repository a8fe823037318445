-- Dateline store schema, version 5. Portable SQL (SQLite and PostgreSQL)
-- except the full-text tables stories_fts and entity_names, which the SQLite
-- backend creates separately.
CREATE TABLE IF NOT EXISTS meta (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS stories (
    id           INTEGER PRIMARY KEY,
    doc_id       TEXT NOT NULL,
    hash         TEXT NOT NULL UNIQUE,       -- dedup.Hash of the text
    signature    BLOB,                       -- dedup MinHash signature (BYTEA in PostgreSQL); NULL when too short
    duplicate_of INTEGER REFERENCES stories(id),
    similarity   REAL,                       -- estimated Jaccard similarity to duplicate_of
    cluster_id   INTEGER NOT NULL DEFAULT 0,
    title        TEXT NOT NULL DEFAULT '',
    lang         TEXT NOT NULL DEFAULT '',
    date         TEXT NOT NULL DEFAULT '',   -- YYYY-MM-DD or ''
    source       TEXT NOT NULL DEFAULT '',   -- publisher, else dateline agency
    url          TEXT NOT NULL DEFAULT '',
    ingested_at  TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS stories_date ON stories(date, id);
CREATE INDEX IF NOT EXISTS stories_dup ON stories(duplicate_of, date, id); -- lists of first copies by date
CREATE INDEX IF NOT EXISTS stories_cluster ON stories(cluster_id);
CREATE INDEX IF NOT EXISTS stories_source ON stories(source);

-- The large parts of a story, apart so that scans of stories stay small.
CREATE TABLE IF NOT EXISTS story_bodies (
    story_id INTEGER PRIMARY KEY REFERENCES stories(id),
    text     TEXT NOT NULL,                  -- the story's text (also in record), for snippets without decoding
    record   TEXT NOT NULL                   -- the full doc.Record as JSON
);

-- Every input record that carried a story's text (the first included).
CREATE TABLE IF NOT EXISTS sightings (
    key      TEXT PRIMARY KEY,               -- hash|doc_id|source
    story_id INTEGER NOT NULL REFERENCES stories(id),
    doc_id   TEXT NOT NULL,
    source   TEXT NOT NULL DEFAULT '',
    date     TEXT NOT NULL DEFAULT '',
    origin   TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS sightings_story ON sightings(story_id);

-- MinHash bands of first copies, for near-duplicate lookup.
CREATE TABLE IF NOT EXISTS dupbands (
    band     BIGINT NOT NULL,
    story_id INTEGER NOT NULL REFERENCES stories(id),
    PRIMARY KEY (band, story_id)
);

-- Story clusters, counted as stories join them (first copies only).
CREATE TABLE IF NOT EXISTS clusters (
    id      INTEGER PRIMARY KEY,             -- the id of the story that started it
    stories INTEGER NOT NULL DEFAULT 0,
    first   TEXT NOT NULL DEFAULT '',
    last    TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS clusters_size ON clusters(stories, id);

CREATE TABLE IF NOT EXISTS entities (
    id         INTEGER PRIMARY KEY,
    key        TEXT NOT NULL UNIQUE,         -- kb:ID or name:TYPE:normalised name
    type       TEXT NOT NULL,
    name       TEXT NOT NULL,
    norm       TEXT NOT NULL,
    kb_id      TEXT NOT NULL DEFAULT '',
    kb_label   TEXT NOT NULL DEFAULT '',
    mentions   INTEGER NOT NULL DEFAULT 0,
    stories    INTEGER NOT NULL DEFAULT 0,
    first_seen TEXT NOT NULL DEFAULT '',
    last_seen  TEXT NOT NULL DEFAULT '',
    lat        REAL,
    lon        REAL
);
CREATE INDEX IF NOT EXISTS entities_norm ON entities(norm);
CREATE INDEX IF NOT EXISTS entities_stories ON entities(stories DESC, id);

CREATE TABLE IF NOT EXISTS aliases (
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    text      TEXT NOT NULL,
    count     INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (entity_id, text)
);

CREATE TABLE IF NOT EXISTS story_entities (
    story_id  INTEGER NOT NULL REFERENCES stories(id),
    local_id  TEXT NOT NULL,
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    mentions  INTEGER NOT NULL DEFAULT 0,
    date      TEXT NOT NULL DEFAULT '',      -- the story's date; '' for near-duplicates (not clustered)
    PRIMARY KEY (story_id, local_id)
);
CREATE INDEX IF NOT EXISTS story_entities_entity ON story_entities(entity_id, story_id);
CREATE INDEX IF NOT EXISTS story_entities_date ON story_entities(entity_id, date);

CREATE TABLE IF NOT EXISTS mentions (
    story_id   INTEGER NOT NULL REFERENCES stories(id),
    entity_id  INTEGER NOT NULL REFERENCES entities(id),
    start_cp   INTEGER NOT NULL,
    end_cp     INTEGER NOT NULL,
    text       TEXT NOT NULL,
    kind       TEXT NOT NULL DEFAULT '',
    confidence REAL NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS mentions_entity ON mentions(entity_id);
CREATE INDEX IF NOT EXISTS mentions_story ON mentions(story_id);

CREATE TABLE IF NOT EXISTS quotes (
    id           INTEGER PRIMARY KEY,
    story_id     INTEGER NOT NULL REFERENCES stories(id),
    speaker_id   INTEGER REFERENCES entities(id),
    speaker_text TEXT NOT NULL DEFAULT '',
    text         TEXT NOT NULL,
    kind         TEXT NOT NULL DEFAULT '',
    cue          TEXT NOT NULL DEFAULT '',
    start_cp     INTEGER NOT NULL,
    end_cp       INTEGER NOT NULL,
    time_value   TEXT NOT NULL DEFAULT '',
    date         TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS quotes_speaker ON quotes(speaker_id, date);
CREATE INDEX IF NOT EXISTS quotes_story ON quotes(story_id);
CREATE INDEX IF NOT EXISTS quotes_date ON quotes(date, id);

CREATE TABLE IF NOT EXISTS events (
    id             INTEGER PRIMARY KEY,
    type           TEXT NOT NULL,
    mode           TEXT NOT NULL DEFAULT '',
    date           TEXT NOT NULL DEFAULT '',
    time_value     TEXT NOT NULL DEFAULT '',
    place_id       INTEGER REFERENCES entities(id),
    place_name     TEXT NOT NULL DEFAULT '',
    lat            REAL,
    lon            REAL,
    status         TEXT NOT NULL DEFAULT '',
    status_date    TEXT NOT NULL DEFAULT '',
    first_reported TEXT NOT NULL DEFAULT '',
    first_story    INTEGER NOT NULL REFERENCES stories(id),
    reports        INTEGER NOT NULL DEFAULT 0,
    sources        INTEGER NOT NULL DEFAULT 0,
    confirmed      INTEGER NOT NULL DEFAULT 0,
    summary        TEXT NOT NULL DEFAULT ''
);
CREATE INDEX IF NOT EXISTS events_type ON events(type, date);
CREATE INDEX IF NOT EXISTS events_date ON events(date, id);
CREATE INDEX IF NOT EXISTS events_place ON events(place_id);

CREATE TABLE IF NOT EXISTS event_participants (
    event_id  INTEGER NOT NULL REFERENCES events(id),
    entity_id INTEGER NOT NULL REFERENCES entities(id),
    role      TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (event_id, entity_id, role)
);
CREATE INDEX IF NOT EXISTS event_participants_entity ON event_participants(entity_id, event_id);

CREATE TABLE IF NOT EXISTS event_reports (
    id           INTEGER PRIMARY KEY,
    event_id     INTEGER NOT NULL REFERENCES events(id),
    story_id     INTEGER NOT NULL REFERENCES stories(id),
    local_id     TEXT NOT NULL DEFAULT '',
    source       TEXT NOT NULL DEFAULT '',
    claim_source TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL DEFAULT '',
    confirmed    INTEGER,
    trigger_text TEXT NOT NULL DEFAULT '',
    evidence     TEXT NOT NULL DEFAULT '',
    ev_start     INTEGER NOT NULL DEFAULT 0,
    ev_end       INTEGER NOT NULL DEFAULT 0,
    date         TEXT NOT NULL DEFAULT '',
    duplicate    INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX IF NOT EXISTS event_reports_event ON event_reports(event_id);
CREATE INDEX IF NOT EXISTS event_reports_story ON event_reports(story_id);
CREATE INDEX IF NOT EXISTS event_reports_source ON event_reports(source);

-- Independent sources of an event (publishers/agencies of first copies).
CREATE TABLE IF NOT EXISTS event_sources (
    event_id INTEGER NOT NULL REFERENCES events(id),
    source   TEXT NOT NULL,
    PRIMARY KEY (event_id, source)
);

CREATE TABLE IF NOT EXISTS event_status (
    event_id INTEGER NOT NULL REFERENCES events(id),
    status   TEXT NOT NULL,
    date     TEXT NOT NULL DEFAULT '',
    story_id INTEGER NOT NULL REFERENCES stories(id)
);
CREATE INDEX IF NOT EXISTS event_status_event ON event_status(event_id);

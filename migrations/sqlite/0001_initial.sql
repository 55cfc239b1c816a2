-- NightWatcher's first schema. Migrations are append-only: change the schema in a new file.
-- Times are Unix seconds (UTC).

CREATE TABLE items (
    id              INTEGER PRIMARY KEY,
    title           TEXT    NOT NULL,
    kind            TEXT    NOT NULL CHECK (kind IN ('movie', 'series')),
    year            INTEGER,
    from_season     INTEGER,
    from_episode    INTEGER,
    imdb_id         TEXT,
    tmdb_id         INTEGER,
    tvdb_id         INTEGER,
    categories      TEXT    NOT NULL,            -- JSON array of Newznab category ids
    enabled         INTEGER NOT NULL DEFAULT 1,
    created_at      INTEGER NOT NULL,
    updated_at      INTEGER NOT NULL,
    baseline_at     INTEGER,                     -- first successful check: what existed then is "already out"
    last_checked_at INTEGER,
    last_error      TEXT
);

-- Every release a search returned, once per indexer (Prowlarr's grab key is indexerId + guid).
-- Download and magnet links are never stored: they embed the Prowlarr API key.
CREATE TABLE releases (
    id            INTEGER PRIMARY KEY,
    indexer_id    INTEGER NOT NULL,
    guid          TEXT    NOT NULL,
    title         TEXT    NOT NULL,
    release_key   TEXT    NOT NULL,              -- normalized title: the same release cross-posted shares it
    indexer       TEXT,
    size          INTEGER,
    seeders       INTEGER,
    protocol      TEXT    NOT NULL,
    published_at  INTEGER,
    info_url      TEXT,                          -- http(s) only
    poster_url    TEXT,                          -- http(s) only
    first_seen_at INTEGER NOT NULL,
    last_seen_at  INTEGER NOT NULL,
    UNIQUE (indexer_id, guid)
);
CREATE INDEX releases_by_key ON releases (release_key);

CREATE TABLE runs (
    id                     INTEGER PRIMARY KEY,
    started_at             INTEGER NOT NULL,
    finished_at            INTEGER,
    status                 TEXT    NOT NULL CHECK (status IN ('running', 'ok', 'failed', 'cancelled')),
    items                  INTEGER NOT NULL DEFAULT 0,
    searches               INTEGER NOT NULL DEFAULT 0,
    releases_seen          INTEGER NOT NULL DEFAULT 0,
    new_matches            INTEGER NOT NULL DEFAULT 0,
    errors                 INTEGER NOT NULL DEFAULT 0,
    notifications_queued   INTEGER NOT NULL DEFAULT 0,
    duration_ms            INTEGER NOT NULL DEFAULT 0,
    error                  TEXT
);

-- The outbox. A row is committed before anything is sent; the delivery worker sends pending rows.
CREATE TABLE notifications (
    id              INTEGER PRIMARY KEY,
    channel         TEXT    NOT NULL,            -- 'telegram'
    kind            TEXT    NOT NULL,            -- 'summary' | 'new' | 'digest'
    item_id         INTEGER REFERENCES items (id) ON DELETE SET NULL,
    payload         TEXT    NOT NULL,            -- the rendered message (JSON)
    status          TEXT    NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    last_error      TEXT,
    created_at      INTEGER NOT NULL,
    sent_at         INTEGER
);
CREATE INDEX notifications_due ON notifications (status, next_attempt_at);

-- A release that matches an item. One per item and normalized release (cross-posts are one match).
-- A match with announced = 0 is owed a notification: it is the durable record that survives a crash
-- between the search and the composition of messages at the end of the check.
CREATE TABLE matches (
    id              INTEGER PRIMARY KEY,
    item_id         INTEGER NOT NULL REFERENCES items (id) ON DELETE CASCADE,
    release_id      INTEGER NOT NULL REFERENCES releases (id),
    release_key     TEXT    NOT NULL,
    initial         INTEGER NOT NULL,            -- found by the item's first successful check
    quality         INTEGER NOT NULL,            -- matcher::quality_score, for "best first"
    run_id          INTEGER REFERENCES runs (id),
    found_at        INTEGER NOT NULL,
    announced       INTEGER NOT NULL DEFAULT 0,
    notification_id INTEGER REFERENCES notifications (id) ON DELETE SET NULL,
    UNIQUE (item_id, release_key)
);
CREATE INDEX matches_unannounced ON matches (announced) WHERE announced = 0;

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

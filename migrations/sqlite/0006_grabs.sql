-- One row per found release that was asked to be grabbed (sent to a download client through Prowlarr). The row
-- is written before the request goes out, so a double tap or a retry after a crash finds it and does not grab
-- twice: 'sending' while the request is out (a row left 'sending' by a crash is read as interrupted),
-- 'grabbed' when Prowlarr took it, 'failed' with the reason (a failed grab may be asked again).
CREATE TABLE grabs (
    match_id     INTEGER PRIMARY KEY REFERENCES matches (id) ON DELETE CASCADE,
    status       TEXT    NOT NULL CHECK (status IN ('sending', 'grabbed', 'failed')),
    face         TEXT    NOT NULL,              -- who asked: app, web, cli, telegram
    request      TEXT,                          -- the asking request's own id (a Telegram update), if it has one
    client       TEXT,                          -- the download client's name, as Prowlarr lists it
    error        TEXT,
    attempts     INTEGER NOT NULL DEFAULT 0,
    requested_at INTEGER NOT NULL,
    finished_at  INTEGER
);

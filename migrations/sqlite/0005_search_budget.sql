-- The hourly search budget kept in the database, so it holds across checks, restarts and processes (the tray
-- app and `nightwatcherd` on one file, or `nightwatcherd check` run from cron): one row per grant of searches.
-- Rows older than an hour are deleted when searches are next granted.
CREATE TABLE searches_granted (
    at     INTEGER NOT NULL,
    count  INTEGER NOT NULL CHECK (count > 0)
);
CREATE INDEX searches_granted_at ON searches_granted (at);

-- Issue 5: feed polling and the per-item search schedule.

-- When the item was last searched by name (feed mode searches an item on add or edit, then on its own slow
-- schedule). NULL: never since it was added or edited, so it is searched at the next check.
ALTER TABLE items ADD COLUMN last_searched_at INTEGER;

-- The newest release seen in each indexer's latest-releases feed, per feed (the categories asked for): the
-- next poll pages back until it reaches it.
CREATE TABLE feed_cursors (
    feed          TEXT    NOT NULL,
    indexer_id    INTEGER NOT NULL,
    guid          TEXT    NOT NULL,
    published_at  INTEGER NOT NULL,
    updated_at    INTEGER NOT NULL,
    PRIMARY KEY (feed, indexer_id)
);

-- Issue 4: series tracking and "each episode notified once".

-- Follow one season only (NULL: from from_season on, or everything).
ALTER TABLE items ADD COLUMN only_season INTEGER;
-- Daily shows: episodes aired on or after this day (YYYY-MM-DD).
ALTER TABLE items ADD COLUMN from_date TEXT;

-- What a match is of, whatever the release's name: `S02E05`, `S02E05-E07`, `2024-03-15`, `E0679` (absolute),
-- `S02` / `S01-S03` / `complete` (packs), `movie`. NULL when the name cannot place it (a named special):
-- such a release is its own identity. Releases sharing an item and an episode are one piece of news.
ALTER TABLE matches ADD COLUMN episode_key TEXT;
-- `proper` or `repack` when the name says so.
ALTER TABLE matches ADD COLUMN revision TEXT;
CREATE INDEX matches_by_episode ON matches (item_id, episode_key) WHERE episode_key IS NOT NULL;

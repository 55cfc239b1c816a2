-- Issue 4: per-item filters and aliases; matches a filter refused are kept with the reason.

-- JSON array of alternative titles; any of them matches like the title.
ALTER TABLE items ADD COLUMN aliases TEXT NOT NULL DEFAULT '[]';
-- JSON object of the item's filters (engine `filters::ItemFilters`); '{}' = the defaults.
ALTER TABLE items ADD COLUMN filters TEXT NOT NULL DEFAULT '{}';

-- Why a filter refused a release of the item (`rule: reason`); NULL for a release that passed.
-- A refused match is written with announced = 1: it is history, never owed a notification. Should it pass
-- later (more seeders, a changed filter) it becomes owed then.
ALTER TABLE matches ADD COLUMN rejected TEXT;

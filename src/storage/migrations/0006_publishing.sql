-- Publishing (publish issue): a plan is a draft until a coordinator publishes it;
-- only published plans reach the public pages and API. published_at is ISO 8601
-- UTC, '' for a draft; published_by the actor who published it. Text columns, so
-- the same SQL runs on both databases.
ALTER TABLE plan ADD COLUMN published_at TEXT NOT NULL DEFAULT '';
ALTER TABLE plan ADD COLUMN published_by TEXT NOT NULL DEFAULT '';

-- Before this step every stored plan was public; an installation that upgrades
-- keeps showing what it showed, so the plans already stored count as published
-- when they were imported. Plans imported from now on start as drafts.
UPDATE plan SET published_at = imported_at, published_by = 'migration 0006' WHERE published_at = '';

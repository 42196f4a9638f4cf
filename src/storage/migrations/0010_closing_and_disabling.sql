-- A coordinator may close a round before its due date plus grace (closed_on,
-- YYYY-MM-DD; '' while not closed early), and an administrator may disable an
-- account (disabled_at, ISO 8601 UTC; '' while enabled) without deleting what it
-- wrote. Text columns, so the same SQL runs on both databases. The old boolean
-- `closed` stays in step with closed_on for readers of the raw tables.
ALTER TABLE reporting_round ADD COLUMN closed_on TEXT NOT NULL DEFAULT '';
ALTER TABLE app_user ADD COLUMN disabled_at TEXT NOT NULL DEFAULT '';

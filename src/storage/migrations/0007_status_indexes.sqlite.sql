-- National scale (bench/scale): the status of every activity reads each plan's
-- reports with their values in one pass (sql/report_bulk.cc), by activity and
-- then report id. These indexes hold every column that read takes in that
-- order, so SQLite walks node_plan and these two indexes without sorting and
-- without a rowid lookup per report and per value; the lookups they save are
-- cheap on the bench's data (stored in activity order: 25 % less CPU) and
-- random page reads when reports arrive month by month across all plans.
-- Query plans and figures in bench/README.md.
-- Numbered 0007: 0006 is the published-plan migration of the web pages issue.
CREATE INDEX progress_report_status ON progress_report (activity_id, id, institution_id, period, claimed, review, revision, version, submitted_at);
CREATE INDEX progress_value_report ON progress_value (report_id, indicator_index, value);

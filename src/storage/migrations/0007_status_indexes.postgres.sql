-- National scale (bench/scale): the status of every activity reads each plan's
-- reports with their values in one pass (sql/report_bulk.cc), by activity and
-- then report id. INCLUDE makes both indexes covering, so once autovacuum has
-- marked the pages all-visible the read is two index-only scans; before, it
-- fetches the rows from the heap in index order. Query plans and figures in
-- bench/README.md.
-- Numbered 0007: 0006 is the published-plan migration of the web pages issue.
CREATE INDEX progress_report_status ON progress_report (activity_id, id) INCLUDE (institution_id, period, claimed, review, revision, version, submitted_at);
CREATE INDEX progress_value_report ON progress_value (report_id, indicator_index) INCLUDE (value);

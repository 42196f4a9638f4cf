-- Monitoring (issue 5): a round reopened for one institution after it locked, and
-- the outbox of reminder digests. Indexes serve the status and completeness queries.
CREATE TABLE round_reopening (
    id INTEGER PRIMARY KEY,
    round_id BIGINT NOT NULL REFERENCES reporting_round (id) ON DELETE CASCADE,
    institution_id BIGINT NOT NULL REFERENCES institution (id),
    until_on TEXT NOT NULL,
    reopened_by TEXT NOT NULL,
    reopened_at TEXT NOT NULL,
    UNIQUE (round_id, institution_id)
);

-- One digest per institution and day: (institution_id, digest_on) is the idempotency key.
CREATE TABLE reminder_outbox (
    id INTEGER PRIMARY KEY,
    institution_id BIGINT NOT NULL REFERENCES institution (id),
    digest_on TEXT NOT NULL,
    kind TEXT NOT NULL,
    recipients TEXT NOT NULL DEFAULT '',
    subject TEXT NOT NULL,
    body TEXT NOT NULL,
    created_at TEXT NOT NULL,
    sent_at TEXT NOT NULL DEFAULT '',
    error TEXT NOT NULL DEFAULT '',
    UNIQUE (institution_id, digest_on)
);

CREATE INDEX progress_report_activity ON progress_report (activity_id, period, institution_id);
CREATE INDEX reporting_round_plan ON reporting_round (plan_id, due_on);

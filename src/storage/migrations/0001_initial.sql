-- The first schema, shared by SQLite and PostgreSQL. Every table has an
-- "id INTEGER PRIMARY KEY": SQLite assigns it (a rowid alias); PostgreSQL turns
-- it into a BIGINT identity in 0002_identity.postgres.sql. Money is BIGINT minor
-- units, measured numbers DOUBLE PRECISION (REAL in SQLite), flags INTEGER 0/1,
-- times ISO 8601 UTC text. Optional numbers are NULL, optional text is ''.

-- Registry of institutions shared by all plans. search_key is text::SearchKey(name).
CREATE TABLE institution (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    search_key TEXT NOT NULL UNIQUE,
    acronym TEXT NOT NULL DEFAULT '',
    acronym_key TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT '',
    parent_id BIGINT REFERENCES institution (id),
    contact TEXT NOT NULL DEFAULT ''
);
CREATE INDEX institution_acronym_key ON institution (acronym_key);
CREATE INDEX institution_parent ON institution (parent_id);

CREATE TABLE institution_alias (
    id INTEGER PRIMARY KEY,
    institution_id BIGINT NOT NULL REFERENCES institution (id) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    search_key TEXT NOT NULL,
    UNIQUE (institution_id, search_key)
);
CREATE INDEX institution_alias_key ON institution_alias (search_key);

-- All versions of one plan share a series; --replace adds a version to it.
CREATE TABLE plan_series (
    id INTEGER PRIMARY KEY,
    created_at TEXT NOT NULL
);

CREATE TABLE plan (
    id INTEGER PRIMARY KEY,
    series_id BIGINT NOT NULL REFERENCES plan_series (id),
    version INTEGER NOT NULL,
    title TEXT NOT NULL,
    kind TEXT NOT NULL,
    language TEXT NOT NULL DEFAULT '',
    jurisdiction TEXT NOT NULL DEFAULT '',
    period_start INTEGER,
    period_end INTEGER,
    cadence TEXT,
    adopted_by TEXT NOT NULL DEFAULT '',
    source_file TEXT NOT NULL DEFAULT '',
    source_sha256 TEXT NOT NULL DEFAULT '',
    source_format TEXT NOT NULL DEFAULT '',
    imported_at TEXT NOT NULL,
    UNIQUE (series_id, version)
);
CREATE INDEX plan_sha256 ON plan (source_sha256);
CREATE INDEX plan_source_file ON plan (source_file);
CREATE INDEX plan_title ON plan (title);

-- The plan's own view of an institution (name, acronym, aliases, figures as the
-- document had them), so LoadPlan returns exactly what InsertPlan got.
CREATE TABLE plan_institution (
    id INTEGER PRIMARY KEY,
    plan_id BIGINT NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    institution_id BIGINT NOT NULL REFERENCES institution (id),
    name TEXT NOT NULL,
    acronym TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT '',
    parent TEXT NOT NULL DEFAULT '',
    contact TEXT NOT NULL DEFAULT '',
    UNIQUE (plan_id, position)
);
CREATE INDEX plan_institution_institution ON plan_institution (institution_id);

CREATE TABLE plan_institution_alias (
    id INTEGER PRIMARY KEY,
    plan_institution_id BIGINT NOT NULL REFERENCES plan_institution (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    alias TEXT NOT NULL,
    UNIQUE (plan_institution_id, position)
);

CREATE TABLE unit_figure (
    id INTEGER PRIMARY KEY,
    plan_institution_id BIGINT NOT NULL REFERENCES plan_institution (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    year INTEGER NOT NULL,
    value DOUBLE PRECISION NOT NULL,
    unit TEXT NOT NULL DEFAULT '',
    counted TEXT NOT NULL DEFAULT '',
    UNIQUE (plan_institution_id, position)
);

-- The tree of a plan; position orders siblings. Activity-only columns are NULL
-- or '' on other kinds. A date point is year/month/day with 0 for "whole".
CREATE TABLE node (
    id INTEGER PRIMARY KEY,
    plan_id BIGINT NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    parent_id BIGINT REFERENCES node (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL,
    code TEXT NOT NULL DEFAULT '',
    title TEXT NOT NULL,
    source_line INTEGER NOT NULL DEFAULT 0,
    frequency TEXT,
    start_year INTEGER,
    start_month INTEGER,
    start_day INTEGER,
    deadline_year INTEGER,
    deadline_month INTEGER,
    deadline_day INTEGER,
    deadline_text TEXT NOT NULL DEFAULT ''
);
CREATE INDEX node_plan ON node (plan_id, kind);
CREATE INDEX node_parent ON node (parent_id);

CREATE TABLE node_result (
    id INTEGER PRIMARY KEY,
    node_id BIGINT NOT NULL REFERENCES node (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL,
    UNIQUE (node_id, position)
);

-- target_comparator is NULL when the indicator states no target.
CREATE TABLE indicator (
    id INTEGER PRIMARY KEY,
    node_id BIGINT NOT NULL REFERENCES node (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL,
    target_value DOUBLE PRECISION,
    target_comparator TEXT,
    target_unit TEXT NOT NULL DEFAULT '',
    target_per TEXT,
    target_percent INTEGER NOT NULL DEFAULT 0,
    baseline DOUBLE PRECISION,
    UNIQUE (node_id, position)
);

CREATE TABLE node_period (
    id INTEGER PRIMARY KEY,
    node_id BIGINT NOT NULL REFERENCES node (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    period TEXT NOT NULL,
    UNIQUE (node_id, position)
);
CREATE INDEX node_period_period ON node_period (period);

-- institution is the name as the plan wrote it; institution_id the registry entry.
CREATE TABLE responsibility (
    id INTEGER PRIMARY KEY,
    node_id BIGINT NOT NULL REFERENCES node (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    institution TEXT NOT NULL,
    institution_id BIGINT NOT NULL REFERENCES institution (id),
    role TEXT NOT NULL,
    UNIQUE (node_id, position)
);
CREATE INDEX responsibility_institution ON responsibility (institution_id, role);

CREATE TABLE budget_line (
    id INTEGER PRIMARY KEY,
    node_id BIGINT NOT NULL REFERENCES node (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    amount_minor BIGINT NOT NULL,
    currency TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    year INTEGER,
    UNIQUE (node_id, position)
);

CREATE TABLE social_service (
    id INTEGER PRIMARY KEY,
    plan_id BIGINT NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    line TEXT NOT NULL,
    code TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL DEFAULT '',
    beneficiaries TEXT NOT NULL DEFAULT '',
    provider TEXT NOT NULL DEFAULT '',
    locality TEXT NOT NULL DEFAULT '',
    capacity_value DOUBLE PRECISION,
    capacity_unit TEXT,
    occupancy DOUBLE PRECISION,
    state TEXT NOT NULL,
    staff INTEGER,
    area_m2 DOUBLE PRECISION,
    schedule TEXT NOT NULL DEFAULT '',
    source_line INTEGER NOT NULL DEFAULT 0,
    UNIQUE (plan_id, position)
);
CREATE INDEX social_service_code ON social_service (code);

CREATE TABLE service_budget (
    id INTEGER PRIMARY KEY,
    service_id BIGINT NOT NULL REFERENCES social_service (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    year INTEGER NOT NULL,
    source TEXT NOT NULL DEFAULT '',
    amount_minor BIGINT NOT NULL,
    currency TEXT NOT NULL,
    UNIQUE (service_id, position)
);

CREATE TABLE plan_warning (
    id INTEGER PRIMARY KEY,
    plan_id BIGINT NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    line INTEGER NOT NULL DEFAULT 0,
    message TEXT NOT NULL,
    code TEXT NOT NULL DEFAULT '',
    UNIQUE (plan_id, position)
);

-- Accounts. email_key is the lower-cased e-mail, so "Ana@X.ro" and "ana@x.ro" are one user.
CREATE TABLE app_user (
    id INTEGER PRIMARY KEY,
    email TEXT NOT NULL,
    email_key TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    institution_id BIGINT REFERENCES institution (id),
    password_hash TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL
);

-- Only the SHA-256 of a token's secret is kept.
CREATE TABLE api_token (
    id INTEGER PRIMARY KEY,
    user_id BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    token_sha256 TEXT NOT NULL UNIQUE,
    label TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    last_used_at TEXT NOT NULL DEFAULT ''
);

CREATE TABLE session (
    id INTEGER PRIMARY KEY,
    token_sha256 TEXT NOT NULL UNIQUE,
    user_id BIGINT NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
);
CREATE INDEX session_by_user ON session (user_id);

-- Monitoring: a round asks for reports on one period of one plan.
CREATE TABLE reporting_round (
    id INTEGER PRIMARY KEY,
    plan_id BIGINT NOT NULL REFERENCES plan (id) ON DELETE CASCADE,
    period TEXT NOT NULL,
    opens_on TEXT NOT NULL,
    due_on TEXT NOT NULL,
    grace_days INTEGER NOT NULL DEFAULT 0,
    closed INTEGER NOT NULL DEFAULT 0,
    UNIQUE (plan_id, period)
);

-- One per activity x institution x period x revision; version detects concurrent edits.
CREATE TABLE progress_report (
    id INTEGER PRIMARY KEY,
    activity_id BIGINT NOT NULL REFERENCES node (id) ON DELETE CASCADE,
    institution_id BIGINT NOT NULL REFERENCES institution (id),
    period TEXT NOT NULL,
    claimed TEXT NOT NULL,
    narrative TEXT NOT NULL DEFAULT '',
    review TEXT NOT NULL,
    review_comment TEXT NOT NULL DEFAULT '',
    revision INTEGER NOT NULL DEFAULT 1,
    version INTEGER NOT NULL DEFAULT 1,
    author_id BIGINT REFERENCES app_user (id),
    created_at TEXT NOT NULL,
    submitted_at TEXT NOT NULL DEFAULT '',
    UNIQUE (activity_id, institution_id, period, revision)
);
CREATE INDEX progress_report_period ON progress_report (period, review);
CREATE INDEX progress_report_institution ON progress_report (institution_id);

CREATE TABLE progress_value (
    id INTEGER PRIMARY KEY,
    report_id BIGINT NOT NULL REFERENCES progress_report (id) ON DELETE CASCADE,
    indicator_index INTEGER NOT NULL,
    value DOUBLE PRECISION NOT NULL,
    UNIQUE (report_id, indicator_index)
);

CREATE TABLE progress_evidence (
    id INTEGER PRIMARY KEY,
    report_id BIGINT NOT NULL REFERENCES progress_report (id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    url TEXT NOT NULL,
    sha256 TEXT NOT NULL DEFAULT '',
    UNIQUE (report_id, position)
);

-- Earlier states of a report, kept when an approved report is edited or returned.
CREATE TABLE progress_revision (
    id INTEGER PRIMARY KEY,
    report_id BIGINT NOT NULL REFERENCES progress_report (id) ON DELETE CASCADE,
    revision INTEGER NOT NULL,
    snapshot_json TEXT NOT NULL,
    changed_by BIGINT REFERENCES app_user (id),
    changed_at TEXT NOT NULL,
    UNIQUE (report_id, revision)
);

CREATE TABLE audit_event (
    id INTEGER PRIMARY KEY,
    actor TEXT NOT NULL,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    entity TEXT NOT NULL DEFAULT '',
    entity_id TEXT NOT NULL DEFAULT '',
    before_json TEXT NOT NULL DEFAULT 'null',
    after_json TEXT NOT NULL DEFAULT 'null'
);
CREATE INDEX audit_event_entity ON audit_event (entity, entity_id);

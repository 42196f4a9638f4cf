-- Registries (issue 7). An institution created from a name no registry entry
-- matched starts unreviewed (reviewed = 0) until a coordinator confirms it or
-- merges it into another. The needs register keeps no identity: a person is a
-- keyed hash (HMAC-SHA256 with the installation secret of app_setting).
ALTER TABLE institution ADD COLUMN reviewed INTEGER NOT NULL DEFAULT 0;

CREATE TABLE app_setting (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    value TEXT NOT NULL
);

-- One identified need or situation, recorded by one institution.
CREATE TABLE need (
    id INTEGER PRIMARY KEY,
    institution_id BIGINT NOT NULL REFERENCES institution (id),
    recorded_on TEXT NOT NULL,
    locality TEXT NOT NULL,
    beneficiary_group TEXT NOT NULL,
    kind TEXT NOT NULL,
    referred_by TEXT NOT NULL DEFAULT '',
    urgency TEXT NOT NULL DEFAULT 'normal',
    service_id BIGINT REFERENCES social_service (id),
    outcome TEXT NOT NULL DEFAULT '',
    person_key TEXT NOT NULL,
    created_by TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX need_institution ON need (institution_id);
CREATE INDEX need_group_locality ON need (beneficiary_group, locality);

-- Beneficiaries of one service in one month (entered or reported) and its waiting list.
CREATE TABLE service_month (
    id INTEGER PRIMARY KEY,
    service_id BIGINT NOT NULL REFERENCES social_service (id) ON DELETE CASCADE,
    month TEXT NOT NULL,
    beneficiaries INTEGER NOT NULL,
    waiting INTEGER NOT NULL DEFAULT 0,
    reported_by TEXT NOT NULL,
    reported_at TEXT NOT NULL,
    UNIQUE (service_id, month)
);

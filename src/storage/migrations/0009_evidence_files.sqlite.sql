-- Evidence files (monitoring issue): the bytes a reporter uploads with a progress
-- report, stored once per content (sha256, computed by the server) in the database,
-- so a backup, a restore and a transaction cover them as they cover the reports.
-- content is base64 text: PostgreSQL's text cannot hold NUL bytes, and one column
-- type keeps both databases and their backups alike. media_type is the one given at
-- the first upload. progress_evidence rows name a file by sha256 (url holds its name).
CREATE TABLE evidence_file (
    id INTEGER PRIMARY KEY,
    sha256 TEXT NOT NULL UNIQUE,
    size BIGINT NOT NULL,
    media_type TEXT NOT NULL,
    content TEXT NOT NULL,
    stored_at TEXT NOT NULL,
    stored_by TEXT NOT NULL
);

-- The download route finds the reports that carry a file, to check who may read it.
CREATE INDEX progress_evidence_sha256 ON progress_evidence (sha256);

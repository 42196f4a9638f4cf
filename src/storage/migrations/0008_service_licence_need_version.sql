-- The operating licence of a social service (registry issue): number as written,
-- the day it was granted and the day it ends, each at the precision the document
-- gives (year, month, day as in the node dates of 0001). Plain ALTERs, so the same
-- SQL runs on both databases; services stored before have no licence.
ALTER TABLE social_service ADD COLUMN licence_number TEXT;
ALTER TABLE social_service ADD COLUMN licence_year INTEGER;
ALTER TABLE social_service ADD COLUMN licence_month INTEGER;
ALTER TABLE social_service ADD COLUMN licence_day INTEGER;
ALTER TABLE social_service ADD COLUMN licence_expiry_year INTEGER;
ALTER TABLE social_service ADD COLUMN licence_expiry_month INTEGER;
ALTER TABLE social_service ADD COLUMN licence_expiry_day INTEGER;

-- A need's referral and outcome are recorded after it (NeedsService::Update): the
-- version an edit was made on must still be the stored one, else the edit is stale.
ALTER TABLE need ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

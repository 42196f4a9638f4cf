-- Search across plans, activities, institutions and social services (web issue).
-- FTS5's unicode61 tokenizer with remove_diacritics 2 folds case and every
-- diacritic, cedilla and comma-below alike: "sanatate" finds "sănătate",
-- "scoala" finds "şcoală". Triggers keep the index in step with the tables; each
-- trigger stays on one line because migrations are split at lines ending in ';'.
-- Numbered 0005: the next free number when it was written (web issue).
CREATE VIRTUAL TABLE search_index USING fts5(kind UNINDEXED, ref_id UNINDEXED, plan_id UNINDEXED, title, tokenize = 'unicode61 remove_diacritics 2');

INSERT INTO search_index (kind, ref_id, plan_id, title) SELECT 'plan', id, id, title FROM plan;
INSERT INTO search_index (kind, ref_id, plan_id, title) SELECT 'activity', id, plan_id, code || ' ' || title FROM node WHERE kind = 'activity';
INSERT INTO search_index (kind, ref_id, plan_id, title) SELECT 'institution', id, NULL, name || ' ' || acronym FROM institution;
INSERT INTO search_index (kind, ref_id, plan_id, title) SELECT 'service', id, plan_id, name || ' ' || code || ' ' || locality FROM social_service;

CREATE TRIGGER search_plan_insert AFTER INSERT ON plan BEGIN INSERT INTO search_index (kind, ref_id, plan_id, title) VALUES ('plan', new.id, new.id, new.title); END;
CREATE TRIGGER search_plan_delete AFTER DELETE ON plan BEGIN DELETE FROM search_index WHERE kind = 'plan' AND ref_id = old.id; END;
CREATE TRIGGER search_node_insert AFTER INSERT ON node WHEN new.kind = 'activity' BEGIN INSERT INTO search_index (kind, ref_id, plan_id, title) VALUES ('activity', new.id, new.plan_id, new.code || ' ' || new.title); END;
CREATE TRIGGER search_node_delete AFTER DELETE ON node WHEN old.kind = 'activity' BEGIN DELETE FROM search_index WHERE kind = 'activity' AND ref_id = old.id; END;
CREATE TRIGGER search_institution_insert AFTER INSERT ON institution BEGIN INSERT INTO search_index (kind, ref_id, plan_id, title) VALUES ('institution', new.id, NULL, new.name || ' ' || new.acronym); END;
CREATE TRIGGER search_institution_update AFTER UPDATE OF name, acronym ON institution BEGIN DELETE FROM search_index WHERE kind = 'institution' AND ref_id = old.id; INSERT INTO search_index (kind, ref_id, plan_id, title) VALUES ('institution', new.id, NULL, new.name || ' ' || new.acronym); END;
CREATE TRIGGER search_institution_delete AFTER DELETE ON institution BEGIN DELETE FROM search_index WHERE kind = 'institution' AND ref_id = old.id; END;
CREATE TRIGGER search_service_insert AFTER INSERT ON social_service BEGIN INSERT INTO search_index (kind, ref_id, plan_id, title) VALUES ('service', new.id, new.plan_id, new.name || ' ' || new.code || ' ' || new.locality); END;
CREATE TRIGGER search_service_delete AFTER DELETE ON social_service BEGIN DELETE FROM search_index WHERE kind = 'service' AND ref_id = old.id; END;

-- Search across plans, activities, institutions and social services (web issue).
-- unaccent folds diacritics (ş and ș alike), lower() the case; pg_trgm's GIN
-- indexes make LIKE '%…%' on those keys fast. unaccent() itself is only STABLE,
-- so an IMMUTABLE wrapper naming its dictionary is what the indexes use.
-- Numbered 0005: the next free number when it was written (web issue).
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE OR REPLACE FUNCTION pw_search_key(text) RETURNS text LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;
CREATE INDEX plan_search_trgm ON plan USING gin (pw_search_key(title) gin_trgm_ops);
CREATE INDEX node_search_trgm ON node USING gin (pw_search_key(code || ' ' || title) gin_trgm_ops) WHERE kind = 'activity';
CREATE INDEX institution_search_trgm ON institution USING gin (pw_search_key(name || ' ' || acronym) gin_trgm_ops);
CREATE INDEX social_service_search_trgm ON social_service USING gin (pw_search_key(name || ' ' || code || ' ' || locality) gin_trgm_ops);

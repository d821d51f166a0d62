-- Contact search: substrings of names, phone digits and email addresses, found through trigram
-- (pg_trgm) GIN indexes, with names compared with accents and case folded (unaccent). Both are
-- contrib modules that PostgreSQL ships (the embedded server too) and "trusted": the database's
-- owner may create them without being a superuser.
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- The folded form of a text that search compares: accents removed, lower-cased. unaccent() is
-- only STABLE (its dictionary could be changed), so no index may call it; this wrapper is declared
-- IMMUTABLE, which holds as long as the unaccent rules are not edited (rebuild the index if they
-- are). Its SQL-standard body binds the function and the dictionary when it is created, whatever
-- the search_path of the session that calls it.
CREATE FUNCTION search_fold(text) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
BEGIN ATOMIC
  SELECT lower(unaccent('unaccent'::regdictionary, $1));
END;

-- The names of a contact as search reads them, folded: the full name, a line break, then the first
-- and last name. The line break keeps a search from matching across the two (a search's spaces
-- never include one), and a name given whole is found as well as its parts.
CREATE FUNCTION contact_search_names(name text, first_name text, last_name text) RETURNS text
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
BEGIN ATOMIC
  SELECT search_fold(coalesce(name, '') || E'\n' || coalesce(first_name, '') || ' ' || coalesce(last_name, ''));
END;

-- CreateIndex
CREATE INDEX "contacts_search_names_idx" ON "contacts" USING GIN (contact_search_names("name", "first_name", "last_name") gin_trgm_ops);

-- CreateIndex
CREATE INDEX "contact_details_value_idx" ON "contact_details" USING GIN ("value" gin_trgm_ops);

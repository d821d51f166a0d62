-- Stable codes next to the reasons of import rows.

-- `codes`: the codes of the row's reason (`message`), separated by "; " in the same order as its
-- parts. `create_error_code`: the code of `create_error`.
ALTER TABLE "import_rows" ADD COLUMN "codes" TEXT,
ADD COLUMN "create_error_code" TEXT;

-- The reasons staged before codes existed whose wording names their code (the skip reasons, and the
-- decisions that are a row's whole reason); a row's own value errors stay without codes.
CREATE FUNCTION pg_temp.reason_code(reason TEXT) RETURNS TEXT LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE
    WHEN reason LIKE 'a contact with this % already exists' THEN 'CONTACT_EXISTS'
    WHEN reason LIKE 'no contact with this %' THEN 'NO_MATCHING_CONTACT'
    WHEN reason LIKE 'duplicate of row % in the file, which is imported instead' THEN 'DUPLICATE_IN_FILE'
    WHEN reason LIKE 'merged into row % of the file' THEN 'MERGED_IN_FILE'
    WHEN reason LIKE 'the file has % rows (%) with the identifier %; none of them is imported' THEN 'DUPLICATE_IN_FILE'
    WHEN reason LIKE '% existing contacts have this %: merge them, or identify the contact another way' THEN 'AMBIGUOUS_MATCH'
    WHEN reason = 'the row has nothing to identify the contact by' THEN 'MISSING_IDENTIFIER'
    WHEN reason = 'a new contact needs at least one valid phone number or email address' THEN 'PHONE_OR_EMAIL_REQUIRED'
    WHEN reason = 'this workspace requires a first name for new contacts' THEN 'FIRST_NAME_REQUIRED'
    WHEN reason = 'this workspace requires a phone number whose country is known' THEN 'PHONE_COUNTRY_REQUIRED'
  END
$$;

UPDATE "import_rows" SET "codes" = pg_temp.reason_code("message") WHERE "message" IS NOT NULL;
UPDATE "import_rows" SET "create_error_code" = pg_temp.reason_code("create_error") WHERE "create_error" IS NOT NULL;

-- The skip reasons kept on ended jobs get their code too.
UPDATE "import_jobs" j SET "skip_reasons" = (
    SELECT jsonb_agg(e.reason || jsonb_build_object('code', pg_temp.reason_code(e.reason->>'reason')) ORDER BY e.position)
    FROM jsonb_array_elements(j."skip_reasons") WITH ORDINALITY AS e(reason, position))
  WHERE jsonb_typeof(j."skip_reasons") = 'array' AND jsonb_array_length(j."skip_reasons") > 0;

DROP FUNCTION pg_temp.reason_code(TEXT);

-- A job that ends keeps its skip reasons grouped by wording and code.
CREATE OR REPLACE FUNCTION import_job_ended() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.skip_reasons := coalesce((
    SELECT jsonb_agg(jsonb_build_object('reason', s.reason, 'code', s.code, 'count', s.count) ORDER BY s.count DESC, s.reason, s.code)
    FROM (SELECT regexp_replace(r.message, '\d+', 'N', 'g') AS reason, r.codes AS code, count(*)::int AS count FROM import_rows r
          WHERE r.workspace_id = NEW.workspace_id AND r.job_id = NEW.id AND r.action = 'SKIP' GROUP BY 1, 2) s), '[]'::jsonb);
  DELETE FROM import_rows WHERE workspace_id = NEW.workspace_id AND job_id = NEW.id;
  RETURN NEW;
END $$;

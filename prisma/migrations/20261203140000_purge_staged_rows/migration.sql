-- Personal data does not outlive its use.

-- A job's staged rows (import_rows: every row's normalized values) serve its review and its write.
-- They go in the statement that ends the job (completed, failed, cancelled or expired), whichever
-- path ends it; the skip reasons the job still shows afterwards are kept on the job, with row
-- numbers folded into N. The undo journal (import_changes) stays: a revert needs it.
ALTER TABLE "import_jobs" ADD COLUMN "skip_reasons" JSONB;

CREATE FUNCTION import_job_ended() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.skip_reasons := coalesce((
    SELECT jsonb_agg(jsonb_build_object('reason', s.reason, 'count', s.count) ORDER BY s.count DESC, s.reason)
    FROM (SELECT regexp_replace(r.message, '\d+', 'N', 'g') AS reason, count(*)::int AS count FROM import_rows r
          WHERE r.workspace_id = NEW.workspace_id AND r.job_id = NEW.id AND r.action = 'SKIP' GROUP BY 1) s), '[]'::jsonb);
  DELETE FROM import_rows WHERE workspace_id = NEW.workspace_id AND job_id = NEW.id;
  RETURN NEW;
END $$;

CREATE TRIGGER import_jobs_end BEFORE UPDATE OF status ON import_jobs FOR EACH ROW
  WHEN (NEW.status IN ('COMPLETED', 'FAILED', 'CANCELLED', 'EXPIRED') AND OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION import_job_ended();

-- Jobs that ended before this migration.
UPDATE import_jobs j SET skip_reasons = coalesce((
    SELECT jsonb_agg(jsonb_build_object('reason', s.reason, 'count', s.count) ORDER BY s.count DESC, s.reason)
    FROM (SELECT regexp_replace(r.message, '\d+', 'N', 'g') AS reason, count(*)::int AS count FROM import_rows r
          WHERE r.workspace_id = j.workspace_id AND r.job_id = j.id AND r.action = 'SKIP' GROUP BY 1) s), '[]'::jsonb)
  WHERE j.status IN ('COMPLETED', 'FAILED', 'CANCELLED', 'EXPIRED', 'REVERTING', 'REVERTED');
DELETE FROM import_rows r USING import_jobs j
  WHERE r.workspace_id = j.workspace_id AND r.job_id = j.id AND j.status IN ('COMPLETED', 'FAILED', 'CANCELLED', 'EXPIRED', 'REVERTING', 'REVERTED');

-- A deleted contact leaves no values in the undo journal, whichever path deletes it (the API, a
-- merge, a revert): its snapshots are emptied and the row stays, so that a later revert of the
-- import still counts it (a contact the import created is gone, one it updated is a conflict).
CREATE INDEX "import_changes_workspace_id_contact_id_idx" ON "import_changes"("workspace_id", "contact_id");

CREATE FUNCTION redact_deleted_contacts() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE import_changes ic SET before = NULL, after = '{}'::jsonb
  FROM gone g WHERE ic.workspace_id = g.workspace_id AND ic.contact_id = g.id;
  RETURN NULL;
END $$;

CREATE TRIGGER contacts_redact_journal AFTER DELETE ON contacts REFERENCING OLD TABLE AS gone
  FOR EACH STATEMENT EXECUTE FUNCTION redact_deleted_contacts();

-- A job waiting for its mapping now carries its deadline in review_expires_at, as a job in review
-- does; the sweeper reads only that column. Jobs uploaded before keep the deadline they had.
UPDATE "import_jobs" j SET "review_expires_at" = j."updated_at" + make_interval(secs => w."review_ttl_seconds")
FROM "workspaces" w
WHERE w."id" = j."workspace_id" AND j."status" = 'MAPPING' AND j."review_expires_at" IS NULL;

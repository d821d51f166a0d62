-- Time-ordered keys (UUID version 7, PostgreSQL 18): contacts and details inserted together land
-- at the right edge of their primary-key B-trees instead of on random pages.
ALTER TABLE "contacts" ALTER COLUMN "id" SET DEFAULT uuidv7();

ALTER TABLE "contact_details" ALTER COLUMN "id" SET DEFAULT uuidv7();

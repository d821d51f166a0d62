-- CreateEnum
CREATE TYPE "ApiKeyScope" AS ENUM ('READ', 'WRITE', 'ADMIN');

-- CreateEnum
CREATE TYPE "DetailKind" AS ENUM ('PHONE', 'EMAIL');

-- CreateEnum
CREATE TYPE "FieldType" AS ENUM ('TEXT', 'NUMBER', 'BOOLEAN', 'DATE', 'DATETIME', 'SELECT', 'MULTI_SELECT', 'URL', 'EMAIL', 'PHONE');

-- CreateEnum
CREATE TYPE "GroupType" AS ENUM ('STATIC', 'DYNAMIC');

-- CreateEnum
CREATE TYPE "Channel" AS ENUM ('SMS', 'WHATSAPP', 'EMAIL');

-- CreateEnum
CREATE TYPE "OptOutChannel" AS ENUM ('ALL', 'SMS', 'WHATSAPP', 'EMAIL');

-- CreateEnum
CREATE TYPE "ConsentSource" AS ENUM ('API', 'IMPORT', 'BULK_LIST', 'INTEGRATION', 'INBOUND_KEYWORD');

-- CreateEnum
CREATE TYPE "ConsentEventType" AS ENUM ('OPT_OUT', 'OPT_IN', 'REINSTATE');

-- CreateEnum
CREATE TYPE "ImportStatus" AS ENUM ('MAPPING', 'VALIDATING', 'REVIEW', 'QUEUED', 'IMPORTING', 'COMPLETED', 'FAILED', 'CANCELLED', 'EXPIRED', 'REVERTING', 'REVERTED');

-- CreateEnum
CREATE TYPE "ImportSourceKind" AS ENUM ('CSV', 'XLSX', 'TEXT');

-- CreateEnum
CREATE TYPE "ImportRowAction" AS ENUM ('CREATE', 'UPDATE', 'SKIP', 'ERROR');

-- CreateTable
CREATE TABLE "workspaces" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "custom_field_limit" INTEGER NOT NULL DEFAULT 100,
    "import_max_bytes" BIGINT NOT NULL DEFAULT 1073741824,
    "import_max_rows" INTEGER NOT NULL DEFAULT 5000000,
    "review_ttl_seconds" INTEGER NOT NULL DEFAULT 3600,
    "file_retention_days" INTEGER NOT NULL DEFAULT 7,
    "require_first_name" BOOLEAN NOT NULL DEFAULT false,
    "require_phone_with_country" BOOLEAN NOT NULL DEFAULT false,
    "opt_in_channels" "Channel"[] DEFAULT ARRAY['WHATSAPP']::"Channel"[],

    CONSTRAINT "workspaces_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "api_keys" (
    "workspace_id" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "secret_hash" TEXT NOT NULL,
    "scope" "ApiKeyScope" NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "last_used_at" TIMESTAMPTZ(3),
    "revoked_at" TIMESTAMPTZ(3),

    CONSTRAINT "api_keys_pkey" PRIMARY KEY ("workspace_id","id")
);

-- CreateTable
CREATE TABLE "contacts" (
    "workspace_id" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "first_name" TEXT,
    "last_name" TEXT,
    "name" TEXT,
    "country" TEXT,
    "custom_fields" JSONB NOT NULL DEFAULT '{}',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by_job_id" UUID,

    CONSTRAINT "contacts_pkey" PRIMARY KEY ("workspace_id","id")
);

-- CreateTable
CREATE TABLE "contact_details" (
    "workspace_id" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "contact_id" UUID NOT NULL,
    "kind" "DetailKind" NOT NULL,
    "value" TEXT NOT NULL,
    "raw_value" TEXT NOT NULL,
    "label" TEXT,
    "is_primary" BOOLEAN NOT NULL DEFAULT false,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "contact_details_pkey" PRIMARY KEY ("workspace_id","id")
);

-- CreateTable
CREATE TABLE "fields" (
    "workspace_id" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "key" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "type" "FieldType" NOT NULL,
    "options" TEXT[] DEFAULT ARRAY[]::TEXT[],
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by_job_id" UUID,

    CONSTRAINT "fields_pkey" PRIMARY KEY ("workspace_id","id")
);

-- CreateTable
CREATE TABLE "tags" (
    "workspace_id" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "tags_pkey" PRIMARY KEY ("workspace_id","id")
);

-- CreateTable
CREATE TABLE "contact_tags" (
    "workspace_id" UUID NOT NULL,
    "contact_id" UUID NOT NULL,
    "tag_id" UUID NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "contact_tags_pkey" PRIMARY KEY ("workspace_id","contact_id","tag_id")
);

-- CreateTable
CREATE TABLE "groups" (
    "workspace_id" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "name" TEXT NOT NULL,
    "description" TEXT,
    "category" TEXT,
    "type" "GroupType" NOT NULL,
    "filter" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "created_by_job_id" UUID,

    CONSTRAINT "groups_pkey" PRIMARY KEY ("workspace_id","id")
);

-- CreateTable
CREATE TABLE "group_members" (
    "workspace_id" UUID NOT NULL,
    "group_id" UUID NOT NULL,
    "contact_id" UUID NOT NULL,
    "added_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "group_members_pkey" PRIMARY KEY ("workspace_id","group_id","contact_id")
);

-- CreateTable
CREATE TABLE "opt_outs" (
    "workspace_id" UUID NOT NULL,
    "address" TEXT NOT NULL,
    "kind" "DetailKind" NOT NULL,
    "channel" "OptOutChannel" NOT NULL,
    "source" "ConsentSource" NOT NULL,
    "reason" TEXT,
    "actor_key_id" UUID,
    "job_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "opt_outs_pkey" PRIMARY KEY ("workspace_id","address","channel")
);

-- CreateTable
CREATE TABLE "opt_ins" (
    "workspace_id" UUID NOT NULL,
    "address" TEXT NOT NULL,
    "kind" "DetailKind" NOT NULL,
    "channel" "Channel" NOT NULL,
    "source" "ConsentSource" NOT NULL,
    "actor_key_id" UUID,
    "job_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "opt_ins_pkey" PRIMARY KEY ("workspace_id","address","channel")
);

-- CreateTable
CREATE TABLE "consent_events" (
    "workspace_id" UUID NOT NULL,
    "id" BIGSERIAL NOT NULL,
    "address" TEXT NOT NULL,
    "kind" "DetailKind" NOT NULL,
    "channel" "OptOutChannel" NOT NULL,
    "type" "ConsentEventType" NOT NULL,
    "source" "ConsentSource" NOT NULL,
    "reason" TEXT,
    "actor_key_id" UUID,
    "job_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "consent_events_pkey" PRIMARY KEY ("workspace_id","id")
);

-- CreateTable
CREATE TABLE "import_jobs" (
    "workspace_id" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "status" "ImportStatus" NOT NULL DEFAULT 'MAPPING',
    "source_kind" "ImportSourceKind" NOT NULL,
    "file_name" TEXT NOT NULL,
    "file_path" TEXT,
    "file_size" BIGINT NOT NULL,
    "encoding" TEXT,
    "delimiter" TEXT,
    "has_header" BOOLEAN NOT NULL DEFAULT true,
    "sheet_name" TEXT,
    "total_rows" INTEGER NOT NULL DEFAULT 0,
    "columns" JSONB NOT NULL DEFAULT '[]',
    "mapping" JSONB,
    "options" JSONB,
    "to_create" INTEGER NOT NULL DEFAULT 0,
    "to_update" INTEGER NOT NULL DEFAULT 0,
    "to_skip" INTEGER NOT NULL DEFAULT 0,
    "to_error" INTEGER NOT NULL DEFAULT 0,
    "created" INTEGER NOT NULL DEFAULT 0,
    "updated" INTEGER NOT NULL DEFAULT 0,
    "skipped" INTEGER NOT NULL DEFAULT 0,
    "failed" INTEGER NOT NULL DEFAULT 0,
    "processed_rows" INTEGER NOT NULL DEFAULT 0,
    "checkpoint_row" INTEGER NOT NULL DEFAULT 0,
    "error_file_path" TEXT,
    "result_file_path" TEXT,
    "failure_reason" TEXT,
    "cancel_requested" BOOLEAN NOT NULL DEFAULT false,
    "locked_by" TEXT,
    "locked_until" TIMESTAMPTZ(3),
    "created_by_key_id" UUID,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "phase_started_at" TIMESTAMPTZ(3),
    "review_expires_at" TIMESTAMPTZ(3),
    "confirmed_at" TIMESTAMPTZ(3),
    "finished_at" TIMESTAMPTZ(3),
    "files_expire_at" TIMESTAMPTZ(3),

    CONSTRAINT "import_jobs_pkey" PRIMARY KEY ("workspace_id","id")
);

-- CreateTable
CREATE TABLE "import_rows" (
    "workspace_id" UUID NOT NULL,
    "job_id" UUID NOT NULL,
    "row_number" INTEGER NOT NULL,
    "action" "ImportRowAction" NOT NULL,
    "contact_id" UUID,
    "identifier" TEXT,
    "data" JSONB,
    "message" TEXT,
    "written" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "import_rows_pkey" PRIMARY KEY ("workspace_id","job_id","row_number")
);

-- CreateTable
CREATE TABLE "import_changes" (
    "workspace_id" UUID NOT NULL,
    "job_id" UUID NOT NULL,
    "contact_id" UUID NOT NULL,
    "created" BOOLEAN NOT NULL,
    "before" JSONB,
    "after" JSONB NOT NULL,

    CONSTRAINT "import_changes_pkey" PRIMARY KEY ("workspace_id","job_id","contact_id")
);

-- CreateTable
CREATE TABLE "webhooks" (
    "workspace_id" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhooks_pkey" PRIMARY KEY ("workspace_id","id")
);

-- CreateTable
CREATE TABLE "webhook_deliveries" (
    "workspace_id" UUID NOT NULL,
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "webhook_id" UUID NOT NULL,
    "job_id" UUID NOT NULL,
    "payload" JSONB NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "next_attempt_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "delivered_at" TIMESTAMPTZ(3),
    "last_error" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "webhook_deliveries_pkey" PRIMARY KEY ("workspace_id","id")
);

-- CreateTable
CREATE TABLE "sync_links" (
    "workspace_id" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "external_id" TEXT NOT NULL,
    "contact_id" UUID NOT NULL,
    "phone" TEXT,
    "record_hash" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sync_links_pkey" PRIMARY KEY ("workspace_id","source","external_id")
);

-- CreateTable
CREATE TABLE "sync_conflicts" (
    "workspace_id" UUID NOT NULL,
    "source" TEXT NOT NULL,
    "external_id" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "owner_external_id" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "sync_conflicts_pkey" PRIMARY KEY ("workspace_id","source","external_id")
);

-- CreateIndex
CREATE UNIQUE INDEX "api_keys_secret_hash_key" ON "api_keys"("secret_hash");

-- CreateIndex
CREATE INDEX "contacts_workspace_id_created_at_id_idx" ON "contacts"("workspace_id", "created_at", "id");

-- CreateIndex
CREATE INDEX "contacts_workspace_id_updated_at_id_idx" ON "contacts"("workspace_id", "updated_at", "id");

-- CreateIndex
CREATE INDEX "contact_details_workspace_id_kind_value_idx" ON "contact_details"("workspace_id", "kind", "value");

-- CreateIndex
CREATE INDEX "contact_details_workspace_id_contact_id_idx" ON "contact_details"("workspace_id", "contact_id");

-- CreateIndex
CREATE UNIQUE INDEX "fields_workspace_id_key_key" ON "fields"("workspace_id", "key");

-- CreateIndex
CREATE UNIQUE INDEX "tags_workspace_id_name_key" ON "tags"("workspace_id", "name");

-- CreateIndex
CREATE INDEX "contact_tags_workspace_id_tag_id_idx" ON "contact_tags"("workspace_id", "tag_id");

-- CreateIndex
CREATE UNIQUE INDEX "groups_workspace_id_name_key" ON "groups"("workspace_id", "name");

-- CreateIndex
CREATE INDEX "group_members_workspace_id_contact_id_idx" ON "group_members"("workspace_id", "contact_id");

-- CreateIndex
CREATE INDEX "opt_outs_workspace_id_created_at_idx" ON "opt_outs"("workspace_id", "created_at");

-- CreateIndex
CREATE INDEX "consent_events_workspace_id_address_created_at_idx" ON "consent_events"("workspace_id", "address", "created_at");

-- CreateIndex
CREATE INDEX "import_jobs_workspace_id_created_at_idx" ON "import_jobs"("workspace_id", "created_at");

-- CreateIndex
CREATE INDEX "import_jobs_status_confirmed_at_idx" ON "import_jobs"("status", "confirmed_at");

-- CreateIndex
CREATE INDEX "import_rows_workspace_id_job_id_identifier_idx" ON "import_rows"("workspace_id", "job_id", "identifier");

-- CreateIndex
CREATE INDEX "webhook_deliveries_next_attempt_at_idx" ON "webhook_deliveries"("next_attempt_at");

-- CreateIndex
CREATE UNIQUE INDEX "sync_links_workspace_id_source_phone_key" ON "sync_links"("workspace_id", "source", "phone");

-- AddForeignKey
ALTER TABLE "api_keys" ADD CONSTRAINT "api_keys_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contacts" ADD CONSTRAINT "contacts_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contact_details" ADD CONSTRAINT "contact_details_workspace_id_contact_id_fkey" FOREIGN KEY ("workspace_id", "contact_id") REFERENCES "contacts"("workspace_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "fields" ADD CONSTRAINT "fields_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "tags" ADD CONSTRAINT "tags_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contact_tags" ADD CONSTRAINT "contact_tags_workspace_id_contact_id_fkey" FOREIGN KEY ("workspace_id", "contact_id") REFERENCES "contacts"("workspace_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "contact_tags" ADD CONSTRAINT "contact_tags_workspace_id_tag_id_fkey" FOREIGN KEY ("workspace_id", "tag_id") REFERENCES "tags"("workspace_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "groups" ADD CONSTRAINT "groups_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_workspace_id_group_id_fkey" FOREIGN KEY ("workspace_id", "group_id") REFERENCES "groups"("workspace_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "group_members" ADD CONSTRAINT "group_members_workspace_id_contact_id_fkey" FOREIGN KEY ("workspace_id", "contact_id") REFERENCES "contacts"("workspace_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "opt_outs" ADD CONSTRAINT "opt_outs_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "opt_ins" ADD CONSTRAINT "opt_ins_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "consent_events" ADD CONSTRAINT "consent_events_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_rows" ADD CONSTRAINT "import_rows_workspace_id_job_id_fkey" FOREIGN KEY ("workspace_id", "job_id") REFERENCES "import_jobs"("workspace_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "import_changes" ADD CONSTRAINT "import_changes_workspace_id_job_id_fkey" FOREIGN KEY ("workspace_id", "job_id") REFERENCES "import_jobs"("workspace_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhooks" ADD CONSTRAINT "webhooks_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_workspace_id_webhook_id_fkey" FOREIGN KEY ("workspace_id", "webhook_id") REFERENCES "webhooks"("workspace_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "webhook_deliveries" ADD CONSTRAINT "webhook_deliveries_workspace_id_job_id_fkey" FOREIGN KEY ("workspace_id", "job_id") REFERENCES "import_jobs"("workspace_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sync_links" ADD CONSTRAINT "sync_links_workspace_id_contact_id_fkey" FOREIGN KEY ("workspace_id", "contact_id") REFERENCES "contacts"("workspace_id", "id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "sync_conflicts" ADD CONSTRAINT "sync_conflicts_workspace_id_fkey" FOREIGN KEY ("workspace_id") REFERENCES "workspaces"("id") ON DELETE CASCADE ON UPDATE CASCADE;

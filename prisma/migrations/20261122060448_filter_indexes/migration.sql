-- DropIndex
DROP INDEX "contact_details_workspace_id_contact_id_idx";

-- CreateIndex
CREATE INDEX "contact_details_workspace_id_contact_id_kind_value_idx" ON "contact_details"("workspace_id", "contact_id", "kind", "value");

-- CreateIndex
CREATE INDEX "contacts_workspace_id_country_idx" ON "contacts"("workspace_id", "country");

-- CreateIndex
CREATE INDEX "contacts_custom_fields_idx" ON "contacts" USING GIN ("custom_fields" jsonb_path_ops);

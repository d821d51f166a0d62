-- AlterTable
ALTER TABLE "import_rows" ADD COLUMN     "create_error" TEXT,
ADD COLUMN     "lookup" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "note" TEXT;

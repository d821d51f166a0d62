-- CreateEnum
CREATE TYPE "RevertOutcome" AS ENUM ('RESTORED', 'DELETED', 'CONFLICT');

-- AlterTable
ALTER TABLE "import_changes" ADD COLUMN     "changed_fields" TEXT[] DEFAULT ARRAY[]::TEXT[],
ADD COLUMN     "revert_outcome" "RevertOutcome";

-- AlterTable
ALTER TABLE "import_jobs" ADD COLUMN     "revert_conflicts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "revert_requested_at" TIMESTAMPTZ(3),
ADD COLUMN     "revert_total" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "reverted" INTEGER NOT NULL DEFAULT 0;

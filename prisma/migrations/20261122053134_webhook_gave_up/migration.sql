-- AlterTable
ALTER TABLE "webhook_deliveries" ADD COLUMN     "gave_up_at" TIMESTAMPTZ(3);

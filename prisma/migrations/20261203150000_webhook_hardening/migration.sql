-- Signing secrets are sealed (AES-256-GCM) by the server under a key the database never holds, so
-- SQL cannot seal them here: existing secrets move to "plain_secret", which the delivery loop of the
-- first server process to start seals into "sealed_secret" and empties.
ALTER TABLE "webhooks" RENAME COLUMN "secret" TO "plain_secret";
ALTER TABLE "webhooks" ALTER COLUMN "plain_secret" DROP NOT NULL;

-- The circuit breaker: failed attempts in a row, and the pause they caused.
ALTER TABLE "webhooks" ADD COLUMN     "sealed_secret" BYTEA,
ADD COLUMN     "consecutive_failures" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "paused_until" TIMESTAMPTZ(3);

-- Pending deliveries that are due are found without walking the delivered ones.
DROP INDEX "webhook_deliveries_next_attempt_at_idx";
CREATE INDEX "webhook_deliveries_delivered_at_gave_up_at_next_attempt_at_idx" ON "webhook_deliveries"("delivered_at", "gave_up_at", "next_attempt_at");

-- Errors were stored as the network said them (status lines, "ECONNREFUSED", timeouts in ms): they
-- become the fixed messages the product now stores, which tell nothing about ports or networks.
UPDATE "webhook_deliveries" SET "last_error" = CASE
    WHEN "last_error" ~ '^HTTP 3' THEN 'receiver answered 3xx (redirects are not followed)'
    WHEN "last_error" ~ '^HTTP 4' THEN 'receiver answered 4xx'
    WHEN "last_error" ~ '^HTTP 5' THEN 'receiver answered 5xx'
    WHEN "last_error" ~ '^HTTP ' THEN 'receiver answered an unexpected status'
    WHEN "last_error" LIKE 'no answer within %' THEN 'delivery failed: no answer in time'
    ELSE 'delivery failed: the receiver could not be reached'
  END
WHERE "last_error" IS NOT NULL;

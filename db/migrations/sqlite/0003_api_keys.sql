-- API keys for the GraphQL API: stored as SHA-256 of the secret, one role each.
-- (0002 is reserved for inbound payloads, written in parallel.)

CREATE TABLE "api_keys" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_api_keys" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "role" TEXT NOT NULL,
    "hash" TEXT NOT NULL,
    "display_prefix" TEXT NOT NULL,
    "created_at" INTEGER NOT NULL,
    "revoked_at" INTEGER NULL
);

CREATE UNIQUE INDEX "ux_api_keys_hash" ON "api_keys" ("hash");

-- ProfileHub schema, version 2: raw pushed payloads (Segment tracking API calls, SendGrid webhook batches)
-- stored before processing, and the connector's format (which source implementation reads it).

ALTER TABLE "connectors" ADD COLUMN "format" TEXT NULL;

CREATE TABLE "inbound_payloads" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_inbound_payloads" PRIMARY KEY AUTOINCREMENT,
    "connector_id" INTEGER NOT NULL,
    "received_at" INTEGER NOT NULL,
    "body" TEXT NOT NULL,
    "processed" INTEGER NOT NULL,
    "processed_at" INTEGER NULL,
    CONSTRAINT "fk_inbound_payloads_connector_id" FOREIGN KEY ("connector_id") REFERENCES "connectors" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_inbound_payloads_connector_id_processed_id" ON "inbound_payloads" ("connector_id", "processed", "id");

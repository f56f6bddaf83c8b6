-- ProfileHub schema, version 1: connectors and runs, source records with identifiers and consent,
-- touchpoints, golden profiles with lineage and memberships, steward constraints, review queue, audit.
-- Applied by the migrator in one transaction; never edit once released: add a new script instead.

CREATE TABLE "audit_events" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_audit_events" PRIMARY KEY AUTOINCREMENT,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "entity_type" TEXT NOT NULL,
    "entity_id" TEXT NOT NULL,
    "before" TEXT NULL,
    "after" TEXT NULL,
    "occurred_at" INTEGER NOT NULL
);

CREATE TABLE "connectors" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_connectors" PRIMARY KEY AUTOINCREMENT,
    "name" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "trust" INTEGER NOT NULL,
    "schedule" TEXT NULL,
    "settings" TEXT NULL,
    "state" TEXT NULL,
    "enabled" INTEGER NOT NULL,
    "created_at" INTEGER NOT NULL
);

CREATE TABLE "profiles" (
    "id" TEXT NOT NULL CONSTRAINT "pk_profiles" PRIMARY KEY,
    "version" INTEGER NOT NULL,
    "status" TEXT NOT NULL,
    "merged_into_id" TEXT NULL,
    "created_at" INTEGER NOT NULL,
    "updated_at" INTEGER NOT NULL,
    "given_name" TEXT NULL,
    "family_name" TEXT NULL,
    "primary_email" TEXT NULL,
    "primary_phone" TEXT NULL,
    "city" TEXT NULL,
    "country" TEXT NULL,
    "birth_date" TEXT NULL,
    CONSTRAINT "fk_profiles_merged_into_id" FOREIGN KEY ("merged_into_id") REFERENCES "profiles" ("id") ON DELETE RESTRICT
);

CREATE TABLE "connector_runs" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_connector_runs" PRIMARY KEY AUTOINCREMENT,
    "connector_id" INTEGER NOT NULL,
    "started_at" INTEGER NOT NULL,
    "finished_at" INTEGER NULL,
    "status" TEXT NOT NULL,
    "rows_read" INTEGER NOT NULL,
    "rows_accepted" INTEGER NOT NULL,
    "rows_duplicate" INTEGER NOT NULL,
    "rows_quarantined" INTEGER NOT NULL,
    "watermark_before" TEXT NULL,
    "watermark_after" TEXT NULL,
    "error" TEXT NULL,
    CONSTRAINT "fk_connector_runs_connector_id" FOREIGN KEY ("connector_id") REFERENCES "connectors" ("id") ON DELETE CASCADE
);

CREATE TABLE "source_records" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_source_records" PRIMARY KEY AUTOINCREMENT,
    "connector_id" INTEGER NOT NULL,
    "source_key" TEXT NOT NULL,
    "first_name" TEXT NULL,
    "last_name" TEXT NULL,
    "full_name" TEXT NULL,
    "street_number" TEXT NULL,
    "street" TEXT NULL,
    "address_line2" TEXT NULL,
    "city" TEXT NULL,
    "region" TEXT NULL,
    "postal_code" TEXT NULL,
    "country" TEXT NULL,
    "birth_date" TEXT NULL,
    "birth_date_raw" TEXT NULL,
    "gender" TEXT NULL,
    "observed_at" INTEGER NOT NULL,
    "ingested_at" INTEGER NOT NULL,
    "raw_payload" TEXT NULL,
    "content_hash" TEXT NOT NULL,
    "needs_matching" INTEGER NOT NULL,
    CONSTRAINT "fk_source_records_connector_id" FOREIGN KEY ("connector_id") REFERENCES "connectors" ("id") ON DELETE RESTRICT
);

CREATE TABLE "quarantined_rows" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_quarantined_rows" PRIMARY KEY AUTOINCREMENT,
    "run_id" INTEGER NOT NULL,
    "position" TEXT NOT NULL,
    "raw_payload" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "quarantined_at" INTEGER NOT NULL,
    CONSTRAINT "fk_quarantined_rows_run_id" FOREIGN KEY ("run_id") REFERENCES "connector_runs" ("id") ON DELETE CASCADE
);

CREATE TABLE "profile_attributes" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_profile_attributes" PRIMARY KEY AUTOINCREMENT,
    "profile_id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "source_record_id" INTEGER NULL,
    "source" TEXT NULL,
    "observed_at" INTEGER NULL,
    "rule" TEXT NOT NULL,
    "pinned" INTEGER NOT NULL,
    CONSTRAINT "fk_profile_attributes_profile_id" FOREIGN KEY ("profile_id") REFERENCES "profiles" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_profile_attributes_source_record_id" FOREIGN KEY ("source_record_id") REFERENCES "source_records" ("id") ON DELETE SET NULL
);

CREATE TABLE "profile_memberships" (
    "record_id" INTEGER NOT NULL CONSTRAINT "pk_profile_memberships" PRIMARY KEY,
    "profile_id" TEXT NOT NULL,
    "score" REAL NULL,
    "explanation" TEXT NULL,
    "linked_by" TEXT NOT NULL,
    "linked_at" INTEGER NOT NULL,
    CONSTRAINT "fk_profile_memberships_profile_id" FOREIGN KEY ("profile_id") REFERENCES "profiles" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_profile_memberships_record_id" FOREIGN KEY ("record_id") REFERENCES "source_records" ("id") ON DELETE CASCADE
);

CREATE TABLE "record_consents" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_record_consents" PRIMARY KEY AUTOINCREMENT,
    "record_id" INTEGER NOT NULL,
    "channel" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "scope" TEXT NULL,
    "observed_at" INTEGER NOT NULL,
    CONSTRAINT "fk_record_consents_record_id" FOREIGN KEY ("record_id") REFERENCES "source_records" ("id") ON DELETE CASCADE
);

CREATE TABLE "record_identifiers" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_record_identifiers" PRIMARY KEY AUTOINCREMENT,
    "record_id" INTEGER NOT NULL,
    "kind" TEXT NOT NULL,
    "value" TEXT NOT NULL,
    "normalized_value" TEXT NOT NULL,
    CONSTRAINT "fk_record_identifiers_record_id" FOREIGN KEY ("record_id") REFERENCES "source_records" ("id") ON DELETE CASCADE
);

CREATE TABLE "review_items" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_review_items" PRIMARY KEY AUTOINCREMENT,
    "record_a" INTEGER NOT NULL,
    "record_b" INTEGER NOT NULL,
    "score" REAL NOT NULL,
    "explanation" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "created_at" INTEGER NOT NULL,
    "resolved_at" INTEGER NULL,
    "resolved_by" TEXT NULL,
    CONSTRAINT "fk_review_items_record_a" FOREIGN KEY ("record_a") REFERENCES "source_records" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_review_items_record_b" FOREIGN KEY ("record_b") REFERENCES "source_records" ("id") ON DELETE CASCADE
);

CREATE TABLE "steward_constraints" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_steward_constraints" PRIMARY KEY AUTOINCREMENT,
    "kind" TEXT NOT NULL,
    "record_a" INTEGER NULL,
    "record_b" INTEGER NULL,
    "profile_id" TEXT NULL,
    "attribute" TEXT NULL,
    "value" TEXT NULL,
    "actor" TEXT NOT NULL,
    "created_at" INTEGER NOT NULL,
    "reason" TEXT NULL,
    "revoked_at" INTEGER NULL,
    CONSTRAINT "fk_steward_constraints_profile_id" FOREIGN KEY ("profile_id") REFERENCES "profiles" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_steward_constraints_record_a" FOREIGN KEY ("record_a") REFERENCES "source_records" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_steward_constraints_record_b" FOREIGN KEY ("record_b") REFERENCES "source_records" ("id") ON DELETE CASCADE
);

CREATE TABLE "touchpoints" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_touchpoints" PRIMARY KEY AUTOINCREMENT,
    "connector_id" INTEGER NOT NULL,
    "source_event_id" TEXT NOT NULL,
    "source_key" TEXT NULL,
    "source_record_id" INTEGER NULL,
    "channel" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "occurred_at" INTEGER NOT NULL,
    "stage" TEXT NOT NULL,
    "online" INTEGER NOT NULL,
    "controllable" INTEGER NOT NULL,
    "initiative" TEXT NOT NULL,
    "amount" TEXT NULL,
    "currency" TEXT NULL,
    "metrics" TEXT NULL,
    "properties" TEXT NULL,
    "ingested_at" INTEGER NOT NULL,
    CONSTRAINT "fk_touchpoints_connector_id" FOREIGN KEY ("connector_id") REFERENCES "connectors" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_touchpoints_source_record_id" FOREIGN KEY ("source_record_id") REFERENCES "source_records" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_audit_events_entity_type_entity_id_occurred_at" ON "audit_events" ("entity_type", "entity_id", "occurred_at");

CREATE INDEX "ix_connector_runs_connector_id_started_at" ON "connector_runs" ("connector_id", "started_at");

CREATE UNIQUE INDEX "ux_connectors_name" ON "connectors" ("name");

CREATE INDEX "ix_profile_attributes_source_record_id" ON "profile_attributes" ("source_record_id");

CREATE UNIQUE INDEX "ux_profile_attributes_profile_id_name_ordinal" ON "profile_attributes" ("profile_id", "name", "ordinal");

CREATE INDEX "ix_profile_memberships_profile_id" ON "profile_memberships" ("profile_id");

CREATE INDEX "ix_profiles_family_name_given_name" ON "profiles" ("family_name", "given_name");

CREATE INDEX "ix_profiles_merged_into_id" ON "profiles" ("merged_into_id");

CREATE INDEX "ix_profiles_primary_email" ON "profiles" ("primary_email");

CREATE INDEX "ix_profiles_updated_at" ON "profiles" ("updated_at");

CREATE INDEX "ix_quarantined_rows_run_id" ON "quarantined_rows" ("run_id");

CREATE INDEX "ix_record_consents_record_id" ON "record_consents" ("record_id");

CREATE INDEX "ix_record_identifiers_kind_normalized_value" ON "record_identifiers" ("kind", "normalized_value");

CREATE INDEX "ix_record_identifiers_record_id" ON "record_identifiers" ("record_id");

CREATE INDEX "ix_review_items_record_b" ON "review_items" ("record_b");

CREATE INDEX "ix_review_items_status_score" ON "review_items" ("status", "score");

CREATE UNIQUE INDEX "ux_review_items_record_a_record_b" ON "review_items" ("record_a", "record_b");

CREATE INDEX "ix_source_records_needs_matching" ON "source_records" ("needs_matching") WHERE needs_matching;

CREATE UNIQUE INDEX "ux_source_records_connector_id_source_key" ON "source_records" ("connector_id", "source_key");

CREATE INDEX "ix_steward_constraints_profile_id" ON "steward_constraints" ("profile_id");

CREATE INDEX "ix_steward_constraints_record_a_record_b" ON "steward_constraints" ("record_a", "record_b");

CREATE INDEX "ix_steward_constraints_record_b" ON "steward_constraints" ("record_b");

CREATE INDEX "ix_touchpoints_connector_id_source_key" ON "touchpoints" ("connector_id", "source_key");

CREATE INDEX "ix_touchpoints_source_record_id_occurred_at" ON "touchpoints" ("source_record_id", "occurred_at");

CREATE UNIQUE INDEX "ux_touchpoints_connector_id_source_event_id" ON "touchpoints" ("connector_id", "source_event_id");


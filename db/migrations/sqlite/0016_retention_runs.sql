-- Retention per source (issue 17): each purge of a connector's data older than its RetentionDays is recorded
-- with what it removed, for admins (GraphQL retentionRuns). Counts only: nothing about any person.
CREATE TABLE "retention_runs" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_retention_runs" PRIMARY KEY AUTOINCREMENT,
    "connector_id" INTEGER NOT NULL,
    "retention_days" INTEGER NOT NULL,
    "cutoff" INTEGER NOT NULL,
    "started_at" INTEGER NOT NULL,
    "finished_at" INTEGER NOT NULL,
    "touchpoints" INTEGER NOT NULL,
    "inbound_payloads" INTEGER NOT NULL,
    "quarantined_rows" INTEGER NOT NULL,
    "profiles_recomputed" INTEGER NOT NULL,
    CONSTRAINT "fk_retention_runs_connector_id" FOREIGN KEY ("connector_id") REFERENCES "connectors" ("id") ON DELETE CASCADE
);

CREATE INDEX "ix_retention_runs_connector_id_started_at" ON "retention_runs" ("connector_id", "started_at");

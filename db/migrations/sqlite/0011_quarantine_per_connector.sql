-- Quarantining is idempotent per source position (issue 14): a bad row read again (`import --from-start`, a
-- vendor export re-read whole after it grew, a file resumed before an unfinished last row) is not quarantined a
-- second time. The pipeline looks its rows up by (connector_id, position), so each quarantined row carries its
-- connector, taken from its run. SQLite cannot add a NOT NULL column with a foreign key, so the table is rebuilt.
CREATE TABLE "quarantined_rows_new" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_quarantined_rows" PRIMARY KEY AUTOINCREMENT,
    "run_id" INTEGER NOT NULL,
    "connector_id" INTEGER NOT NULL,
    "position" TEXT NOT NULL,
    "raw_payload" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "quarantined_at" INTEGER NOT NULL,
    CONSTRAINT "fk_quarantined_rows_run_id" FOREIGN KEY ("run_id") REFERENCES "connector_runs" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_quarantined_rows_connector_id" FOREIGN KEY ("connector_id") REFERENCES "connectors" ("id") ON DELETE CASCADE
);

INSERT INTO "quarantined_rows_new" ("id", "run_id", "connector_id", "position", "raw_payload", "reason", "quarantined_at")
SELECT q."id", q."run_id", r."connector_id", q."position", q."raw_payload", q."reason", q."quarantined_at"
FROM "quarantined_rows" q JOIN "connector_runs" r ON r."id" = q."run_id";

DROP TABLE "quarantined_rows";
ALTER TABLE "quarantined_rows_new" RENAME TO "quarantined_rows";

CREATE INDEX "ix_quarantined_rows_run_id" ON "quarantined_rows" ("run_id");
CREATE INDEX "ix_quarantined_rows_connector_id_position" ON "quarantined_rows" ("connector_id", "position");

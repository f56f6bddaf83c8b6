-- Reads of personal data are audited (issue 17): one row per API request, root field and profile whose personal
-- data the request returned, with the key's id and name (never its secret). No personal value is stored, so an
-- erasure keeps the rows (the fact of the read); the retention job deletes rows older than
-- ProfileHub:Retention:ReadAuditDays. No foreign keys: keys and profiles are never deleted, and the insert runs
-- on every reading request.
CREATE TABLE "personal_data_reads" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_personal_data_reads" PRIMARY KEY AUTOINCREMENT,
    "read_at" INTEGER NOT NULL,
    "api_key_id" INTEGER NOT NULL,
    "key_name" TEXT NOT NULL,
    "field" TEXT NOT NULL,
    "profile_id" TEXT NOT NULL
);

CREATE INDEX "ix_personal_data_reads_profile_id_id" ON "personal_data_reads" ("profile_id", "id");
CREATE INDEX "ix_personal_data_reads_api_key_id_id" ON "personal_data_reads" ("api_key_id", "id");
CREATE INDEX "ix_personal_data_reads_read_at" ON "personal_data_reads" ("read_at");

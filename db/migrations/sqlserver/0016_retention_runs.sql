-- Retention per source (issue 17): each purge of a connector's data older than its RetentionDays is recorded
-- with what it removed, for admins (GraphQL retentionRuns). Counts only: nothing about any person.
CREATE TABLE retention_runs (
    id bigint IDENTITY(1,1) NOT NULL,
    connector_id int NOT NULL,
    retention_days int NOT NULL,
    cutoff datetimeoffset NOT NULL,
    started_at datetimeoffset NOT NULL,
    finished_at datetimeoffset NOT NULL,
    touchpoints bigint NOT NULL,
    inbound_payloads bigint NOT NULL,
    quarantined_rows bigint NOT NULL,
    profiles_recomputed int NOT NULL,
    CONSTRAINT pk_retention_runs PRIMARY KEY (id),
    CONSTRAINT fk_retention_runs_connector_id FOREIGN KEY (connector_id) REFERENCES connectors (id) ON DELETE CASCADE
);

CREATE INDEX ix_retention_runs_connector_id_started_at ON retention_runs (connector_id, started_at);

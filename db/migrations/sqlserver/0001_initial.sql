-- ProfileHub schema, version 1: connectors and runs, source records with identifiers and consent,
-- touchpoints, golden profiles with lineage and memberships, steward constraints, review queue, audit.
-- Applied by the migrator in one transaction; never edit once released: add a new script instead.
-- SQL Server form of the PostgreSQL script of the same number. Text columns compare case-sensitively
-- (COLLATE Latin1_General_100_CS_AS_SC), as on PostgreSQL and SQLite, whatever the database's default collation:
-- source keys and normalized identifiers that differ only in case are different keys. `rule` is a reserved
-- word in T-SQL and is bracketed. SQL Server refuses two cascading paths from one table to another, so
-- the second record of a review item or steward constraint (record_b) has no cascading foreign key; the
-- trigger at the end deletes those rows with their record instead, as ON DELETE CASCADE does elsewhere.

CREATE TABLE audit_events (
    id bigint IDENTITY(1,1) NOT NULL,
    actor nvarchar(100) COLLATE Latin1_General_100_CS_AS_SC NOT NULL,
    action nvarchar(64) COLLATE Latin1_General_100_CS_AS_SC NOT NULL,
    entity_type nvarchar(64) COLLATE Latin1_General_100_CS_AS_SC NOT NULL,
    entity_id nvarchar(100) COLLATE Latin1_General_100_CS_AS_SC NOT NULL,
    before nvarchar(max),
    after nvarchar(max),
    occurred_at datetimeoffset NOT NULL,
    CONSTRAINT pk_audit_events PRIMARY KEY (id)
);

CREATE TABLE connectors (
    id int IDENTITY(1,1) NOT NULL,
    name nvarchar(100) COLLATE Latin1_General_100_CS_AS_SC NOT NULL,
    kind nvarchar(32) COLLATE Latin1_General_100_CS_AS_SC NOT NULL,
    trust int NOT NULL,
    schedule nvarchar(120) COLLATE Latin1_General_100_CS_AS_SC,
    settings nvarchar(max),
    state nvarchar(max),
    enabled bit NOT NULL,
    created_at datetimeoffset NOT NULL,
    CONSTRAINT pk_connectors PRIMARY KEY (id)
);

CREATE TABLE profiles (
    id uniqueidentifier NOT NULL,
    version int NOT NULL,
    status nvarchar(32) COLLATE Latin1_General_100_CS_AS_SC NOT NULL,
    merged_into_id uniqueidentifier,
    created_at datetimeoffset NOT NULL,
    updated_at datetimeoffset NOT NULL,
    given_name nvarchar(200) COLLATE Latin1_General_100_CS_AS_SC,
    family_name nvarchar(200) COLLATE Latin1_General_100_CS_AS_SC,
    primary_email nvarchar(400) COLLATE Latin1_General_100_CS_AS_SC,
    primary_phone nvarchar(32) COLLATE Latin1_General_100_CS_AS_SC,
    city nvarchar(200) COLLATE Latin1_General_100_CS_AS_SC,
    country nvarchar(2) COLLATE Latin1_General_100_CS_AS_SC,
    birth_date date,
    CONSTRAINT pk_profiles PRIMARY KEY (id),
    CONSTRAINT fk_profiles_merged_into_id FOREIGN KEY (merged_into_id) REFERENCES profiles (id) ON DELETE NO ACTION
);

CREATE TABLE connector_runs (
    id bigint IDENTITY(1,1) NOT NULL,
    connector_id int NOT NULL,
    started_at datetimeoffset NOT NULL,
    finished_at datetimeoffset,
    status nvarchar(32) COLLATE Latin1_General_100_CS_AS_SC NOT NULL,
    rows_read bigint NOT NULL,
    rows_accepted bigint NOT NULL,
    rows_duplicate bigint NOT NULL,
    rows_quarantined bigint NOT NULL,
    watermark_before nvarchar(max),
    watermark_after nvarchar(max),
    error nvarchar(max) COLLATE Latin1_General_100_CS_AS_SC,
    CONSTRAINT pk_connector_runs PRIMARY KEY (id),
    CONSTRAINT fk_connector_runs_connector_id FOREIGN KEY (connector_id) REFERENCES connectors (id) ON DELETE CASCADE
);

CREATE TABLE source_records (
    id bigint IDENTITY(1,1) NOT NULL,
    connector_id int NOT NULL,
    source_key nvarchar(200) COLLATE Latin1_General_100_CS_AS_SC NOT NULL,
    first_name nvarchar(max) COLLATE Latin1_General_100_CS_AS_SC,
    last_name nvarchar(max) COLLATE Latin1_General_100_CS_AS_SC,
    full_name nvarchar(max) COLLATE Latin1_General_100_CS_AS_SC,
    street_number nvarchar(max) COLLATE Latin1_General_100_CS_AS_SC,
    street nvarchar(max) COLLATE Latin1_General_100_CS_AS_SC,
    address_line2 nvarchar(max) COLLATE Latin1_General_100_CS_AS_SC,
    city nvarchar(max) COLLATE Latin1_General_100_CS_AS_SC,
    region nvarchar(max) COLLATE Latin1_General_100_CS_AS_SC,
    postal_code nvarchar(max) COLLATE Latin1_General_100_CS_AS_SC,
    country nvarchar(2) COLLATE Latin1_General_100_CS_AS_SC,
    birth_date date,
    birth_date_raw nvarchar(max) COLLATE Latin1_General_100_CS_AS_SC,
    gender nvarchar(max) COLLATE Latin1_General_100_CS_AS_SC,
    observed_at datetimeoffset NOT NULL,
    ingested_at datetimeoffset NOT NULL,
    raw_payload nvarchar(max),
    content_hash nvarchar(64) COLLATE Latin1_General_100_CS_AS_SC NOT NULL,
    needs_matching bit NOT NULL,
    CONSTRAINT pk_source_records PRIMARY KEY (id),
    CONSTRAINT fk_source_records_connector_id FOREIGN KEY (connector_id) REFERENCES connectors (id) ON DELETE NO ACTION
);

CREATE TABLE quarantined_rows (
    id bigint IDENTITY(1,1) NOT NULL,
    run_id bigint NOT NULL,
    position nvarchar(400) COLLATE Latin1_General_100_CS_AS_SC NOT NULL,
    raw_payload nvarchar(max) COLLATE Latin1_General_100_CS_AS_SC NOT NULL,
    reason nvarchar(max) COLLATE Latin1_General_100_CS_AS_SC NOT NULL,
    quarantined_at datetimeoffset NOT NULL,
    CONSTRAINT pk_quarantined_rows PRIMARY KEY (id),
    CONSTRAINT fk_quarantined_rows_run_id FOREIGN KEY (run_id) REFERENCES connector_runs (id) ON DELETE CASCADE
);

CREATE TABLE profile_attributes (
    id bigint IDENTITY(1,1) NOT NULL,
    profile_id uniqueidentifier NOT NULL,
    name nvarchar(64) COLLATE Latin1_General_100_CS_AS_SC NOT NULL,
    value nvarchar(max) COLLATE Latin1_General_100_CS_AS_SC NOT NULL,
    ordinal int NOT NULL,
    source_record_id bigint,
    source nvarchar(100) COLLATE Latin1_General_100_CS_AS_SC,
    observed_at datetimeoffset,
    [rule] nvarchar(32) COLLATE Latin1_General_100_CS_AS_SC NOT NULL,
    pinned bit NOT NULL,
    CONSTRAINT pk_profile_attributes PRIMARY KEY (id),
    CONSTRAINT fk_profile_attributes_profile_id FOREIGN KEY (profile_id) REFERENCES profiles (id) ON DELETE CASCADE,
    CONSTRAINT fk_profile_attributes_source_record_id FOREIGN KEY (source_record_id) REFERENCES source_records (id) ON DELETE SET NULL
);

CREATE TABLE profile_memberships (
    record_id bigint NOT NULL,
    profile_id uniqueidentifier NOT NULL,
    score float,
    explanation nvarchar(max),
    linked_by nvarchar(32) COLLATE Latin1_General_100_CS_AS_SC NOT NULL,
    linked_at datetimeoffset NOT NULL,
    CONSTRAINT pk_profile_memberships PRIMARY KEY (record_id),
    CONSTRAINT fk_profile_memberships_profile_id FOREIGN KEY (profile_id) REFERENCES profiles (id) ON DELETE NO ACTION,
    CONSTRAINT fk_profile_memberships_record_id FOREIGN KEY (record_id) REFERENCES source_records (id) ON DELETE CASCADE
);

CREATE TABLE record_consents (
    id bigint IDENTITY(1,1) NOT NULL,
    record_id bigint NOT NULL,
    channel nvarchar(32) COLLATE Latin1_General_100_CS_AS_SC NOT NULL,
    status nvarchar(32) COLLATE Latin1_General_100_CS_AS_SC NOT NULL,
    scope nvarchar(200) COLLATE Latin1_General_100_CS_AS_SC,
    observed_at datetimeoffset NOT NULL,
    CONSTRAINT pk_record_consents PRIMARY KEY (id),
    CONSTRAINT fk_record_consents_record_id FOREIGN KEY (record_id) REFERENCES source_records (id) ON DELETE CASCADE
);

CREATE TABLE record_identifiers (
    id bigint IDENTITY(1,1) NOT NULL,
    record_id bigint NOT NULL,
    kind nvarchar(32) COLLATE Latin1_General_100_CS_AS_SC NOT NULL,
    value nvarchar(400) COLLATE Latin1_General_100_CS_AS_SC NOT NULL,
    normalized_value nvarchar(400) COLLATE Latin1_General_100_CS_AS_SC NOT NULL,
    CONSTRAINT pk_record_identifiers PRIMARY KEY (id),
    CONSTRAINT fk_record_identifiers_record_id FOREIGN KEY (record_id) REFERENCES source_records (id) ON DELETE CASCADE
);

CREATE TABLE review_items (
    id bigint IDENTITY(1,1) NOT NULL,
    record_a bigint NOT NULL,
    record_b bigint NOT NULL,
    score float NOT NULL,
    explanation nvarchar(max) NOT NULL,
    status nvarchar(32) COLLATE Latin1_General_100_CS_AS_SC NOT NULL,
    created_at datetimeoffset NOT NULL,
    resolved_at datetimeoffset,
    resolved_by nvarchar(100) COLLATE Latin1_General_100_CS_AS_SC,
    CONSTRAINT pk_review_items PRIMARY KEY (id),
    CONSTRAINT fk_review_items_record_a FOREIGN KEY (record_a) REFERENCES source_records (id) ON DELETE CASCADE,
    CONSTRAINT fk_review_items_record_b FOREIGN KEY (record_b) REFERENCES source_records (id) ON DELETE NO ACTION
);

CREATE TABLE steward_constraints (
    id bigint IDENTITY(1,1) NOT NULL,
    kind nvarchar(32) COLLATE Latin1_General_100_CS_AS_SC NOT NULL,
    record_a bigint,
    record_b bigint,
    profile_id uniqueidentifier,
    attribute nvarchar(64) COLLATE Latin1_General_100_CS_AS_SC,
    value nvarchar(max) COLLATE Latin1_General_100_CS_AS_SC,
    actor nvarchar(100) COLLATE Latin1_General_100_CS_AS_SC NOT NULL,
    created_at datetimeoffset NOT NULL,
    reason nvarchar(max) COLLATE Latin1_General_100_CS_AS_SC,
    revoked_at datetimeoffset,
    CONSTRAINT pk_steward_constraints PRIMARY KEY (id),
    CONSTRAINT fk_steward_constraints_profile_id FOREIGN KEY (profile_id) REFERENCES profiles (id) ON DELETE CASCADE,
    CONSTRAINT fk_steward_constraints_record_a FOREIGN KEY (record_a) REFERENCES source_records (id) ON DELETE CASCADE,
    CONSTRAINT fk_steward_constraints_record_b FOREIGN KEY (record_b) REFERENCES source_records (id) ON DELETE NO ACTION
);

CREATE TABLE touchpoints (
    id bigint IDENTITY(1,1) NOT NULL,
    connector_id int NOT NULL,
    source_event_id nvarchar(200) COLLATE Latin1_General_100_CS_AS_SC NOT NULL,
    source_key nvarchar(200) COLLATE Latin1_General_100_CS_AS_SC,
    source_record_id bigint,
    channel nvarchar(32) COLLATE Latin1_General_100_CS_AS_SC NOT NULL,
    type nvarchar(64) COLLATE Latin1_General_100_CS_AS_SC NOT NULL,
    occurred_at datetimeoffset NOT NULL,
    stage nvarchar(32) COLLATE Latin1_General_100_CS_AS_SC NOT NULL,
    online bit NOT NULL,
    controllable bit NOT NULL,
    initiative nvarchar(32) COLLATE Latin1_General_100_CS_AS_SC NOT NULL,
    amount decimal(18,4),
    currency nvarchar(3) COLLATE Latin1_General_100_CS_AS_SC,
    metrics nvarchar(max),
    properties nvarchar(max),
    ingested_at datetimeoffset NOT NULL,
    CONSTRAINT pk_touchpoints PRIMARY KEY (id),
    CONSTRAINT fk_touchpoints_connector_id FOREIGN KEY (connector_id) REFERENCES connectors (id) ON DELETE NO ACTION,
    CONSTRAINT fk_touchpoints_source_record_id FOREIGN KEY (source_record_id) REFERENCES source_records (id) ON DELETE CASCADE
);

CREATE INDEX ix_audit_events_entity_type_entity_id_occurred_at ON audit_events (entity_type, entity_id, occurred_at);

CREATE INDEX ix_connector_runs_connector_id_started_at ON connector_runs (connector_id, started_at);

CREATE UNIQUE INDEX ux_connectors_name ON connectors (name);

CREATE INDEX ix_profile_attributes_source_record_id ON profile_attributes (source_record_id);

CREATE UNIQUE INDEX ux_profile_attributes_profile_id_name_ordinal ON profile_attributes (profile_id, name, ordinal);

CREATE INDEX ix_profile_memberships_profile_id ON profile_memberships (profile_id);

CREATE INDEX ix_profiles_family_name_given_name ON profiles (family_name, given_name);

CREATE INDEX ix_profiles_merged_into_id ON profiles (merged_into_id);

CREATE INDEX ix_profiles_primary_email ON profiles (primary_email);

CREATE INDEX ix_profiles_updated_at ON profiles (updated_at);

CREATE INDEX ix_quarantined_rows_run_id ON quarantined_rows (run_id);

CREATE INDEX ix_record_consents_record_id ON record_consents (record_id);

CREATE INDEX ix_record_identifiers_kind_normalized_value ON record_identifiers (kind, normalized_value);

CREATE INDEX ix_record_identifiers_record_id ON record_identifiers (record_id);

CREATE INDEX ix_review_items_record_b ON review_items (record_b);

CREATE INDEX ix_review_items_status_score ON review_items (status, score);

CREATE UNIQUE INDEX ux_review_items_record_a_record_b ON review_items (record_a, record_b);

CREATE INDEX ix_source_records_needs_matching ON source_records (needs_matching) WHERE needs_matching = 1;

CREATE UNIQUE INDEX ux_source_records_connector_id_source_key ON source_records (connector_id, source_key);

CREATE INDEX ix_steward_constraints_profile_id ON steward_constraints (profile_id);

CREATE INDEX ix_steward_constraints_record_a_record_b ON steward_constraints (record_a, record_b);

CREATE INDEX ix_steward_constraints_record_b ON steward_constraints (record_b);

CREATE INDEX ix_touchpoints_connector_id_source_key ON touchpoints (connector_id, source_key);

CREATE INDEX ix_touchpoints_source_record_id_occurred_at ON touchpoints (source_record_id, occurred_at);

CREATE UNIQUE INDEX ux_touchpoints_connector_id_source_event_id ON touchpoints (connector_id, source_event_id);

-- A CREATE TRIGGER must start its own batch: the migrator runs the batches between GO lines in order, all in
-- the script's one transaction.
GO
CREATE TRIGGER tr_source_records_delete ON source_records INSTEAD OF DELETE AS
BEGIN
    SET NOCOUNT ON;
    DELETE FROM review_items WHERE record_b IN (SELECT id FROM deleted);
    DELETE FROM steward_constraints WHERE record_b IN (SELECT id FROM deleted);
    DELETE FROM source_records WHERE id IN (SELECT id FROM deleted);
END;

-- ProfileHub schema, version 2: raw pushed payloads (Segment tracking API calls, SendGrid webhook batches)
-- stored before processing, and the connector's format (which source implementation reads it).

ALTER TABLE connectors ADD format nvarchar(64) COLLATE Latin1_General_100_CS_AS_SC;

CREATE TABLE inbound_payloads (
    id bigint IDENTITY(1,1) NOT NULL,
    connector_id int NOT NULL,
    received_at datetimeoffset NOT NULL,
    body nvarchar(max) COLLATE Latin1_General_100_CS_AS_SC NOT NULL,
    processed bit NOT NULL,
    processed_at datetimeoffset,
    CONSTRAINT pk_inbound_payloads PRIMARY KEY (id),
    CONSTRAINT fk_inbound_payloads_connector_id FOREIGN KEY (connector_id) REFERENCES connectors (id) ON DELETE CASCADE
);

CREATE INDEX ix_inbound_payloads_connector_id_processed_id ON inbound_payloads (connector_id, processed, id);

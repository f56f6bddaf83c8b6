-- API keys for the GraphQL API: stored as SHA-256 of the secret, one role each.
-- (0002 is reserved for inbound payloads, written in parallel.)

CREATE TABLE api_keys (
    id int IDENTITY(1,1) NOT NULL,
    name nvarchar(100) COLLATE Latin1_General_100_CS_AS_SC NOT NULL,
    role nvarchar(32) COLLATE Latin1_General_100_CS_AS_SC NOT NULL,
    hash nvarchar(64) COLLATE Latin1_General_100_CS_AS_SC NOT NULL,
    display_prefix nvarchar(16) COLLATE Latin1_General_100_CS_AS_SC NOT NULL,
    created_at datetimeoffset NOT NULL,
    revoked_at datetimeoffset,
    CONSTRAINT pk_api_keys PRIMARY KEY (id)
);

CREATE UNIQUE INDEX ux_api_keys_hash ON api_keys (hash);

-- Right to erasure: an erased person leaves only salted hashes of their keys (ErasureTombstone), so a later
-- import of the same identifiers is recognised and held back; the salt is an installation secret.

CREATE TABLE erasure_tombstones (
    hash nvarchar(64) COLLATE Latin1_General_100_CS_AS_SC NOT NULL,
    erased_at datetimeoffset NOT NULL,
    CONSTRAINT pk_erasure_tombstones PRIMARY KEY (hash)
);

CREATE TABLE installation_secrets (
    name nvarchar(64) COLLATE Latin1_General_100_CS_AS_SC NOT NULL,
    value nvarchar(128) COLLATE Latin1_General_100_CS_AS_SC NOT NULL,
    created_at datetimeoffset NOT NULL,
    CONSTRAINT pk_installation_secrets PRIMARY KEY (name)
);

-- Right to erasure: an erased person leaves only salted hashes of their keys (ErasureTombstone), so a later
-- import of the same identifiers is recognised and held back; the salt is an installation secret.

CREATE TABLE erasure_tombstones (
    hash character varying(64) NOT NULL,
    erased_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_erasure_tombstones PRIMARY KEY (hash)
);

CREATE TABLE installation_secrets (
    name character varying(64) NOT NULL,
    value character varying(128) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT pk_installation_secrets PRIMARY KEY (name)
);

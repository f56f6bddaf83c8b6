-- Right to erasure: an erased person leaves only salted hashes of their keys (ErasureTombstone), so a later
-- import of the same identifiers is recognised and held back; the salt is an installation secret.

CREATE TABLE "erasure_tombstones" (
    "hash" TEXT NOT NULL CONSTRAINT "pk_erasure_tombstones" PRIMARY KEY,
    "erased_at" INTEGER NOT NULL
);

CREATE TABLE "installation_secrets" (
    "name" TEXT NOT NULL CONSTRAINT "pk_installation_secrets" PRIMARY KEY,
    "value" TEXT NOT NULL,
    "created_at" INTEGER NOT NULL
);

-- Where a full trait fold (every touchpoint, from empty traits) has got to. The full fold runs in chunks of
-- profile ids, one transaction each, and advances folded_through in the chunk's transaction, so a fold that
-- is killed resumes at the next chunk with the same high watermark and start time. One row at most (id 1).
CREATE TABLE "trait_fold_progress" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_trait_fold_progress" PRIMARY KEY,
    "high_watermark" INTEGER NOT NULL,
    "started_at" INTEGER NOT NULL,
    "folded_through" TEXT NULL,
    "completed_at" INTEGER NULL
);

-- An audience's frequency cap counts the contacts of the cap's window (a channel, its contact types, recent
-- occurred_at): a range of this index, with the record to join to its profile, instead of every touchpoint.
CREATE INDEX "ix_touchpoints_channel_type_occurred_at_source_record_id" ON "touchpoints" ("channel", "type", "occurred_at", "source_record_id");

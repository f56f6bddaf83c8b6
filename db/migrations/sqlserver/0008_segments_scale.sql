-- Where a full trait fold (every touchpoint, from empty traits) has got to. The full fold runs in chunks of
-- profile ids, one transaction each, and advances folded_through in the chunk's transaction, so a fold that
-- is killed resumes at the next chunk with the same high watermark and start time. One row at most (id 1).
CREATE TABLE trait_fold_progress (
    id int NOT NULL,
    high_watermark bigint NOT NULL,
    started_at datetimeoffset NOT NULL,
    folded_through uniqueidentifier,
    completed_at datetimeoffset,
    CONSTRAINT pk_trait_fold_progress PRIMARY KEY (id)
);

-- Touchpoints of given types in a recent window: a rule's behavioural counts (purchases(last 90 days): the
-- purchase types since a date) and an audience's frequency cap (delivered emails in the cap's window), each
-- a range of this index per type, with the channel and the record to join to its profile in the index.
CREATE INDEX ix_touchpoints_type_occurred_at_channel_source_record_id ON touchpoints (type, occurred_at, channel, source_record_id);

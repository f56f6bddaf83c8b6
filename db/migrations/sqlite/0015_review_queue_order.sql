-- The steward console's queue pages the open review items oldest first (keyset on created_at, id): an index in
-- that order lets a page read its 50 entries instead of sorting every open item.
CREATE INDEX "ix_review_items_status_created_at_id" ON "review_items" ("status", "created_at", "id");

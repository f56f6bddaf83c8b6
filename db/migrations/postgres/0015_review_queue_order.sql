-- The steward console's queue pages the open review items oldest first (keyset on created_at, id). Without an
-- index in that order PostgreSQL read and sorted every open item, explanation included, for each page: 30,000
-- items took 300 ms under load for a page of 50; with it a page reads its 50 entries.
CREATE INDEX ix_review_items_status_created_at_id ON review_items (status, created_at, id);

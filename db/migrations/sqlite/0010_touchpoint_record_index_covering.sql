-- PostgreSQL's 0010 adds INCLUDE (id, channel) to ix_touchpoints_source_record_id_occurred_at, for index-only
-- journey analytics. SQLite has no INCLUDE and the embedded database holds demo-sized data: nothing changes
-- here; the script keeps both providers' schema versions numbered alike.
SELECT 1;

-- A touchpoint is either waiting for its record (source_record_id NULL: the event named a person whose record
-- has not arrived, e.g. a Segment track before the identify) or linked to it, never both. Each of the three
-- secondary indexes serves only one side, so each covers only that side and every inserted touchpoint
-- maintains one index fewer (a bulk load of waiting events two fewer):
--  * (connector_id, source_key) finds waiting touchpoints when their record arrives, and the waiting ones of
--    an erased person; every such query has source_record_id IS NULL;
--  * (source_record_id, occurred_at) and the segment-window index serve profiles' touchpoints, which are
--    reached through a record id (a join or = on source_record_id, which implies IS NOT NULL).
DROP INDEX ix_touchpoints_connector_id_source_key ON touchpoints;
CREATE INDEX ix_touchpoints_connector_id_source_key ON touchpoints (connector_id, source_key) WHERE source_record_id IS NULL;

DROP INDEX ix_touchpoints_source_record_id_occurred_at ON touchpoints;
CREATE INDEX ix_touchpoints_source_record_id_occurred_at ON touchpoints (source_record_id, occurred_at) WHERE source_record_id IS NOT NULL;

DROP INDEX ix_touchpoints_type_occurred_at_channel_source_record_id ON touchpoints;
CREATE INDEX ix_touchpoints_type_occurred_at_channel_source_record_id ON touchpoints (type, occurred_at, channel, source_record_id)
    WHERE source_record_id IS NOT NULL;

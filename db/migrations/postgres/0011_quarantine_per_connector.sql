-- Quarantining is idempotent per source position (issue 14): a bad row read again (`import --from-start`, a
-- vendor export re-read whole after it grew, a file resumed before an unfinished last row) is not quarantined a
-- second time. The pipeline looks its rows up by (connector_id, position), so each quarantined row carries its
-- connector, taken from its run.
ALTER TABLE quarantined_rows ADD COLUMN connector_id integer;
UPDATE quarantined_rows q SET connector_id = r.connector_id FROM connector_runs r WHERE r.id = q.run_id;
ALTER TABLE quarantined_rows ALTER COLUMN connector_id SET NOT NULL;
ALTER TABLE quarantined_rows ADD CONSTRAINT fk_quarantined_rows_connector_id FOREIGN KEY (connector_id) REFERENCES connectors (id) ON DELETE CASCADE;
CREATE INDEX ix_quarantined_rows_connector_id_position ON quarantined_rows (connector_id, position);

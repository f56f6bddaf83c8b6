-- Quarantining is idempotent per source position (issue 14): a bad row read again (`import --from-start`, a
-- vendor export re-read whole after it grew, a file resumed before an unfinished last row) is not quarantined a
-- second time. The pipeline looks its rows up by (connector_id, position), so each quarantined row carries its
-- connector, taken from its run.
ALTER TABLE quarantined_rows ADD connector_id int;
-- A column added in a batch is only visible to the statements of the next one.
GO
UPDATE q SET connector_id = r.connector_id FROM quarantined_rows q JOIN connector_runs r ON r.id = q.run_id;
ALTER TABLE quarantined_rows ALTER COLUMN connector_id int NOT NULL;
-- No cascade here: deleting a connector already cascades to its quarantined rows through its runs, and SQL
-- Server refuses a second cascading path from connectors to quarantined_rows.
ALTER TABLE quarantined_rows ADD CONSTRAINT fk_quarantined_rows_connector_id FOREIGN KEY (connector_id) REFERENCES connectors (id) ON DELETE NO ACTION;
CREATE INDEX ix_quarantined_rows_connector_id_position ON quarantined_rows (connector_id, position);

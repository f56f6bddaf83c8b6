-- A connector run proves it is alive by moving heartbeat_at every 30 seconds (issue 14): a run left Running by
-- a process that was killed has a heartbeat that stops, and the next run marks it failed once it is older than
-- the lease (ConnectorRun.Lease). Runs from before this version start with their start time as heartbeat.
ALTER TABLE connector_runs ADD heartbeat_at datetimeoffset;
GO
UPDATE connector_runs SET heartbeat_at = started_at;
ALTER TABLE connector_runs ALTER COLUMN heartbeat_at datetimeoffset NOT NULL;

-- Only runs in progress (no finish time yet) are indexed: each run looks among them for dead ones, however
-- long the history grows.
CREATE INDEX ix_connector_runs_heartbeat_at ON connector_runs (heartbeat_at) WHERE finished_at IS NULL;

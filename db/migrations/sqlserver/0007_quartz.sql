-- Quartz.NET's ADO job store (the `Quartz` 4.7 package): the schedule survives restarts and is shared by every
-- `serve` pointed at this database, which run as one Quartz cluster (row locks in qrtz_locks, check-ins in
-- qrtz_scheduler_state). The SQL Server form of the PostgreSQL script of the same number: the same
-- tables and columns, with the key column lengths of Quartz's documented SQL Server layout (tables_sqlServer.sql:
-- names nvarchar(150), scheduler names nvarchar(120), ...) so every primary key fits SQL Server's key size.
-- Quartz's SqlServerDelegate issues them in upper case; the database's default (case-insensitive) catalog
-- collation resolves them. Quartz validates them at start-up. Times are UTC ticks in bigint columns, as Quartz writes them.
-- Quartz's optional execution-history tables are not created: ProfileHub records runs in connector_runs.

CREATE TABLE qrtz_job_details (
    sched_name nvarchar(120) NOT NULL,
    job_name nvarchar(150) NOT NULL,
    job_group nvarchar(150) NOT NULL,
    description nvarchar(250),
    job_class_name nvarchar(250) NOT NULL,
    is_durable bit NOT NULL,
    is_nonconcurrent bit NOT NULL,
    is_update_data bit NOT NULL,
    requests_recovery bit NOT NULL,
    job_data varbinary(max),
    CONSTRAINT pk_qrtz_job_details PRIMARY KEY (sched_name, job_name, job_group)
);

CREATE TABLE qrtz_triggers (
    sched_name nvarchar(120) NOT NULL,
    trigger_name nvarchar(150) NOT NULL,
    trigger_group nvarchar(150) NOT NULL,
    job_name nvarchar(150) NOT NULL,
    job_group nvarchar(150) NOT NULL,
    description nvarchar(250),
    next_fire_time bigint,
    prev_fire_time bigint,
    priority int,
    trigger_state nvarchar(16) NOT NULL,
    trigger_type nvarchar(8) NOT NULL,
    start_time bigint NOT NULL,
    end_time bigint,
    calendar_name nvarchar(200),
    misfire_instr smallint,
    misfire_orig_fire_time bigint,
    execution_group nvarchar(200),
    preferred_node nvarchar(200),
    preferred_node_auto bit NOT NULL DEFAULT 0,
    retry_policy nvarchar(250),
    retry_attempt int,
    continues_trigger_name nvarchar(150),
    continues_trigger_group nvarchar(150),
    continuation_condition int,
    overlap_policy int,
    pause_reason nvarchar(250),
    paused_by nvarchar(200),
    paused_at bigint,
    misfire_threshold bigint,
    fixed_delay bit,
    job_data varbinary(max),
    CONSTRAINT pk_qrtz_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
    CONSTRAINT fk_qrtz_triggers_job FOREIGN KEY (sched_name, job_name, job_group)
        REFERENCES qrtz_job_details (sched_name, job_name, job_group)
);

-- One row per trigger in the table of its kind (ProfileHub's schedules are cron triggers).
CREATE TABLE qrtz_cron_triggers (
    sched_name nvarchar(120) NOT NULL,
    trigger_name nvarchar(150) NOT NULL,
    trigger_group nvarchar(150) NOT NULL,
    cron_expression nvarchar(120) NOT NULL,
    time_zone_id nvarchar(80),
    CONSTRAINT pk_qrtz_cron_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
    CONSTRAINT fk_qrtz_cron_triggers_trigger FOREIGN KEY (sched_name, trigger_name, trigger_group)
        REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
);

CREATE TABLE qrtz_simple_triggers (
    sched_name nvarchar(120) NOT NULL,
    trigger_name nvarchar(150) NOT NULL,
    trigger_group nvarchar(150) NOT NULL,
    repeat_count bigint NOT NULL,
    repeat_interval bigint NOT NULL,
    times_triggered bigint NOT NULL,
    CONSTRAINT pk_qrtz_simple_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
    CONSTRAINT fk_qrtz_simple_triggers_trigger FOREIGN KEY (sched_name, trigger_name, trigger_group)
        REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
);

CREATE TABLE qrtz_simprop_triggers (
    sched_name nvarchar(120) NOT NULL,
    trigger_name nvarchar(150) NOT NULL,
    trigger_group nvarchar(150) NOT NULL,
    str_prop_1 nvarchar(512),
    str_prop_2 nvarchar(512),
    str_prop_3 nvarchar(512),
    int_prop_1 int,
    int_prop_2 int,
    long_prop_1 bigint,
    long_prop_2 bigint,
    dec_prop_1 numeric(13,4),
    dec_prop_2 numeric(13,4),
    bool_prop_1 bit,
    bool_prop_2 bit,
    time_zone_id nvarchar(80),
    CONSTRAINT pk_qrtz_simprop_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
    CONSTRAINT fk_qrtz_simprop_triggers_trigger FOREIGN KEY (sched_name, trigger_name, trigger_group)
        REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
);

CREATE TABLE qrtz_blob_triggers (
    sched_name nvarchar(120) NOT NULL,
    trigger_name nvarchar(150) NOT NULL,
    trigger_group nvarchar(150) NOT NULL,
    blob_data varbinary(max),
    CONSTRAINT pk_qrtz_blob_triggers PRIMARY KEY (sched_name, trigger_name, trigger_group),
    CONSTRAINT fk_qrtz_blob_triggers_trigger FOREIGN KEY (sched_name, trigger_name, trigger_group)
        REFERENCES qrtz_triggers (sched_name, trigger_name, trigger_group) ON DELETE CASCADE
);

CREATE TABLE qrtz_calendars (
    sched_name nvarchar(120) NOT NULL,
    calendar_name nvarchar(200) NOT NULL,
    calendar varbinary(max) NOT NULL,
    CONSTRAINT pk_qrtz_calendars PRIMARY KEY (sched_name, calendar_name)
);

CREATE TABLE qrtz_paused_trigger_grps (
    sched_name nvarchar(120) NOT NULL,
    trigger_group nvarchar(150) NOT NULL,
    pause_reason nvarchar(250),
    paused_by nvarchar(200),
    paused_at bigint,
    CONSTRAINT pk_qrtz_paused_trigger_grps PRIMARY KEY (sched_name, trigger_group)
);

CREATE TABLE qrtz_paused_job_grps (
    sched_name nvarchar(120) NOT NULL,
    job_group nvarchar(150) NOT NULL,
    pause_reason nvarchar(250),
    paused_by nvarchar(200),
    paused_at bigint,
    CONSTRAINT pk_qrtz_paused_job_grps PRIMARY KEY (sched_name, job_group)
);

-- The firings in progress: a job that disallows concurrent execution is held here while it runs on any node.
CREATE TABLE qrtz_fired_triggers (
    sched_name nvarchar(120) NOT NULL,
    entry_id nvarchar(140) NOT NULL,
    trigger_name nvarchar(150) NOT NULL,
    trigger_group nvarchar(150) NOT NULL,
    instance_name nvarchar(200) NOT NULL,
    fired_time bigint NOT NULL,
    sched_time bigint NOT NULL,
    priority int NOT NULL,
    state nvarchar(16) NOT NULL,
    job_name nvarchar(150),
    job_group nvarchar(150),
    is_nonconcurrent bit NOT NULL,
    requests_recovery bit,
    execution_group nvarchar(200),
    progress int,
    progress_message nvarchar(250),
    interrupt_requested_time bigint,
    CONSTRAINT pk_qrtz_fired_triggers PRIMARY KEY (sched_name, entry_id)
);

-- One row per live cluster node, refreshed every check-in; a node silent too long has its firings recovered.
CREATE TABLE qrtz_scheduler_state (
    sched_name nvarchar(120) NOT NULL,
    instance_name nvarchar(200) NOT NULL,
    last_checkin_time bigint NOT NULL,
    checkin_interval bigint NOT NULL,
    quartz_version nvarchar(20),
    CONSTRAINT pk_qrtz_scheduler_state PRIMARY KEY (sched_name, instance_name)
);

-- The rows the cluster's nodes lock (SELECT ... FOR UPDATE) around trigger acquisition and state changes.
CREATE TABLE qrtz_locks (
    sched_name nvarchar(120) NOT NULL,
    lock_name nvarchar(40) NOT NULL,
    CONSTRAINT pk_qrtz_locks PRIMARY KEY (sched_name, lock_name)
);

CREATE TABLE qrtz_job_status (
    sched_name nvarchar(120) NOT NULL,
    job_group nvarchar(150) NOT NULL,
    job_name nvarchar(150) NOT NULL,
    first_fired_time bigint NOT NULL,
    last_fired_time bigint NOT NULL,
    last_result int NOT NULL,
    last_run_time bigint NOT NULL,
    last_instance_name nvarchar(200) NOT NULL,
    last_entry_id nvarchar(140),
    last_summary nvarchar(max),
    last_success_time bigint,
    last_failure_time bigint,
    last_failure_message nvarchar(max),
    consecutive_failures int NOT NULL DEFAULT 0,
    run_count bigint NOT NULL DEFAULT 0,
    failure_count bigint NOT NULL DEFAULT 0,
    CONSTRAINT pk_qrtz_job_status PRIMARY KEY (sched_name, job_group, job_name)
);

-- The lookups Quartz issues: by group, a job's triggers, due triggers in fire order, a node's firings.
CREATE INDEX ix_qrtz_job_details_group ON qrtz_job_details (sched_name, job_group, job_name);
CREATE INDEX ix_qrtz_triggers_job ON qrtz_triggers (sched_name, job_name, job_group);
CREATE INDEX ix_qrtz_triggers_group ON qrtz_triggers (sched_name, trigger_group, trigger_name);
CREATE INDEX ix_qrtz_triggers_calendar ON qrtz_triggers (sched_name, calendar_name);
CREATE INDEX ix_qrtz_triggers_due ON qrtz_triggers (sched_name, trigger_state, next_fire_time, priority DESC, misfire_instr);
CREATE INDEX ix_qrtz_fired_triggers_instance ON qrtz_fired_triggers (sched_name, instance_name, requests_recovery);
CREATE INDEX ix_qrtz_fired_triggers_job ON qrtz_fired_triggers (sched_name, job_name, job_group);
CREATE INDEX ix_qrtz_fired_triggers_trigger ON qrtz_fired_triggers (sched_name, trigger_name, trigger_group);

-- Quartz.NET's ADO job store (the `Quartz` 4.7 package): the schedule survives restarts. Table and column
-- names are the ones Quartz's SQLite delegate issues (its documented layout, database/tables/tables_sqlite.sql,
-- with the columns Quartz 4.x added up to 4.6); Quartz validates them at start-up. Times are UTC ticks.
-- Quartz's optional execution-history tables are not created: ProfileHub records runs in connector_runs.

CREATE TABLE "qrtz_job_details" (
    "sched_name" TEXT NOT NULL,
    "job_name" TEXT NOT NULL,
    "job_group" TEXT NOT NULL,
    "description" TEXT NULL,
    "job_class_name" TEXT NOT NULL,
    "is_durable" BIT NOT NULL,
    "is_nonconcurrent" BIT NOT NULL,
    "is_update_data" BIT NOT NULL,
    "requests_recovery" BIT NOT NULL,
    "job_data" BLOB NULL,
    CONSTRAINT "pk_qrtz_job_details" PRIMARY KEY ("sched_name", "job_name", "job_group")
);

CREATE TABLE "qrtz_triggers" (
    "sched_name" TEXT NOT NULL,
    "trigger_name" TEXT NOT NULL,
    "trigger_group" TEXT NOT NULL,
    "job_name" TEXT NOT NULL,
    "job_group" TEXT NOT NULL,
    "description" TEXT NULL,
    "next_fire_time" BIGINT NULL,
    "prev_fire_time" BIGINT NULL,
    "priority" INTEGER NULL,
    "trigger_state" TEXT NOT NULL,
    "trigger_type" TEXT NOT NULL,
    "start_time" BIGINT NOT NULL,
    "end_time" BIGINT NULL,
    "calendar_name" TEXT NULL,
    "misfire_instr" INTEGER NULL,
    "misfire_orig_fire_time" BIGINT NULL,
    "execution_group" TEXT NULL,
    "preferred_node" TEXT NULL,
    "preferred_node_auto" BIT NOT NULL DEFAULT 0,
    "retry_policy" TEXT NULL,
    "retry_attempt" INTEGER NULL,
    "continues_trigger_name" TEXT NULL,
    "continues_trigger_group" TEXT NULL,
    "continuation_condition" INTEGER NULL,
    "overlap_policy" INTEGER NULL,
    "pause_reason" TEXT NULL,
    "paused_by" TEXT NULL,
    "paused_at" BIGINT NULL,
    "misfire_threshold" BIGINT NULL,
    "fixed_delay" BIT NULL,
    "job_data" BLOB NULL,
    CONSTRAINT "pk_qrtz_triggers" PRIMARY KEY ("sched_name", "trigger_name", "trigger_group"),
    CONSTRAINT "fk_qrtz_triggers_job" FOREIGN KEY ("sched_name", "job_name", "job_group")
        REFERENCES "qrtz_job_details" ("sched_name", "job_name", "job_group")
);

-- One row per trigger in the table of its kind (ProfileHub's schedules are cron triggers).
CREATE TABLE "qrtz_cron_triggers" (
    "sched_name" TEXT NOT NULL,
    "trigger_name" TEXT NOT NULL,
    "trigger_group" TEXT NOT NULL,
    "cron_expression" TEXT NOT NULL,
    "time_zone_id" TEXT NULL,
    CONSTRAINT "pk_qrtz_cron_triggers" PRIMARY KEY ("sched_name", "trigger_name", "trigger_group"),
    CONSTRAINT "fk_qrtz_cron_triggers_trigger" FOREIGN KEY ("sched_name", "trigger_name", "trigger_group")
        REFERENCES "qrtz_triggers" ("sched_name", "trigger_name", "trigger_group") ON DELETE CASCADE
);

CREATE TABLE "qrtz_simple_triggers" (
    "sched_name" TEXT NOT NULL,
    "trigger_name" TEXT NOT NULL,
    "trigger_group" TEXT NOT NULL,
    "repeat_count" BIGINT NOT NULL,
    "repeat_interval" BIGINT NOT NULL,
    "times_triggered" BIGINT NOT NULL,
    CONSTRAINT "pk_qrtz_simple_triggers" PRIMARY KEY ("sched_name", "trigger_name", "trigger_group"),
    CONSTRAINT "fk_qrtz_simple_triggers_trigger" FOREIGN KEY ("sched_name", "trigger_name", "trigger_group")
        REFERENCES "qrtz_triggers" ("sched_name", "trigger_name", "trigger_group") ON DELETE CASCADE
);

CREATE TABLE "qrtz_simprop_triggers" (
    "sched_name" TEXT NOT NULL,
    "trigger_name" TEXT NOT NULL,
    "trigger_group" TEXT NOT NULL,
    "str_prop_1" TEXT NULL,
    "str_prop_2" TEXT NULL,
    "str_prop_3" TEXT NULL,
    "int_prop_1" INTEGER NULL,
    "int_prop_2" INTEGER NULL,
    "long_prop_1" BIGINT NULL,
    "long_prop_2" BIGINT NULL,
    "dec_prop_1" NUMERIC(13,4) NULL,
    "dec_prop_2" NUMERIC(13,4) NULL,
    "bool_prop_1" BIT NULL,
    "bool_prop_2" BIT NULL,
    "time_zone_id" TEXT NULL,
    CONSTRAINT "pk_qrtz_simprop_triggers" PRIMARY KEY ("sched_name", "trigger_name", "trigger_group"),
    CONSTRAINT "fk_qrtz_simprop_triggers_trigger" FOREIGN KEY ("sched_name", "trigger_name", "trigger_group")
        REFERENCES "qrtz_triggers" ("sched_name", "trigger_name", "trigger_group") ON DELETE CASCADE
);

CREATE TABLE "qrtz_blob_triggers" (
    "sched_name" TEXT NOT NULL,
    "trigger_name" TEXT NOT NULL,
    "trigger_group" TEXT NOT NULL,
    "blob_data" BLOB NULL,
    CONSTRAINT "pk_qrtz_blob_triggers" PRIMARY KEY ("sched_name", "trigger_name", "trigger_group"),
    CONSTRAINT "fk_qrtz_blob_triggers_trigger" FOREIGN KEY ("sched_name", "trigger_name", "trigger_group")
        REFERENCES "qrtz_triggers" ("sched_name", "trigger_name", "trigger_group") ON DELETE CASCADE
);

CREATE TABLE "qrtz_calendars" (
    "sched_name" TEXT NOT NULL,
    "calendar_name" TEXT NOT NULL,
    "calendar" BLOB NOT NULL,
    CONSTRAINT "pk_qrtz_calendars" PRIMARY KEY ("sched_name", "calendar_name")
);

CREATE TABLE "qrtz_paused_trigger_grps" (
    "sched_name" TEXT NOT NULL,
    "trigger_group" TEXT NOT NULL,
    "pause_reason" TEXT NULL,
    "paused_by" TEXT NULL,
    "paused_at" BIGINT NULL,
    CONSTRAINT "pk_qrtz_paused_trigger_grps" PRIMARY KEY ("sched_name", "trigger_group")
);

CREATE TABLE "qrtz_paused_job_grps" (
    "sched_name" TEXT NOT NULL,
    "job_group" TEXT NOT NULL,
    "pause_reason" TEXT NULL,
    "paused_by" TEXT NULL,
    "paused_at" BIGINT NULL,
    CONSTRAINT "pk_qrtz_paused_job_grps" PRIMARY KEY ("sched_name", "job_group")
);

-- The firings in progress: a job that disallows concurrent execution is held here while it runs.
CREATE TABLE "qrtz_fired_triggers" (
    "sched_name" TEXT NOT NULL,
    "entry_id" TEXT NOT NULL,
    "trigger_name" TEXT NOT NULL,
    "trigger_group" TEXT NOT NULL,
    "instance_name" TEXT NOT NULL,
    "fired_time" BIGINT NOT NULL,
    "sched_time" BIGINT NOT NULL,
    "priority" INTEGER NOT NULL,
    "state" TEXT NOT NULL,
    "job_name" TEXT NULL,
    "job_group" TEXT NULL,
    "is_nonconcurrent" BIT NULL,
    "requests_recovery" BIT NULL,
    "execution_group" TEXT NULL,
    "progress" INTEGER NULL,
    "progress_message" TEXT NULL,
    "interrupt_requested_time" BIGINT NULL,
    CONSTRAINT "pk_qrtz_fired_triggers" PRIMARY KEY ("sched_name", "entry_id")
);

CREATE TABLE "qrtz_scheduler_state" (
    "sched_name" TEXT NOT NULL,
    "instance_name" TEXT NOT NULL,
    "last_checkin_time" BIGINT NOT NULL,
    "checkin_interval" BIGINT NOT NULL,
    "quartz_version" TEXT NULL,
    CONSTRAINT "pk_qrtz_scheduler_state" PRIMARY KEY ("sched_name", "instance_name")
);

CREATE TABLE "qrtz_locks" (
    "sched_name" TEXT NOT NULL,
    "lock_name" TEXT NOT NULL,
    CONSTRAINT "pk_qrtz_locks" PRIMARY KEY ("sched_name", "lock_name")
);

CREATE TABLE "qrtz_job_status" (
    "sched_name" TEXT NOT NULL,
    "job_group" TEXT NOT NULL,
    "job_name" TEXT NOT NULL,
    "first_fired_time" BIGINT NOT NULL,
    "last_fired_time" BIGINT NOT NULL,
    "last_result" INTEGER NOT NULL,
    "last_run_time" BIGINT NOT NULL,
    "last_instance_name" TEXT NOT NULL,
    "last_entry_id" TEXT NULL,
    "last_summary" TEXT NULL,
    "last_success_time" BIGINT NULL,
    "last_failure_time" BIGINT NULL,
    "last_failure_message" TEXT NULL,
    "consecutive_failures" INTEGER NOT NULL DEFAULT 0,
    "run_count" BIGINT NOT NULL DEFAULT 0,
    "failure_count" BIGINT NOT NULL DEFAULT 0,
    CONSTRAINT "pk_qrtz_job_status" PRIMARY KEY ("sched_name", "job_group", "job_name")
);

-- A trigger's row in the table of its kind goes with it even where foreign keys are not enforced
-- (SQLite enforces them only when a connection turns them on).
CREATE TRIGGER "qrtz_triggers_delete_kind" AFTER DELETE ON "qrtz_triggers"
BEGIN
    DELETE FROM "qrtz_cron_triggers" WHERE "sched_name" = OLD."sched_name" AND "trigger_name" = OLD."trigger_name" AND "trigger_group" = OLD."trigger_group";
    DELETE FROM "qrtz_simple_triggers" WHERE "sched_name" = OLD."sched_name" AND "trigger_name" = OLD."trigger_name" AND "trigger_group" = OLD."trigger_group";
    DELETE FROM "qrtz_simprop_triggers" WHERE "sched_name" = OLD."sched_name" AND "trigger_name" = OLD."trigger_name" AND "trigger_group" = OLD."trigger_group";
    DELETE FROM "qrtz_blob_triggers" WHERE "sched_name" = OLD."sched_name" AND "trigger_name" = OLD."trigger_name" AND "trigger_group" = OLD."trigger_group";
END;

-- The lookups Quartz issues: by group, a job's triggers, due triggers in fire order, a node's firings.
CREATE INDEX "ix_qrtz_job_details_group" ON "qrtz_job_details" ("sched_name", "job_group", "job_name");
CREATE INDEX "ix_qrtz_triggers_job" ON "qrtz_triggers" ("sched_name", "job_name", "job_group");
CREATE INDEX "ix_qrtz_triggers_group" ON "qrtz_triggers" ("sched_name", "trigger_group", "trigger_name");
CREATE INDEX "ix_qrtz_triggers_calendar" ON "qrtz_triggers" ("sched_name", "calendar_name");
CREATE INDEX "ix_qrtz_triggers_due" ON "qrtz_triggers" ("sched_name", "trigger_state", "next_fire_time", "priority" DESC, "misfire_instr");
CREATE INDEX "ix_qrtz_fired_triggers_instance" ON "qrtz_fired_triggers" ("sched_name", "instance_name", "requests_recovery");
CREATE INDEX "ix_qrtz_fired_triggers_job" ON "qrtz_fired_triggers" ("sched_name", "job_name", "job_group");
CREATE INDEX "ix_qrtz_fired_triggers_trigger" ON "qrtz_fired_triggers" ("sched_name", "trigger_name", "trigger_group");

-- Daily rollups for the embedded silo: one row per (tool, version, UTC day), the sum of that day's hourly rows.
-- day_start is UTC midnight in unix milliseconds. Same columns as schema/postgresql/0004_daily_rollups.sql; no
-- latency histogram at this level. Written by SqliteExecutionLogSink in the batch's transaction; the scan reads
-- whole days here and the partial-day edges from tool_execution_rollups.
-- See docs/decisions/0005-execution-log.md ("Daily rollups").
CREATE TABLE IF NOT EXISTS tool_execution_daily_rollups
(
    tool_name              TEXT    NOT NULL,
    tool_version           INTEGER NOT NULL,
    day_start              INTEGER NOT NULL,
    success_count          INTEGER NOT NULL DEFAULT 0,
    tool_error_count       INTEGER NOT NULL DEFAULT 0,
    timeout_count          INTEGER NOT NULL DEFAULT 0,
    budget_exceeded_count  INTEGER NOT NULL DEFAULT 0,
    invalid_input_count    INTEGER NOT NULL DEFAULT 0,
    invalid_output_count   INTEGER NOT NULL DEFAULT 0,
    duration_sum_us        INTEGER NOT NULL DEFAULT 0,
    duration_min_us        INTEGER NOT NULL,
    duration_max_us        INTEGER NOT NULL,
    PRIMARY KEY (tool_name, tool_version, day_start)
) STRICT, WITHOUT ROWID;

-- The scan over every tool for a range of days (covering, like the hourly table's).
CREATE INDEX IF NOT EXISTS ix_tool_execution_daily_rollups_day
    ON tool_execution_daily_rollups (day_start, tool_name, success_count, tool_error_count, timeout_count,
                                     budget_exceeded_count, invalid_input_count, invalid_output_count);

-- Backfill from the hourly rows stored before this migration (86,400,000 ms a day; unix time has no leap seconds;
-- the double remainder floors times before 1970 too).
INSERT INTO tool_execution_daily_rollups
    (tool_name, tool_version, day_start, success_count, tool_error_count, timeout_count, budget_exceeded_count,
     invalid_input_count, invalid_output_count, duration_sum_us, duration_min_us, duration_max_us)
SELECT tool_name, tool_version, bucket_start - (((bucket_start % 86400000) + 86400000) % 86400000),
       sum(success_count), sum(tool_error_count), sum(timeout_count), sum(budget_exceeded_count),
       sum(invalid_input_count), sum(invalid_output_count), sum(duration_sum_us),
       min(duration_min_us), max(duration_max_us)
FROM tool_execution_rollups
WHERE true  -- SQLite needs a WHERE before an upsert's ON CONFLICT after INSERT … SELECT
GROUP BY tool_name, tool_version, bucket_start - (((bucket_start % 86400000) + 86400000) % 86400000)
ON CONFLICT (tool_name, tool_version, day_start) DO NOTHING;

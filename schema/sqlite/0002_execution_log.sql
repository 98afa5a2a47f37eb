-- The execution log for the embedded silo: one row per tool execution, and hourly rollups per tool and
-- version. Written by SqliteExecutionLogSink, read by SqliteExecutionStore.
-- See docs/decisions/0005-execution-log.md and schema/postgresql/0003_execution_log.sql (same columns).
--
-- Timestamps are unix milliseconds (INTEGER), as every SQLite timestamp of the project; durations are whole
-- microseconds. outcome holds ExecutionOutcome: 0 success, 1 tool_error, 2 timeout, 3 budget_exceeded,
-- 4 invalid_input, 5 invalid_output. budget holds ExceededBudget: 0 none, 1 steps, 2 call_depth, 3 memory.
-- Booleans are 0/1. log_lines is a JSON array of {"at","level","message"} objects.

CREATE TABLE IF NOT EXISTS tool_executions
(
    execution_id       BLOB    NOT NULL PRIMARY KEY CHECK (length(execution_id) = 16),  -- Guid, 16 bytes
    tool_name          TEXT    NOT NULL CHECK (tool_name <> ''),
    tool_version       INTEGER NOT NULL CHECK (tool_version > 0),
    started_at         INTEGER NOT NULL,
    duration_us        INTEGER NOT NULL CHECK (duration_us >= 0),
    outcome            INTEGER NOT NULL CHECK (outcome BETWEEN 0 AND 5),
    input              TEXT,
    output             TEXT,
    input_truncated    INTEGER NOT NULL DEFAULT 0,
    output_truncated   INTEGER NOT NULL DEFAULT 0,
    message            TEXT,
    error_type         TEXT,
    error_line         INTEGER,
    error_member       TEXT,
    budget             INTEGER NOT NULL DEFAULT 0 CHECK (budget BETWEEN 0 AND 3),
    steps              INTEGER NOT NULL DEFAULT 0,
    allocated_bytes    INTEGER NOT NULL DEFAULT 0,
    log_lines          TEXT,
    dropped_log_lines  INTEGER NOT NULL DEFAULT 0,
    caller             TEXT,
    silo               TEXT,
    recorded_at        INTEGER NOT NULL
) STRICT;

-- Recent executions of a tool, or of one version of it, newest first.
CREATE INDEX IF NOT EXISTS ix_tool_executions_tool_version_started
    ON tool_executions (tool_name, tool_version, started_at DESC);

-- Failures of a tool (outcomes that count against it), newest first.
CREATE INDEX IF NOT EXISTS ix_tool_executions_tool_failures
    ON tool_executions (tool_name, started_at DESC)
    WHERE outcome IN (1, 2, 3, 5);

-- Hourly rollups; bucket_start is the hour's start in unix milliseconds. latency_histogram is the 44 counts of
-- ExecutionLatencyHistogram as comma-separated decimal text (the bucket bounds are in the PostgreSQL script).
CREATE TABLE IF NOT EXISTS tool_execution_rollups
(
    tool_name              TEXT    NOT NULL,
    tool_version           INTEGER NOT NULL,
    bucket_start           INTEGER NOT NULL,
    success_count          INTEGER NOT NULL DEFAULT 0,
    tool_error_count       INTEGER NOT NULL DEFAULT 0,
    timeout_count          INTEGER NOT NULL DEFAULT 0,
    budget_exceeded_count  INTEGER NOT NULL DEFAULT 0,
    invalid_input_count    INTEGER NOT NULL DEFAULT 0,
    invalid_output_count   INTEGER NOT NULL DEFAULT 0,
    duration_sum_us        INTEGER NOT NULL DEFAULT 0,
    duration_min_us        INTEGER NOT NULL,
    duration_max_us        INTEGER NOT NULL,
    latency_histogram      TEXT    NOT NULL,
    PRIMARY KEY (tool_name, tool_version, bucket_start)
) STRICT, WITHOUT ROWID;

-- The loop's scan over every tool for a time range.
CREATE INDEX IF NOT EXISTS ix_tool_execution_rollups_bucket
    ON tool_execution_rollups (bucket_start, tool_name, success_count, tool_error_count, timeout_count,
                               budget_exceeded_count, invalid_input_count, invalid_output_count);

-- The execution log: one row per tool execution, and hourly rollups per tool and version.
-- Written by PostgresExecutionLogSink (binary COPY), read by PostgresExecutionStore.
-- See docs/decisions/0005-execution-log.md.
--
-- outcome is a smallint holding Autonomy.Abstractions.Execution.ExecutionOutcome:
--   0 success, 1 tool_error, 2 timeout, 3 budget_exceeded, 4 invalid_input, 5 invalid_output.
-- A smallint is 2 bytes in binary COPY and in the heap, and the enum's numbers are its serialised contract
-- (they are never renumbered); the CHECK keeps out values the code does not know.
-- budget is ExceededBudget: 0 none, 1 steps, 2 call_depth, 3 memory.
-- Durations are whole microseconds (bigint), so sub-millisecond tools keep their latency.
-- input, output and log_lines are text, not jsonb: jsonb parses every document during COPY, which costs more
-- than the rest of the row, and the log never queries inside them. log_lines holds a JSON array of
-- {"at","level","message"} objects.

CREATE TABLE IF NOT EXISTS tool_executions
(
    execution_id       uuid        NOT NULL PRIMARY KEY,
    tool_name          text        NOT NULL CHECK (tool_name <> ''),
    tool_version       integer     NOT NULL CHECK (tool_version > 0),
    started_at         timestamptz NOT NULL,
    duration_us        bigint      NOT NULL CHECK (duration_us >= 0),
    outcome            smallint    NOT NULL CHECK (outcome BETWEEN 0 AND 5),
    input              text,
    output             text,
    input_truncated    boolean     NOT NULL DEFAULT false,
    output_truncated   boolean     NOT NULL DEFAULT false,
    message            text,
    error_type         text,
    error_line         integer,
    error_member       text,
    budget             smallint    NOT NULL DEFAULT 0 CHECK (budget BETWEEN 0 AND 3),
    steps              bigint      NOT NULL DEFAULT 0,
    allocated_bytes    bigint      NOT NULL DEFAULT 0,
    log_lines          text,
    dropped_log_lines  integer     NOT NULL DEFAULT 0,
    caller             text,
    silo               text,
    recorded_at        timestamptz NOT NULL
);

-- Recent executions of a tool, or of one version of it, newest first.
CREATE INDEX IF NOT EXISTS ix_tool_executions_tool_version_started
    ON tool_executions (tool_name, tool_version, started_at DESC);

-- Failures of a tool (outcomes that count against it), newest first. Partial, so healthy traffic never
-- touches it.
CREATE INDEX IF NOT EXISTS ix_tool_executions_tool_failures
    ON tool_executions (tool_name, started_at DESC)
    WHERE outcome IN (1, 2, 3, 5);

-- Hourly rollups. One row per (tool, version, hour) that saw executions. Every batch adds its own
-- aggregates in the same transaction as its rows, so the rollups always match the raw rows.
-- The counts and the latency histograms are two tables with the same key: the loop's scan ("tools below X
-- success with at least N executions in the window") reads every tool's counts for a time range, and a row
-- without the 44-bucket histogram is about a third as wide, so the scan reads a third of the pages.
CREATE TABLE IF NOT EXISTS tool_execution_rollups
(
    tool_name              text        NOT NULL,
    tool_version           integer     NOT NULL,
    bucket_start           timestamptz NOT NULL,
    success_count          integer     NOT NULL DEFAULT 0,
    tool_error_count       integer     NOT NULL DEFAULT 0,
    timeout_count          integer     NOT NULL DEFAULT 0,
    budget_exceeded_count  integer     NOT NULL DEFAULT 0,
    invalid_input_count    integer     NOT NULL DEFAULT 0,
    invalid_output_count   integer     NOT NULL DEFAULT 0,
    duration_sum_us        bigint      NOT NULL DEFAULT 0,
    duration_min_us        bigint      NOT NULL,
    duration_max_us        bigint      NOT NULL,
    PRIMARY KEY (tool_name, tool_version, bucket_start)
);

-- latency_histogram: counts per fixed log-scale duration bucket (ExecutionLatencyHistogram, 44 buckets):
--   bucket 0: duration < 100 us; bucket i in 1..42: round(100 us * 2^((i-1)/2)) <= duration < round(100 us * 2^(i/2));
--   bucket 43: duration >= round(100 us * 2^21) (about 210 s).
-- Histograms of several rows merge by adding element-wise, so p50/p95/p99 over any window come from rollups
-- alone, within the half-octave resolution of the buckets.
CREATE TABLE IF NOT EXISTS tool_execution_rollup_latency
(
    tool_name          text        NOT NULL,
    tool_version       integer     NOT NULL,
    bucket_start       timestamptz NOT NULL,
    latency_histogram  integer[]   NOT NULL,
    PRIMARY KEY (tool_name, tool_version, bucket_start)
);

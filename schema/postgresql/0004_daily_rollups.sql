-- Daily rollups: one row per (tool, version, UTC day) that saw executions, the sum of that day's hourly rows in
-- tool_execution_rollups. The loop's scan reads whole days of its window here and only the partial-day edges
-- from the hourly table, so a window of D whole days costs tools × D rows instead of tools × 24·D.
-- See docs/decisions/0005-execution-log.md ("Daily rollups").
--
-- Written by PostgresExecutionLogSink in the same transaction as the batch's rows and hourly rollups, from the
-- same in-memory aggregates (only executions really inserted count, as for the hourly rows). No latency
-- histogram at this level: the scan does not need one, and percentiles come from the hourly histograms.
-- The counts are bigint: one tool version can pass 2^31 executions in a day (25,000/s), not in an hour.
-- fillfactor 70: a daily row is updated by every batch that sees its tool that day; the free space lets those
-- updates stay on the page (HOT), without new index entries.
CREATE TABLE IF NOT EXISTS tool_execution_daily_rollups
(
    tool_name              text        NOT NULL,
    tool_version           integer     NOT NULL,
    day_start              timestamptz NOT NULL,  -- UTC midnight
    success_count          bigint      NOT NULL DEFAULT 0,
    tool_error_count       bigint      NOT NULL DEFAULT 0,
    timeout_count          bigint      NOT NULL DEFAULT 0,
    budget_exceeded_count  bigint      NOT NULL DEFAULT 0,
    invalid_input_count    bigint      NOT NULL DEFAULT 0,
    invalid_output_count   bigint      NOT NULL DEFAULT 0,
    duration_sum_us        bigint      NOT NULL DEFAULT 0,
    duration_min_us        bigint      NOT NULL,
    duration_max_us        bigint      NOT NULL,
    PRIMARY KEY (tool_name, tool_version, day_start)
) WITH (fillfactor = 70);

-- The scan reads every tool for a range of days (the whole days of its window) and, from the hourly table, at
-- most two days' hours (the partial-day edges). Both tables receive their rows in time order, so a BRIN index
-- on the time finds those pages for a few kilobytes of index and almost nothing per write; a B-tree on
-- bucket_start would add an index entry to every hourly upsert that cannot stay on its page, on the hottest
-- path.
CREATE INDEX IF NOT EXISTS ix_tool_execution_daily_rollups_day
    ON tool_execution_daily_rollups USING brin (day_start);

CREATE INDEX IF NOT EXISTS ix_tool_execution_rollups_bucket
    ON tool_execution_rollups USING brin (bucket_start);

-- An exact bigint sum with a bigint (pass-by-value) state, for the scan. The built-in sum(bigint) returns numeric
-- through a 128-bit state allocated per group, which with 100,000 tools spills the hash aggregate to disk and
-- roughly doubles its time. int8pl is bigint "+": it raises on overflow (at 2^63) instead of wrapping.
CREATE OR REPLACE AGGREGATE autonomy_sum_bigint (bigint)
(
    SFUNC = int8pl,
    STYPE = bigint,
    COMBINEFUNC = int8pl,
    PARALLEL = SAFE
);

-- Backfill from the hourly rows stored before this migration. The migration runs once, in one transaction;
-- ON CONFLICT keeps the statement harmless if it is ever run again by hand.
INSERT INTO tool_execution_daily_rollups
    (tool_name, tool_version, day_start, success_count, tool_error_count, timeout_count, budget_exceeded_count,
     invalid_input_count, invalid_output_count, duration_sum_us, duration_min_us, duration_max_us)
SELECT tool_name, tool_version, date_trunc('day', bucket_start, 'UTC'),
       sum(success_count), sum(tool_error_count), sum(timeout_count), sum(budget_exceeded_count),
       sum(invalid_input_count), sum(invalid_output_count), sum(duration_sum_us)::bigint,
       min(duration_min_us), max(duration_max_us)
FROM tool_execution_rollups
GROUP BY tool_name, tool_version, date_trunc('day', bucket_start, 'UTC')
ON CONFLICT (tool_name, tool_version, day_start) DO NOTHING;

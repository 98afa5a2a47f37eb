-- The failures index of 0002 selected its rows with `outcome IN (1, 2, 3, 5)`. SQLite evaluates an IN list in a
-- partial index's WHERE by filling an ephemeral table for every row inserted, failures or not: measured on
-- 2026-11-29, it was 1.2 µs of the 5.2 µs an execution-log row cost to insert. The same set written as two
-- comparisons (outcome is 0-5 by the table's CHECK: 0 success and 4 invalid input are the outcomes that do not count
-- against a tool) costs nothing measurable. SqliteExecutionStore.ReadFailuresAsync repeats these terms, which is what
-- lets SQLite use a partial index.

DROP INDEX IF EXISTS ix_tool_executions_tool_failures;

CREATE INDEX ix_tool_executions_tool_failures
    ON tool_executions (tool_name, started_at DESC)
    WHERE outcome <> 0 AND outcome <> 4;

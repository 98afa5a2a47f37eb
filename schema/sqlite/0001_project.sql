-- The project's own tables on SQLite (embedded mode): the same tables, columns, constraints, indexes and
-- views as schema/postgresql/0002_project.sql, so that one conformance suite runs against both. The execution
-- log (tool_executions) and its rollups live in 0002_execution_log.sql.
--
-- Conventions (SQLite has no timestamp, boolean or JSON types):
-- - timestamps are INTEGER unix milliseconds (UTC). Integers compare, index and subtract exactly, and the
--   millisecond matches what the stores keep on PostgreSQL too;
-- - booleans are INTEGER 0 or 1;
-- - JSON documents are TEXT checked with json_valid;
-- - ids are INTEGER PRIMARY KEY (the rowid);
-- - uuids are TEXT in the 36-character "D" format.
-- Tables are not STRICT so that the same DDL types read naturally beside the PostgreSQL file.

-- ---------------------------------------------------------------------------------------------------
-- Tool versions: an append-only history. A rollback appends a new version whose source is an older one's;
-- nothing is ever updated or deleted, which the triggers below enforce.
-- ---------------------------------------------------------------------------------------------------

CREATE TABLE tool_versions
(
    tool_name TEXT NOT NULL,
    version INTEGER NOT NULL,
    source TEXT NOT NULL,
    source_hash TEXT NOT NULL,
    parent_version INTEGER NULL,
    author TEXT NOT NULL,
    reason TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    CONSTRAINT pk_tool_versions PRIMARY KEY (tool_name, version),
    CONSTRAINT ck_tool_versions_version CHECK (version >= 1),
    CONSTRAINT ck_tool_versions_author CHECK (author IN ('human', 'autonomous')),
    CONSTRAINT ck_tool_versions_parent CHECK (parent_version IS NULL OR parent_version < version),
    CONSTRAINT fk_tool_versions_parent FOREIGN KEY (tool_name, parent_version)
        REFERENCES tool_versions (tool_name, version)
);

CREATE TRIGGER tool_versions_no_update
    BEFORE UPDATE ON tool_versions
BEGIN
    SELECT RAISE(ABORT, 'tool_versions is append-only: UPDATE is not allowed');
END;

CREATE TRIGGER tool_versions_no_delete
    BEFORE DELETE ON tool_versions
BEGIN
    SELECT RAISE(ABORT, 'tool_versions is append-only: DELETE is not allowed');
END;

-- ---------------------------------------------------------------------------------------------------
-- Feedback on single executions: was the output right, and if not, what was expected. Feedback with an
-- expected output becomes a test case. execution_id is not a foreign key: the execution log is written in
-- batches, so feedback may arrive before its execution row.
-- ---------------------------------------------------------------------------------------------------

CREATE TABLE execution_feedback
(
    id INTEGER PRIMARY KEY,
    execution_id TEXT NOT NULL,
    tool_name TEXT NOT NULL,
    version INTEGER NOT NULL,
    correct INTEGER NOT NULL CHECK (correct IN (0, 1)),
    expected_output TEXT NULL CHECK (expected_output IS NULL OR json_valid(expected_output)),
    comment TEXT NULL,
    created_at INTEGER NOT NULL
);

CREATE INDEX ix_execution_feedback_tool ON execution_feedback (tool_name, version, created_at DESC, id DESC);
CREATE INDEX ix_execution_feedback_execution ON execution_feedback (execution_id);

-- ---------------------------------------------------------------------------------------------------
-- Analysis and investigation.
-- ---------------------------------------------------------------------------------------------------

CREATE TABLE tool_analytics
(
    id INTEGER PRIMARY KEY,
    tool_name TEXT NOT NULL,
    version INTEGER NULL,
    window_start INTEGER NOT NULL,
    window_end INTEGER NOT NULL,
    total_executions INTEGER NOT NULL,
    successful_executions INTEGER NOT NULL,
    success_rate REAL NULL,
    average_duration_ms REAL NULL,
    p95_duration_ms REAL NULL,
    details TEXT NOT NULL CHECK (json_valid(details)),
    analyzed_at INTEGER NOT NULL,
    CONSTRAINT ck_tool_analytics_counts CHECK (successful_executions >= 0 AND successful_executions <= total_executions),
    CONSTRAINT ck_tool_analytics_window CHECK (window_start <= window_end)
);

CREATE INDEX ix_tool_analytics_latest ON tool_analytics (tool_name, analyzed_at DESC, id DESC);

CREATE TABLE investigation_reports
(
    id INTEGER PRIMARY KEY,
    tool_name TEXT NOT NULL,
    version INTEGER NULL,
    should_improve INTEGER NOT NULL CHECK (should_improve IN (0, 1)),
    root_cause TEXT NOT NULL,
    confidence REAL NOT NULL,
    findings TEXT NOT NULL CHECK (json_valid(findings)),
    created_at INTEGER NOT NULL,
    CONSTRAINT ck_investigation_reports_confidence CHECK (confidence >= 0 AND confidence <= 1)
);

CREATE INDEX ix_investigation_reports_latest ON investigation_reports (tool_name, created_at DESC, id DESC);

CREATE TABLE improvement_attempts
(
    id INTEGER PRIMARY KEY,
    tool_name TEXT NOT NULL,
    base_version INTEGER NOT NULL,
    investigation_report_id INTEGER NULL,
    status TEXT NOT NULL,
    candidate_version INTEGER NULL,
    error TEXT NULL,
    details TEXT NOT NULL CHECK (json_valid(details)),
    started_at INTEGER NOT NULL,
    completed_at INTEGER NULL,
    CONSTRAINT ck_improvement_attempts_status CHECK (status IN ('in_progress', 'deployed', 'rejected', 'failed')),
    CONSTRAINT ck_improvement_attempts_completed CHECK ((status = 'in_progress') = (completed_at IS NULL)),
    CONSTRAINT fk_improvement_attempts_report FOREIGN KEY (investigation_report_id)
        REFERENCES investigation_reports (id)
);

CREATE INDEX ix_improvement_attempts_tool ON improvement_attempts (tool_name, started_at DESC, id DESC);
CREATE INDEX ix_improvement_attempts_in_progress ON improvement_attempts (tool_name) WHERE status = 'in_progress';

-- ---------------------------------------------------------------------------------------------------
-- Testing a candidate: shadow (old and new side by side) and replay (recorded inputs against the new).
-- ---------------------------------------------------------------------------------------------------

CREATE TABLE shadow_test_results
(
    id INTEGER PRIMARY KEY,
    tool_name TEXT NOT NULL,
    old_version INTEGER NOT NULL,
    new_version INTEGER NOT NULL,
    improvement_attempt_id INTEGER NULL,
    total_cases INTEGER NOT NULL,
    agreements INTEGER NOT NULL,
    errors INTEGER NOT NULL,
    passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
    comparison_strategy TEXT NOT NULL,
    details TEXT NOT NULL CHECK (json_valid(details)),
    tested_at INTEGER NOT NULL,
    CONSTRAINT ck_shadow_test_results_counts CHECK (
        total_cases >= 0 AND agreements >= 0 AND errors >= 0 AND agreements + errors <= total_cases),
    CONSTRAINT fk_shadow_test_results_attempt FOREIGN KEY (improvement_attempt_id)
        REFERENCES improvement_attempts (id)
);

CREATE INDEX ix_shadow_test_results_tool ON shadow_test_results (tool_name, tested_at DESC);

CREATE TABLE replay_test_results
(
    id INTEGER PRIMARY KEY,
    tool_name TEXT NOT NULL,
    baseline_version INTEGER NOT NULL,
    new_version INTEGER NOT NULL,
    improvement_attempt_id INTEGER NULL,
    total_replays INTEGER NOT NULL,
    successes INTEGER NOT NULL,
    regressions INTEGER NOT NULL,
    improvements INTEGER NOT NULL,
    passed INTEGER NOT NULL CHECK (passed IN (0, 1)),
    details TEXT NOT NULL CHECK (json_valid(details)),
    tested_at INTEGER NOT NULL,
    CONSTRAINT ck_replay_test_results_counts CHECK (
        total_replays >= 0 AND successes >= 0 AND successes <= total_replays AND regressions >= 0 AND improvements >= 0),
    CONSTRAINT fk_replay_test_results_attempt FOREIGN KEY (improvement_attempt_id)
        REFERENCES improvement_attempts (id)
);

CREATE INDEX ix_replay_test_results_tool ON replay_test_results (tool_name, tested_at DESC);

-- ---------------------------------------------------------------------------------------------------
-- Lifecycle: how a tool came to be, and every status change after.
-- ---------------------------------------------------------------------------------------------------

CREATE TABLE tool_creation_events
(
    id INTEGER PRIMARY KEY,
    tool_name TEXT NOT NULL,
    version INTEGER NULL,
    created_by TEXT NOT NULL,
    source_hash TEXT NULL,
    reason TEXT NOT NULL,
    details TEXT NOT NULL CHECK (json_valid(details)),
    created_at INTEGER NOT NULL,
    CONSTRAINT ck_tool_creation_events_created_by CHECK (created_by IN ('human', 'autonomous'))
);

CREATE INDEX ix_tool_creation_events_tool ON tool_creation_events (tool_name, created_at, id);

CREATE TABLE tool_lifecycle_events
(
    id INTEGER PRIMARY KEY,
    tool_name TEXT NOT NULL,
    event_type TEXT NOT NULL,
    from_status TEXT NULL,
    to_status TEXT NULL,
    version INTEGER NULL,
    details TEXT NOT NULL CHECK (json_valid(details)),
    occurred_at INTEGER NOT NULL,
    CONSTRAINT ck_tool_lifecycle_events_from CHECK (from_status IN ('active', 'archived', 'deleted')),
    CONSTRAINT ck_tool_lifecycle_events_to CHECK (to_status IN ('active', 'archived', 'deleted'))
);

CREATE INDEX ix_tool_lifecycle_events_tool ON tool_lifecycle_events (tool_name, occurred_at DESC, id DESC);

-- ---------------------------------------------------------------------------------------------------
-- Post-deployment monitoring: a session per deployment, its periodic health checks, and rollbacks.
-- ---------------------------------------------------------------------------------------------------

CREATE TABLE deployment_monitoring
(
    id INTEGER PRIMARY KEY,
    tool_name TEXT NOT NULL,
    version INTEGER NOT NULL,
    baseline_version INTEGER NULL,
    baseline_success_rate REAL NULL,
    status TEXT NOT NULL,
    regression_detected INTEGER NOT NULL DEFAULT 0 CHECK (regression_detected IN (0, 1)),
    started_at INTEGER NOT NULL,
    ends_at INTEGER NOT NULL,
    ended_at INTEGER NULL,
    end_reason TEXT NULL,
    CONSTRAINT ck_deployment_monitoring_status CHECK (status IN ('active', 'completed', 'rolled_back', 'aborted')),
    CONSTRAINT ck_deployment_monitoring_ended CHECK ((status = 'active') = (ended_at IS NULL)),
    CONSTRAINT ck_deployment_monitoring_window CHECK (started_at <= ends_at)
);

-- At most one active session per tool; also the index behind active_monitoring.
CREATE UNIQUE INDEX ux_deployment_monitoring_active ON deployment_monitoring (tool_name) WHERE status = 'active';
CREATE INDEX ix_deployment_monitoring_tool ON deployment_monitoring (tool_name, started_at DESC);

CREATE TABLE deployment_health_checks
(
    id INTEGER PRIMARY KEY,
    monitoring_id INTEGER NOT NULL,
    executions INTEGER NOT NULL,
    success_rate REAL NULL,
    regression INTEGER NOT NULL CHECK (regression IN (0, 1)),
    details TEXT NOT NULL CHECK (json_valid(details)),
    checked_at INTEGER NOT NULL,
    CONSTRAINT fk_deployment_health_checks_session FOREIGN KEY (monitoring_id)
        REFERENCES deployment_monitoring (id)
);

CREATE INDEX ix_deployment_health_checks_session ON deployment_health_checks (monitoring_id, checked_at DESC, id DESC);

CREATE TABLE deployment_rollbacks
(
    id INTEGER PRIMARY KEY,
    tool_name TEXT NOT NULL,
    monitoring_id INTEGER NULL,
    from_version INTEGER NOT NULL,
    to_version INTEGER NOT NULL,
    reason TEXT NOT NULL,
    automatic INTEGER NOT NULL CHECK (automatic IN (0, 1)),
    rollback_time INTEGER NOT NULL,
    CONSTRAINT fk_deployment_rollbacks_session FOREIGN KEY (monitoring_id)
        REFERENCES deployment_monitoring (id)
);

CREATE INDEX ix_deployment_rollbacks_tool ON deployment_rollbacks (tool_name, rollback_time DESC);
CREATE INDEX ix_deployment_rollbacks_time ON deployment_rollbacks (rollback_time DESC);

-- ---------------------------------------------------------------------------------------------------
-- Views. Written in the SQL both databases share, so that both return the same rows and types.
-- ---------------------------------------------------------------------------------------------------

-- One row per test run, shadow and replay alike, newest first when ordered by tested_at.
CREATE VIEW testing_summary AS
SELECT 'shadow' AS test_type,
       s.id AS test_id,
       s.tool_name,
       s.old_version AS baseline_version,
       s.new_version,
       s.improvement_attempt_id,
       s.total_cases,
       s.agreements AS passed_cases,
       CASE WHEN s.total_cases = 0 THEN NULL
            ELSE CAST(s.agreements AS double precision) / s.total_cases END AS pass_rate,
       CAST(NULL AS integer) AS regressions,
       s.passed,
       s.tested_at
FROM shadow_test_results s
UNION ALL
SELECT 'replay' AS test_type,
       r.id AS test_id,
       r.tool_name,
       r.baseline_version,
       r.new_version,
       r.improvement_attempt_id,
       r.total_replays AS total_cases,
       r.successes AS passed_cases,
       CASE WHEN r.total_replays = 0 THEN NULL
            ELSE CAST(r.successes AS double precision) / r.total_replays END AS pass_rate,
       r.regressions,
       r.passed,
       r.tested_at
FROM replay_test_results r;

-- One row per tool that has a creation or lifecycle event: when and by whom it was first created, its
-- current status (the latest event's to_status, else 'active' once created) and its latest event.
CREATE VIEW tool_lifecycle_summary AS
WITH tools AS (
    SELECT tool_name FROM tool_creation_events
    UNION
    SELECT tool_name FROM tool_lifecycle_events
),
first_creation AS (
    SELECT tool_name, created_at, created_by
    FROM (SELECT tool_name, created_at, created_by,
                 row_number() OVER (PARTITION BY tool_name ORDER BY created_at, id) AS n
          FROM tool_creation_events) c
    WHERE n = 1
),
latest_event AS (
    SELECT tool_name, event_type, to_status, occurred_at
    FROM (SELECT tool_name, event_type, to_status, occurred_at,
                 row_number() OVER (PARTITION BY tool_name ORDER BY occurred_at DESC, id DESC) AS n
          FROM tool_lifecycle_events) e
    WHERE n = 1
),
latest_status AS (
    SELECT tool_name, to_status
    FROM (SELECT tool_name, to_status,
                 row_number() OVER (PARTITION BY tool_name ORDER BY occurred_at DESC, id DESC) AS n
          FROM tool_lifecycle_events
          WHERE to_status IS NOT NULL) s
    WHERE n = 1
),
counts AS (
    SELECT tool_name, count(*) AS event_count
    FROM tool_lifecycle_events
    GROUP BY tool_name
)
SELECT t.tool_name,
       fc.created_at,
       fc.created_by,
       COALESCE(ls.to_status, CASE WHEN fc.tool_name IS NOT NULL THEN 'active' END) AS current_status,
       COALESCE(c.event_count, 0) AS event_count,
       le.event_type AS last_event_type,
       le.occurred_at AS last_event_at
FROM tools t
LEFT JOIN first_creation fc ON fc.tool_name = t.tool_name
LEFT JOIN latest_event le ON le.tool_name = t.tool_name
LEFT JOIN latest_status ls ON ls.tool_name = t.tool_name
LEFT JOIN counts c ON c.tool_name = t.tool_name;

-- One row per tool that was ever deployed under monitoring or rolled back: how often its deployments were
-- rolled back. rollback_rate = rolled-back sessions / sessions (0 when it has no session).
CREATE VIEW deployment_stability AS
WITH tools AS (
    SELECT tool_name FROM deployment_monitoring
    UNION
    SELECT tool_name FROM deployment_rollbacks
),
sessions AS (
    SELECT tool_name,
           count(*) AS deployments,
           sum(CASE WHEN status = 'completed' THEN 1 ELSE 0 END) AS completed,
           sum(CASE WHEN status = 'rolled_back' THEN 1 ELSE 0 END) AS rolled_back,
           sum(CASE WHEN regression_detected THEN 1 ELSE 0 END) AS regressions,
           max(started_at) AS last_deployed_at
    FROM deployment_monitoring
    GROUP BY tool_name
),
rollbacks AS (
    SELECT tool_name, count(*) AS rollbacks, max(rollback_time) AS last_rollback_time
    FROM deployment_rollbacks
    GROUP BY tool_name
)
SELECT t.tool_name,
       COALESCE(s.deployments, 0) AS deployments,
       COALESCE(s.completed, 0) AS completed,
       COALESCE(s.rolled_back, 0) AS rolled_back,
       COALESCE(s.regressions, 0) AS regressions,
       COALESCE(r.rollbacks, 0) AS rollbacks,
       CASE WHEN COALESCE(s.deployments, 0) = 0 THEN CAST(0 AS double precision)
            ELSE CAST(s.rolled_back AS double precision) / s.deployments END AS rollback_rate,
       s.last_deployed_at,
       r.last_rollback_time
FROM tools t
LEFT JOIN sessions s ON s.tool_name = t.tool_name
LEFT JOIN rollbacks r ON r.tool_name = t.tool_name;

-- The sessions still watching a deployment, with their latest health check.
CREATE VIEW active_monitoring AS
SELECT m.id AS monitoring_id,
       m.tool_name,
       m.version,
       m.baseline_version,
       m.baseline_success_rate,
       m.regression_detected,
       m.started_at,
       m.ends_at,
       (SELECT count(*) FROM deployment_health_checks h WHERE h.monitoring_id = m.id) AS health_checks,
       lc.checked_at AS last_checked_at,
       lc.success_rate AS last_success_rate,
       lc.executions AS last_executions
FROM deployment_monitoring m
LEFT JOIN (
    SELECT monitoring_id, checked_at, success_rate, executions
    FROM (SELECT monitoring_id, checked_at, success_rate, executions,
                 row_number() OVER (PARTITION BY monitoring_id ORDER BY checked_at DESC, id DESC) AS n
          FROM deployment_health_checks) h
    WHERE n = 1
) lc ON lc.monitoring_id = m.id
WHERE m.status = 'active';

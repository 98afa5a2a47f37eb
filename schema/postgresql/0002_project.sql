-- The project's own tables on PostgreSQL: tool versions, feedback, analytics, investigations, improvement
-- attempts, shadow and replay tests, lifecycle events and post-deployment monitoring. Names follow the
-- predecessor's schema. The execution log (tool_executions) and its rollups live in 0003_execution_log.sql.
--
-- Conventions: timestamps are timestamptz (UTC); JSON documents are jsonb; ids are bigint identities; tool
-- names and versions are plain values (no foreign key to a tools table: the tool grain owns the tool, and
-- these rows must outlive a deleted tool). schema/sqlite/0001_project.sql is the same schema for SQLite.

-- ---------------------------------------------------------------------------------------------------
-- Tool versions: an append-only history. A rollback appends a new version whose source is an older one's;
-- nothing is ever updated or deleted, which the triggers below enforce.
-- ---------------------------------------------------------------------------------------------------

CREATE TABLE tool_versions
(
    tool_name text NOT NULL,
    version integer NOT NULL,
    source text NOT NULL,
    source_hash text NOT NULL,
    parent_version integer NULL,
    author text NOT NULL,
    reason text NOT NULL,
    created_at timestamptz NOT NULL,
    CONSTRAINT pk_tool_versions PRIMARY KEY (tool_name, version),
    CONSTRAINT ck_tool_versions_version CHECK (version >= 1),
    CONSTRAINT ck_tool_versions_author CHECK (author IN ('human', 'autonomous')),
    CONSTRAINT ck_tool_versions_parent CHECK (parent_version IS NULL OR parent_version < version),
    CONSTRAINT fk_tool_versions_parent FOREIGN KEY (tool_name, parent_version)
        REFERENCES tool_versions (tool_name, version)
);

CREATE FUNCTION tool_versions_reject_change() RETURNS trigger
LANGUAGE plpgsql AS
$$
BEGIN
    RAISE EXCEPTION 'tool_versions is append-only: % is not allowed', TG_OP
        USING ERRCODE = 'restrict_violation', HINT = 'Append a new version instead.';
END;
$$;

CREATE TRIGGER tool_versions_no_update_or_delete
    BEFORE UPDATE OR DELETE ON tool_versions
    FOR EACH ROW EXECUTE FUNCTION tool_versions_reject_change();

CREATE TRIGGER tool_versions_no_truncate
    BEFORE TRUNCATE ON tool_versions
    FOR EACH STATEMENT EXECUTE FUNCTION tool_versions_reject_change();

-- ---------------------------------------------------------------------------------------------------
-- Feedback on single executions: was the output right, and if not, what was expected. Feedback with an
-- expected output becomes a test case. execution_id is not a foreign key: the execution log is written in
-- batches, so feedback may arrive before its execution row.
-- ---------------------------------------------------------------------------------------------------

CREATE TABLE execution_feedback
(
    id bigint GENERATED ALWAYS AS IDENTITY,
    execution_id uuid NOT NULL,
    tool_name text NOT NULL,
    version integer NOT NULL,
    correct boolean NOT NULL,
    expected_output jsonb NULL,
    comment text NULL,
    created_at timestamptz NOT NULL,
    CONSTRAINT pk_execution_feedback PRIMARY KEY (id)
);

CREATE INDEX ix_execution_feedback_tool ON execution_feedback (tool_name, version, created_at DESC, id DESC);
CREATE INDEX ix_execution_feedback_execution ON execution_feedback (execution_id);

-- ---------------------------------------------------------------------------------------------------
-- Analysis and investigation.
-- ---------------------------------------------------------------------------------------------------

CREATE TABLE tool_analytics
(
    id bigint GENERATED ALWAYS AS IDENTITY,
    tool_name text NOT NULL,
    version integer NULL,
    window_start timestamptz NOT NULL,
    window_end timestamptz NOT NULL,
    total_executions bigint NOT NULL,
    successful_executions bigint NOT NULL,
    success_rate double precision NULL,
    average_duration_ms double precision NULL,
    p95_duration_ms double precision NULL,
    details jsonb NOT NULL,
    analyzed_at timestamptz NOT NULL,
    CONSTRAINT pk_tool_analytics PRIMARY KEY (id),
    CONSTRAINT ck_tool_analytics_counts CHECK (successful_executions >= 0 AND successful_executions <= total_executions),
    CONSTRAINT ck_tool_analytics_window CHECK (window_start <= window_end)
);

CREATE INDEX ix_tool_analytics_latest ON tool_analytics (tool_name, analyzed_at DESC, id DESC);

CREATE TABLE investigation_reports
(
    id bigint GENERATED ALWAYS AS IDENTITY,
    tool_name text NOT NULL,
    version integer NULL,
    should_improve boolean NOT NULL,
    root_cause text NOT NULL,
    confidence double precision NOT NULL,
    findings jsonb NOT NULL,
    created_at timestamptz NOT NULL,
    CONSTRAINT pk_investigation_reports PRIMARY KEY (id),
    CONSTRAINT ck_investigation_reports_confidence CHECK (confidence >= 0 AND confidence <= 1)
);

CREATE INDEX ix_investigation_reports_latest ON investigation_reports (tool_name, created_at DESC, id DESC);

CREATE TABLE improvement_attempts
(
    id bigint GENERATED ALWAYS AS IDENTITY,
    tool_name text NOT NULL,
    base_version integer NOT NULL,
    investigation_report_id bigint NULL,
    status text NOT NULL,
    candidate_version integer NULL,
    error text NULL,
    details jsonb NOT NULL,
    started_at timestamptz NOT NULL,
    completed_at timestamptz NULL,
    CONSTRAINT pk_improvement_attempts PRIMARY KEY (id),
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
    id bigint GENERATED ALWAYS AS IDENTITY,
    tool_name text NOT NULL,
    old_version integer NOT NULL,
    new_version integer NOT NULL,
    improvement_attempt_id bigint NULL,
    total_cases integer NOT NULL,
    agreements integer NOT NULL,
    errors integer NOT NULL,
    passed boolean NOT NULL,
    comparison_strategy text NOT NULL,
    details jsonb NOT NULL,
    tested_at timestamptz NOT NULL,
    CONSTRAINT pk_shadow_test_results PRIMARY KEY (id),
    CONSTRAINT ck_shadow_test_results_counts CHECK (
        total_cases >= 0 AND agreements >= 0 AND errors >= 0 AND agreements + errors <= total_cases),
    CONSTRAINT fk_shadow_test_results_attempt FOREIGN KEY (improvement_attempt_id)
        REFERENCES improvement_attempts (id)
);

CREATE INDEX ix_shadow_test_results_tool ON shadow_test_results (tool_name, tested_at DESC);

CREATE TABLE replay_test_results
(
    id bigint GENERATED ALWAYS AS IDENTITY,
    tool_name text NOT NULL,
    baseline_version integer NOT NULL,
    new_version integer NOT NULL,
    improvement_attempt_id bigint NULL,
    total_replays integer NOT NULL,
    successes integer NOT NULL,
    regressions integer NOT NULL,
    improvements integer NOT NULL,
    passed boolean NOT NULL,
    details jsonb NOT NULL,
    tested_at timestamptz NOT NULL,
    CONSTRAINT pk_replay_test_results PRIMARY KEY (id),
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
    id bigint GENERATED ALWAYS AS IDENTITY,
    tool_name text NOT NULL,
    version integer NULL,
    created_by text NOT NULL,
    source_hash text NULL,
    reason text NOT NULL,
    details jsonb NOT NULL,
    created_at timestamptz NOT NULL,
    CONSTRAINT pk_tool_creation_events PRIMARY KEY (id),
    CONSTRAINT ck_tool_creation_events_created_by CHECK (created_by IN ('human', 'autonomous'))
);

CREATE INDEX ix_tool_creation_events_tool ON tool_creation_events (tool_name, created_at, id);

CREATE TABLE tool_lifecycle_events
(
    id bigint GENERATED ALWAYS AS IDENTITY,
    tool_name text NOT NULL,
    event_type text NOT NULL,
    from_status text NULL,
    to_status text NULL,
    version integer NULL,
    details jsonb NOT NULL,
    occurred_at timestamptz NOT NULL,
    CONSTRAINT pk_tool_lifecycle_events PRIMARY KEY (id),
    CONSTRAINT ck_tool_lifecycle_events_from CHECK (from_status IN ('active', 'archived', 'deleted')),
    CONSTRAINT ck_tool_lifecycle_events_to CHECK (to_status IN ('active', 'archived', 'deleted'))
);

CREATE INDEX ix_tool_lifecycle_events_tool ON tool_lifecycle_events (tool_name, occurred_at DESC, id DESC);

-- ---------------------------------------------------------------------------------------------------
-- Post-deployment monitoring: a session per deployment, its periodic health checks, and rollbacks.
-- ---------------------------------------------------------------------------------------------------

CREATE TABLE deployment_monitoring
(
    id bigint GENERATED ALWAYS AS IDENTITY,
    tool_name text NOT NULL,
    version integer NOT NULL,
    baseline_version integer NULL,
    baseline_success_rate double precision NULL,
    status text NOT NULL,
    regression_detected boolean NOT NULL DEFAULT false,
    started_at timestamptz NOT NULL,
    ends_at timestamptz NOT NULL,
    ended_at timestamptz NULL,
    end_reason text NULL,
    CONSTRAINT pk_deployment_monitoring PRIMARY KEY (id),
    CONSTRAINT ck_deployment_monitoring_status CHECK (status IN ('active', 'completed', 'rolled_back', 'aborted')),
    CONSTRAINT ck_deployment_monitoring_ended CHECK ((status = 'active') = (ended_at IS NULL)),
    CONSTRAINT ck_deployment_monitoring_window CHECK (started_at <= ends_at)
);

-- At most one active session per tool; also the index behind active_monitoring.
CREATE UNIQUE INDEX ux_deployment_monitoring_active ON deployment_monitoring (tool_name) WHERE status = 'active';
CREATE INDEX ix_deployment_monitoring_tool ON deployment_monitoring (tool_name, started_at DESC);

CREATE TABLE deployment_health_checks
(
    id bigint GENERATED ALWAYS AS IDENTITY,
    monitoring_id bigint NOT NULL,
    executions bigint NOT NULL,
    success_rate double precision NULL,
    regression boolean NOT NULL,
    details jsonb NOT NULL,
    checked_at timestamptz NOT NULL,
    CONSTRAINT pk_deployment_health_checks PRIMARY KEY (id),
    CONSTRAINT fk_deployment_health_checks_session FOREIGN KEY (monitoring_id)
        REFERENCES deployment_monitoring (id)
);

CREATE INDEX ix_deployment_health_checks_session ON deployment_health_checks (monitoring_id, checked_at DESC, id DESC);

CREATE TABLE deployment_rollbacks
(
    id bigint GENERATED ALWAYS AS IDENTITY,
    tool_name text NOT NULL,
    monitoring_id bigint NULL,
    from_version integer NOT NULL,
    to_version integer NOT NULL,
    reason text NOT NULL,
    automatic boolean NOT NULL,
    rollback_time timestamptz NOT NULL,
    CONSTRAINT pk_deployment_rollbacks PRIMARY KEY (id),
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

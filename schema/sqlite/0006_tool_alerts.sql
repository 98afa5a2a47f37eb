-- Alerts for a person: an action the lifecycle manager would take on a valuable tool (delete it because its
-- file left the tools folder, archive it for disuse) is held back and raised here instead. The same table,
-- constraints and indexes as schema/postgresql/0006_tool_alerts.sql; timestamps are unix milliseconds and the
-- details are TEXT checked with json_valid. See docs/decisions/0015-lifecycle.md.
--
-- kind is free text so that other parts of the loop can raise their own alerts; the lifecycle manager raises
-- 'delete_valuable' and 'archive_valuable'.
-- An alert is open until it is resolved: acknowledging it ('autonomy alerts ack') lets the held-back action go
-- ahead at the next maintenance run, which then resolves it; maintenance also resolves an alert whose
-- condition has cleared (the file came back, the tool was used again). At most one alert per tool and kind is
-- unresolved at a time, which makes raising idempotent.
CREATE TABLE tool_alerts
(
    id INTEGER PRIMARY KEY,
    tool_name TEXT NOT NULL,
    kind TEXT NOT NULL,
    message TEXT NOT NULL,
    details TEXT NOT NULL CHECK (json_valid(details)),
    created_at INTEGER NOT NULL,
    acknowledged_at INTEGER NULL,
    acknowledged_by TEXT NULL,
    resolved_at INTEGER NULL,
    resolution TEXT NULL,
    CONSTRAINT ck_tool_alerts_kind CHECK (kind <> ''),
    CONSTRAINT ck_tool_alerts_acknowledged CHECK ((acknowledged_at IS NULL) = (acknowledged_by IS NULL)),
    CONSTRAINT ck_tool_alerts_resolved CHECK ((resolved_at IS NULL) = (resolution IS NULL))
);

-- One unresolved alert per tool and kind; also the index behind "is this alert already raised".
CREATE UNIQUE INDEX ux_tool_alerts_unresolved ON tool_alerts (tool_name, kind) WHERE resolved_at IS NULL;

-- The alerts waiting for a person, newest first ('autonomy alerts').
CREATE INDEX ix_tool_alerts_unacknowledged ON tool_alerts (created_at DESC, id DESC)
    WHERE acknowledged_at IS NULL AND resolved_at IS NULL;

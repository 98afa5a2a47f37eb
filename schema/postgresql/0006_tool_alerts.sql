-- Alerts for a person: an action the lifecycle manager would take on a valuable tool (delete it because its
-- file left the tools folder, archive it for disuse) is held back and raised here instead. Written by
-- SqlAlertStore, listed by 'autonomy alerts'. See docs/decisions/0015-lifecycle.md.
--
-- kind is free text so that other parts of the loop can raise their own alerts; the lifecycle manager raises
-- 'delete_valuable' and 'archive_valuable'.
-- An alert is open until it is resolved: acknowledging it ('autonomy alerts ack') lets the held-back action go
-- ahead at the next maintenance run, which then resolves it; maintenance also resolves an alert whose
-- condition has cleared (the file came back, the tool was used again). At most one alert per tool and kind is
-- unresolved at a time, which makes raising idempotent.
CREATE TABLE tool_alerts
(
    id bigint GENERATED ALWAYS AS IDENTITY,
    tool_name text NOT NULL,
    kind text NOT NULL,
    message text NOT NULL,
    details jsonb NOT NULL,
    created_at timestamptz NOT NULL,
    acknowledged_at timestamptz NULL,
    acknowledged_by text NULL,
    resolved_at timestamptz NULL,
    resolution text NULL,
    CONSTRAINT pk_tool_alerts PRIMARY KEY (id),
    CONSTRAINT ck_tool_alerts_kind CHECK (kind <> ''),
    CONSTRAINT ck_tool_alerts_acknowledged CHECK ((acknowledged_at IS NULL) = (acknowledged_by IS NULL)),
    CONSTRAINT ck_tool_alerts_resolved CHECK ((resolved_at IS NULL) = (resolution IS NULL))
);

-- One unresolved alert per tool and kind; also the index behind "is this alert already raised".
CREATE UNIQUE INDEX ux_tool_alerts_unresolved ON tool_alerts (tool_name, kind) WHERE resolved_at IS NULL;

-- The alerts waiting for a person, newest first ('autonomy alerts').
CREATE INDEX ix_tool_alerts_unacknowledged ON tool_alerts (created_at DESC, id DESC)
    WHERE acknowledged_at IS NULL AND resolved_at IS NULL;

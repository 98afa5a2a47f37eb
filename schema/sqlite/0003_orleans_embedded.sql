-- Orleans grain state and reminders for the embedded silo (Autonomy.Storage.SiloProviders).
-- Read by SqliteGrainStorage and SqliteReminderTable; see docs/decisions/0006-embedded-silo-storage.md.
--
-- ETags are opaque text tokens, fresh on every write (32 hex digits), never a counter: a row deleted and
-- written again cannot bring back an ETag that a stale writer still holds.
-- Times are unix milliseconds (INTEGER), as every SQLite timestamp of the project.

CREATE TABLE IF NOT EXISTS orleans_grain_state
(
    service_id  TEXT NOT NULL,
    grain_type  TEXT NOT NULL,  -- GrainId.Type
    grain_id    TEXT NOT NULL,  -- GrainId.Key
    state_name  TEXT NOT NULL,  -- the name in [PersistentState(name, provider)]
    payload     BLOB,           -- the provider's IGrainStorageSerializer output; NULL once cleared
    etag        TEXT NOT NULL,
    updated_at  INTEGER NOT NULL,
    PRIMARY KEY (service_id, grain_type, grain_id, state_name)
) STRICT, WITHOUT ROWID;

CREATE TABLE IF NOT EXISTS orleans_reminders
(
    service_id     TEXT    NOT NULL,
    grain_id       TEXT    NOT NULL,  -- GrainId.ToString(), parsed back with GrainId.Parse
    reminder_name  TEXT    NOT NULL,
    start_time     INTEGER NOT NULL,  -- ReminderEntry.StartAt, truncated to the millisecond
    period_ms      INTEGER NOT NULL,  -- ReminderEntry.Period in whole milliseconds
    grain_hash     INTEGER NOT NULL,  -- GrainId.GetUniformHashCode(), an unsigned 32-bit value
    etag           TEXT    NOT NULL,
    PRIMARY KEY (service_id, grain_id, reminder_name)
) STRICT, WITHOUT ROWID;

-- The reminder service reads its ring range by hash; each silo asks for its own slice.
CREATE INDEX IF NOT EXISTS ix_orleans_reminders_hash ON orleans_reminders (service_id, grain_hash);

-- Orleans 10.4.2 ADO.NET providers on PostgreSQL: clustering, grain persistence and reminders.
--
-- Written to the providers' query contract (docs: /work/shared/orleans-adonet-contract.md), not copied
-- from the Orleans scripts. The providers read their SQL from OrleansQuery at start-up and bind named
-- @Parameters; every provider call is one autocommit command, so each conditional write below is atomic
-- inside a single statement or a single function call.
--
-- Applied exactly once by the migration runner, as one multi-statement command inside a transaction.
-- Identifiers are unquoted: PostgreSQL folds them to lower case, the providers look up OrleansQuery
-- unqualified and unquoted, and Npgsql reads result columns case-insensitively.
-- Uses nothing newer than INSERT ... ON CONFLICT (PostgreSQL 9.5); tested on PostgreSQL 15.

-- ---------------------------------------------------------------------------------------------------
-- The query catalogue.
-- ---------------------------------------------------------------------------------------------------

CREATE TABLE OrleansQuery
(
    QueryKey varchar(64) NOT NULL,
    QueryText varchar(8000) NOT NULL,
    CONSTRAINT pk_orleansquery PRIMARY KEY (QueryKey)
);

-- ---------------------------------------------------------------------------------------------------
-- Clustering. The version row is the table ETag: every membership insert or update checks it and
-- increments it in the same transaction, under the version row's lock, so writers are serialised.
-- ---------------------------------------------------------------------------------------------------

CREATE TABLE OrleansMembershipVersionTable
(
    DeploymentId varchar(150) NOT NULL,
    Timestamp timestamptz(3) NOT NULL DEFAULT now(),
    Version integer NOT NULL DEFAULT 0,
    CONSTRAINT pk_orleansmembershipversiontable PRIMARY KEY (DeploymentId)
);

CREATE TABLE OrleansMembershipTable
(
    DeploymentId varchar(150) NOT NULL,
    Address varchar(45) NOT NULL,
    Port integer NOT NULL,
    Generation integer NOT NULL,
    SiloName varchar(150) NOT NULL,
    HostName varchar(150) NOT NULL,
    Status integer NOT NULL,
    ProxyPort integer NOT NULL DEFAULT 0,
    SuspectTimes varchar(8000) NULL,
    StartTime timestamptz(3) NOT NULL,
    IAmAliveTime timestamptz(3) NOT NULL,
    CONSTRAINT pk_orleansmembershiptable PRIMARY KEY (DeploymentId, Address, Port, Generation),
    -- Cascade so that deleting a deployment's version row takes its members in the same statement.
    CONSTRAINT fk_orleansmembershiptable_deploymentid FOREIGN KEY (DeploymentId)
        REFERENCES OrleansMembershipVersionTable (DeploymentId) ON DELETE CASCADE
);

-- Returns 1 when the silo was inserted and the table version moved from p_version to p_version + 1,
-- otherwise 0 with nothing changed (version mismatch, missing version row, or the silo already present).
CREATE FUNCTION orleans_insert_membership(
    p_deployment_id text,
    p_address text,
    p_port integer,
    p_generation integer,
    p_silo_name text,
    p_host_name text,
    p_status integer,
    p_proxy_port integer,
    p_start_time timestamptz,
    p_i_am_alive_time timestamptz,
    p_version integer)
RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
    v_current integer;
BEGIN
    -- FOR UPDATE waits for a concurrent writer and then sees its committed version, so two silos that
    -- read the same version cannot both succeed.
    SELECT v.Version INTO v_current
    FROM OrleansMembershipVersionTable v
    WHERE v.DeploymentId = p_deployment_id
    FOR UPDATE;

    IF NOT FOUND OR v_current IS DISTINCT FROM p_version OR v_current = 2147483647 THEN
        RETURN 0;
    END IF;

    INSERT INTO OrleansMembershipTable
        (DeploymentId, Address, Port, Generation, SiloName, HostName, Status, ProxyPort,
         SuspectTimes, StartTime, IAmAliveTime)
    VALUES
        (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name, p_status,
         coalesce(p_proxy_port, 0), NULL, p_start_time, p_i_am_alive_time)
    ON CONFLICT (DeploymentId, Address, Port, Generation) DO NOTHING;

    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    UPDATE OrleansMembershipVersionTable
    SET Version = v_current + 1,
        Timestamp = now()
    WHERE DeploymentId = p_deployment_id;

    RETURN 1;
END;
$$;

-- Returns 1 when the silo's row was updated and the table version moved from p_version to
-- p_version + 1, otherwise 0 with nothing changed (version mismatch or no such silo).
CREATE FUNCTION orleans_update_membership(
    p_deployment_id text,
    p_address text,
    p_port integer,
    p_generation integer,
    p_status integer,
    p_suspect_times text,
    p_i_am_alive_time timestamptz,
    p_version integer)
RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
    v_current integer;
BEGIN
    SELECT v.Version INTO v_current
    FROM OrleansMembershipVersionTable v
    WHERE v.DeploymentId = p_deployment_id
    FOR UPDATE;

    IF NOT FOUND OR v_current IS DISTINCT FROM p_version OR v_current = 2147483647 THEN
        RETURN 0;
    END IF;

    UPDATE OrleansMembershipTable m
    SET Status = p_status,
        SuspectTimes = p_suspect_times,
        IAmAliveTime = p_i_am_alive_time
    WHERE m.DeploymentId = p_deployment_id
      AND m.Address = p_address
      AND m.Port = p_port
      AND m.Generation = p_generation;

    IF NOT FOUND THEN
        RETURN 0;
    END IF;

    UPDATE OrleansMembershipVersionTable
    SET Version = v_current + 1,
        Timestamp = now()
    WHERE DeploymentId = p_deployment_id;

    RETURN 1;
END;
$$;

-- ---------------------------------------------------------------------------------------------------
-- Grain persistence. The ETag is Version as a decimal string.
-- ---------------------------------------------------------------------------------------------------

CREATE TABLE OrleansStorage
(
    GrainIdHash integer NOT NULL,
    GrainIdN0 bigint NOT NULL,
    GrainIdN1 bigint NOT NULL,
    GrainTypeHash integer NOT NULL,
    GrainTypeString varchar(512) NOT NULL,
    GrainIdExtensionString varchar(512) NULL,
    ServiceId varchar(150) NOT NULL,
    PayloadBinary bytea NULL,
    ModifiedOn timestamp NOT NULL,
    Version integer NULL
);

-- One row per natural key, so that two concurrent first writes cannot both insert. NULL and '' are
-- different extensions (an integer key without extension versus the empty string key), hence the
-- IS NULL column next to the coalesce. Lookups repeat these expressions so that they use this index;
-- the hashes are stored for compatibility but never filtered on, so a change of hasher cannot hide a
-- row and let a duplicate in.
CREATE UNIQUE INDEX ux_orleansstorage_naturalkey ON OrleansStorage
    (ServiceId, GrainTypeString, GrainIdN0, GrainIdN1,
     (coalesce(GrainIdExtensionString, '')), (GrainIdExtensionString IS NULL));

-- Returns the new version, or NULL when the caller's version is stale: NULL p_grain_state_version means
-- "no row expected" and inserts version 1 only if the natural key is new; otherwise the row is updated
-- only if its stored version equals p_grain_state_version.
CREATE FUNCTION orleans_write_to_storage(
    p_grain_id_hash integer,
    p_grain_id_n0 bigint,
    p_grain_id_n1 bigint,
    p_grain_type_hash integer,
    p_grain_type_string text,
    p_grain_id_extension_string text,
    p_service_id text,
    p_grain_state_version integer,
    p_payload_binary bytea)
RETURNS integer
LANGUAGE plpgsql
AS $$
DECLARE
    v_new integer;
BEGIN
    IF p_grain_state_version IS NULL THEN
        INSERT INTO OrleansStorage
            (GrainIdHash, GrainIdN0, GrainIdN1, GrainTypeHash, GrainTypeString, GrainIdExtensionString,
             ServiceId, PayloadBinary, ModifiedOn, Version)
        VALUES
            (p_grain_id_hash, p_grain_id_n0, p_grain_id_n1, p_grain_type_hash, p_grain_type_string,
             p_grain_id_extension_string, p_service_id, p_payload_binary, timezone('utc', now()), 1)
        ON CONFLICT DO NOTHING
        RETURNING Version INTO v_new;

        RETURN v_new;
    END IF;

    UPDATE OrleansStorage s
    SET PayloadBinary = p_payload_binary,
        ModifiedOn = timezone('utc', now()),
        Version = s.Version + 1
    WHERE s.ServiceId = p_service_id
      AND s.GrainTypeString = p_grain_type_string
      AND s.GrainIdN0 = p_grain_id_n0
      AND s.GrainIdN1 = p_grain_id_n1
      AND coalesce(s.GrainIdExtensionString, '') = coalesce(p_grain_id_extension_string, '')
      AND (s.GrainIdExtensionString IS NULL) = (p_grain_id_extension_string IS NULL)
      AND s.Version = p_grain_state_version
      AND s.Version < 2147483647
    RETURNING s.Version INTO v_new;

    RETURN v_new;
END;
$$;

-- ---------------------------------------------------------------------------------------------------
-- Reminders. The ETag is the row's Version.
-- ---------------------------------------------------------------------------------------------------

CREATE TABLE OrleansRemindersTable
(
    ServiceId varchar(150) NOT NULL,
    -- GrainId.ToString() is "type/key"; generic grain types overflow the official varchar(150).
    GrainId varchar(1024) NOT NULL,
    ReminderName varchar(150) NOT NULL,
    StartTime timestamptz(3) NOT NULL,
    Period bigint NOT NULL,
    GrainHash integer NOT NULL,
    Version integer NOT NULL,
    CONSTRAINT pk_orleansreminderstable PRIMARY KEY (ServiceId, GrainId, ReminderName)
);

-- Each silo loads its slice of the hash ring with a range scan.
CREATE INDEX ix_orleansreminderstable_grainhash ON OrleansRemindersTable (ServiceId, GrainHash);

-- ---------------------------------------------------------------------------------------------------
-- The queries. Dollar-quoted so that the texts need no escaping.
-- ---------------------------------------------------------------------------------------------------

INSERT INTO OrleansQuery (QueryKey, QueryText) VALUES

-- Clustering -----------------------------------------------------------------------------------------

('InsertMembershipVersionKey', $q$
WITH inserted AS (
    INSERT INTO OrleansMembershipVersionTable (DeploymentId)
    VALUES (@DeploymentId)
    ON CONFLICT (DeploymentId) DO NOTHING
    RETURNING 1
)
SELECT count(*)::integer AS RowCount FROM inserted;
$q$),

-- The left join yields one row with NULL member columns when the deployment has no silos yet, so the
-- caller always receives the table version.
('MembershipReadAllKey', $q$
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status,
       m.ProxyPort, m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM OrleansMembershipVersionTable v
LEFT OUTER JOIN OrleansMembershipTable m ON m.DeploymentId = v.DeploymentId
WHERE v.DeploymentId = @DeploymentId;
$q$),

('MembershipReadRowKey', $q$
SELECT v.DeploymentId, m.Address, m.Port, m.Generation, m.SiloName, m.HostName, m.Status,
       m.ProxyPort, m.SuspectTimes, m.StartTime, m.IAmAliveTime, v.Version
FROM OrleansMembershipVersionTable v
LEFT OUTER JOIN OrleansMembershipTable m
    ON m.DeploymentId = v.DeploymentId
   AND m.Address = @Address
   AND m.Port = @Port
   AND m.Generation = @Generation
WHERE v.DeploymentId = @DeploymentId;
$q$),

('InsertMembershipKey', $q$
SELECT orleans_insert_membership(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,
    @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version) AS RowCount;
$q$),

('UpdateMembershipKey', $q$
SELECT orleans_update_membership(@DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes,
    @IAmAliveTime, @Version) AS RowCount;
$q$),

-- Heartbeats leave the table version alone; GREATEST keeps a delayed heartbeat from moving time back.
('UpdateIAmAlivetimeKey', $q$
UPDATE OrleansMembershipTable
SET IAmAliveTime = GREATEST(IAmAliveTime, @IAmAliveTime)
WHERE DeploymentId = @DeploymentId
  AND Address = @Address
  AND Port = @Port
  AND Generation = @Generation;
$q$),

('GatewaysQueryKey', $q$
SELECT Address, ProxyPort, Generation
FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId
  AND Status = @Status
  AND ProxyPort > 0;
$q$),

-- The foreign key cascades, so this one statement removes the members and then the version row.
('DeleteMembershipTableEntriesKey', $q$
DELETE FROM OrleansMembershipVersionTable
WHERE DeploymentId = @DeploymentId;
$q$),

-- Dead silos that have not been heard of since the cutoff. No version bump: nobody reads dead rows
-- for decisions, and the next write re-reads the table anyway.
('CleanupDefunctSiloEntriesKey', $q$
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId
  AND Status = 6
  AND IAmAliveTime < @IAmAliveTime;
$q$),

-- The provider picked this row from a full read; delete it only if nothing about it has changed since.
('CleanupDefunctSiloEntryKey', $q$
DELETE FROM OrleansMembershipTable
WHERE DeploymentId = @DeploymentId
  AND Address = @Address
  AND Port = @Port
  AND Generation = @Generation
  AND Status = 6
  AND StartTime = @StartTime
  AND IAmAliveTime = @IAmAliveTime
  AND coalesce(SuspectTimes, '') = coalesce(@SuspectTimes, '');
$q$),

-- Persistence ----------------------------------------------------------------------------------------

('ReadFromStorageKey', $q$
SELECT PayloadBinary, Version
FROM OrleansStorage
WHERE ServiceId = @ServiceId
  AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0
  AND GrainIdN1 = @GrainIdN1
  AND coalesce(GrainIdExtensionString, '') = coalesce(@GrainIdExtensionString, '')
  AND (GrainIdExtensionString IS NULL) = (@GrainIdExtensionString IS NULL);
$q$),

('WriteToStorageKey', $q$
SELECT orleans_write_to_storage(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
    @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary) AS NewGrainStateVersion;
$q$),

-- The row stays with a NULL payload and a new version, so a stale writer still conflicts afterwards.
('ClearStorageKey', $q$
UPDATE OrleansStorage
SET PayloadBinary = NULL,
    ModifiedOn = timezone('utc', now()),
    Version = Version + 1
WHERE ServiceId = @ServiceId
  AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0
  AND GrainIdN1 = @GrainIdN1
  AND coalesce(GrainIdExtensionString, '') = coalesce(@GrainIdExtensionString, '')
  AND (GrainIdExtensionString IS NULL) = (@GrainIdExtensionString IS NULL)
  AND Version = @GrainStateVersion
  AND Version < 2147483647
RETURNING Version AS NewGrainStateVersion;
$q$),

-- The returned value only has to differ from the caller's ETag; the grain's ETag becomes null.
('DeleteStorageKey', $q$
DELETE FROM OrleansStorage
WHERE ServiceId = @ServiceId
  AND GrainTypeString = @GrainTypeString
  AND GrainIdN0 = @GrainIdN0
  AND GrainIdN1 = @GrainIdN1
  AND coalesce(GrainIdExtensionString, '') = coalesce(@GrainIdExtensionString, '')
  AND (GrainIdExtensionString IS NULL) = (@GrainIdExtensionString IS NULL)
  AND Version = @GrainStateVersion
RETURNING Version::bigint + 1 AS NewGrainStateVersion;
$q$),

-- Reminders ------------------------------------------------------------------------------------------

('ReadReminderRowsKey', $q$
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId
  AND GrainId = @GrainId;
$q$),

('ReadReminderRowKey', $q$
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId
  AND GrainId = @GrainId
  AND ReminderName = @ReminderName;
$q$),

('ReadRangeRows1Key', $q$
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId
  AND GrainHash > @BeginHash
  AND GrainHash <= @EndHash;
$q$),

-- The ring range wraps around: (Begin, max] and [min, End].
('ReadRangeRows2Key', $q$
SELECT GrainId, ReminderName, StartTime, Period, Version
FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId
  AND (GrainHash > @BeginHash OR GrainHash <= @EndHash);
$q$),

-- Unconditional upsert in one statement; the primary key serialises concurrent registrations.
('UpsertReminderRowKey', $q$
INSERT INTO OrleansRemindersTable AS r
    (ServiceId, GrainId, ReminderName, StartTime, Period, GrainHash, Version)
VALUES
    (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 0)
ON CONFLICT (ServiceId, GrainId, ReminderName) DO UPDATE
SET StartTime = excluded.StartTime,
    Period = excluded.Period,
    GrainHash = excluded.GrainHash,
    Version = r.Version + 1
RETURNING r.Version AS Version;
$q$),

('DeleteReminderRowKey', $q$
WITH deleted AS (
    DELETE FROM OrleansRemindersTable
    WHERE ServiceId = @ServiceId
      AND GrainId = @GrainId
      AND ReminderName = @ReminderName
      AND Version = @Version
    RETURNING 1
)
SELECT count(*)::integer AS RowCount FROM deleted;
$q$),

('DeleteReminderRowsKey', $q$
DELETE FROM OrleansRemindersTable
WHERE ServiceId = @ServiceId;
$q$);

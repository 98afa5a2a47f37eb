-- An improvement attempt whose candidate no testing strategy could verify waits for a person
-- (`autonomy approve <attempt>`) instead of being deployed on no evidence. It stays 'in_progress' (it has not
-- ended: a person still decides) and records when it began to wait; the store reports such an attempt as
-- awaiting approval. A column, not a new status value: SQLite cannot alter a CHECK constraint without rebuilding
-- a table others reference. See docs/decisions/0014-verification.md.
ALTER TABLE improvement_attempts ADD COLUMN approval_requested_at INTEGER NULL;

CREATE INDEX ix_improvement_attempts_awaiting_approval ON improvement_attempts (approval_requested_at)
    WHERE status = 'in_progress' AND approval_requested_at IS NOT NULL;

-- Embeddings of tool versions for discovery (`autonomy search`) and duplicate detection: computed once per version
-- and model from the version's name, description and schemas (ToolDocument), stored as little-endian float32.
-- See docs/decisions/0016-discovery.md.
CREATE TABLE tool_embeddings
(
    tool_name   text        NOT NULL,
    version     integer     NOT NULL,
    model       text        NOT NULL,
    dimensions  integer     NOT NULL,
    vector      bytea       NOT NULL,
    created_at  timestamptz NOT NULL,
    CONSTRAINT pk_tool_embeddings PRIMARY KEY (tool_name, version, model),
    CONSTRAINT ck_tool_embeddings_size CHECK (length(vector) = 4 * dimensions)
);

CREATE INDEX ix_tool_embeddings_model ON tool_embeddings (model, tool_name, version DESC);

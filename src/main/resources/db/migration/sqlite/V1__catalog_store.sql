-- The catalog's history, imported source files, curation and access control. Dates and instants are ISO-8601 text
-- so that the same queries and orderings work on SQLite and PostgreSQL.
CREATE TABLE catalog_version (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at  TEXT    NOT NULL,
    kind        TEXT    NOT NULL,          -- bootstrap | import | refresh | curation
    summary     TEXT    NOT NULL,
    actor       TEXT    NOT NULL
);

-- An imported source file, kept whole (gzip) so that every instance builds the same catalog from it.
CREATE TABLE source_snapshot (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    version_id    INTEGER NOT NULL REFERENCES catalog_version (id),
    source        TEXT    NOT NULL,        -- litellm | modelsdev | openrouter
    file_name     TEXT    NOT NULL,
    as_of         TEXT    NOT NULL,
    sha256        TEXT    NOT NULL,
    skip_invalid  INTEGER NOT NULL,
    entries       INTEGER NOT NULL,
    skipped       INTEGER NOT NULL,
    content_gzip  BLOB    NOT NULL
);
CREATE INDEX source_snapshot_by_source ON source_snapshot (source, id);

-- One row per value a field held, from when to when. The open row of a field has valid_to NULL.
CREATE TABLE history (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    model_id    TEXT    NOT NULL,
    offering    TEXT    NOT NULL,          -- provider/api id, or '' for a model-level field (limits, status)
    field       TEXT    NOT NULL,
    value       TEXT    NOT NULL,
    source      TEXT    NOT NULL,
    valid_from  TEXT    NOT NULL,
    valid_to    TEXT,
    version_id  INTEGER NOT NULL REFERENCES catalog_version (id),
    closed_by   INTEGER REFERENCES catalog_version (id)
);
CREATE INDEX history_by_model ON history (model_id, field, valid_from);
CREATE UNIQUE INDEX history_one_open_row ON history (model_id, offering, field) WHERE valid_to IS NULL;

-- Operators' corrections per model, in the overlay's own shape (JSON), applied over the bundled overlay.
CREATE TABLE curation (
    model_id    TEXT    PRIMARY KEY,
    patch       TEXT    NOT NULL,
    updated_at  TEXT    NOT NULL,
    updated_by  TEXT    NOT NULL
);

CREATE TABLE admin_token (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    name        TEXT    NOT NULL UNIQUE,
    sha256      TEXT    NOT NULL UNIQUE,
    created_at  TEXT    NOT NULL,
    revoked_at  TEXT
);

CREATE TABLE audit_log (
    id          INTEGER PRIMARY KEY AUTOINCREMENT,
    at          TEXT    NOT NULL,
    actor       TEXT    NOT NULL,
    action      TEXT    NOT NULL,
    target      TEXT    NOT NULL,
    old_value   TEXT,
    new_value   TEXT
);

-- Every writer updates this one row first, so that writers queue up on both databases and each one sees the
-- versions committed before it (SQLite takes its write lock, PostgreSQL a row lock).
CREATE TABLE writer_lock (
    id          INTEGER PRIMARY KEY,
    writes      BIGINT  NOT NULL
);
INSERT INTO writer_lock (id, writes) VALUES (1, 0);

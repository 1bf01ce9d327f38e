-- The merged catalog of a version, as a snapshot (io.modelatlas.catalog.snapshot): a start reads it instead of merging
-- the stored source files again. Only a cache: built_by names the build of the merge code and bundled data that made
-- it, and a start of another build merges and writes its own. Only the newest version's row is kept.
CREATE TABLE catalog_snapshot (
    version_id    BIGINT  PRIMARY KEY REFERENCES catalog_version (id),
    built_by      TEXT    NOT NULL,
    content_gzip  BYTEA   NOT NULL
);

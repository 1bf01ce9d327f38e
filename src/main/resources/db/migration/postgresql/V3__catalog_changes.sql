-- What each catalog version changed, as the changes feed shows it: one row per new or removed model, moved offering,
-- and price, limit or status that differs, with the value before and after (plain decimal or status text, formatted
-- only when shown) and the source that gave it. Kept beside the history because a change is read by day across all
-- models, while the history is read per model.
CREATE TABLE catalog_change (
    id          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    version_id  BIGINT  NOT NULL REFERENCES catalog_version (id),
    observed    TEXT    NOT NULL,          -- ISO date the change was observed (the newest as-of date of the files)
    kind        TEXT    NOT NULL,          -- NEW_MODEL | REMOVED_MODEL | MOVED | PRICE | LIMIT | STATUS
    model_id    TEXT    NOT NULL,
    offering    TEXT    NOT NULL,          -- provider/api id, or '' for a model-level change
    field       TEXT    NOT NULL,
    old_value   TEXT,
    new_value   TEXT,
    source      TEXT    NOT NULL
);
CREATE INDEX catalog_change_by_day ON catalog_change (observed, version_id);

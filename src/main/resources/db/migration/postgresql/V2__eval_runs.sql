-- A/B evaluation runs: the cases and targets as the run started (so that a resumed run sends the same requests), and
-- one row per case and target, written on its own when the case completes. Targets carry the NAME of the environment
-- variable holding their key, never the key. Money is exact decimal text.
CREATE TABLE eval_run (
    id            TEXT    PRIMARY KEY,
    created_at    TEXT    NOT NULL,
    suite_name    TEXT    NOT NULL,
    suite_file    TEXT    NOT NULL,
    suite_sha256  TEXT    NOT NULL,
    settings      TEXT    NOT NULL,          -- JSON: concurrency, per_minute, timeout_ms, retries, ..., monthly_volume
    status        TEXT    NOT NULL,          -- running | completed | failed | interrupted
    message       TEXT,
    updated_at    TEXT    NOT NULL
);
CREATE INDEX eval_run_by_time ON eval_run (created_at);

CREATE TABLE eval_target (
    run_id     TEXT    NOT NULL REFERENCES eval_run (id),
    role       TEXT    NOT NULL,             -- candidate | judge
    position   INTEGER NOT NULL,
    name       TEXT    NOT NULL,
    model      TEXT    NOT NULL,
    base_url   TEXT    NOT NULL,
    key_env    TEXT,
    price_as   TEXT,
    stream     BOOLEAN NOT NULL,
    PRIMARY KEY (run_id, role, name)
);

CREATE TABLE eval_case (
    run_id      TEXT    NOT NULL REFERENCES eval_run (id),
    case_id     TEXT    NOT NULL,
    position    INTEGER NOT NULL,
    definition  TEXT    NOT NULL,            -- JSON: id, request, input, assert
    PRIMARY KEY (run_id, case_id)
);

CREATE TABLE eval_result (
    run_id               TEXT    NOT NULL,
    case_id              TEXT    NOT NULL,
    target               TEXT    NOT NULL,
    status               TEXT    NOT NULL,   -- passed | failed | errored
    output               TEXT,
    error                TEXT,
    input_tokens         BIGINT  NOT NULL,
    cached_input_tokens  BIGINT  NOT NULL,
    output_tokens        BIGINT  NOT NULL,
    usage_measured       BOOLEAN NOT NULL,
    cost_usd             TEXT,               -- exact; NULL when the catalog has no price
    cost_note            TEXT,
    latency_us           BIGINT,
    ttft_us              BIGINT,
    attempts             INTEGER NOT NULL,
    assertions           TEXT    NOT NULL,   -- JSON: [{kind, description, outcome, detail}]
    finished_at          TEXT    NOT NULL,
    PRIMARY KEY (run_id, case_id, target),
    FOREIGN KEY (run_id, case_id) REFERENCES eval_case (run_id, case_id)
);

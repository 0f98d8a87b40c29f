-- Access keys and survey prohibitions.
-- Plain TEXT / INTEGER / BIGINT types and application-made TEXT ids, so that db/migration/postgresql can mirror
-- this file line by line; only the append-only triggers differ (PostgreSQL needs a trigger function).
-- Instants are epoch milliseconds (BIGINT).

CREATE TABLE api_key (
    key_id          TEXT    NOT NULL PRIMARY KEY,
    key_hash        TEXT    NOT NULL UNIQUE,
    role            TEXT    NOT NULL,
    partner_id      TEXT    NULL,
    label           TEXT    NOT NULL,
    rate_per_second INTEGER NOT NULL CHECK (rate_per_second >= 1),
    burst           INTEGER NOT NULL CHECK (burst >= rate_per_second),
    created_at      BIGINT  NOT NULL,
    CHECK ((role = 'PARTNER') = (partner_id IS NOT NULL))
);

-- One row per customer while, and only while, a prohibition is in force.
CREATE TABLE prohibition (
    customer_id     TEXT   NOT NULL PRIMARY KEY,
    source          TEXT   NOT NULL CHECK (source IN ('MY_PROFILE', 'CUSTOMER_SERVICE', 'SURVEY_LINK')),
    agent_id        TEXT   NULL,
    profile_channel TEXT   NULL CHECK (profile_channel IN ('MOBILE', 'WEB')),
    since           BIGINT NOT NULL
);

-- Every change ever made to a prohibition. Append-only: the triggers below refuse UPDATE and DELETE.
CREATE TABLE prohibition_history (
    -- The order in which changes took effect, numbered by the database; not the time they carry.
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    change_id       TEXT   NOT NULL UNIQUE,
    customer_id     TEXT   NOT NULL,
    action          TEXT   NOT NULL CHECK (action IN ('SET', 'LIFTED')),
    source          TEXT   NOT NULL CHECK (source IN ('MY_PROFILE', 'CUSTOMER_SERVICE', 'SURVEY_LINK')),
    agent_id        TEXT   NULL,
    profile_channel TEXT   NULL CHECK (profile_channel IN ('MOBILE', 'WEB')),
    changed_at      BIGINT NOT NULL
);

CREATE INDEX prohibition_history_by_customer ON prohibition_history (customer_id, seq);

CREATE TRIGGER prohibition_history_no_update
BEFORE UPDATE ON prohibition_history
BEGIN
    SELECT RAISE(ABORT, 'prohibition_history is append-only: UPDATE refused');
END;

CREATE TRIGGER prohibition_history_no_delete
BEFORE DELETE ON prohibition_history
BEGIN
    SELECT RAISE(ABORT, 'prohibition_history is append-only: DELETE refused');
END;

-- Access keys and survey prohibitions: db/migration/sqlite/V1 line by line, in the same plain types.
-- Two differences, neither in meaning:
--   * the ids that rows are ordered by (key_id, change_id) compare byte by byte, COLLATE "C", as every TEXT does in
--     SQLite; otherwise the order would follow the database's locale;
--   * the append-only rule is a trigger function (PostgreSQL triggers call functions), and it refuses TRUNCATE too,
--     which SQLite does not have.
-- Instants are epoch milliseconds (BIGINT).

CREATE TABLE api_key (
    key_id          TEXT    COLLATE "C" NOT NULL PRIMARY KEY,
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

-- Every change ever made to a prohibition. Append-only: the triggers below refuse UPDATE, DELETE and TRUNCATE.
CREATE TABLE prohibition_history (
    -- The order in which changes took effect, numbered by the database; not the time they carry.
    seq             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    change_id       TEXT   COLLATE "C" NOT NULL UNIQUE,
    customer_id     TEXT   NOT NULL,
    action          TEXT   NOT NULL CHECK (action IN ('SET', 'LIFTED')),
    source          TEXT   NOT NULL CHECK (source IN ('MY_PROFILE', 'CUSTOMER_SERVICE', 'SURVEY_LINK')),
    agent_id        TEXT   NULL,
    profile_channel TEXT   NULL CHECK (profile_channel IN ('MOBILE', 'WEB')),
    changed_at      BIGINT NOT NULL
);

CREATE INDEX prohibition_history_by_customer ON prohibition_history (customer_id, seq);

CREATE FUNCTION prohibition_history_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'prohibition_history is append-only: % refused', TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER prohibition_history_no_update
BEFORE UPDATE ON prohibition_history
FOR EACH ROW EXECUTE FUNCTION prohibition_history_refuse_change();

CREATE TRIGGER prohibition_history_no_delete
BEFORE DELETE ON prohibition_history
FOR EACH ROW EXECUTE FUNCTION prohibition_history_refuse_change();

CREATE TRIGGER prohibition_history_no_truncate
BEFORE TRUNCATE ON prohibition_history
FOR EACH STATEMENT EXECUTE FUNCTION prohibition_history_refuse_change();

-- Reporting (R-REPORT): the answer counters reports are read from, and the analysts' dashboard sessions:
-- db/migration/sqlite/V5 line by line, with the same differences as V1-V4 (COLLATE "C" on the keys that are compared
-- as text and on the column that refers to an id, a regular expression where SQLite uses GLOB, no WITHOUT ROWID).
-- Instants are epoch milliseconds (BIGINT).

-- How many answers of each category one week or one month holds for one survey, channel, controller and language:
-- everything a report needs, so a report reads counter rows, never answers. Each answer adds one to its week's row
-- and one to its month's row in the transaction that stores it (an identified answer) or releases it (an anonymous
-- one), so the counters always agree with the answers committed. Which week and month an answer counts in is the
-- domain's rule (AnswerBuckets): an identified answer by its Finnish day; an anonymous one in its ISO week and in the
-- month of that week's Thursday. The keys are 'YYYY-Www' (grain WEEK) and 'YYYY-MM' (grain MONTH), which sort as
-- they read within a grain, byte by byte (COLLATE "C"), so a range of periods is a range of the primary key. A
-- study's answers have no channel and count under 'NONE': the channel is part of the key, and a key column cannot be
-- NULL (NULLs are never equal, so ON CONFLICT would never meet the row it should add to).
--
-- shard: a combination's count is spread over up to eight rows, summed when read. The upsert locks the row it adds
-- to until the answer's transaction commits, so concurrent answers of one busy combination (a big survey, one
-- channel, one language, this week) would all queue on one row lock; each write picks one of eight shards at random
-- instead, so two concurrent answers wait for each other only one time in eight. A reader sums at most eight rows
-- per cell. (SQLite, with one writer at a time, always writes shard 0.)
--
-- Written with INSERT ... ON CONFLICT (grain, period_key, survey_id, channel, controller, language, shard) DO UPDATE
-- SET promoters = answer_count.promoters + excluded.promoters, ...: one statement on both databases. A second writer
-- of the same row waits for the first to commit, then adds to the row as the first left it (READ COMMITTED re-reads
-- the locked row), so concurrent writers on any nodes sum exactly; and it never fails on a row inserted meanwhile,
-- as a SELECT followed by an INSERT or UPDATE would.
CREATE TABLE answer_count (
    grain           TEXT     NOT NULL CHECK (grain IN ('WEEK', 'MONTH')),
    period_key      TEXT     COLLATE "C" NOT NULL,
    survey_id       TEXT     COLLATE "C" NOT NULL,
    channel         TEXT     NOT NULL CHECK (channel IN
                        ('NONE', 'BRANCH', 'PHONE_SERVICE', 'CHAT', 'ONLINE_BANK', 'MOBILE_APP')),
    controller      TEXT     NOT NULL,
    language        TEXT     NOT NULL CHECK (language IN ('fi', 'sv', 'en')),
    shard           SMALLINT NOT NULL CHECK (shard BETWEEN 0 AND 7),
    promoters       BIGINT   NOT NULL CHECK (promoters >= 0),
    passives        BIGINT   NOT NULL CHECK (passives >= 0),
    detractors      BIGINT   NOT NULL CHECK (detractors >= 0),
    CHECK ((grain = 'WEEK' AND period_key ~ '^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$')
        OR (grain = 'MONTH' AND period_key ~ '^[0-9]{4}-(0[1-9]|1[0-2])$')),
    PRIMARY KEY (grain, period_key, survey_id, channel, controller, language, shard)
);

-- An analyst's dashboard session, shared by every node: the SHA-256 of its secret (the secret itself is never
-- stored), the API key it was opened with, and when it was opened and expires. Expired sessions are deleted by
-- expires_at.
CREATE TABLE dashboard_session (
    session_hash    TEXT     NOT NULL PRIMARY KEY CHECK (session_hash ~ '^[0-9a-f]{64}$'),
    key_id          TEXT     COLLATE "C" NOT NULL,
    created_at      BIGINT   NOT NULL,
    expires_at      BIGINT   NOT NULL,
    CHECK (expires_at > created_at)
);

CREATE INDEX dashboard_session_by_expires_at ON dashboard_session (expires_at);

-- Reporting (R-REPORT): the answer counters reports are read from, and the analysts' dashboard sessions.
-- db/migration/postgresql/V5 mirrors this file line by line (COLLATE "C" on the keys that are compared as text,
-- regular expressions where SQLite uses GLOB). Instants are epoch milliseconds (BIGINT).

-- How many answers of each category one week or one month holds for one survey, channel, controller and language:
-- everything a report needs, so a report reads counter rows, never answers. Each answer adds one to its week's row
-- and one to its month's row in the transaction that stores it (an identified answer) or releases it (an anonymous
-- one), so the counters always agree with the answers committed. Which week and month an answer counts in is the
-- domain's rule (AnswerBuckets): an identified answer by its Finnish day; an anonymous one in its ISO week and in the
-- month of that week's Thursday. The keys are 'YYYY-Www' (grain WEEK) and 'YYYY-MM' (grain MONTH), which sort as
-- they read within a grain, so a range of periods is a range of the primary key. A study's answers have no channel
-- and count under 'NONE': the channel is part of the key, and a key column cannot be NULL (NULLs are never equal, so
-- ON CONFLICT would never meet the row it should add to).
--
-- shard: a combination's count may be spread over up to eight rows, summed when read. On PostgreSQL the upsert locks
-- the row it adds to until the answer's transaction commits, so concurrent answers of one busy combination (a big
-- survey, one channel, one language, this week) would all queue on one row; each write picks a random shard
-- instead. SQLite has one writer at a time anyway, so the service always writes shard 0 here (Database.Vendor).
--
-- Written with INSERT ... ON CONFLICT (grain, period_key, survey_id, channel, controller, language, shard) DO UPDATE
-- SET promoters = answer_count.promoters + excluded.promoters, ...: one statement on both databases, the addition
-- made on the row as it is once locked, so concurrent writers on any nodes sum exactly. SQLite accepts the conflict
-- target only if it names exactly the columns of a unique index or the primary key.
--
-- WITHOUT ROWID: the rows are stored in primary key order, so a report's range (one grain, a range of period keys)
-- is one contiguous run of the table and there is no second index to keep.
CREATE TABLE answer_count (
    grain           TEXT     NOT NULL CHECK (grain IN ('WEEK', 'MONTH')),
    period_key      TEXT     NOT NULL,
    survey_id       TEXT     NOT NULL,
    channel         TEXT     NOT NULL CHECK (channel IN
                        ('NONE', 'BRANCH', 'PHONE_SERVICE', 'CHAT', 'ONLINE_BANK', 'MOBILE_APP')),
    controller      TEXT     NOT NULL,
    language        TEXT     NOT NULL CHECK (language IN ('fi', 'sv', 'en')),
    shard           SMALLINT NOT NULL CHECK (shard BETWEEN 0 AND 7),
    promoters       BIGINT   NOT NULL CHECK (promoters >= 0),
    passives        BIGINT   NOT NULL CHECK (passives >= 0),
    detractors      BIGINT   NOT NULL CHECK (detractors >= 0),
    CHECK ((grain = 'WEEK' AND period_key GLOB '[0-9][0-9][0-9][0-9]-W[0-5][0-9]'
                AND substr(period_key, 7, 2) BETWEEN '01' AND '53')
        OR (grain = 'MONTH' AND period_key GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                AND substr(period_key, 6, 2) BETWEEN '01' AND '12')),
    PRIMARY KEY (grain, period_key, survey_id, channel, controller, language, shard)
) WITHOUT ROWID;

-- An analyst's dashboard session, shared by every node: the SHA-256 of its secret (the secret itself is never
-- stored), the API key it was opened with, and when it was opened and expires. Expired sessions are deleted by
-- expires_at.
CREATE TABLE dashboard_session (
    session_hash    TEXT     NOT NULL PRIMARY KEY CHECK (length(session_hash) = 64
                        AND session_hash NOT GLOB '*[^0-9a-f]*'),
    key_id          TEXT     NOT NULL,
    created_at      BIGINT   NOT NULL,
    expires_at      BIGINT   NOT NULL,
    CHECK (expires_at > created_at)
) WITHOUT ROWID;

CREATE INDEX dashboard_session_by_expires_at ON dashboard_session (expires_at);

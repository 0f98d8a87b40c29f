-- Reporting (R-REPORT): the answer counters by week part, which replace V5's answer_count (one row per week and one
-- per month). db/migration/postgresql/V6 mirrors this file line by line (COLLATE "C" on the keys that are compared as
-- text, regular expressions where SQLite uses GLOB, no WITHOUT ROWID).
--
-- V7 is not SQL: a Java migration (fi.palaute.adapters.persistence.AnswerPartCountsFromAnswers, registered for both
-- databases in Database.Vendor) fills this table from the answers already stored, as the service would have counted
-- them, and drops answer_count. Finnish days need Java's time zone rules, which SQLite does not have.

-- How many answers of each category one week part holds for one survey, channel, controller and language: everything
-- a report needs, so a report reads counter rows, never answers. A week part is the days of one ISO week that fall
-- in one month: a week is its one or two parts, a month the parts of the weeks it touches, so weeks and months (and
-- quarters and years, which are months) are all sums of parts, and disclosure control can protect the weeks and the
-- months of a year together from one set of counts. Each answer adds one to its part's row, in the transaction that
-- stores it (an identified answer) or releases it (an anonymous one), so the counters always agree with the answers
-- committed. Which part an answer counts in is the domain's rule (AnswerBuckets): an identified answer by its Finnish
-- day (its week and its month); an anonymous one, kept only to its ISO week, in that week and the month of the week's
-- Thursday. The keys are 'YYYY-Www' and 'YYYY-MM', which sort as they read, so a range of weeks is a range of the
-- primary key, whose first column is the week. A study's answers have no channel and count under 'NONE': the channel
-- is part of the key, and a key column cannot be NULL (NULLs are never equal, so ON CONFLICT would never meet the row
-- it should add to).
--
-- The last CHECK is on the years only: a week part's month is in the week's ISO year, or is the December before for
-- week 01, or the January after for weeks 52 and 53. Which months a week touches exactly is date arithmetic, left to
-- AnswerBuckets, which refuses a part whose week has no day in its month, when it is written and when it is read.
--
-- shard: a combination's count may be spread over up to eight rows, summed when read. On PostgreSQL the upsert locks
-- the row it adds to until the answer's transaction commits, so concurrent answers of one busy combination (a big
-- survey, one channel, one language, this week) would all queue on one row; each write picks a random shard
-- instead. SQLite has one writer at a time anyway, so the service always writes shard 0 here (Database.Vendor), and
-- V7 writes the counts it fills in shard 0 on both databases.
--
-- Written with INSERT ... ON CONFLICT (week_key, month_key, survey_id, channel, controller, language, shard) DO UPDATE
-- SET promoters = answer_part_count.promoters + excluded.promoters, ...: one statement on both databases, the addition
-- made on the row as it is once locked, so concurrent writers on any nodes sum exactly. SQLite accepts the conflict
-- target only if it names exactly the columns of a unique index or the primary key.
--
-- WITHOUT ROWID: the rows are stored in primary key order, so a report's range (a range of week keys) is one
-- contiguous run of the table and there is no second index to keep.
CREATE TABLE answer_part_count (
    week_key        TEXT     NOT NULL CHECK (week_key GLOB '[0-9][0-9][0-9][0-9]-W[0-5][0-9]'
                        AND substr(week_key, 7, 2) BETWEEN '01' AND '53'),
    month_key       TEXT     NOT NULL CHECK (month_key GLOB '[0-9][0-9][0-9][0-9]-[01][0-9]'
                        AND substr(month_key, 6, 2) BETWEEN '01' AND '12'),
    survey_id       TEXT     NOT NULL,
    channel         TEXT     NOT NULL CHECK (channel IN
                        ('NONE', 'BRANCH', 'PHONE_SERVICE', 'CHAT', 'ONLINE_BANK', 'MOBILE_APP')),
    controller      TEXT     NOT NULL,
    language        TEXT     NOT NULL CHECK (language IN ('fi', 'sv', 'en')),
    shard           SMALLINT NOT NULL CHECK (shard BETWEEN 0 AND 7),
    promoters       BIGINT   NOT NULL CHECK (promoters >= 0),
    passives        BIGINT   NOT NULL CHECK (passives >= 0),
    detractors      BIGINT   NOT NULL CHECK (detractors >= 0),
    CHECK (substr(month_key, 1, 4) = substr(week_key, 1, 4)
        OR (substr(week_key, 7, 2) = '01'
                AND month_key = (CAST(substr(week_key, 1, 4) AS INTEGER) - 1) || '-12')
        OR (substr(week_key, 7, 2) IN ('52', '53')
                AND month_key = (CAST(substr(week_key, 1, 4) AS INTEGER) + 1) || '-01')),
    PRIMARY KEY (week_key, month_key, survey_id, channel, controller, language, shard)
) WITHOUT ROWID;

-- Reporting (R-REPORT): the answer counters by week part, which replace V5's answer_count (one row per week and one
-- per month): db/migration/sqlite/V6 line by line, with the same differences as V1-V5 (COLLATE "C" on the keys that
-- are compared as text, regular expressions where SQLite uses GLOB, no WITHOUT ROWID).
--
-- V7 is not SQL: a Java migration (fi.palaute.adapters.persistence.AnswerPartCountsFromAnswers, registered for both
-- databases in Database.Vendor) fills this table from the answers already stored, as the service would have counted
-- them, and drops answer_count. It computes Finnish days in Java, as the service does, so that both databases count
-- alike.

-- How many answers of each category one week part holds for one survey, channel, controller and language: everything
-- a report needs, so a report reads counter rows, never answers. A week part is the days of one ISO week that fall
-- in one month: a week is its one or two parts, a month the parts of the weeks it touches, so weeks and months (and
-- quarters and years, which are months) are all sums of parts, and disclosure control can protect the weeks and the
-- months of a year together from one set of counts. Each answer adds one to its part's row, in the transaction that
-- stores it (an identified answer) or releases it (an anonymous one), so the counters always agree with the answers
-- committed. Which part an answer counts in is the domain's rule (AnswerBuckets): an identified answer by its Finnish
-- day (its week and its month); an anonymous one, kept only to its ISO week, in that week and the month of the week's
-- Thursday. The keys are 'YYYY-Www' and 'YYYY-MM', which sort as they read, byte by byte (COLLATE "C"), so a range of
-- weeks is a range of the primary key, whose first column is the week. A study's answers have no channel and count
-- under 'NONE': the channel is part of the key, and a key column cannot be NULL (NULLs are never equal, so ON CONFLICT
-- would never meet the row it should add to).
--
-- The last CHECK is on the years only: a week part's month is in the week's ISO year, or is the December before for
-- week 01, or the January after for weeks 52 and 53. Which months a week touches exactly is date arithmetic, left to
-- AnswerBuckets, which refuses a part whose week has no day in its month, when it is written and when it is read.
--
-- shard: a combination's count is spread over up to eight rows, summed when read. The upsert locks the row it adds
-- to until the answer's transaction commits, so concurrent answers of one busy combination (a big survey, one
-- channel, one language, this week) would all queue on one row lock; each write picks one of eight shards at random
-- instead, so two concurrent answers wait for each other only one time in eight. A reader sums at most eight rows
-- per cell. (SQLite, with one writer at a time, always writes shard 0; so does V7 for the counts it fills.)
--
-- Written with INSERT ... ON CONFLICT (week_key, month_key, survey_id, channel, controller, language, shard) DO UPDATE
-- SET promoters = answer_part_count.promoters + excluded.promoters, ...: one statement on both databases. A second
-- writer of the same row waits for the first to commit, then adds to the row as the first left it (READ COMMITTED
-- re-reads the locked row), so concurrent writers on any nodes sum exactly; and it never fails on a row inserted
-- meanwhile, as a SELECT followed by an INSERT or UPDATE would.
CREATE TABLE answer_part_count (
    week_key        TEXT     COLLATE "C" NOT NULL
                        CHECK (week_key ~ '^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$'),
    month_key       TEXT     COLLATE "C" NOT NULL
                        CHECK (month_key ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    survey_id       TEXT     COLLATE "C" NOT NULL,
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
);

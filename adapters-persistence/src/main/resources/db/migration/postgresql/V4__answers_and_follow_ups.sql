-- Answering: identified and anonymous answers (R-NPS, R-ANON), the follow-ups of detractors who allowed contact
-- (R-FOLLOWUP), customers' answers to interview invitations; and the audit log's two new actions and its retention:
-- db/migration/sqlite/V4 line by line, with the same differences as V1-V3 (COLLATE "C" on the ids that rows are
-- ordered by and on the columns that refer to them, a regular expression where SQLite uses GLOB, trigger functions),
-- and two in form only: the audit log's action CHECK is replaced in place where SQLite rebuilds the table, and the
-- delete trigger calls a function of its own.
-- Instants are epoch milliseconds (BIGINT).

-- An answer that knows its respondent until the link is removed (after 24 months, or on an erasure request): then
-- customer_id and invitation_id become NULL together and the answer stays, de-identified, for the summaries.
-- comment is the scrubbed text (R-PII); the original is never stored. No foreign keys, as on the intake's tables (V2).
CREATE TABLE identified_answer (
    answer_id       TEXT    COLLATE "C" NOT NULL PRIMARY KEY,
    survey_id       TEXT    COLLATE "C" NOT NULL,
    -- The service channel of the invitation; NULL for a study's answer.
    channel         TEXT    NULL CHECK (channel IN ('BRANCH', 'PHONE_SERVICE', 'CHAT', 'ONLINE_BANK', 'MOBILE_APP')),
    controller      TEXT    NOT NULL,
    language        TEXT    NOT NULL CHECK (language IN ('fi', 'sv', 'en')),
    score           INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
    comment         TEXT    NULL,
    contact_allowed INTEGER NOT NULL CHECK (contact_allowed IN (0, 1)),
    answered_at     BIGINT  NOT NULL,
    customer_id     TEXT    NULL,
    invitation_id   TEXT    COLLATE "C" NULL,
    -- linked to both, or (de-identified) to neither
    CHECK ((customer_id IS NULL) = (invitation_id IS NULL))
);

-- An erasure request de-identifies one customer's answers, and finds their follow-ups through them.
CREATE INDEX identified_answer_by_customer ON identified_answer (customer_id) WHERE customer_id IS NOT NULL;
-- Retention de-identifies the linked answers given before its cutoff; an answer leaves this index once it is done.
CREATE INDEX identified_answer_linked_by_answered_at ON identified_answer (answered_at)
    WHERE customer_id IS NOT NULL;

-- An answer to an anonymous survey (R-ANON): what the summaries group by, the score, the scrubbed comment and the ISO
-- week in Finnish time ('2026-W48', which sorts as it reads), and nothing else: no customer, invitation, token or time
-- finer than the week, and a random id (UUIDv4). (SQLite's table is WITHOUT ROWID, so that it keeps no insertion
-- order; PostgreSQL has no such option: see package-info, "R-ANON and PostgreSQL's system columns".)
CREATE TABLE anonymous_answer (
    answer_id       TEXT    NOT NULL PRIMARY KEY,
    survey_id       TEXT    COLLATE "C" NOT NULL,
    channel         TEXT    NULL CHECK (channel IN ('BRANCH', 'PHONE_SERVICE', 'CHAT', 'ONLINE_BANK', 'MOBILE_APP')),
    controller      TEXT    NOT NULL,
    language        TEXT    NOT NULL CHECK (language IN ('fi', 'sv', 'en')),
    score           INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
    comment         TEXT    NULL,
    iso_week        TEXT    COLLATE "C" NOT NULL CHECK (iso_week ~ '^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$')
);

-- An anonymous answer held back until a release moves it, with the others held, into anonymous_answer (R-ANON).
-- Every row keeps the id of the transaction that wrote it (xmin), and the answer is written in the transaction that
-- marks its invitation answered: stored there directly, it would share its xmin with that invitation row. The release
-- moves a batch in one transaction of its own, so a published row shares its xmin only with the rest of its batch.
-- The same columns and CHECKs as anonymous_answer, so a row moves unchanged.
CREATE TABLE anonymous_answer_held (
    answer_id       TEXT    NOT NULL PRIMARY KEY,
    survey_id       TEXT    COLLATE "C" NOT NULL,
    channel         TEXT    NULL CHECK (channel IN ('BRANCH', 'PHONE_SERVICE', 'CHAT', 'ONLINE_BANK', 'MOBILE_APP')),
    controller      TEXT    NOT NULL,
    language        TEXT    NOT NULL CHECK (language IN ('fi', 'sv', 'en')),
    score           INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
    comment         TEXT    NULL,
    iso_week        TEXT    COLLATE "C" NOT NULL CHECK (iso_week ~ '^[0-9]{4}-W(0[1-9]|[1-4][0-9]|5[0-3])$')
);

-- A detractor who allowed contact, waiting for the channel's team (R-FOLLOWUP). The customer, the score and the comment
-- stay in the answer, so they are erased in one place. The CHECKs are the FollowUp record's invariants. The one
-- foreign key here makes "identified answers only" a rule of the database (an anonymous answer's id is never in
-- identified_answer); it costs no contention: the KEY SHARE lock it takes is on the answer written in the same
-- transaction, and de-identifying an answer (an UPDATE of no key column) does not conflict with it.
CREATE TABLE follow_up (
    follow_up_id    TEXT    COLLATE "C" NOT NULL PRIMARY KEY,
    answer_id       TEXT    COLLATE "C" NOT NULL REFERENCES identified_answer (answer_id),
    survey_id       TEXT    COLLATE "C" NOT NULL,
    -- The team's service channel; NULL for a study's answer.
    channel         TEXT    NULL CHECK (channel IN ('BRANCH', 'PHONE_SERVICE', 'CHAT', 'ONLINE_BANK', 'MOBILE_APP')),
    state           TEXT    NOT NULL CHECK (state IN ('OPEN', 'TAKEN', 'CLOSED', 'CANCELLED')),
    taken_by        TEXT    NULL,
    outcome         TEXT    NULL CHECK (outcome IN
                        ('RESOLVED', 'CUSTOMER_NOT_REACHED', 'CUSTOMER_DECLINED', 'NO_ACTION_NEEDED')),
    opened_at       BIGINT  NOT NULL,
    changed_at      BIGINT  NOT NULL,
    CHECK (state <> 'OPEN' OR taken_by IS NULL),
    CHECK (state <> 'TAKEN' OR taken_by IS NOT NULL),
    CHECK ((state = 'CLOSED') = (outcome IS NOT NULL)),
    CHECK (changed_at >= opened_at)
);

-- The team's list: one channel and state, in id (time) order.
CREATE INDEX follow_up_by_channel_and_state ON follow_up (channel, state, follow_up_id);
-- A prohibition or an erasure request reaches a customer's follow-ups through their answers.
CREATE INDEX follow_up_by_answer ON follow_up (answer_id);
-- Retention cancels the active follow-ups opened before its cutoff.
CREATE INDEX follow_up_active_by_opened_at ON follow_up (opened_at) WHERE state IN ('OPEN', 'TAKEN');

-- A customer's yes or no to an interview (R-CHANNELS, ONSITE), one per invitation; a yes carries the agreed time and
-- place (free text a partner typed, scrubbed before it is stored). Removed with the invitation on an erasure request.
CREATE TABLE onsite_acceptance (
    invitation_id   TEXT    COLLATE "C" NOT NULL PRIMARY KEY,
    accepted        INTEGER NOT NULL CHECK (accepted IN (0, 1)),
    meeting_at      BIGINT  NULL,
    place           TEXT    NULL CHECK (place <> ''),
    recorded_at     BIGINT  NOT NULL,
    CHECK ((accepted = 1) = (meeting_at IS NOT NULL)),
    CHECK ((accepted = 1) = (place IS NOT NULL))
);

-- The audit log's retention (5 years by default, a setting), while the database goes on refusing every other change.
-- A DELETE of an entry is let through only when the entry is older than a cutoff in audit_removal_cutoff. The only
-- writer of that table is JdbiAuditLog.removeBefore, which in one transaction inserts the cutoff, deletes the older
-- entries and empties the table again, so in every committed state it is empty: any other DELETE, on this connection
-- or another (which cannot see an uncommitted cutoff), finds none and is refused. UPDATE and TRUNCATE stay refused
-- always. (Like disabling the triggers, writing a cutoff is open to whoever owns the tables: this guards against
-- mistakes, not against the owner.)
CREATE TABLE audit_removal_cutoff (
    cutoff          BIGINT  NOT NULL
);

-- The two new actions. The column's CHECK was named by PostgreSQL after the table and column.
ALTER TABLE audit_entry DROP CONSTRAINT audit_entry_action_check;
ALTER TABLE audit_entry ADD CONSTRAINT audit_entry_action_check CHECK (action IN ('LIST_INVITATIONS',
    'CLAIM_INVITATIONS', 'SHOW_INVITATION', 'REISSUE_INVITATION', 'REPORT_DELIVERY', 'READ_CHANGES',
    'RECORD_RESPONSE', 'RECORD_ONSITE_ACCEPTANCE', 'ERASE_CUSTOMER_DATA'));

-- Retention deletes by time; without this it would read the whole log, five years of it.
CREATE INDEX audit_entry_by_at ON audit_entry (at);

-- "Some cutoff lies after the entry" is OLD.at < MAX(cutoff), written so that an empty table (MAX is NULL) refuses.
CREATE FUNCTION audit_entry_refuse_delete_unless_before_cutoff() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM audit_removal_cutoff WHERE cutoff > OLD.at) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_entry is append-only: DELETE refused'
        USING ERRCODE = 'restrict_violation';
END;
$$;

DROP TRIGGER audit_entry_no_delete ON audit_entry;

CREATE TRIGGER audit_entry_no_delete
BEFORE DELETE ON audit_entry
FOR EACH ROW EXECUTE FUNCTION audit_entry_refuse_delete_unless_before_cutoff();

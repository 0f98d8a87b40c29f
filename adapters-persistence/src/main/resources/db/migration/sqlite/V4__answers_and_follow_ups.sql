-- Answering: identified and anonymous answers (R-NPS, R-ANON), the follow-ups of detractors who allowed contact
-- (R-FOLLOWUP), customers' answers to interview invitations; and the audit log's two new actions and its retention.
-- db/migration/postgresql/V4 mirrors this file; it changes the audit log's CHECK in place, where SQLite has to
-- rebuild the table (below). Enums by name, languages by code, flags INTEGER 0/1, as in V2.
-- Instants are epoch milliseconds (BIGINT).

-- An answer that knows its respondent until the link is removed (after 24 months, or on an erasure request): then
-- customer_id and invitation_id become NULL together and the answer stays, de-identified, for the summaries.
-- comment is the scrubbed text (R-PII); the original is never stored. No foreign keys, as on the intake's tables (V2).
CREATE TABLE identified_answer (
    answer_id       TEXT    NOT NULL PRIMARY KEY,
    survey_id       TEXT    NOT NULL,
    -- The service channel of the invitation; NULL for a study's answer.
    channel         TEXT    NULL CHECK (channel IN ('BRANCH', 'PHONE_SERVICE', 'CHAT', 'ONLINE_BANK', 'MOBILE_APP')),
    controller      TEXT    NOT NULL,
    language        TEXT    NOT NULL CHECK (language IN ('fi', 'sv', 'en')),
    score           INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
    comment         TEXT    NULL,
    contact_allowed INTEGER NOT NULL CHECK (contact_allowed IN (0, 1)),
    answered_at     BIGINT  NOT NULL,
    customer_id     TEXT    NULL,
    invitation_id   TEXT    NULL,
    -- linked to both, or (de-identified) to neither
    CHECK ((customer_id IS NULL) = (invitation_id IS NULL))
);

-- An erasure request de-identifies one customer's answers, and finds their follow-ups through them.
CREATE INDEX identified_answer_by_customer ON identified_answer (customer_id) WHERE customer_id IS NOT NULL;
-- Retention de-identifies the linked answers given before its cutoff; an answer leaves this index once it is done.
CREATE INDEX identified_answer_linked_by_answered_at ON identified_answer (answered_at)
    WHERE customer_id IS NOT NULL;

-- An answer to an anonymous survey (R-ANON): what the summaries group by, the score, the scrubbed comment and the ISO
-- week in Finnish time ('2026-W48'), and nothing else: no customer, invitation, token or time finer than the week, and
-- a random id (UUIDv4). WITHOUT ROWID: an ordinary table numbers its rows in insertion order (a rowid any query can
-- select, and the order the rows are stored in), which would tell the order the answers came in and so line them up
-- with the invitations answered; this one stores its rows by the random key alone.
CREATE TABLE anonymous_answer (
    answer_id       TEXT    NOT NULL PRIMARY KEY,
    survey_id       TEXT    NOT NULL,
    channel         TEXT    NULL CHECK (channel IN ('BRANCH', 'PHONE_SERVICE', 'CHAT', 'ONLINE_BANK', 'MOBILE_APP')),
    controller      TEXT    NOT NULL,
    language        TEXT    NOT NULL CHECK (language IN ('fi', 'sv', 'en')),
    score           INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
    comment         TEXT    NULL,
    iso_week        TEXT    NOT NULL CHECK (iso_week GLOB '[0-9][0-9][0-9][0-9]-W[0-5][0-9]'
                        AND substr(iso_week, 7, 2) BETWEEN '01' AND '53')
) WITHOUT ROWID;

-- An anonymous answer held back until a release moves it, with the others held, into anonymous_answer (R-ANON). The
-- answer is written in the transaction that marks its invitation answered; on PostgreSQL every row keeps the id of
-- the transaction that wrote it, which would join the two (see db/migration/postgresql/V4 and package-info). A SQLite
-- row keeps no such id, but the answers are held and released in batches here too, so that both databases behave
-- alike. The same columns and CHECKs as anonymous_answer, so a row moves unchanged, and WITHOUT ROWID for the same
-- reason: no number that tells the order the answers came in.
CREATE TABLE anonymous_answer_held (
    answer_id       TEXT    NOT NULL PRIMARY KEY,
    survey_id       TEXT    NOT NULL,
    channel         TEXT    NULL CHECK (channel IN ('BRANCH', 'PHONE_SERVICE', 'CHAT', 'ONLINE_BANK', 'MOBILE_APP')),
    controller      TEXT    NOT NULL,
    language        TEXT    NOT NULL CHECK (language IN ('fi', 'sv', 'en')),
    score           INTEGER NOT NULL CHECK (score BETWEEN 0 AND 10),
    comment         TEXT    NULL,
    iso_week        TEXT    NOT NULL CHECK (iso_week GLOB '[0-9][0-9][0-9][0-9]-W[0-5][0-9]'
                        AND substr(iso_week, 7, 2) BETWEEN '01' AND '53')
) WITHOUT ROWID;

-- A detractor who allowed contact, waiting for the channel's team (R-FOLLOWUP). The customer, the score and the comment
-- stay in the answer, so they are erased in one place. The CHECKs are the FollowUp record's invariants. The one
-- foreign key here makes "identified answers only" a rule of the database (an anonymous answer's id is never in
-- identified_answer); it costs no contention, since the row it checks is the answer written in the same transaction.
CREATE TABLE follow_up (
    follow_up_id    TEXT    NOT NULL PRIMARY KEY,
    answer_id       TEXT    NOT NULL REFERENCES identified_answer (answer_id),
    survey_id       TEXT    NOT NULL,
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
    invitation_id   TEXT    NOT NULL PRIMARY KEY,
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
-- or another, finds no cutoff and is refused. UPDATE stays refused always. (Like disabling the triggers, writing a
-- cutoff is open to whoever owns the tables: this guards against mistakes, not against the owner.)
CREATE TABLE audit_removal_cutoff (
    cutoff          BIGINT  NOT NULL
);

-- SQLite cannot change a CHECK, so audit_entry is rebuilt with the two new actions: a new table, the rows copied,
-- the old triggers and table dropped, the new one renamed, its indexes and triggers made again. DROP TABLE removes
-- the rows without firing row triggers (and drops them with the table), so dropping the old log refuses nothing;
-- the triggers are dropped first all the same, to say so. All in the migration's one transaction.
CREATE TABLE audit_entry_widened (
    entry_id        TEXT    NOT NULL PRIMARY KEY,
    partner_id      TEXT    NULL,
    key_id          TEXT    NOT NULL,
    action          TEXT    NOT NULL CHECK (action IN ('LIST_INVITATIONS', 'CLAIM_INVITATIONS', 'SHOW_INVITATION',
                        'REISSUE_INVITATION', 'REPORT_DELIVERY', 'READ_CHANGES', 'RECORD_RESPONSE',
                        'RECORD_ONSITE_ACCEPTANCE', 'ERASE_CUSTOMER_DATA')),
    record_ids      TEXT    NOT NULL,
    at              BIGINT  NOT NULL,
    outcome         TEXT    NOT NULL CHECK (outcome IN ('OK', 'NOT_FOUND', 'REFUSED')),
    -- an admin's erasure request is the one entry without a partner
    CHECK ((action = 'ERASE_CUSTOMER_DATA') = (partner_id IS NULL))
);

INSERT INTO audit_entry_widened (entry_id, partner_id, key_id, action, record_ids, at, outcome)
SELECT entry_id, partner_id, key_id, action, record_ids, at, outcome FROM audit_entry;

DROP TRIGGER audit_entry_no_update;
DROP TRIGGER audit_entry_no_delete;
DROP TABLE audit_entry;
ALTER TABLE audit_entry_widened RENAME TO audit_entry;

CREATE INDEX audit_entry_by_partner ON audit_entry (partner_id, entry_id);
-- Retention deletes by time; without this it would read the whole log, five years of it.
CREATE INDEX audit_entry_by_at ON audit_entry (at);

CREATE TRIGGER audit_entry_no_update
BEFORE UPDATE ON audit_entry
BEGIN
    SELECT RAISE(ABORT, 'audit_entry is append-only: UPDATE refused');
END;

-- "Some cutoff lies after the entry" is OLD.at < MAX(cutoff), written so that an empty table (MAX is NULL) refuses.
CREATE TRIGGER audit_entry_no_delete
BEFORE DELETE ON audit_entry
WHEN NOT EXISTS (SELECT 1 FROM audit_removal_cutoff WHERE cutoff > OLD.at)
BEGIN
    SELECT RAISE(ABORT, 'audit_entry is append-only: DELETE refused');
END;

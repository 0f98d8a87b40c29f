-- Partners, surveys and their templates, service events and the decisions on them, invitations, the bank's delivery
-- queue and the funnel; and revocable access keys.
-- Plain TEXT / INTEGER / BIGINT / DOUBLE PRECISION types, so that db/migration/postgresql can mirror this file line
-- by line. Enums are stored by name (languages by their ISO 639-1 code), checked against their closed lists; flags
-- are INTEGER 0/1 in both databases. Instants are epoch milliseconds (BIGINT).

-- Foreign keys guard the survey team's tables (channels and templates belong to a survey). The intake's tables
-- (event_decision, invitation, bank_delivery_queue, funnel_count) have none: the service writes their rows in the
-- same transaction as the rows they name, and on PostgreSQL each checked row would take a KEY SHARE lock on the one
-- hot survey row, which concurrent batches then share through multixacts. Measured with
-- `LOAD=intake bash bootstrap/bench/nodes-load.sh`: one PostgreSQL node took 7,700 events/s with those keys and
-- 13,400 without.

-- A revoked key keeps its row (and its hash, which stays UNIQUE), so an audit trail can still name it; only keys
-- with no revoked_at authenticate or are listed.
ALTER TABLE api_key ADD COLUMN revoked_at BIGINT NULL;

CREATE TABLE partner (
    partner_id      TEXT    NOT NULL PRIMARY KEY,
    name            TEXT    NOT NULL,
    created_at      BIGINT  NOT NULL
);

-- A survey's definition and state, replaced whole by each change (last writer wins). The channels a transactional
-- survey listens to, with their sampling rates, are in survey_channel.
CREATE TABLE survey (
    survey_id        TEXT    NOT NULL PRIMARY KEY,
    name             TEXT    NOT NULL,
    kind             TEXT    NOT NULL CHECK (kind IN ('TRANSACTIONAL', 'STUDY')),
    delivery_channel TEXT    NOT NULL CHECK (delivery_channel IN ('EMAIL', 'SMS', 'PHONE', 'ONSITE')),
    deliverer        TEXT    NOT NULL CHECK (deliverer IN ('BANK', 'PARTNER')),
    partner_id       TEXT    NULL,
    anonymous        INTEGER NOT NULL CHECK (anonymous IN (0, 1)),
    -- Language codes in the survey's order, comma-separated: 'fi,sv'. The first is the fallback.
    languages        TEXT    NOT NULL CHECK (languages <> ''),
    window_millis    BIGINT  NOT NULL CHECK (window_millis > 0),
    reminder         INTEGER NOT NULL CHECK (reminder IN (0, 1)),
    state            TEXT    NOT NULL CHECK (state IN ('DRAFT', 'ACTIVE', 'PAUSED', 'CLOSED')),
    created_at       BIGINT  NOT NULL,
    updated_at       BIGINT  NOT NULL,
    CHECK ((deliverer = 'PARTNER') = (partner_id IS NOT NULL))
);

CREATE TABLE survey_channel (
    survey_id       TEXT    NOT NULL REFERENCES survey (survey_id),
    channel         TEXT    NOT NULL CHECK (channel IN
                        ('BRANCH', 'PHONE_SERVICE', 'CHAT', 'ONLINE_BANK', 'MOBILE_APP')),
    sampling_rate   DOUBLE PRECISION NOT NULL CHECK (sampling_rate >= 0 AND sampling_rate <= 1),
    PRIMARY KEY (survey_id, channel)
);

-- One template per survey, written channel and language; saving one replaces it.
CREATE TABLE invitation_template (
    survey_id       TEXT    NOT NULL REFERENCES survey (survey_id),
    channel         TEXT    NOT NULL CHECK (channel IN ('EMAIL', 'SMS')),
    language        TEXT    NOT NULL CHECK (language IN ('fi', 'sv', 'en')),
    subject         TEXT    NOT NULL,
    body            TEXT    NOT NULL,
    updated_at      BIGINT  NOT NULL,
    PRIMARY KEY (survey_id, channel, language)
);

-- Every event each source (the key that delivered it) has delivered: the primary key is what tells a redelivery.
CREATE TABLE service_event (
    source          TEXT    NOT NULL,
    event_id        TEXT    NOT NULL,
    received_at     BIGINT  NOT NULL,
    PRIMARY KEY (source, event_id)
);

-- The decisions taken on an event, one per survey, in the order they were appended (ordinal, from 0 per event), so a
-- redelivery gets the first decisions back as they were.
CREATE TABLE event_decision (
    source          TEXT    NOT NULL,
    event_id        TEXT    NOT NULL,
    ordinal         INTEGER NOT NULL CHECK (ordinal >= 0),
    survey_id       TEXT    NOT NULL,
    reason          TEXT    NOT NULL CHECK (reason IN
                        ('STALE', 'PROHIBITED', 'RESTING', 'NOT_SAMPLED', 'NO_CONTACT_POINT', 'INVITED')),
    PRIMARY KEY (source, event_id, ordinal)
);

-- One customer asked to answer one survey. contact_value is personal data: it becomes NULL when it is erased, and the
-- row stays for the contact-frequency rule and the reports.
CREATE TABLE invitation (
    invitation_id    TEXT    NOT NULL PRIMARY KEY,
    survey_id        TEXT    NOT NULL,
    customer_id      TEXT    NOT NULL,
    language         TEXT    NOT NULL CHECK (language IN ('fi', 'sv', 'en')),
    delivery_channel TEXT    NOT NULL CHECK (delivery_channel IN ('EMAIL', 'SMS', 'PHONE', 'ONSITE')),
    contact_kind     TEXT    NOT NULL CHECK (contact_kind IN ('EMAIL', 'MOBILE')),
    contact_value    TEXT    NULL,
    deliverer        TEXT    NOT NULL CHECK (deliverer IN ('BANK', 'PARTNER')),
    partner_id       TEXT    NULL,
    -- The service channel of the event; NULL for a study's invitation.
    channel          TEXT    NULL CHECK (channel IN ('BRANCH', 'PHONE_SERVICE', 'CHAT', 'ONLINE_BANK', 'MOBILE_APP')),
    controller       TEXT    NOT NULL,
    created_at       BIGINT  NOT NULL,
    expires_at       BIGINT  NOT NULL,
    state            TEXT    NOT NULL CHECK (state IN ('PENDING', 'HANDED_OVER', 'ANSWERED', 'EXPIRED', 'WITHDRAWN')),
    state_changed_at BIGINT  NOT NULL,
    CHECK ((deliverer = 'PARTNER') = (partner_id IS NOT NULL)),
    CHECK (delivery_channel = 'ONSITE'
        OR (delivery_channel = 'EMAIL') = (contact_kind = 'EMAIL')),
    CHECK (expires_at > created_at)
);

-- The contact-frequency rule asks, per batch of events, when these customers were last invited.
CREATE INDEX invitation_by_customer ON invitation (customer_id, created_at);

-- The outbox of the bank's own sender: invitations committed and waiting to be sent.
CREATE TABLE bank_delivery_queue (
    invitation_id   TEXT    NOT NULL PRIMARY KEY,
    ready_at        BIGINT  NOT NULL
);

-- Counters per survey, Finnish day ('YYYY-MM-DD', which sorts as it reads) and step. No customer in them.
CREATE TABLE funnel_count (
    survey_id       TEXT    NOT NULL,
    day             TEXT    NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    step            TEXT    NOT NULL CHECK (step IN
                        ('STALE', 'PROHIBITED', 'RESTING', 'NOT_SAMPLED', 'NO_CONTACT_POINT', 'INVITED',
                         'REDELIVERED')),
    count           BIGINT  NOT NULL CHECK (count >= 1),
    PRIMARY KEY (survey_id, day, step)
);

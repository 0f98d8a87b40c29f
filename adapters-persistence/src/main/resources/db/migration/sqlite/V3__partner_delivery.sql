-- The partner API: what an invitation handed to its partner carries (the hash of its token, when it was handed over,
-- the partner's last delivery report), each partner's feed of ended invitations, and the audit log of what partners
-- did. db/migration/postgresql/V3 mirrors this file; the feed's ordering columns differ (see partner_change).
-- Instants are epoch milliseconds (BIGINT).

-- Only the SHA-256 of a token is stored (64 lower-case hex digits), never the token; NULL until the invitation is
-- handed over. The index below makes it UNIQUE (SQLite's ADD COLUMN cannot); NULLs do not collide.
ALTER TABLE invitation ADD COLUMN token_hash TEXT NULL CHECK (length(token_hash) = 64);
ALTER TABLE invitation ADD COLUMN handed_over_at BIGINT NULL;
-- The partner's latest report: its outcome and the time it reported.
ALTER TABLE invitation ADD COLUMN delivery_outcome TEXT NULL
    CHECK (delivery_outcome IN ('DELIVERED', 'BOUNCED', 'FAILED'));
ALTER TABLE invitation ADD COLUMN delivered_at BIGINT NULL;

CREATE UNIQUE INDEX invitation_by_token_hash ON invitation (token_hash);

-- A partner's ready list and its claims: its pending invitations in id order.
CREATE INDEX invitation_by_partner ON invitation (partner_id, state, invitation_id);

-- Each partner's feed of ended invitations, written in the transaction that ends them. Writers run one at a time
-- (BEGIN IMMEDIATE), so the order of seq is the order of commits and a reader's cursor is seq alone; tx is always
-- 0 here and exists so that both databases store the same position (see db/migration/postgresql/V3).
CREATE TABLE partner_change (
    seq             INTEGER PRIMARY KEY AUTOINCREMENT,
    tx              INTEGER NOT NULL DEFAULT 0,
    partner_id      TEXT    NOT NULL,
    invitation_id   TEXT    NOT NULL,
    kind            TEXT    NOT NULL CHECK (kind IN ('WITHDRAWN', 'EXPIRED', 'ANSWERED')),
    at              BIGINT  NOT NULL
);

CREATE INDEX partner_change_by_partner ON partner_change (partner_id, tx, seq);

-- What partners did (R-PROCESSOR). Ids only: record_ids are the invitation ids the action touched, joined with ','
-- ('' for none); they are UUIDs and never contain one. Append-only: the triggers below refuse UPDATE and DELETE.
-- The primary key is the index by entry_id (time-ordered ids), for reads across all partners.
CREATE TABLE audit_entry (
    entry_id        TEXT    NOT NULL PRIMARY KEY,
    partner_id      TEXT    NULL,
    key_id          TEXT    NOT NULL,
    action          TEXT    NOT NULL CHECK (action IN ('LIST_INVITATIONS', 'CLAIM_INVITATIONS', 'SHOW_INVITATION',
                        'REISSUE_INVITATION', 'REPORT_DELIVERY', 'READ_CHANGES', 'ERASE_CUSTOMER_DATA')),
    record_ids      TEXT    NOT NULL,
    at              BIGINT  NOT NULL,
    outcome         TEXT    NOT NULL CHECK (outcome IN ('OK', 'NOT_FOUND', 'REFUSED')),
    -- an admin's erasure request is the one entry without a partner
    CHECK ((action = 'ERASE_CUSTOMER_DATA') = (partner_id IS NULL))
);

CREATE INDEX audit_entry_by_partner ON audit_entry (partner_id, entry_id);

CREATE TRIGGER audit_entry_no_update
BEFORE UPDATE ON audit_entry
BEGIN
    SELECT RAISE(ABORT, 'audit_entry is append-only: UPDATE refused');
END;

CREATE TRIGGER audit_entry_no_delete
BEFORE DELETE ON audit_entry
BEGIN
    SELECT RAISE(ABORT, 'audit_entry is append-only: DELETE refused');
END;

-- The expiry job ends open invitations whose time has come, and erases contact points ended invitations still hold
-- (normally none: ending erases them); both read through these indexes instead of the whole table.
CREATE INDEX invitation_open_by_expiry ON invitation (state, expires_at);
CREATE INDEX invitation_ended_with_contact ON invitation (invitation_id)
    WHERE contact_value IS NOT NULL AND state IN ('ANSWERED', 'EXPIRED', 'WITHDRAWN');

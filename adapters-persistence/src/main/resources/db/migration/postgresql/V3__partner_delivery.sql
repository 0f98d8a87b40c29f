-- The partner API: what an invitation handed to its partner carries (the hash of its token, when it was handed over,
-- the partner's last delivery report), each partner's feed of ended invitations, and the audit log of what partners
-- did: db/migration/sqlite/V3 line by line, with the same differences as V1 and V2 (COLLATE "C" on ids that rows are
-- ordered by, a trigger function that also refuses TRUNCATE), and one in meaning, the feed's position:
--   * partner_change.seq is an identity column, and tx is the id of the transaction that wrote the row
--     (pg_current_xact_id(), xid8). Sequence values are taken at insert but become visible at commit, in another
--     order, so a cursor of seq alone could pass an entry that commits later. A reader orders by (tx, seq) and reads
--     only entries whose tx is older than the oldest transaction still running (the xmin of its snapshot): every
--     transaction that could still write one is younger than that, so it writes behind no cursor handed out.
--     See JdbiPartnerChangeFeed and package-info.
-- Instants are epoch milliseconds (BIGINT).

-- Only the SHA-256 of a token is stored (64 lower-case hex digits), never the token; NULL until the invitation is
-- handed over. The index below makes it UNIQUE, as in SQLite; NULLs do not collide.
ALTER TABLE invitation ADD COLUMN token_hash TEXT NULL CHECK (length(token_hash) = 64);
ALTER TABLE invitation ADD COLUMN handed_over_at BIGINT NULL;
-- The partner's latest report: its outcome and the time it reported.
ALTER TABLE invitation ADD COLUMN delivery_outcome TEXT NULL
    CHECK (delivery_outcome IN ('DELIVERED', 'BOUNCED', 'FAILED'));
ALTER TABLE invitation ADD COLUMN delivered_at BIGINT NULL;

CREATE UNIQUE INDEX invitation_by_token_hash ON invitation (token_hash);

-- A partner's ready list and its claims: its pending invitations in id order.
CREATE INDEX invitation_by_partner ON invitation (partner_id, state, invitation_id);

-- Each partner's feed of ended invitations, written in the transaction that ends them, read in (tx, seq) order.
CREATE TABLE partner_change (
    seq             BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    tx              xid8    NOT NULL DEFAULT pg_current_xact_id(),
    partner_id      TEXT    COLLATE "C" NOT NULL,
    invitation_id   TEXT    COLLATE "C" NOT NULL,
    kind            TEXT    NOT NULL CHECK (kind IN ('WITHDRAWN', 'EXPIRED', 'ANSWERED')),
    at              BIGINT  NOT NULL
);

CREATE INDEX partner_change_by_partner ON partner_change (partner_id, tx, seq);

-- What partners did (R-PROCESSOR). Ids only: record_ids are the invitation ids the action touched, joined with ','
-- ('' for none); they are UUIDs and never contain one. Append-only: the triggers below refuse UPDATE, DELETE and
-- TRUNCATE. The primary key is the index by entry_id (time-ordered ids), for reads across all partners.
CREATE TABLE audit_entry (
    entry_id        TEXT    COLLATE "C" NOT NULL PRIMARY KEY,
    partner_id      TEXT    COLLATE "C" NULL,
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

-- One trigger function for every append-only table from here on (V1's prohibition_history keeps its own).
CREATE FUNCTION refuse_change_to_append_only_table() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'restrict_violation';
END;
$$;

CREATE TRIGGER audit_entry_no_update
BEFORE UPDATE ON audit_entry
FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only_table();

CREATE TRIGGER audit_entry_no_delete
BEFORE DELETE ON audit_entry
FOR EACH ROW EXECUTE FUNCTION refuse_change_to_append_only_table();

CREATE TRIGGER audit_entry_no_truncate
BEFORE TRUNCATE ON audit_entry
FOR EACH STATEMENT EXECUTE FUNCTION refuse_change_to_append_only_table();

-- The expiry job ends open invitations whose time has come, and erases contact points ended invitations still hold
-- (normally none: ending erases them); both read through these indexes instead of the whole table.
CREATE INDEX invitation_open_by_expiry ON invitation (state, expires_at);
CREATE INDEX invitation_ended_with_contact ON invitation (invitation_id)
    WHERE contact_value IS NOT NULL AND state IN ('ANSWERED', 'EXPIRED', 'WITHDRAWN');

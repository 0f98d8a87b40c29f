package fi.palaute.domain.partner;

import fi.palaute.domain.access.PartnerId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One read or write a partner made (R-PROCESSOR), or an admin's erasure of a customer's survey data: who (partner,
 * if any, and key), what, which records, when, and how it ended. Ids only: never a customer id, a contact point, a
 * token or a comment.
 */
public record AuditEntry(
        String entryId, Optional<PartnerId> partnerId, String keyId, Action action, List<String> recordIds, Instant at,
        Outcome outcome) {

    public enum Action {
        LIST_INVITATIONS,
        CLAIM_INVITATIONS,
        SHOW_INVITATION,
        REISSUE_INVITATION,
        REPORT_DELIVERY,
        READ_CHANGES,
        /** An answer taken by phone. */
        RECORD_RESPONSE,
        /** A customer's yes or no to an interview, taken on site. */
        RECORD_ONSITE_ACCEPTANCE,
        /** An admin's erasure request; the only action without a partner. */
        ERASE_CUSTOMER_DATA;

        public boolean byPartner() {
            return this != ERASE_CUSTOMER_DATA;
        }
    }

    public enum Outcome {
        OK,
        NOT_FOUND,
        REFUSED
    }

    public AuditEntry {
        Objects.requireNonNull(entryId, "entryId");
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(action, "action");
        recordIds = List.copyOf(recordIds);
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(outcome, "outcome");
        if (action.byPartner() != partnerId.isPresent()) {
            throw new IllegalArgumentException("a partner's action names its partner, and only a partner's does");
        }
    }
}

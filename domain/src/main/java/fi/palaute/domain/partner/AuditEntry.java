package fi.palaute.domain.partner;

import fi.palaute.domain.access.PartnerId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One read or write a partner made (R-PROCESSOR): who (partner and key), what, which records, when, and how it
 * ended. Ids only: never a contact point, a token or a comment.
 */
public record AuditEntry(
        String entryId, PartnerId partnerId, String keyId, Action action, List<String> recordIds, Instant at,
        Outcome outcome) {

    public enum Action {
        LIST_INVITATIONS,
        CLAIM_INVITATIONS,
        SHOW_INVITATION,
        REISSUE_INVITATION,
        REPORT_DELIVERY,
        READ_CHANGES
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
    }
}

package fi.palaute.domain.partner;

import fi.palaute.domain.access.PartnerId;
import java.time.Instant;
import java.util.Objects;

/** An entry of a partner's change feed: one of its invitations ended, and how. */
public record PartnerChange(PartnerId partnerId, String invitationId, Kind kind, Instant at) {

    public enum Kind {
        WITHDRAWN,
        EXPIRED,
        ANSWERED
    }

    public PartnerChange {
        Objects.requireNonNull(partnerId, "partnerId");
        Objects.requireNonNull(invitationId, "invitationId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(at, "at");
    }
}

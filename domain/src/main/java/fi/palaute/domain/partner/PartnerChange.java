package fi.palaute.domain.partner;

import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.invitation.Invitation;
import fi.palaute.domain.survey.Deliverer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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

    /** The feed entries for invitations that just ended this way: one for each that a partner delivers. */
    public static List<PartnerChange> forEnded(List<Invitation> ended, Kind kind, Instant at) {
        List<PartnerChange> changes = new ArrayList<>();
        for (Invitation invitation : ended) {
            if (invitation.deliverer() instanceof Deliverer.Partner partner) {
                changes.add(new PartnerChange(partner.partnerId(), invitation.id(), kind, at));
            }
        }
        return List.copyOf(changes);
    }
}

package fi.palaute.domain.partner;

import fi.palaute.domain.invitation.ContactPoint;
import fi.palaute.domain.invitation.InvitationState;
import fi.palaute.domain.survey.DeliveryChannel;
import fi.palaute.domain.survey.Language;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An invitation as its partner may see it: its state and what delivery needs, never the link (that is shown only
 * when handed over). The contact point is gone once the invitation has ended and it was erased.
 */
public record PartnerInvitation(
        String invitationId,
        InvitationState state,
        DeliveryChannel deliveryChannel,
        Optional<ContactPoint> contactPoint,
        Language language,
        Instant expiresAt,
        Optional<DeliveryReport> lastDelivery) {

    public PartnerInvitation {
        Objects.requireNonNull(invitationId, "invitationId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(deliveryChannel, "deliveryChannel");
        Objects.requireNonNull(contactPoint, "contactPoint");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(lastDelivery, "lastDelivery");
    }
}

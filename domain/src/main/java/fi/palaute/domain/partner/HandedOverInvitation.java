package fi.palaute.domain.partner;

import fi.palaute.domain.invitation.ContactPoint;
import fi.palaute.domain.survey.DeliveryChannel;
import fi.palaute.domain.survey.InvitationTemplate.RenderedInvitation;
import fi.palaute.domain.survey.Language;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An invitation as it is handed to its partner, with everything delivery needs and nothing more (R-PROCESSOR): the
 * id, the channel, the one contact point that channel uses, the language, the link (shown this once), the expiry and
 * the rendered text. Never the customer, the survey or anything of another partner. A phone survey has no text: the
 * partner calls with its own script.
 */
public record HandedOverInvitation(
        String invitationId,
        DeliveryChannel deliveryChannel,
        ContactPoint contactPoint,
        Language language,
        String link,
        Instant expiresAt,
        Optional<RenderedInvitation> text) {

    public HandedOverInvitation {
        Objects.requireNonNull(invitationId, "invitationId");
        Objects.requireNonNull(deliveryChannel, "deliveryChannel");
        Objects.requireNonNull(contactPoint, "contactPoint");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(link, "link");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
        return "HandedOverInvitation[" + invitationId + ", link hidden]";
    }
}

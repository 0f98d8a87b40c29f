package fi.palaute.domain.invitation;

import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.survey.Channel;
import fi.palaute.domain.survey.Deliverer;
import fi.palaute.domain.survey.DeliveryChannel;
import fi.palaute.domain.survey.Language;
import fi.palaute.domain.survey.SurveyId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One customer asked to answer one survey, in one language, through the one contact point its delivery channel
 * uses. {@code channel} and {@code controller} say where the matter was handled, for reports; a study row has no
 * channel. No token here: a link is made only when the invitation is handed over.
 */
public record Invitation(
        String id,
        SurveyId surveyId,
        CustomerId customerId,
        Language language,
        DeliveryChannel deliveryChannel,
        ContactPoint contactPoint,
        Deliverer deliverer,
        Optional<Channel> channel,
        Controller controller,
        Instant createdAt,
        Instant expiresAt,
        InvitationState state) {

    public Invitation {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(surveyId, "surveyId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(deliveryChannel, "deliveryChannel");
        Objects.requireNonNull(contactPoint, "contactPoint");
        Objects.requireNonNull(deliverer, "deliverer");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(controller, "controller");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(state, "state");
        if (!deliveryChannel.usableContactPoints().contains(contactPoint.kind())) {
            throw new IllegalArgumentException("a " + deliveryChannel + " invitation cannot use a "
                    + contactPoint.kind() + " contact point");
        }
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("an invitation expires after it is made");
        }
    }
}

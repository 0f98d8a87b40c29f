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
 * <p>
 * The contact point is personal data kept only for delivery (R-PARTNER): it is erased when the invitation ends, so
 * an open invitation always has one and an ended one may not.
 */
public record Invitation(
        String id,
        SurveyId surveyId,
        CustomerId customerId,
        Language language,
        DeliveryChannel deliveryChannel,
        Optional<ContactPoint> contactPoint,
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
        if (contactPoint.isPresent() && !deliveryChannel.usableContactPoints().contains(contactPoint.get().kind())) {
            throw new IllegalArgumentException("a " + deliveryChannel + " invitation cannot use a "
                    + contactPoint.get().kind() + " contact point");
        }
        if (state.isOpen() && contactPoint.isEmpty()) {
            throw new IllegalArgumentException("an open invitation keeps its contact point until it ends");
        }
        if (!expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("an invitation expires after it is made");
        }
    }

    /** The contact point of an open invitation, which always has one. */
    public ContactPoint openContactPoint() {
        return contactPoint.orElseThrow(() -> new IllegalStateException("an ended invitation has no contact point"));
    }

    /** The same invitation, ended in the given state, its contact point erased. */
    public Invitation ended(InvitationState endState) {
        if (endState.isOpen()) {
            throw new IllegalArgumentException(endState + " is not an end");
        }
        return new Invitation(id, surveyId, customerId, language, deliveryChannel, Optional.empty(), deliverer,
                channel, controller, createdAt, expiresAt, endState);
    }
}

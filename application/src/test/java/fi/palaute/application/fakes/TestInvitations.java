package fi.palaute.application.fakes;

import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.invitation.ContactPoint;
import fi.palaute.domain.invitation.Controller;
import fi.palaute.domain.invitation.EmailAddress;
import fi.palaute.domain.invitation.Invitation;
import fi.palaute.domain.invitation.InvitationState;
import fi.palaute.domain.survey.Channel;
import fi.palaute.domain.survey.Deliverer;
import fi.palaute.domain.survey.DeliveryChannel;
import fi.palaute.domain.survey.Language;
import fi.palaute.domain.survey.SurveyId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Invitations made directly, for tests that need some to exist already. */
public final class TestInvitations {

    private TestInvitations() {
    }

    public static Invitation of(String id, CustomerId customer, InvitationState state, Instant createdAt) {
        return new Invitation(id, new SurveyId("S-earlier"), customer, Language.FI, DeliveryChannel.EMAIL,
                contact(state), new Deliverer.Bank(), Optional.of(Channel.CHAT),
                new Controller("OP-Retail"), createdAt, createdAt.plus(Duration.ofDays(14)), state);
    }

    /** An ended invitation made here has had its contact point erased, as the real ones have. */
    private static Optional<ContactPoint> contact(InvitationState state) {
        return state.isOpen() ? Optional.of(new EmailAddress("someone@example.fi")) : Optional.empty();
    }
}

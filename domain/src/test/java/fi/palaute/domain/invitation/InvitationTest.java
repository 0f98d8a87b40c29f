package fi.palaute.domain.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.survey.Deliverer;
import fi.palaute.domain.survey.DeliveryChannel;
import fi.palaute.domain.survey.Language;
import fi.palaute.domain.survey.SurveyId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InvitationTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private static Invitation invitation(DeliveryChannel channel, ContactPoint contactPoint, Instant expiresAt) {
        return new Invitation("i-1", new SurveyId("s1"), new CustomerId("C-1"), Language.FI, channel,
                Optional.of(contactPoint),
                new Deliverer.Bank(), Optional.empty(), new Controller("OP"), NOW, expiresAt, InvitationState.PENDING);
    }

    @Test
    void theContactPointMustBeOneTheDeliveryChannelUses() {
        EmailAddress email = new EmailAddress("a@example.fi");
        MobileNumber mobile = MobileNumber.parse("0401234567");
        Instant later = NOW.plus(Duration.ofDays(14));
        invitation(DeliveryChannel.EMAIL, email, later);
        invitation(DeliveryChannel.SMS, mobile, later);
        invitation(DeliveryChannel.ONSITE, email, later);
        assertThrows(IllegalArgumentException.class, () -> invitation(DeliveryChannel.SMS, email, later));
        assertThrows(IllegalArgumentException.class, () -> invitation(DeliveryChannel.EMAIL, mobile, later));
        assertThrows(IllegalArgumentException.class, () -> invitation(DeliveryChannel.EMAIL, email, NOW));
    }

    @Test
    void anOpenInvitationHasAContactPointAndEndingOneErasesIt() {
        Invitation open = invitation(DeliveryChannel.EMAIL, new EmailAddress("a@example.fi"), NOW.plus(Duration.ofDays(1)));
        Invitation ended = open.ended(InvitationState.EXPIRED);
        assertEquals(Optional.empty(), ended.contactPoint());
        assertEquals(InvitationState.EXPIRED, ended.state());
        assertThrows(IllegalStateException.class, ended::openContactPoint);
        assertThrows(IllegalArgumentException.class, () -> open.ended(InvitationState.HANDED_OVER));
        assertThrows(IllegalArgumentException.class, () -> new Invitation("i-2", open.surveyId(), open.customerId(),
                open.language(), open.deliveryChannel(), Optional.empty(), open.deliverer(), open.channel(),
                open.controller(), open.createdAt(), open.expiresAt(), InvitationState.PENDING));
    }

    @Test
    void pendingAndHandedOverAreOpenTheRestHaveEnded() {
        assertTrue(InvitationState.PENDING.isOpen());
        assertTrue(InvitationState.HANDED_OVER.isOpen());
        assertFalse(InvitationState.ANSWERED.isOpen());
        assertFalse(InvitationState.EXPIRED.isOpen());
        assertFalse(InvitationState.WITHDRAWN.isOpen());
    }

    @Test
    void policyBounds() {
        assertThrows(IllegalArgumentException.class,
                () -> new InvitationPolicy(ContactFrequency.DEFAULT, Duration.ofHours(23)));
        assertThrows(IllegalArgumentException.class,
                () -> new InvitationPolicy(ContactFrequency.DEFAULT, Duration.ofDays(91)));
    }
}

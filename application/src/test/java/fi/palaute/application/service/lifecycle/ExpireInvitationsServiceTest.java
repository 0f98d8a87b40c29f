package fi.palaute.application.service.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.application.fakes.FakeTransactions;
import fi.palaute.application.fakes.InMemoryInvitations;
import fi.palaute.application.fakes.InMemoryPartnerChanges;
import fi.palaute.application.fakes.MutableClock;
import fi.palaute.application.fakes.TestInvitations;
import fi.palaute.application.port.in.lifecycle.ExpireInvitationsUseCase;
import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.invitation.Invitation;
import fi.palaute.domain.invitation.InvitationState;
import fi.palaute.domain.partner.FeedEntry;
import fi.palaute.domain.partner.PartnerChange;
import fi.palaute.domain.survey.Deliverer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExpireInvitationsServiceTest {

    private static final PartnerId PARTNER = new PartnerId("taloustutkimus");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final FakeTransactions transactions = new FakeTransactions();
    private final InMemoryInvitations invitations = new InMemoryInvitations(transactions);
    private final InMemoryPartnerChanges feed = new InMemoryPartnerChanges(transactions);
    private final ExpireInvitationsService job = new ExpireInvitationsService(transactions, invitations, feed, clock);

    private static Invitation byPartner(Invitation i) {
        return new Invitation(i.id(), i.surveyId(), i.customerId(), i.language(), i.deliveryChannel(), i.contactPoint(),
                new Deliverer.Partner(PARTNER), i.channel(), i.controller(), i.createdAt(), i.expiresAt(), i.state());
    }

    @Test
    void invitationsEndWhenTheirExpiryComesLosingTheirContactPointAndTheirPartnerIsTold() {
        Instant made = clock.instant();
        invitations.seed(List.of(
                byPartner(TestInvitations.of("handed-over", new CustomerId("C-1"), InvitationState.HANDED_OVER, made)),
                TestInvitations.of("bank", new CustomerId("C-2"), InvitationState.PENDING, made),
                TestInvitations.of("later", new CustomerId("C-3"), InvitationState.PENDING, made.plusSeconds(1))));

        clock.advance(Duration.ofDays(14).minusMillis(1));
        assertEquals(new ExpireInvitationsUseCase.Outcome(0, 0), job.expireDue(), "not a moment early");

        clock.advance(Duration.ofMillis(1));
        assertEquals(new ExpireInvitationsUseCase.Outcome(2, 0), job.expireDue());

        for (String id : List.of("handed-over", "bank")) {
            Invitation ended = invitations.find(id).orElseThrow();
            assertEquals(InvitationState.EXPIRED, ended.state());
            assertEquals(Optional.empty(), ended.contactPoint(), "the contact point goes when the invitation ends");
        }
        assertEquals(InvitationState.PENDING, invitations.find("later").orElseThrow().state());
        assertEquals(List.of(new PartnerChange(PARTNER, "handed-over", PartnerChange.Kind.EXPIRED, clock.instant())),
                feed.entries.stream().map(FeedEntry::change).toList());
        assertEquals(new ExpireInvitationsUseCase.Outcome(0, 0), job.expireDue(), "a second run changes nothing");
    }

    @Test
    void anEndedInvitationThatStillHasAContactPointLosesIt() {
        Invitation answered = TestInvitations.of("answered", new CustomerId("C-1"), InvitationState.PENDING,
                clock.instant());
        invitations.seed(List.of(new Invitation(answered.id(), answered.surveyId(), answered.customerId(),
                answered.language(), answered.deliveryChannel(), answered.contactPoint(), answered.deliverer(),
                answered.channel(), answered.controller(), answered.createdAt(), answered.expiresAt(),
                InvitationState.ANSWERED)));

        assertEquals(new ExpireInvitationsUseCase.Outcome(0, 1), job.expireDue());
        assertTrue(invitations.find("answered").orElseThrow().contactPoint().isEmpty());
    }
}

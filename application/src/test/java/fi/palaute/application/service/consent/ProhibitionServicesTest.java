package fi.palaute.application.service.consent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.application.fakes.FakeTransactions;
import fi.palaute.application.fakes.InMemoryAnswers;
import fi.palaute.application.fakes.InMemoryFollowUps;
import fi.palaute.application.fakes.InMemoryInvitations;
import fi.palaute.application.fakes.InMemoryPartnerChanges;
import fi.palaute.application.fakes.InMemoryProhibitions;
import fi.palaute.application.fakes.MutableClock;
import fi.palaute.application.fakes.RecordingCustomerLocks;
import fi.palaute.application.fakes.TestInvitations;
import fi.palaute.application.port.in.consent.LiftProhibitionCommand;
import fi.palaute.application.port.in.consent.LiftProhibitionResult;
import fi.palaute.application.port.in.consent.SetProhibitionCommand;
import fi.palaute.application.port.in.consent.SetProhibitionResult;
import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.consent.AgentId;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.consent.ProfileChannel;
import fi.palaute.domain.consent.ProhibitionAction;
import fi.palaute.domain.consent.ProhibitionActor.CustomerServiceAgent;
import fi.palaute.domain.consent.ProhibitionActor.MyProfile;
import fi.palaute.domain.consent.ProhibitionActor.SurveyLink;
import fi.palaute.domain.consent.ProhibitionHistory;
import fi.palaute.domain.invitation.Invitation;
import fi.palaute.domain.invitation.InvitationState;
import fi.palaute.domain.partner.FeedEntry;
import fi.palaute.domain.partner.PartnerChange;
import fi.palaute.domain.survey.Deliverer;
import fi.palaute.domain.followup.FollowUp;
import fi.palaute.domain.followup.FollowUpOutcome;
import fi.palaute.domain.followup.FollowUpState;
import fi.palaute.domain.invitation.Controller;
import fi.palaute.domain.response.AnswerContext;
import fi.palaute.domain.response.NpsScore;
import fi.palaute.domain.response.StoredAnswer;
import fi.palaute.domain.survey.Channel;
import fi.palaute.domain.survey.Language;
import fi.palaute.domain.survey.SurveyId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProhibitionServicesTest {

    private static final CustomerId CUSTOMER = new CustomerId("C-1");
    private static final CustomerServiceAgent AGENT = new CustomerServiceAgent(new AgentId("agent-7"));
    private static final MyProfile APP = new MyProfile(ProfileChannel.MOBILE);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final FakeTransactions transactions = new FakeTransactions();
    private final InMemoryProhibitions store = new InMemoryProhibitions(transactions);
    private final InMemoryInvitations invitations = new InMemoryInvitations(transactions);
    private final RecordingCustomerLocks locks = new RecordingCustomerLocks(transactions);
    private final InMemoryPartnerChanges partnerChanges = new InMemoryPartnerChanges(transactions);
    private final InMemoryAnswers answers = new InMemoryAnswers(transactions);
    private final InMemoryFollowUps followUps = new InMemoryFollowUps(transactions, answers);
    private final SetProhibitionService set = new SetProhibitionService(transactions, store, store, locks, invitations,
            partnerChanges, followUps, clock);
    private final LiftProhibitionService lift = new LiftProhibitionService(transactions, store, store, clock);
    private final ShowProhibitionService show = new ShowProhibitionService(store);
    private final ShowProhibitionHistoryService history = new ShowProhibitionHistoryService(store);

    @Test
    void settingIsIdempotentAndKeepsTheFirstSetter() {
        SetProhibitionResult first = set.set(new SetProhibitionCommand(CUSTOMER, APP));
        assertInstanceOf(SetProhibitionResult.NewlySet.class, first);
        assertEquals(clock.instant(), first.prohibition().since());

        clock.advance(Duration.ofMinutes(5));
        SetProhibitionResult second = set.set(new SetProhibitionCommand(CUSTOMER, AGENT));
        assertInstanceOf(SetProhibitionResult.AlreadySet.class, second);
        assertEquals(APP, second.prohibition().setBy());
        assertEquals(first.prohibition().since(), second.prohibition().since());

        assertEquals(1, store.changes.size(), "one history entry");
        assertEquals(APP, show.show(CUSTOMER).orElseThrow().setBy());
    }

    @Test
    void liftingRecordsWhoLiftedAndLiftingAgainChangesNothing() {
        set.set(new SetProhibitionCommand(CUSTOMER, new SurveyLink()));
        clock.advance(Duration.ofDays(1));

        LiftProhibitionResult lifted = lift.lift(new LiftProhibitionCommand(CUSTOMER, AGENT));
        assertInstanceOf(LiftProhibitionResult.Lifted.class, lifted);
        assertTrue(show.show(CUSTOMER).isEmpty());

        assertInstanceOf(LiftProhibitionResult.WasNotSet.class, lift.lift(new LiftProhibitionCommand(CUSTOMER, APP)));
        ProhibitionHistory h = history.history(CUSTOMER);
        assertEquals(2, h.changes().size());
        assertEquals(ProhibitionAction.LIFTED, h.changes().get(1).action());
        assertEquals(AGENT, h.changes().get(1).actor());
        assertEquals(clock.instant(), h.changes().get(1).at());
        assertTrue(h.current().isEmpty(), "state and history agree");
    }

    @Test
    void setLiftSetLeavesAHistoryThatReplaysToTheState() {
        set.set(new SetProhibitionCommand(CUSTOMER, APP));
        clock.advance(Duration.ofSeconds(1));
        lift.lift(new LiftProhibitionCommand(CUSTOMER, APP));
        clock.advance(Duration.ofSeconds(1));
        set.set(new SetProhibitionCommand(CUSTOMER, AGENT));
        assertEquals(show.show(CUSTOMER), history.history(CUSTOMER).current());
        assertEquals(3, transactions.count(), "each change is one transaction");
    }

    @Test
    void customersAreIndependent() {
        set.set(new SetProhibitionCommand(CUSTOMER, APP));
        assertTrue(show.show(new CustomerId("C-2")).isEmpty());
        assertTrue(history.history(new CustomerId("C-2")).changes().isEmpty());
    }

    @Test
    void settingWithdrawsEveryOpenInvitationOfThatCustomerOnly() {
        invitations.seed(List.of(
                TestInvitations.of("i-1", CUSTOMER, InvitationState.PENDING, clock.instant()),
                TestInvitations.of("i-2", CUSTOMER, InvitationState.HANDED_OVER, clock.instant()),
                TestInvitations.of("i-3", CUSTOMER, InvitationState.ANSWERED, clock.instant()),
                TestInvitations.of("i-4", new CustomerId("C-2"), InvitationState.PENDING, clock.instant())));

        set.set(new SetProhibitionCommand(CUSTOMER, AGENT));

        assertEquals(List.of(CUSTOMER), locks.locked, "the customer is locked, as the intake locks it");
        assertEquals(InvitationState.WITHDRAWN, invitations.find("i-1").orElseThrow().state());
        assertEquals(InvitationState.WITHDRAWN, invitations.find("i-2").orElseThrow().state());
        assertEquals(Optional.empty(), invitations.find("i-1").orElseThrow().contactPoint(), "erased as it ends");
        assertEquals(InvitationState.ANSWERED, invitations.find("i-3").orElseThrow().state(), "ended stays ended");
        assertEquals(InvitationState.PENDING, invitations.find("i-4").orElseThrow().state(), "other customers untouched");
        assertTrue(partnerChanges.entries.isEmpty(), "the bank delivers these: no partner to tell");
    }

    @Test
    void aWithdrawnPartnerInvitationGoesIntoThatPartnersFeedInTheSameTransaction() {
        PartnerId partner = new PartnerId("taloustutkimus");
        Invitation bankDelivered = TestInvitations.of("i-1", CUSTOMER, InvitationState.PENDING, clock.instant());
        Invitation partnerDelivered = new Invitation("i-2", bankDelivered.surveyId(), CUSTOMER, bankDelivered.language(),
                bankDelivered.deliveryChannel(), bankDelivered.contactPoint(), new Deliverer.Partner(partner),
                bankDelivered.channel(), bankDelivered.controller(), bankDelivered.createdAt(),
                bankDelivered.expiresAt(), InvitationState.HANDED_OVER);
        invitations.seed(List.of(bankDelivered, partnerDelivered));

        set.set(new SetProhibitionCommand(CUSTOMER, APP));

        assertEquals(List.of(new PartnerChange(partner, "i-2", PartnerChange.Kind.WITHDRAWN, clock.instant())),
                partnerChanges.entries.stream().map(FeedEntry::change).toList());
    }

    @Test
    void settingCancelsTheCustomersOpenAndTakenFollowUpsButNotClosedOnesOrOtherCustomers() {
        String open = followUpFor(CUSTOMER, "a-open");
        String taken = followUpFor(CUSTOMER, "a-taken");
        String closed = followUpFor(CUSTOMER, "a-closed");
        String others = followUpFor(new CustomerId("C-other"), "a-other");
        transactions.inTransaction(() -> followUps.take(taken, new AgentId("agent-1"), clock.instant())
                && followUps.close(closed, FollowUpOutcome.RESOLVED, clock.instant()));

        set.set(new SetProhibitionCommand(CUSTOMER, APP));

        assertEquals(FollowUpState.CANCELLED, followUps.find(open).orElseThrow().followUp().state());
        assertEquals(FollowUpState.CANCELLED, followUps.find(taken).orElseThrow().followUp().state());
        assertEquals(FollowUpState.CLOSED, followUps.find(closed).orElseThrow().followUp().state());
        assertEquals(FollowUpState.OPEN, followUps.find(others).orElseThrow().followUp().state());
    }

    private String followUpFor(CustomerId customer, String answerId) {
        String followUpId = "f-" + answerId;
        transactions.inTransaction(() -> {
            answers.insert(new StoredAnswer.IdentifiedAnswer(answerId, new AnswerContext(new SurveyId("S-1"),
                    Optional.of(Channel.CHAT), new Controller("OP-Retail"), Language.FI), customer, "i-" + answerId,
                    new NpsScore(2), Optional.empty(), true, clock.instant()));
            followUps.insert(FollowUp.open(followUpId, answerId, new SurveyId("S-1"), Optional.of(Channel.CHAT),
                    clock.instant()));
            return null;
        });
        return followUpId;
    }
}

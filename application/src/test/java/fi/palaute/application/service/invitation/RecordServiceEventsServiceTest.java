package fi.palaute.application.service.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.application.fakes.FakeTransactions;
import fi.palaute.application.fakes.InMemoryFunnel;
import fi.palaute.application.fakes.InMemoryInvitations;
import fi.palaute.application.fakes.InMemoryProhibitions;
import fi.palaute.application.fakes.InMemoryServiceEvents;
import fi.palaute.application.fakes.InMemorySurveys;
import fi.palaute.application.fakes.MutableClock;
import fi.palaute.application.fakes.RecordingCustomerLocks;
import fi.palaute.application.fakes.Surveys;
import fi.palaute.application.fakes.TestInvitations;
import fi.palaute.application.port.in.invitation.RecordServiceEventsCommand;
import fi.palaute.application.port.in.invitation.RecordServiceEventsResult;
import fi.palaute.application.port.in.invitation.RecordServiceEventsResult.EventOutcome;
import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.consent.Prohibition;
import fi.palaute.domain.consent.ProhibitionActor;
import fi.palaute.domain.invitation.ContactPoints;
import fi.palaute.domain.invitation.Controller;
import fi.palaute.domain.invitation.DecisionReason;
import fi.palaute.domain.invitation.EmailAddress;
import fi.palaute.domain.invitation.FunnelStep;
import fi.palaute.domain.invitation.Invitation;
import fi.palaute.domain.invitation.InvitationPolicy;
import fi.palaute.domain.invitation.InvitationState;
import fi.palaute.domain.invitation.ServiceEvent;
import fi.palaute.domain.invitation.SurveyDecision;
import fi.palaute.domain.survey.Channel;
import fi.palaute.domain.survey.Deliverer;
import fi.palaute.domain.survey.Language;
import fi.palaute.domain.survey.Survey;
import fi.palaute.domain.survey.SurveyDefinition;
import fi.palaute.domain.survey.SurveyId;
import fi.palaute.domain.survey.SurveyState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecordServiceEventsServiceTest {

    private static final String SOURCE = "key-chat";
    private static final CustomerId ANNA = new CustomerId("C-anna");
    private static final CustomerId BO = new CustomerId("C-bo");
    private static final ContactPoints ANNA_MAIL = ContactPoints.of(new EmailAddress("anna@example.fi"));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final FakeTransactions transactions = new FakeTransactions();
    private final InMemorySurveys surveys = new InMemorySurveys(transactions);
    private final InMemoryProhibitions prohibitions = new InMemoryProhibitions(transactions);
    private final InMemoryInvitations invitations = new InMemoryInvitations(transactions);
    private final InMemoryServiceEvents events = new InMemoryServiceEvents(transactions);
    private final InMemoryFunnel funnel = new InMemoryFunnel(transactions);
    private final RecordingCustomerLocks locks = new RecordingCustomerLocks(transactions);
    private final InvitationStores stores =
            new InvitationStores(transactions, locks, prohibitions, invitations, invitations, funnel);
    private final RecordServiceEventsService intake =
            new RecordServiceEventsService(stores, surveys, events, InvitationPolicy.DEFAULT, clock);

    private Survey survey(SurveyDefinition definition, SurveyState state) {
        Survey survey = new Survey(new SurveyId("S-" + (surveys.findAll().size() + 1)), definition, state,
                clock.instant(), clock.instant());
        transactions.inTransaction(() -> {
            surveys.insert(survey);
            return null;
        });
        return survey;
    }

    private ServiceEvent event(String id, CustomerId customer, Duration ago, ContactPoints contactPoints) {
        return new ServiceEvent(id, customer, Channel.CHAT, clock.instant().minus(ago), new Controller("OP-Retail"),
                Language.FI, contactPoints);
    }

    private List<EventOutcome> record(ServiceEvent... batch) {
        RecordServiceEventsResult result = intake.record(new RecordServiceEventsCommand(SOURCE, List.of(batch)));
        return assertInstanceOf(RecordServiceEventsResult.Recorded.class, result).outcomes();
    }

    private static DecisionReason onlyReason(EventOutcome outcome) {
        assertEquals(1, outcome.decisions().size(), outcome::toString);
        return outcome.decisions().get(0).reason();
    }

    @Test
    void aSampledEventWithAnAddressInvitesAndQueuesTheBanksOwnDelivery() {
        Survey chat = survey(Surveys.emailOnChat(1), SurveyState.ACTIVE);

        List<EventOutcome> outcomes = record(event("e-1", ANNA, Duration.ofHours(1), ANNA_MAIL));

        assertEquals(List.of(new EventOutcome("e-1", false, List.of(new SurveyDecision(chat.id(), DecisionReason.INVITED)))),
                outcomes);
        Invitation invitation = invitations.findByCustomer(ANNA).get(0);
        assertEquals(chat.id(), invitation.surveyId());
        assertEquals(Optional.of(new EmailAddress("anna@example.fi")), invitation.contactPoint());
        assertEquals(Language.FI, invitation.language());
        assertEquals(Optional.of(Channel.CHAT), invitation.channel());
        assertEquals(InvitationState.PENDING, invitation.state());
        assertEquals(clock.instant().plus(Duration.ofDays(14)), invitation.expiresAt());
        assertEquals(List.of(invitation.id()), List.copyOf(invitations.readyForBank.keySet()));
        assertEquals(1, funnel.total(FunnelStep.INVITED));
        assertEquals(List.of(ANNA), locks.locked);
    }

    @Test
    void eachReasonComesFromItsRule() {
        survey(Surveys.emailOnChat(1), SurveyState.ACTIVE);
        CustomerId prohibited = new CustomerId("C-prohibited");
        CustomerId resting = new CustomerId("C-resting");
        transactions.inTransaction(() -> prohibitions.insertIfAbsent(
                new Prohibition(prohibited, new ProhibitionActor.SurveyLink(), clock.instant())));
        invitations.seed(List.of(TestInvitations.of("earlier", resting, InvitationState.ANSWERED,
                clock.instant().minus(Duration.ofDays(29)))));

        List<EventOutcome> outcomes = record(
                event("stale", ANNA, Duration.ofDays(7).plusMillis(1), ANNA_MAIL),
                event("prohibited", prohibited, Duration.ZERO, ANNA_MAIL),
                event("resting", resting, Duration.ZERO, ANNA_MAIL),
                event("no-address", BO, Duration.ZERO, ContactPoints.NONE));

        assertEquals(List.of(DecisionReason.STALE, DecisionReason.PROHIBITED, DecisionReason.RESTING,
                DecisionReason.NO_CONTACT_POINT), outcomes.stream().map(RecordServiceEventsServiceTest::onlyReason).toList());
        assertTrue(invitations.invitations.stream().allMatch(i -> i.id().equals("earlier")), "nobody new was invited");
        assertEquals(1, funnel.total(FunnelStep.STALE));
        assertEquals(1, funnel.total(FunnelStep.NO_CONTACT_POINT));
    }

    @Test
    void aSurveyThatSamplesNothingAnswersNotSampled() {
        survey(Surveys.emailOnChat(0), SurveyState.ACTIVE);
        assertEquals(DecisionReason.NOT_SAMPLED, onlyReason(record(event("e-1", ANNA, Duration.ZERO, ANNA_MAIL)).get(0)));
    }

    @Test
    void theSecondEventOfACustomerInOneBatchFindsThemResting() {
        survey(Surveys.emailOnChat(1), SurveyState.ACTIVE);

        List<EventOutcome> outcomes = record(event("e-1", ANNA, Duration.ZERO, ANNA_MAIL),
                event("e-2", ANNA, Duration.ZERO, ANNA_MAIL));

        assertEquals(DecisionReason.INVITED, onlyReason(outcomes.get(0)));
        assertEquals(DecisionReason.RESTING, onlyReason(outcomes.get(1)));
        assertEquals(1, invitations.findByCustomer(ANNA).size());
    }

    @Test
    void theRestPeriodHoldsAcrossSurveys() {
        Survey first = survey(Surveys.emailOnChat(1), SurveyState.ACTIVE);
        Survey second = survey(Surveys.emailOnChat(1), SurveyState.ACTIVE);

        EventOutcome outcome = record(event("e-1", ANNA, Duration.ZERO, ANNA_MAIL)).get(0);

        assertEquals(List.of(new SurveyDecision(first.id(), DecisionReason.INVITED),
                new SurveyDecision(second.id(), DecisionReason.RESTING)), outcome.decisions());
    }

    @Test
    void aRedeliveryGetsItsFirstDecisionsBackAndCreatesNothing() {
        Survey chat = survey(Surveys.emailOnChat(1), SurveyState.ACTIVE);
        EventOutcome first = record(event("e-1", ANNA, Duration.ZERO, ANNA_MAIL)).get(0);
        clock.advance(Duration.ofDays(40)); // past the rest period: a new event would invite again
        transactions.inTransaction(() -> surveys.update(chat.changedTo(chat.definition(), SurveyState.PAUSED,
                clock.instant())));

        EventOutcome again = record(event("e-1", ANNA, Duration.ZERO, ANNA_MAIL)).get(0);

        assertEquals(new EventOutcome("e-1", true, first.decisions()), again);
        assertEquals(1, invitations.findByCustomer(ANNA).size(), "nothing new");
        assertEquals(1, funnel.total(FunnelStep.REDELIVERED));
        assertEquals(1, funnel.total(FunnelStep.INVITED), "a redelivery is not counted as a new decision");
    }

    @Test
    void theSameEventIdFromAnotherSourceIsANewEvent() {
        survey(Surveys.emailOnChat(1), SurveyState.ACTIVE);
        record(event("e-1", ANNA, Duration.ZERO, ANNA_MAIL));

        RecordServiceEventsResult other = intake.record(new RecordServiceEventsCommand("key-branch",
                List.of(event("e-1", BO, Duration.ZERO, ContactPoints.NONE))));

        EventOutcome outcome = assertInstanceOf(RecordServiceEventsResult.Recorded.class, other).outcomes().get(0);
        assertEquals(false, outcome.redelivery());
        assertEquals(DecisionReason.NO_CONTACT_POINT, onlyReason(outcome));
    }

    @Test
    void onlyActiveTransactionalSurveysListeningToTheChannelDecide() {
        survey(Surveys.emailOnChat(1), SurveyState.DRAFT);
        survey(Surveys.emailOnChat(1), SurveyState.PAUSED);
        survey(Surveys.emailStudy(), SurveyState.ACTIVE);
        Survey branchOnly = survey(new SurveyDefinition("Branch", Surveys.emailOnChat(1).kind(),
                java.util.Map.of(Channel.BRANCH, fi.palaute.domain.invitation.SamplingRate.ALL),
                Surveys.emailOnChat(1).deliveryChannel(), new Deliverer.Bank(), false, List.of(Language.FI),
                SurveyDefinition.DEFAULT_WINDOW, false), SurveyState.ACTIVE);

        EventOutcome outcome = record(event("e-1", ANNA, Duration.ZERO, ANNA_MAIL)).get(0);

        assertEquals(List.of(), outcome.decisions(), "no survey listens to CHAT: " + branchOnly.id());
        assertTrue(invitations.invitations.isEmpty());
        assertEquals(List.of(ANNA), locks.locked, "an active survey listens to some channel, so the batch locks");
    }

    @Test
    void anEventFromTheFutureRefusesTheWholeBatchBeforeAnythingIsWritten() {
        survey(Surveys.emailOnChat(1), SurveyState.ACTIVE);
        int transactionsBefore = transactions.count();
        ServiceEvent future = new ServiceEvent("late", BO, Channel.CHAT, clock.instant().plus(Duration.ofMinutes(6)),
                new Controller("OP-Retail"), Language.FI, ContactPoints.NONE);

        RecordServiceEventsResult result = intake.record(new RecordServiceEventsCommand(SOURCE,
                List.of(event("ok", ANNA, Duration.ZERO, ANNA_MAIL), future)));

        RecordServiceEventsResult.Refused refused = assertInstanceOf(RecordServiceEventsResult.Refused.class, result);
        assertEquals(1, refused.index());
        assertEquals("occurredAt", refused.field());
        assertEquals(transactionsBefore, transactions.count(), "no transaction was opened");
        assertTrue(invitations.invitations.isEmpty());
        assertTrue(events.wasNeverRecorded(SOURCE, "ok"), "the valid event was not recorded either");
    }

    @Test
    void theInvitationIsInTheCustomersLanguageWhenTheSurveyOffersItAndInItsFirstOtherwise() {
        survey(Surveys.emailOnChat(1), SurveyState.ACTIVE); // fi, en
        ServiceEvent english = new ServiceEvent("en", ANNA, Channel.CHAT, clock.instant(), new Controller("OP"),
                Language.EN, ANNA_MAIL);
        ServiceEvent swedish = new ServiceEvent("sv", BO, Channel.CHAT, clock.instant(), new Controller("OP"),
                Language.SV, ContactPoints.of(new EmailAddress("bo@example.fi")));

        record(english, swedish);

        assertEquals(Language.EN, invitations.findByCustomer(ANNA).get(0).language());
        assertEquals(Language.FI, invitations.findByCustomer(BO).get(0).language());
    }

    @Test
    void aPartnerDeliveredInvitationIsNotQueuedForTheBanksSender() {
        survey(Surveys.smsOnChat(new PartnerId("taloustutkimus")), SurveyState.ACTIVE);

        record(event("e-1", ANNA, Duration.ZERO,
                ContactPoints.of(fi.palaute.domain.invitation.MobileNumber.parse("040 123 4567"))));

        assertEquals(1, invitations.invitations.size());
        assertTrue(invitations.readyForBank.isEmpty());
    }
}

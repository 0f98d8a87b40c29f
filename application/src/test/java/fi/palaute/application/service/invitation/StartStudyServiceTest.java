package fi.palaute.application.service.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.application.fakes.FakeTransactions;
import fi.palaute.application.fakes.InMemoryFunnel;
import fi.palaute.application.fakes.InMemoryInvitations;
import fi.palaute.application.fakes.InMemoryProhibitions;
import fi.palaute.application.fakes.InMemorySurveys;
import fi.palaute.application.fakes.MutableClock;
import fi.palaute.application.fakes.RecordingCustomerLocks;
import fi.palaute.application.fakes.Surveys;
import fi.palaute.application.fakes.TestInvitations;
import fi.palaute.application.port.in.invitation.ShowFunnelQuery;
import fi.palaute.application.port.in.invitation.StartStudyCommand;
import fi.palaute.application.port.in.invitation.StartStudyResult;
import fi.palaute.application.port.in.invitation.StudyInvitee;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.consent.Prohibition;
import fi.palaute.domain.consent.ProhibitionActor;
import fi.palaute.domain.invitation.ContactPoints;
import fi.palaute.domain.invitation.Controller;
import fi.palaute.domain.invitation.DecisionReason;
import fi.palaute.domain.invitation.EmailAddress;
import fi.palaute.domain.invitation.FunnelCount;
import fi.palaute.domain.invitation.FunnelStep;
import fi.palaute.domain.invitation.InvitationPolicy;
import fi.palaute.domain.invitation.InvitationState;
import fi.palaute.domain.survey.Language;
import fi.palaute.domain.survey.Survey;
import fi.palaute.domain.survey.SurveyDefinition;
import fi.palaute.domain.survey.SurveyId;
import fi.palaute.domain.survey.SurveyState;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StartStudyServiceTest {

    private static final Controller CONTROLLER = new Controller("OP-Retail");
    private static final ContactPoints MAIL = ContactPoints.of(new EmailAddress("x@example.fi"));

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final FakeTransactions transactions = new FakeTransactions();
    private final InMemorySurveys surveys = new InMemorySurveys(transactions);
    private final InMemoryProhibitions prohibitions = new InMemoryProhibitions(transactions);
    private final InMemoryInvitations invitations = new InMemoryInvitations(transactions);
    private final InMemoryFunnel funnel = new InMemoryFunnel(transactions);
    private final RecordingCustomerLocks locks = new RecordingCustomerLocks(transactions);
    private final StartStudyService study = new StartStudyService(
            new InvitationStores(transactions, locks, prohibitions, invitations, invitations, funnel), surveys,
            InvitationPolicy.DEFAULT, clock);

    private SurveyId survey(SurveyDefinition definition, SurveyState state) {
        SurveyId id = new SurveyId("S-" + (surveys.findAll().size() + 1));
        transactions.inTransaction(() -> {
            surveys.insert(new Survey(id, definition, state, clock.instant(), clock.instant()));
            return null;
        });
        return id;
    }

    private static StudyInvitee invitee(String customer, ContactPoints contactPoints) {
        return new StudyInvitee(new CustomerId(customer), Optional.empty(), contactPoints);
    }

    @Test
    void aStudyListGoesThroughTheChecksFromProhibitedOn() {
        SurveyId id = survey(Surveys.emailStudy(), SurveyState.ACTIVE);
        transactions.inTransaction(() -> prohibitions.insertIfAbsent(new Prohibition(new CustomerId("C-no"),
                new ProhibitionActor.SurveyLink(), clock.instant())));
        invitations.seed(List.of(TestInvitations.of("earlier", new CustomerId("C-rest"), InvitationState.PENDING,
                clock.instant().minus(Duration.ofDays(3)))));

        StartStudyResult result = study.start(new StartStudyCommand(id, CONTROLLER, List.of(
                invitee("C-no", MAIL), invitee("C-rest", MAIL), invitee("C-none", ContactPoints.NONE),
                invitee("C-yes", MAIL))));

        List<DecisionReason> reasons = assertInstanceOf(StartStudyResult.Started.class, result).outcomes().stream()
                .map(StartStudyResult.InviteeOutcome::reason).toList();
        assertEquals(List.of(DecisionReason.PROHIBITED, DecisionReason.RESTING, DecisionReason.NO_CONTACT_POINT,
                DecisionReason.INVITED), reasons);
        var invited = invitations.findByCustomer(new CustomerId("C-yes")).get(0);
        assertEquals(Language.SV, invited.language(), "no language given: the survey's first");
        assertEquals(Optional.empty(), invited.channel(), "a study row has no service channel");
        assertEquals(4, locks.locked.size());
        LocalDate today = LocalDate.of(2026, 11, 25);
        assertEquals(List.of(new FunnelCount(id, today, FunnelStep.PROHIBITED, 1),
                new FunnelCount(id, today, FunnelStep.RESTING, 1),
                new FunnelCount(id, today, FunnelStep.NO_CONTACT_POINT, 1),
                new FunnelCount(id, today, FunnelStep.INVITED, 1)),
                new ShowFunnelService(surveys, funnel).show(new ShowFunnelQuery(id, today, today)).orElseThrow());
    }

    @Test
    void onlyAnActiveStudyCanBeStarted() {
        SurveyId draft = survey(Surveys.emailStudy(), SurveyState.DRAFT);
        SurveyId transactional = survey(Surveys.emailOnChat(1), SurveyState.ACTIVE);
        StudyInvitee one = invitee("C-1", MAIL);

        assertInstanceOf(StartStudyResult.NotStartable.class,
                study.start(new StartStudyCommand(draft, CONTROLLER, List.of(one))));
        assertInstanceOf(StartStudyResult.NotStartable.class,
                study.start(new StartStudyCommand(transactional, CONTROLLER, List.of(one))));
        assertInstanceOf(StartStudyResult.NoSuchSurvey.class,
                study.start(new StartStudyCommand(new SurveyId("nope"), CONTROLLER, List.of(one))));
        assertTrue(invitations.invitations.isEmpty());
        assertTrue(locks.locked.isEmpty());
    }

    @Test
    void theFunnelOfAnUnknownSurveyIsEmpty() {
        LocalDate day = LocalDate.of(2026, 11, 25);
        assertEquals(Optional.empty(),
                new ShowFunnelService(surveys, funnel).show(new ShowFunnelQuery(new SurveyId("nope"), day, day)));
    }
}

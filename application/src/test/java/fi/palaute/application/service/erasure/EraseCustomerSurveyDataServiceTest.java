package fi.palaute.application.service.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.application.fakes.FakeTransactions;
import fi.palaute.application.fakes.InMemoryAnswers;
import fi.palaute.application.fakes.InMemoryFollowUps;
import fi.palaute.application.fakes.InMemoryOnsiteAcceptances;
import fi.palaute.application.fakes.InMemoryAuditLog;
import fi.palaute.application.fakes.InMemoryInvitations;
import fi.palaute.application.fakes.InMemoryPartnerChanges;
import fi.palaute.application.fakes.MutableClock;
import fi.palaute.application.fakes.RecordingCustomerLocks;
import fi.palaute.application.fakes.TestInvitations;
import fi.palaute.application.port.in.erasure.EraseCustomerSurveyDataUseCase;
import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.invitation.Invitation;
import fi.palaute.domain.invitation.InvitationState;
import fi.palaute.domain.partner.AuditEntry;
import fi.palaute.domain.partner.FeedEntry;
import fi.palaute.domain.partner.PartnerChange;
import fi.palaute.domain.survey.Deliverer;
import fi.palaute.domain.followup.FollowUp;
import fi.palaute.domain.invitation.Controller;
import fi.palaute.domain.response.AnswerContext;
import fi.palaute.domain.response.NpsScore;
import fi.palaute.domain.response.OnsiteAcceptance;
import fi.palaute.domain.response.StoredAnswer;
import fi.palaute.domain.survey.Language;
import fi.palaute.domain.survey.SurveyId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EraseCustomerSurveyDataServiceTest {

    private static final CustomerId CUSTOMER = new CustomerId("C-erase");
    private static final PartnerId PARTNER = new PartnerId("taloustutkimus");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final FakeTransactions transactions = new FakeTransactions();
    private final InMemoryInvitations invitations = new InMemoryInvitations(transactions);
    private final InMemoryPartnerChanges feed = new InMemoryPartnerChanges(transactions);
    private final InMemoryAuditLog audit = new InMemoryAuditLog(transactions);
    private final RecordingCustomerLocks locks = new RecordingCustomerLocks(transactions);
    private final InMemoryAnswers answers = new InMemoryAnswers(transactions);
    private final InMemoryFollowUps followUps = new InMemoryFollowUps(transactions, answers);
    private final InMemoryOnsiteAcceptances acceptances = new InMemoryOnsiteAcceptances(transactions);
    private final EraseCustomerSurveyDataService erase = new EraseCustomerSurveyDataService(transactions, locks,
            invitations, new EraseCustomerSurveyDataService.ErasableAnswerData(answers, followUps, acceptances), feed,
            audit, clock);

    @Test
    void theCustomersInvitationsGoTheirPartnersLearnItAndTheRequestIsAuditedWithoutTheCustomer() {
        Invitation pending = TestInvitations.of("i-open", CUSTOMER, InvitationState.PENDING, clock.instant());
        Invitation partners = new Invitation("i-partner", pending.surveyId(), CUSTOMER, pending.language(),
                pending.deliveryChannel(), pending.contactPoint(), new Deliverer.Partner(PARTNER), pending.channel(),
                pending.controller(), pending.createdAt(), pending.expiresAt(), InvitationState.HANDED_OVER);
        invitations.seed(List.of(pending, partners,
                TestInvitations.of("i-answered", CUSTOMER, InvitationState.ANSWERED, clock.instant()),
                TestInvitations.of("i-other", new CustomerId("C-other"), InvitationState.PENDING, clock.instant())));

        EraseCustomerSurveyDataUseCase.Outcome outcome =
                erase.erase(new EraseCustomerSurveyDataUseCase.Command(CUSTOMER, "key-admin"));

        assertEquals(new EraseCustomerSurveyDataUseCase.Outcome(3), outcome);
        assertEquals(List.of(), invitations.findByCustomer(CUSTOMER));
        assertEquals(1, invitations.findByCustomer(new CustomerId("C-other")).size(), "nobody else's");
        assertEquals(List.of(CUSTOMER), locks.locked, "locked as the intake locks it");
        assertEquals(List.of(new PartnerChange(PARTNER, "i-partner", PartnerChange.Kind.WITHDRAWN, clock.instant())),
                feed.entries.stream().map(FeedEntry::change).toList());
        AuditEntry entry = audit.last();
        assertEquals(AuditEntry.Action.ERASE_CUSTOMER_DATA, entry.action());
        assertEquals(Optional.empty(), entry.partnerId());
        assertEquals("key-admin", entry.keyId());
        assertEquals(List.of("i-open", "i-partner", "i-answered"), entry.recordIds());
        assertTrue(entry.toString().indexOf(CUSTOMER.value()) < 0, "the audit does not name the customer");
    }

    @Test
    void theCustomersAnswersStayDeidentifiedTheirFollowUpsAndInterviewAcceptancesGo() {
        invitations.seed(List.of(TestInvitations.of("i-answered", CUSTOMER, InvitationState.ANSWERED, clock.instant()),
                TestInvitations.of("i-kept", new CustomerId("C-other"), InvitationState.ANSWERED, clock.instant())));
        transactions.inTransaction(() -> {
            answers.insert(answer("a-mine", CUSTOMER, "i-answered"));
            answers.insert(answer("a-other", new CustomerId("C-other"), "i-kept"));
            followUps.insert(FollowUp.open("f-mine", "a-mine", new SurveyId("S-1"), Optional.empty(), clock.instant()));
            followUps.insert(FollowUp.open("f-other", "a-other", new SurveyId("S-1"), Optional.empty(),
                    clock.instant()));
            acceptances.insert("i-answered", new OnsiteAcceptance.Declined(), clock.instant());
            acceptances.insert("i-kept", new OnsiteAcceptance.Declined(), clock.instant());
            return null;
        });

        erase.erase(new EraseCustomerSurveyDataUseCase.Command(CUSTOMER, "key-admin"));

        assertFalse(answers.find("a-mine").orElseThrow().linked(), "the answer stays, without its customer");
        assertTrue(answers.find("a-other").orElseThrow().linked());
        assertEquals(List.of("f-other"), followUps.followUps.stream().map(FollowUp::id).toList());
        assertEquals(List.of("i-kept"), List.copyOf(acceptances.byInvitation.keySet()));
    }

    private StoredAnswer.IdentifiedAnswer answer(String answerId, CustomerId customer, String invitationId) {
        return new StoredAnswer.IdentifiedAnswer(answerId, new AnswerContext(new SurveyId("S-1"), Optional.empty(),
                new Controller("OP-Retail"), Language.FI), customer, invitationId, new NpsScore(1), Optional.empty(),
                true, clock.instant());
    }
}

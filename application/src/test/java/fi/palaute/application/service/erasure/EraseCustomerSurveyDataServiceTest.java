package fi.palaute.application.service.erasure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.application.fakes.FakeTransactions;
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
    private final EraseCustomerSurveyDataService erase =
            new EraseCustomerSurveyDataService(transactions, locks, invitations, feed, audit, clock);

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
}

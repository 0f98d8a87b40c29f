package fi.palaute.application.service.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.application.fakes.FakeTransactions;
import fi.palaute.application.fakes.InMemoryAnswers;
import fi.palaute.application.fakes.InMemoryAuditLog;
import fi.palaute.application.fakes.InMemoryFollowUps;
import fi.palaute.application.fakes.MutableClock;
import fi.palaute.application.port.in.lifecycle.ApplyRetentionUseCase;
import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.followup.FollowUp;
import fi.palaute.domain.followup.FollowUpState;
import fi.palaute.domain.invitation.Controller;
import fi.palaute.domain.partner.AuditEntry;
import fi.palaute.domain.response.AnswerContext;
import fi.palaute.domain.response.NpsScore;
import fi.palaute.domain.response.StoredAnswer;
import fi.palaute.domain.survey.Language;
import fi.palaute.domain.survey.SurveyId;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Periods counted in the Finnish calendar from the injected clock. */
class ApplyRetentionServiceTest {

    // 2026-11-25 12:00 in Helsinki (UTC+2): 24 months back is 2024-11-25 12:00 Helsinki, 10:00Z
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final FakeTransactions transactions = new FakeTransactions();
    private final InMemoryAnswers answers = new InMemoryAnswers(transactions);
    private final InMemoryFollowUps followUps = new InMemoryFollowUps(transactions, answers);
    private final InMemoryAuditLog audit = new InMemoryAuditLog(transactions);
    private final ApplyRetentionService retention = new ApplyRetentionService(transactions, answers, followUps, audit,
            RetentionPeriods.DEFAULT, clock);

    @Test
    void answersOlderThan24MonthsLoseTheirCustomerAndTheirOpenFollowUpsAreCancelled() {
        Instant justOlder = Instant.parse("2024-11-25T09:59:59Z");
        Instant justYounger = Instant.parse("2024-11-25T10:00:00Z");
        store("a-old", justOlder);
        store("a-young", justYounger);

        ApplyRetentionUseCase.Outcome outcome = retention.apply();

        assertEquals(new ApplyRetentionUseCase.Outcome(1, 1, 0), outcome);
        assertFalse(answers.find("a-old").orElseThrow().linked());
        assertTrue(answers.find("a-young").orElseThrow().linked());
        assertEquals(FollowUpState.CANCELLED, followUps.find("f-a-old").orElseThrow().followUp().state());
        assertEquals(Optional.empty(), followUps.find("f-a-old").orElseThrow().customerId());
        assertEquals(FollowUpState.OPEN, followUps.find("f-a-young").orElseThrow().followUp().state());
        assertEquals(new ApplyRetentionUseCase.Outcome(0, 0, 0), retention.apply(), "nothing twice");
    }

    @Test
    void auditEntriesOlderThanFiveYearsGo() {
        transactions.inTransaction(() -> {
            audit.append(entry("e-old", Instant.parse("2021-11-25T09:59:59Z")));
            audit.append(entry("e-kept", Instant.parse("2021-11-25T10:00:00Z")));
            return null;
        });

        assertEquals(1, retention.apply().auditEntriesRemoved());
        assertEquals(List.of("e-kept"), audit.entries.stream().map(AuditEntry::entryId).toList());
    }

    @Test
    void shorterPeriodsAreSettings() {
        ApplyRetentionService monthly = new ApplyRetentionService(transactions, answers, followUps, audit,
                new RetentionPeriods(Period.ofMonths(1), Period.ofYears(1)), clock);
        store("a-six-weeks", Instant.parse("2026-10-14T10:00:00Z"));

        assertEquals(1, monthly.apply().answersDeidentified());
    }

    private void store(String answerId, Instant at) {
        transactions.inTransaction(() -> {
            answers.insert(new StoredAnswer.IdentifiedAnswer(answerId, new AnswerContext(new SurveyId("S-1"),
                    Optional.empty(), new Controller("OP-Retail"), Language.FI), new CustomerId("C-" + answerId),
                    "i-" + answerId, new NpsScore(2), Optional.empty(), true, at));
            followUps.insert(FollowUp.open("f-" + answerId, answerId, new SurveyId("S-1"), Optional.empty(), at));
            return null;
        });
    }

    private static AuditEntry entry(String id, Instant at) {
        return new AuditEntry(id, Optional.of(new PartnerId("p")), "key", AuditEntry.Action.READ_CHANGES, List.of(),
                at, AuditEntry.Outcome.OK);
    }
}

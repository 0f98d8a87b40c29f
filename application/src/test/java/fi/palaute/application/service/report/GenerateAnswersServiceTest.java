package fi.palaute.application.service.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.application.fakes.FakeTransactions;
import fi.palaute.application.fakes.InMemoryAnswers;
import fi.palaute.application.fakes.MutableClock;
import fi.palaute.application.port.in.report.GenerateAnswersUseCase;
import fi.palaute.domain.response.NpsCounts;
import fi.palaute.domain.response.NpsSummary;
import fi.palaute.domain.response.StoredAnswer;
import fi.palaute.domain.survey.Channel;
import fi.palaute.domain.survey.SurveyId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GenerateAnswersServiceTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final FakeTransactions transactions = new FakeTransactions();
    private final InMemoryAnswers answers = new InMemoryAnswers(transactions);
    private final GenerateAnswersService generate = new GenerateAnswersService(transactions, answers, clock);

    private List<StoredAnswer.IdentifiedAnswer> generated(long count, long seed) {
        answers.identified.clear();
        generate.generate(new GenerateAnswersUseCase.Command(new SurveyId("S-demo"), count, 12, seed));
        return answers.identified.stream().map(InMemoryAnswers.Row::answer).toList();
    }

    @Test
    void storesTheCountInChunksSpreadOverTheMonthsWithoutComments() {
        int transactionsBefore = transactions.count();
        List<StoredAnswer.IdentifiedAnswer> stored = generated(12_001, 7);

        assertEquals(12_001, stored.size());
        assertEquals(3, transactions.count() - transactionsBefore, "5,000 a transaction");
        Instant earliest = clock.instant().minus(Duration.ofDays(360));
        assertTrue(stored.stream().allMatch(a -> !a.answeredAt().isBefore(earliest)
                && !a.answeredAt().isAfter(clock.instant())));
        assertTrue(stored.stream().allMatch(a -> a.comment().isEmpty() && !a.contactAllowed()));
        assertTrue(stored.stream().allMatch(a -> a.customerId().value().startsWith("gen-")));
    }

    @Test
    void theSameSeedGivesTheSameAnswers() {
        assertEquals(generated(500, 42), generated(500, 42));
    }

    @Test
    void eachChannelHasItsOwnNpsAndTheMobileAppImproves() {
        List<StoredAnswer.IdentifiedAnswer> stored = generated(60_000, 1);
        Instant middle = clock.instant().minus(Duration.ofDays(180));

        double chat = nps(stored, Channel.CHAT, Instant.MIN, Instant.MAX);
        double branch = nps(stored, Channel.BRANCH, Instant.MIN, Instant.MAX);
        double appEarly = nps(stored, Channel.MOBILE_APP, Instant.MIN, middle);
        double appLate = nps(stored, Channel.MOBILE_APP, middle, Instant.MAX);

        assertEquals(11.5, chat, 5, "chat drifts 5 → 18");
        assertEquals(43.5, branch, 5);
        assertTrue(appLate > appEarly + 5, appEarly + " → " + appLate);
    }

    private static double nps(List<StoredAnswer.IdentifiedAnswer> answers, Channel channel, Instant from, Instant to) {
        NpsCounts counts = NpsCounts.NONE;
        for (StoredAnswer.IdentifiedAnswer answer : answers) {
            if (answer.context().channel().orElseThrow() == channel && !answer.answeredAt().isBefore(from)
                    && answer.answeredAt().isBefore(to)) {
                counts = counts.plus(answer.score());
            }
        }
        return ((NpsSummary.Measured) NpsSummary.of(counts)).nps();
    }
}

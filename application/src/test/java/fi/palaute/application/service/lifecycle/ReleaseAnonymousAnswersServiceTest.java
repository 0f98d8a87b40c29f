package fi.palaute.application.service.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.palaute.application.fakes.FakeTransactions;
import fi.palaute.application.fakes.InMemoryAnswers;
import fi.palaute.application.fakes.MutableClock;
import fi.palaute.domain.invitation.Controller;
import fi.palaute.domain.response.AnswerContext;
import fi.palaute.domain.response.NpsScore;
import fi.palaute.domain.response.StoredAnswer;
import fi.palaute.domain.shared.Ids;
import fi.palaute.domain.shared.IsoWeek;
import fi.palaute.domain.survey.Language;
import fi.palaute.domain.survey.SurveyId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReleaseAnonymousAnswersServiceTest {

    // Wednesday of 2026-W48
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-25T10:00:00Z"));
    private final FakeTransactions transactions = new FakeTransactions();
    private final InMemoryAnswers answers = new InMemoryAnswers(transactions);
    private final ReleaseAnonymousAnswersService release =
            new ReleaseAnonymousAnswersService(transactions, answers, 3, clock);

    @Test
    void heldAnswersWaitForAFullBatch() {
        hold(2);
        assertEquals(0, release.release());
        assertEquals(0, answers.anonymous.size());

        hold(1);
        assertEquals(3, release.release(), "three make a batch");
        assertEquals(3, answers.anonymous.size());
        assertEquals(0, answers.heldAnonymous.size());
        assertEquals(0, release.release(), "each moves once");
    }

    @Test
    void aQuietSurveysAnswersAreReleasedWhenTheirWeekHasEnded() {
        hold(1);
        clock.advance(Duration.ofDays(4)); // Sunday 29 November, still 2026-W48 in Helsinki
        assertEquals(0, release.release());
        clock.advance(Duration.ofDays(1)); // Monday: 2026-W49
        assertEquals(1, release.release());
    }

    private void hold(int count) {
        transactions.inTransaction(() -> {
            for (int i = 0; i < count; i++) {
                answers.insert(new StoredAnswer.AnonymousAnswer(Ids.newRandomId(), new AnswerContext(
                        new SurveyId("S-1"), Optional.empty(), new Controller("OP"), Language.FI), new NpsScore(8),
                        Optional.empty(), IsoWeek.containing(clock.instant())));
            }
            return null;
        });
    }
}

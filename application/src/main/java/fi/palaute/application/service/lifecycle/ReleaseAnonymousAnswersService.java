package fi.palaute.application.service.lifecycle;

import fi.palaute.application.port.in.lifecycle.ReleaseAnonymousAnswersUseCase;
import fi.palaute.application.port.out.AnswerRepository;
import fi.palaute.application.port.out.TransactionRunner;
import fi.palaute.domain.shared.IsoWeek;
import java.time.Clock;
import java.util.Objects;

/**
 * Releases held anonymous answers once there are at least {@code minimumBatch} of them, so a batch hides each of
 * its answers among the others, or once their week has ended, so a quiet survey's answers still count.
 */
public final class ReleaseAnonymousAnswersService implements ReleaseAnonymousAnswersUseCase {

    public static final int DEFAULT_MINIMUM_BATCH = 10;

    private final TransactionRunner transactions;
    private final AnswerRepository answers;
    private final int minimumBatch;
    private final Clock clock;

    public ReleaseAnonymousAnswersService(TransactionRunner transactions, AnswerRepository answers, int minimumBatch,
            Clock clock) {
        if (minimumBatch < 1) {
            throw new IllegalArgumentException("a batch holds at least one answer");
        }
        this.transactions = Objects.requireNonNull(transactions);
        this.answers = Objects.requireNonNull(answers);
        this.minimumBatch = minimumBatch;
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public int release() {
        IsoWeek currentWeek = IsoWeek.containing(clock.instant());
        return transactions.inTransaction(() -> answers.releaseHeldAnonymousAnswers(minimumBatch, currentWeek));
    }
}

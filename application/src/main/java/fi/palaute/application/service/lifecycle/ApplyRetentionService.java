package fi.palaute.application.service.lifecycle;

import fi.palaute.application.port.in.lifecycle.ApplyRetentionUseCase;
import fi.palaute.application.port.out.AnswerRepository;
import fi.palaute.application.port.out.AuditLog;
import fi.palaute.application.port.out.FollowUpRepository;
import fi.palaute.application.port.out.TransactionRunner;
import fi.palaute.domain.shared.FinnishTime;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * Periods are counted in the bank's calendar (24 months back from today in Finland). A follow-up still open when its
 * answer loses the customer link is cancelled first: no one could contact the customer any more.
 */
public final class ApplyRetentionService implements ApplyRetentionUseCase {

    private final TransactionRunner transactions;
    private final AnswerRepository answers;
    private final FollowUpRepository followUps;
    private final AuditLog audit;
    private final RetentionPeriods periods;
    private final Clock clock;

    public ApplyRetentionService(TransactionRunner transactions, AnswerRepository answers,
            FollowUpRepository followUps, AuditLog audit, RetentionPeriods periods, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions);
        this.answers = Objects.requireNonNull(answers);
        this.followUps = Objects.requireNonNull(followUps);
        this.audit = Objects.requireNonNull(audit);
        this.periods = Objects.requireNonNull(periods);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Outcome apply() {
        Instant now = clock.instant();
        Instant answerCutoff = now.atZone(FinnishTime.ZONE).minus(periods.answerCustomerLink()).toInstant();
        Instant auditCutoff = now.atZone(FinnishTime.ZONE).minus(periods.auditLog()).toInstant();
        return transactions.inTransaction(() -> {
            int cancelled = followUps.cancelActiveOpenedBefore(answerCutoff, now);
            int deidentified = answers.deidentifyAnsweredBefore(answerCutoff);
            int removed = audit.removeBefore(auditCutoff);
            return new Outcome(deidentified, cancelled, removed);
        });
    }
}

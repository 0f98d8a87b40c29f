package fi.palaute.application.service.followup;

import fi.palaute.application.port.in.followup.CloseFollowUpUseCase;
import fi.palaute.application.port.out.FollowUpRepository;
import fi.palaute.application.port.out.TransactionRunner;
import fi.palaute.domain.followup.FollowUpOutcome;
import fi.palaute.domain.followup.FollowUpView;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

public final class CloseFollowUpService implements CloseFollowUpUseCase {

    private final TransactionRunner transactions;
    private final FollowUpRepository followUps;
    private final Clock clock;

    public CloseFollowUpService(TransactionRunner transactions, FollowUpRepository followUps, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions);
        this.followUps = Objects.requireNonNull(followUps);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Result close(String followUpId, FollowUpOutcome outcome) {
        return transactions.inTransaction(() -> {
            boolean closed = followUps.close(followUpId, outcome, clock.instant());
            Optional<FollowUpView> now = followUps.find(followUpId);
            if (now.isEmpty()) {
                return new NotFound();
            }
            return closed ? new Closed(now.get()) : new AlreadyEnded(now.get().followUp().state());
        });
    }
}

package fi.palaute.application.service.followup;

import fi.palaute.application.port.in.followup.TakeFollowUpUseCase;
import fi.palaute.application.port.out.FollowUpRepository;
import fi.palaute.application.port.out.TransactionRunner;
import fi.palaute.domain.consent.AgentId;
import fi.palaute.domain.followup.FollowUpView;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;

/** One conditional statement takes it, so of two agents taking one follow-up at once exactly one does. */
public final class TakeFollowUpService implements TakeFollowUpUseCase {

    private final TransactionRunner transactions;
    private final FollowUpRepository followUps;
    private final Clock clock;

    public TakeFollowUpService(TransactionRunner transactions, FollowUpRepository followUps, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions);
        this.followUps = Objects.requireNonNull(followUps);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Result take(String followUpId, AgentId agent) {
        return transactions.inTransaction(() -> {
            boolean taken = followUps.take(followUpId, agent, clock.instant());
            Optional<FollowUpView> now = followUps.find(followUpId);
            if (now.isEmpty()) {
                return new NotFound();
            }
            return taken ? new Taken(now.get()) : new NotOpen(now.get().followUp().state());
        });
    }
}

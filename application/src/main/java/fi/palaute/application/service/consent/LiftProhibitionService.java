package fi.palaute.application.service.consent;

import fi.palaute.application.port.in.consent.LiftProhibitionCommand;
import fi.palaute.application.port.in.consent.LiftProhibitionResult;
import fi.palaute.application.port.in.consent.LiftProhibitionUseCase;
import fi.palaute.application.port.out.ProhibitionHistoryRepository;
import fi.palaute.application.port.out.ProhibitionRepository;
import fi.palaute.application.port.out.TransactionRunner;
import fi.palaute.domain.consent.ProhibitionChange;
import fi.palaute.domain.shared.Ids;
import java.time.Clock;
import java.util.Objects;

public final class LiftProhibitionService implements LiftProhibitionUseCase {

    private final TransactionRunner transactions;
    private final ProhibitionRepository prohibitions;
    private final ProhibitionHistoryRepository history;
    private final Clock clock;

    public LiftProhibitionService(
            TransactionRunner transactions,
            ProhibitionRepository prohibitions,
            ProhibitionHistoryRepository history,
            Clock clock) {
        this.transactions = Objects.requireNonNull(transactions);
        this.prohibitions = Objects.requireNonNull(prohibitions);
        this.history = Objects.requireNonNull(history);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public LiftProhibitionResult lift(LiftProhibitionCommand command) {
        return transactions.inTransaction(() -> prohibitions.remove(command.customerId())
                .<LiftProhibitionResult>map(was -> {
                    history.append(ProhibitionChange.lifted(
                            Ids.newId(clock), command.customerId(), command.by(), clock.instant()));
                    return new LiftProhibitionResult.Lifted(was);
                })
                .orElseGet(LiftProhibitionResult.WasNotSet::new));
    }
}

package fi.palaute.application.service.consent;

import fi.palaute.application.port.in.consent.SetProhibitionCommand;
import fi.palaute.application.port.in.consent.SetProhibitionResult;
import fi.palaute.application.port.in.consent.SetProhibitionUseCase;
import fi.palaute.application.port.out.ProhibitionHistoryRepository;
import fi.palaute.application.port.out.ProhibitionRepository;
import fi.palaute.application.port.out.TransactionRunner;
import fi.palaute.domain.consent.Prohibition;
import fi.palaute.domain.consent.ProhibitionChange;
import fi.palaute.domain.shared.Ids;
import java.time.Clock;
import java.util.Objects;

public final class SetProhibitionService implements SetProhibitionUseCase {

    private final TransactionRunner transactions;
    private final ProhibitionRepository prohibitions;
    private final ProhibitionHistoryRepository history;
    private final Clock clock;

    public SetProhibitionService(
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
    public SetProhibitionResult set(SetProhibitionCommand command) {
        return transactions.inTransaction(() -> {
            Prohibition wanted = new Prohibition(command.customerId(), command.by(), clock.instant());
            if (!prohibitions.insertIfAbsent(wanted)) {
                Prohibition inForce = prohibitions.find(command.customerId()).orElseThrow(
                        () -> new IllegalStateException("a prohibition vanished inside its own transaction"));
                return new SetProhibitionResult.AlreadySet(inForce);
            }
            history.append(ProhibitionChange.set(Ids.newId(clock), wanted));
            // R-OPTOUT: the invitations issue withdraws this customer's pending invitations and cancels open
            // follow-ups here, inside this same transaction, so no invitation can outlive the prohibition.
            return new SetProhibitionResult.NewlySet(wanted);
        });
    }
}

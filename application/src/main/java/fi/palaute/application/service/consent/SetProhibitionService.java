package fi.palaute.application.service.consent;

import fi.palaute.application.port.in.consent.SetProhibitionCommand;
import fi.palaute.application.port.in.consent.SetProhibitionResult;
import fi.palaute.application.port.in.consent.SetProhibitionUseCase;
import fi.palaute.application.port.out.CustomerLocks;
import fi.palaute.application.port.out.FollowUpRepository;
import fi.palaute.application.port.out.InvitationRepository;
import fi.palaute.application.port.out.PartnerChangeFeed;
import fi.palaute.application.port.out.ProhibitionHistoryRepository;
import fi.palaute.application.port.out.ProhibitionRepository;
import fi.palaute.application.port.out.TransactionRunner;
import fi.palaute.domain.consent.Prohibition;
import fi.palaute.domain.consent.ProhibitionChange;
import fi.palaute.domain.partner.PartnerChange;
import fi.palaute.domain.shared.Ids;
import java.time.Clock;
import java.util.List;
import java.util.Objects;

public final class SetProhibitionService implements SetProhibitionUseCase {

    private final TransactionRunner transactions;
    private final ProhibitionRepository prohibitions;
    private final ProhibitionHistoryRepository history;
    private final CustomerLocks customerLocks;
    private final InvitationRepository invitations;
    private final PartnerChangeFeed partnerChanges;
    private final FollowUpRepository followUps;
    private final Clock clock;

    public SetProhibitionService(
            TransactionRunner transactions,
            ProhibitionRepository prohibitions,
            ProhibitionHistoryRepository history,
            CustomerLocks customerLocks,
            InvitationRepository invitations,
            PartnerChangeFeed partnerChanges,
            FollowUpRepository followUps,
            Clock clock) {
        this.transactions = Objects.requireNonNull(transactions);
        this.prohibitions = Objects.requireNonNull(prohibitions);
        this.history = Objects.requireNonNull(history);
        this.customerLocks = Objects.requireNonNull(customerLocks);
        this.invitations = Objects.requireNonNull(invitations);
        this.partnerChanges = Objects.requireNonNull(partnerChanges);
        this.followUps = Objects.requireNonNull(followUps);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public SetProhibitionResult set(SetProhibitionCommand command) {
        return transactions.inTransaction(() -> {
            // The same lock the intake takes: an event for this customer deciding on another node either commits
            // its invitation before this withdraws it, or waits and then sees the prohibition.
            customerLocks.lock(List.of(command.customerId()));
            Prohibition wanted = new Prohibition(command.customerId(), command.by(), clock.instant());
            if (!prohibitions.insertIfAbsent(wanted)) {
                Prohibition inForce = prohibitions.find(command.customerId()).orElseThrow(
                        () -> new IllegalStateException("a prohibition vanished inside its own transaction"));
                return new SetProhibitionResult.AlreadySet(inForce);
            }
            history.append(ProhibitionChange.set(Ids.newId(clock), wanted));
            // R-OPTOUT: in this same transaction, so no invitation outlives the prohibition, and each partner's
            // feed says so as it commits; and no one calls them about an earlier answer either.
            List<PartnerChange> withdrawn = PartnerChange.forEnded(
                    invitations.withdrawOpen(command.customerId(), wanted.since()), PartnerChange.Kind.WITHDRAWN,
                    wanted.since());
            if (!withdrawn.isEmpty()) {
                partnerChanges.append(withdrawn);
            }
            followUps.cancelActiveOfCustomer(command.customerId(), wanted.since());
            return new SetProhibitionResult.NewlySet(wanted);
        });
    }
}

package fi.palaute.application.service.lifecycle;

import fi.palaute.application.port.in.lifecycle.ExpireInvitationsUseCase;
import fi.palaute.application.port.out.InvitationRepository;
import fi.palaute.application.port.out.PartnerChangeFeed;
import fi.palaute.application.port.out.TransactionRunner;
import fi.palaute.domain.invitation.Invitation;
import fi.palaute.domain.partner.PartnerChange;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

public final class ExpireInvitationsService implements ExpireInvitationsUseCase {

    private final TransactionRunner transactions;
    private final InvitationRepository invitations;
    private final PartnerChangeFeed partnerChanges;
    private final Clock clock;

    public ExpireInvitationsService(TransactionRunner transactions, InvitationRepository invitations,
            PartnerChangeFeed partnerChanges, Clock clock) {
        this.transactions = Objects.requireNonNull(transactions);
        this.invitations = Objects.requireNonNull(invitations);
        this.partnerChanges = Objects.requireNonNull(partnerChanges);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Outcome expireDue() {
        return transactions.inTransaction(() -> {
            Instant now = clock.instant();
            List<Invitation> expired = invitations.expireDue(now);
            List<PartnerChange> changes = PartnerChange.forEnded(expired, PartnerChange.Kind.EXPIRED, now);
            if (!changes.isEmpty()) {
                partnerChanges.append(changes);
            }
            return new Outcome(expired.size(), invitations.eraseEndedContactPoints());
        });
    }
}

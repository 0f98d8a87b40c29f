package fi.palaute.application.service.delivery;

import fi.palaute.application.port.in.delivery.ListReadyInvitationsQuery;
import fi.palaute.application.port.in.delivery.ListReadyInvitationsUseCase;
import fi.palaute.application.port.in.delivery.ReadyInvitationsPage;
import fi.palaute.domain.partner.AuditEntry;
import fi.palaute.domain.partner.PartnerInvitation;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

public final class ListReadyInvitationsService implements ListReadyInvitationsUseCase {

    private final DeliveryStores stores;
    private final Clock clock;

    public ListReadyInvitationsService(DeliveryStores stores, Clock clock) {
        this.stores = Objects.requireNonNull(stores);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public ReadyInvitationsPage list(ListReadyInvitationsQuery query) {
        return stores.transactions().inTransaction(() -> {
            // one more than asked tells whether another page follows
            List<PartnerInvitation> found = stores.invitations().findReadyForPartner(
                    query.caller().partnerId(), clock.instant(), query.after(), query.limit() + 1);
            List<PartnerInvitation> page = found.subList(0, Math.min(found.size(), query.limit()));
            Optional<String> next = found.size() > query.limit()
                    ? Optional.of(page.get(page.size() - 1).invitationId()) : Optional.empty();
            PartnerAudit.record(stores.audit(), clock, query.caller(), AuditEntry.Action.LIST_INVITATIONS,
                    page.stream().map(PartnerInvitation::invitationId).toList(), AuditEntry.Outcome.OK);
            return new ReadyInvitationsPage(page, next);
        });
    }
}

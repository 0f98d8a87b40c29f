package fi.palaute.application.service.delivery;

import fi.palaute.application.port.in.delivery.PartnerCaller;
import fi.palaute.application.port.in.delivery.ShowPartnerInvitationUseCase;
import fi.palaute.domain.partner.AuditEntry;
import fi.palaute.domain.partner.PartnerInvitation;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

public final class ShowPartnerInvitationService implements ShowPartnerInvitationUseCase {

    private final DeliveryStores stores;
    private final Clock clock;

    public ShowPartnerInvitationService(DeliveryStores stores, Clock clock) {
        this.stores = Objects.requireNonNull(stores);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Optional<PartnerInvitation> show(PartnerCaller caller, String invitationId) {
        return stores.transactions().inTransaction(() -> {
            Optional<PartnerInvitation> found = stores.invitations().findForPartner(caller.partnerId(), invitationId);
            PartnerAudit.record(stores.audit(), clock, caller, AuditEntry.Action.SHOW_INVITATION,
                    found.map(i -> List.of(i.invitationId())).orElse(List.of()),
                    found.isPresent() ? AuditEntry.Outcome.OK : AuditEntry.Outcome.NOT_FOUND);
            return found;
        });
    }
}

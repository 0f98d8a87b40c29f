package fi.palaute.application.service.delivery;

import fi.palaute.application.port.in.delivery.PartnerCaller;
import fi.palaute.application.port.in.delivery.ReportDeliveryUseCase;
import fi.palaute.domain.invitation.EligibilityFacts;
import fi.palaute.domain.invitation.Invitation;
import fi.palaute.domain.invitation.InvitationState;
import fi.palaute.domain.partner.AuditEntry;
import fi.palaute.domain.partner.DeliveryReport;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

public final class ReportDeliveryService implements ReportDeliveryUseCase {

    private final DeliveryStores stores;
    private final Clock clock;

    public ReportDeliveryService(DeliveryStores stores, Clock clock) {
        this.stores = Objects.requireNonNull(stores);
        this.clock = Objects.requireNonNull(clock);
    }

    @Override
    public Result report(PartnerCaller caller, String invitationId, DeliveryReport report) {
        return stores.transactions().inTransaction(() -> {
            Optional<Invitation> found = stores.invitations().lockForPartner(caller.partnerId(), invitationId);
            if (found.isEmpty()) {
                PartnerAudit.record(stores.audit(), clock, caller, AuditEntry.Action.REPORT_DELIVERY, List.of(),
                        AuditEntry.Outcome.NOT_FOUND);
                return new NotFound();
            }
            Invitation invitation = found.get();
            Result refusal = null;
            if (report.at().isAfter(clock.instant().plus(EligibilityFacts.CLOCK_SKEW))) {
                refusal = new TimeInFuture();
            } else if (invitation.state() != InvitationState.HANDED_OVER) {
                refusal = new NotHandedOver(invitation.state());
            }
            if (refusal != null) {
                PartnerAudit.record(stores.audit(), clock, caller, AuditEntry.Action.REPORT_DELIVERY,
                        List.of(invitation.id()), AuditEntry.Outcome.REFUSED);
                return refusal;
            }
            stores.invitations().recordDelivery(invitation.id(), report);
            PartnerAudit.record(stores.audit(), clock, caller, AuditEntry.Action.REPORT_DELIVERY,
                    List.of(invitation.id()), AuditEntry.Outcome.OK);
            return new Recorded();
        });
    }
}

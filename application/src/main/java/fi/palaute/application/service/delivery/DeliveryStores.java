package fi.palaute.application.service.delivery;

import fi.palaute.application.port.out.AuditLog;
import fi.palaute.application.port.out.InvitationRepository;
import fi.palaute.application.port.out.TransactionRunner;
import java.util.Objects;

/** The out-ports every partner-facing use case works through: each one writes its audit entry in its transaction. */
public record DeliveryStores(TransactionRunner transactions, InvitationRepository invitations, AuditLog audit) {

    public DeliveryStores {
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(invitations, "invitations");
        Objects.requireNonNull(audit, "audit");
    }
}

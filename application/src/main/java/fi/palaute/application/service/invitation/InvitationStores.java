package fi.palaute.application.service.invitation;

import fi.palaute.application.port.out.BankDeliveryQueue;
import fi.palaute.application.port.out.CustomerLocks;
import fi.palaute.application.port.out.FunnelRepository;
import fi.palaute.application.port.out.InvitationRepository;
import fi.palaute.application.port.out.ProhibitionRepository;
import fi.palaute.application.port.out.TransactionRunner;
import java.util.Objects;

/** The out-ports every use case that makes invitations writes through, gathered so their constructors stay short. */
public record InvitationStores(
        TransactionRunner transactions,
        CustomerLocks customerLocks,
        ProhibitionRepository prohibitions,
        InvitationRepository invitations,
        BankDeliveryQueue bankDeliveryQueue,
        FunnelRepository funnel) {

    public InvitationStores {
        Objects.requireNonNull(transactions, "transactions");
        Objects.requireNonNull(customerLocks, "customerLocks");
        Objects.requireNonNull(prohibitions, "prohibitions");
        Objects.requireNonNull(invitations, "invitations");
        Objects.requireNonNull(bankDeliveryQueue, "bankDeliveryQueue");
        Objects.requireNonNull(funnel, "funnel");
    }
}

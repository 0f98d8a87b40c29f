package fi.palaute.application.port.out;

import fi.palaute.domain.consent.CustomerId;
import java.util.Collection;

/**
 * Serialises the work on one customer across every node: a use case that decides on a customer's invitations (or
 * withdraws them) locks the customer first, and holds the lock until its transaction ends. It is what keeps a
 * prohibition and an event racing on two nodes from leaving an invitation behind, and two events from both passing
 * the rest period. Must be called inside a transaction; locks are taken in a fixed order, so two callers never
 * deadlock on each other's customers.
 */
public interface CustomerLocks {

    void lock(Collection<CustomerId> customers);
}

package fi.palaute.application.port.out;

import java.time.Instant;
import java.util.Collection;

/**
 * Invitations the bank delivers itself, waiting for its sender (the messaging adapter). Writing to it in the same
 * transaction as the invitation is the outbox: nothing is sent that was not committed, nothing committed is lost.
 */
public interface BankDeliveryQueue {

    void markReady(Collection<String> invitationIds, Instant readyAt);

    /** How many are waiting; for health and tests until the sender exists. */
    long countReady();
}

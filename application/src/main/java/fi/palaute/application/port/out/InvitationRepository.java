package fi.palaute.application.port.out;

import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.invitation.Invitation;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public interface InvitationRepository {

    void insertAll(List<Invitation> invitations);

    /**
     * When each of these customers was invited since {@code since}, to any survey and in any state (a withdrawn or
     * answered invitation still asked the customer). Customers never invited are absent from the map.
     */
    Map<CustomerId, List<Instant>> invitedSince(Collection<CustomerId> customers, Instant since);

    /** Marks every open (pending or handed-over) invitation of the customer withdrawn; returns how many. */
    int withdrawOpen(CustomerId customer, Instant at);

    Optional<Invitation> find(String invitationId);

    /** The customer's invitations, oldest first. */
    List<Invitation> findByCustomer(CustomerId customer);
}

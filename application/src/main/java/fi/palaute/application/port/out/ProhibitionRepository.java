package fi.palaute.application.port.out;

import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.consent.Prohibition;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;

/**
 * The prohibitions in force, one per customer at most. The two writes report whether they won, so that two
 * concurrent requests for one customer cannot both record a change, on any database.
 */
public interface ProhibitionRepository {

    Optional<Prohibition> find(CustomerId customerId);

    /** Stores the prohibition unless one is already in force; true when this call stored it. */
    boolean insertIfAbsent(Prohibition prohibition);

    /** Removes the prohibition in force and returns it; empty when there was none. */
    Optional<Prohibition> remove(CustomerId customerId);

    /** Which of these customers have a prohibition in force. */
    Set<CustomerId> findProhibited(Collection<CustomerId> customers);
}

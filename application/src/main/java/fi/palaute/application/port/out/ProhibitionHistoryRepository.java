package fi.palaute.application.port.out;

import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.consent.ProhibitionChange;
import java.util.List;

/** The append-only history of prohibition changes. There is deliberately no way to edit or delete an entry. */
public interface ProhibitionHistoryRepository {

    void append(ProhibitionChange change);

    /**
     * A customer's changes in the order they were appended, which is the order in which they took effect; the
     * times they carry are when each request arrived and may be out of that order by a lock wait or clock skew.
     */
    List<ProhibitionChange> findByCustomer(CustomerId customerId);
}

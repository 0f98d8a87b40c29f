package fi.palaute.application.port.out;

import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.consent.ProhibitionChange;
import java.util.List;

/** The append-only history of prohibition changes. There is deliberately no way to edit or delete an entry. */
public interface ProhibitionHistoryRepository {

    void append(ProhibitionChange change);

    /** A customer's changes, oldest first. */
    List<ProhibitionChange> findByCustomer(CustomerId customerId);
}

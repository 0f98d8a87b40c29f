package fi.palaute.application.port.in.consent;

import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.consent.ProhibitionHistory;

/** Every change of a customer's prohibition, in the order the changes took effect. */
@FunctionalInterface
public interface ShowProhibitionHistoryUseCase {

    ProhibitionHistory history(CustomerId customerId);
}

package fi.palaute.application.port.in.consent;

import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.consent.Prohibition;
import java.util.Optional;

/** The prohibition in force for a customer; empty for a customer who allows surveys or was never seen. */
@FunctionalInterface
public interface ShowProhibitionUseCase {

    Optional<Prohibition> show(CustomerId customerId);
}

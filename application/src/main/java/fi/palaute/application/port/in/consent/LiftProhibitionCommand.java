package fi.palaute.application.port.in.consent;

import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.consent.ProhibitionActor.LiftingActor;
import java.util.Objects;

/** Only a {@link LiftingActor} can lift: a survey link cannot be put here. */
public record LiftProhibitionCommand(CustomerId customerId, LiftingActor by) {

    public LiftProhibitionCommand {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(by, "by");
    }
}

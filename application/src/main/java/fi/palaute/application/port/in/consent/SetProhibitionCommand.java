package fi.palaute.application.port.in.consent;

import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.consent.ProhibitionActor;
import java.util.Objects;

public record SetProhibitionCommand(CustomerId customerId, ProhibitionActor by) {

    public SetProhibitionCommand {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(by, "by");
    }
}

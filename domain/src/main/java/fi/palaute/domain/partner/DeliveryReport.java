package fi.palaute.domain.partner;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** A partner's report of one delivery attempt and when it happened. */
public record DeliveryReport(DeliveryOutcome outcome, Instant at) {

    public DeliveryReport {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(at, "at");
        at = at.truncatedTo(ChronoUnit.MILLIS);
    }
}

package fi.palaute.domain.consent;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** A customer's standing prohibition of surveys: who set it and since when. Absent when the customer allows surveys. */
public record Prohibition(CustomerId customerId, ProhibitionActor setBy, Instant since) {

    public Prohibition {
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(setBy, "setBy");
        since = Objects.requireNonNull(since, "since").truncatedTo(ChronoUnit.MILLIS); // what every database keeps
    }
}

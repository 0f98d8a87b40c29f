package fi.palaute.domain.consent;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/** One entry of a customer's prohibition history. Entries are only ever appended, never edited. */
public record ProhibitionChange(
        String changeId, CustomerId customerId, ProhibitionAction action, ProhibitionActor actor, Instant at) {

    public ProhibitionChange {
        Objects.requireNonNull(changeId, "changeId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(actor, "actor");
        at = Objects.requireNonNull(at, "at").truncatedTo(ChronoUnit.MILLIS); // what every database keeps
        if (action == ProhibitionAction.LIFTED && !(actor instanceof ProhibitionActor.LiftingActor)) {
            throw new IllegalArgumentException(actor.source() + " may set a prohibition but never lift it");
        }
    }

    public static ProhibitionChange set(String changeId, Prohibition prohibition) {
        return new ProhibitionChange(
                changeId, prohibition.customerId(), ProhibitionAction.SET, prohibition.setBy(), prohibition.since());
    }

    public static ProhibitionChange lifted(
            String changeId, CustomerId customerId, ProhibitionActor.LiftingActor by, Instant at) {
        return new ProhibitionChange(changeId, customerId, ProhibitionAction.LIFTED, by, at);
    }
}

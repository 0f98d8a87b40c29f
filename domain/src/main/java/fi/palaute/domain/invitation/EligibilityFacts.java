package fi.palaute.domain.invitation;

import fi.palaute.domain.survey.DeliveryChannel;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Everything the decision for one customer and one survey depends on, gathered by the caller: no lookups happen
 * while deciding. {@code previousInvitations} are the customer's invitation times in every survey.
 * <p>
 * An event that occurred in the future is invalid input, not a decision: it is refused here with
 * {@link IllegalArgumentException}, so the intake can report it (and fail its batch) before anything is decided.
 * Clocks differ by a little, so up to {@link #CLOCK_SKEW} ahead of now is accepted as now.
 */
public record EligibilityFacts(
        Trigger trigger,
        Instant now,
        boolean prohibited,
        List<Instant> previousInvitations,
        ContactFrequency contactFrequency,
        ContactPoints contactPoints,
        DeliveryChannel deliveryChannel) {

    public static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    public EligibilityFacts {
        Objects.requireNonNull(trigger, "trigger");
        Objects.requireNonNull(now, "now");
        previousInvitations = List.copyOf(previousInvitations);
        Objects.requireNonNull(contactFrequency, "contactFrequency");
        Objects.requireNonNull(contactPoints, "contactPoints");
        Objects.requireNonNull(deliveryChannel, "deliveryChannel");
        if (trigger instanceof Trigger.ServiceEvent) {
            requireNotInFuture(((Trigger.ServiceEvent) trigger).occurredAt(), now);
        }
    }

    /** The intake's check of {@code occurredAt}, usable before the facts are gathered. */
    public static void requireNotInFuture(Instant occurredAt, Instant now) {
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(now, "now");
        if (occurredAt.isAfter(now.plus(CLOCK_SKEW))) {
            throw new IllegalArgumentException(
                    "occurredAt must not be in the future (more than " + CLOCK_SKEW.toMinutes() + " minutes ahead)");
        }
    }
}

package fi.palaute.domain.invitation;

import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.survey.Channel;
import fi.palaute.domain.survey.Language;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A matter a customer completed in a service channel (ärende), as the channel reports it. The event id is unique
 * per source; a second event with the same id from the same source is a redelivery.
 */
public record ServiceEvent(
        String eventId,
        CustomerId customerId,
        Channel channel,
        Instant occurredAt,
        Controller controller,
        Language language,
        ContactPoints contactPoints) {

    public static final int MAX_EVENT_ID_LENGTH = 128;
    private static final Pattern EVENT_ID = Pattern.compile("[A-Za-z0-9._:/-]{1," + MAX_EVENT_ID_LENGTH + "}");

    public ServiceEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(customerId, "customerId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(controller, "controller");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(contactPoints, "contactPoints");
        if (!EVENT_ID.matcher(eventId).matches()) {
            throw new IllegalArgumentException("eventId must be 1-" + MAX_EVENT_ID_LENGTH
                    + " letters, digits, '.', '_', ':', '/' or '-'");
        }
        occurredAt = occurredAt.truncatedTo(ChronoUnit.MILLIS);
    }
}

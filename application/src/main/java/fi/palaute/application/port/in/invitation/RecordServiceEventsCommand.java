package fi.palaute.application.port.in.invitation;

import fi.palaute.domain.invitation.ServiceEvent;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One event or a batch of up to {@value #MAX_EVENTS} from one source (the key that delivered them). Event ids are
 * unique within the batch: the same id twice would be a redelivery of itself.
 */
public record RecordServiceEventsCommand(String source, List<ServiceEvent> events) {

    public static final int MAX_EVENTS = 1_000;

    public RecordServiceEventsCommand {
        Objects.requireNonNull(source, "source");
        events = List.copyOf(events);
        if (events.isEmpty() || events.size() > MAX_EVENTS) {
            throw new IllegalArgumentException("a batch holds 1-" + MAX_EVENTS + " events");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < events.size(); i++) {
            if (!seen.add(events.get(i).eventId())) {
                throw new IllegalArgumentException("events[" + i + "].eventId: appears earlier in the same batch");
            }
        }
    }
}

package fi.palaute.application.port.in.invitation;

import fi.palaute.domain.invitation.SurveyDecision;
import java.util.List;
import java.util.Objects;

public sealed interface RecordServiceEventsResult {

    /** One outcome per event, in the order they came. */
    record Recorded(List<EventOutcome> outcomes) implements RecordServiceEventsResult {
        public Recorded {
            outcomes = List.copyOf(outcomes);
        }
    }

    /** One event is invalid at the time of arrival (an {@code occurredAt} in the future); nothing was recorded. */
    record Refused(int index, String field, String reason) implements RecordServiceEventsResult {
        public Refused {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * The decisions for one event, one per survey that listened to its channel. A redelivery carries the decisions
     * taken when the event first came, unchanged, and created nothing now.
     */
    record EventOutcome(String eventId, boolean redelivery, List<SurveyDecision> decisions) {
        public EventOutcome {
            Objects.requireNonNull(eventId, "eventId");
            decisions = List.copyOf(decisions);
        }
    }
}

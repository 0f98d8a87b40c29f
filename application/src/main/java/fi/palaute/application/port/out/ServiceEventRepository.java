package fi.palaute.application.port.out;

import fi.palaute.domain.invitation.SurveyDecision;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The events each source has delivered, and the decisions taken on them, kept so a redelivery gets its first
 * decisions back. The source is the key that delivered the event.
 */
public interface ServiceEventRepository {

    /**
     * Records the events not yet seen from this source and returns their ids; ids already recorded (also by a
     * transaction on another node that commits first) are left out. Inside a transaction, a concurrent recording
     * of the same id waits for this one to end.
     */
    Set<String> insertNew(String source, Collection<String> eventIds, Instant receivedAt);

    /** The decisions stored for these events of this source, by event id, in the order they were appended. */
    Map<String, List<SurveyDecision>> decisionsOf(String source, Collection<String> eventIds);

    /**
     * Stores the decisions on events that {@link #insertNew} recorded in this transaction, in this order; all of an
     * event's decisions come in one call.
     */
    void appendDecisions(String source, List<EventDecision> decisions);

    record EventDecision(String eventId, SurveyDecision decision) {
        public EventDecision {
            java.util.Objects.requireNonNull(eventId, "eventId");
            java.util.Objects.requireNonNull(decision, "decision");
        }
    }
}

package fi.palaute.application.fakes;

import fi.palaute.application.port.out.ServiceEventRepository;
import fi.palaute.domain.invitation.SurveyDecision;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

public final class InMemoryServiceEvents implements ServiceEventRepository {

    private final FakeTransactions transactions;
    private final Map<String, Instant> seen = new HashMap<>();
    private final Map<String, List<SurveyDecision>> decisions = new HashMap<>();

    public InMemoryServiceEvents(FakeTransactions transactions) {
        this.transactions = transactions;
    }

    private static String key(String source, String eventId) {
        return source + "\n" + eventId;
    }

    @Override
    public Set<String> insertNew(String source, Collection<String> eventIds, Instant receivedAt) {
        transactions.requireOpen();
        Set<String> fresh = new LinkedHashSet<>();
        for (String id : eventIds) {
            if (seen.putIfAbsent(key(source, id), receivedAt) == null) {
                fresh.add(id);
            }
        }
        return fresh;
    }

    @Override
    public Map<String, List<SurveyDecision>> decisionsOf(String source, Collection<String> eventIds) {
        Map<String, List<SurveyDecision>> found = new HashMap<>();
        for (String id : eventIds) {
            List<SurveyDecision> stored = decisions.get(key(source, id));
            if (stored != null) {
                found.put(id, List.copyOf(stored));
            }
        }
        return found;
    }

    @Override
    public void appendDecisions(String source, List<EventDecision> added) {
        transactions.requireOpen();
        for (EventDecision d : added) {
            if (!seen.containsKey(key(source, d.eventId()))) {
                throw new IllegalStateException("decision for an event that was not recorded");
            }
            decisions.computeIfAbsent(key(source, d.eventId()), k -> new ArrayList<>()).add(d.decision());
        }
    }

    /** True when the event was not recorded before: for tests asking whether an earlier call wrote it. */
    public boolean wasNeverRecorded(String source, String eventId) {
        return !seen.containsKey(key(source, eventId));
    }
}

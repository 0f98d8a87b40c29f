package fi.palaute.adapters.persistence;

import fi.palaute.application.port.out.ServiceEventRepository;
import fi.palaute.domain.invitation.DecisionReason;
import fi.palaute.domain.invitation.SurveyDecision;
import fi.palaute.domain.survey.SurveyId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.Update;

/**
 * The events each source has delivered, and the decisions on them. A redelivery is told by the primary key
 * (source, event_id) alone: the insert that finds the key taken returns nothing for it, in the same statement.
 */
public final class JdbiServiceEventRepository implements ServiceEventRepository {

    private static final RowMapper<DecisionRow> DECISION = ConstructorMapper.of(DecisionRow.class);

    private final Jdbi jdbi;

    JdbiServiceEventRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /**
     * One {@code INSERT ... VALUES (...), (...) ON CONFLICT DO NOTHING RETURNING event_id} per {@link Chunks chunk},
     * the ids sorted first. On PostgreSQL an insert that runs into a key another transaction has inserted but not
     * yet committed waits for it, then inserts nothing (it committed) or inserts after all (it rolled back); since
     * every caller inserts in the same sorted order, two transactions with overlapping ids wait for each other in
     * one direction only and never deadlock. On SQLite the write lock held since BEGIN IMMEDIATE serializes them.
     */
    @Override
    public Set<String> insertNew(String source, Collection<String> eventIds, Instant receivedAt) {
        Objects.requireNonNull(source, "source");
        long at = receivedAt.toEpochMilli();
        List<String> ids = eventIds.stream().distinct().sorted().toList();
        Set<String> inserted = new HashSet<>();
        jdbi.useHandle(handle -> {
            for (List<String> chunk : Chunks.of(ids)) {
                Query insert = handle.createQuery("INSERT INTO service_event (source, event_id, received_at) VALUES "
                        + Chunks.rowsOfParameters(chunk.size(), 3)
                        + " ON CONFLICT (source, event_id) DO NOTHING RETURNING event_id");
                int position = 0;
                for (String id : chunk) {
                    insert.bind(position++, source).bind(position++, id).bind(position++, at);
                }
                insert.mapTo(String.class).forEach(inserted::add);
            }
        });
        return Set.copyOf(inserted);
    }

    /** One SELECT per chunk of ids; an event with no decisions is absent from the map. */
    @Override
    public Map<String, List<SurveyDecision>> decisionsOf(String source, Collection<String> eventIds) {
        Objects.requireNonNull(source, "source");
        Map<String, List<SurveyDecision>> decisions = new LinkedHashMap<>();
        jdbi.useHandle(handle -> {
            for (List<String> chunk : Chunks.of(Set.copyOf(eventIds))) {
                handle.createQuery("""
                                SELECT event_id, survey_id, reason FROM event_decision
                                WHERE source = :source AND event_id IN (<ids>)
                                ORDER BY event_id, ordinal""")
                        .bind("source", source)
                        .bindList("ids", chunk)
                        .map(DECISION)
                        .forEach(row -> decisions.computeIfAbsent(row.eventId(), id -> new ArrayList<>())
                                .add(row.toDomain()));
            }
        });
        Map<String, List<SurveyDecision>> result = new LinkedHashMap<>();
        decisions.forEach((eventId, appended) -> result.put(eventId, List.copyOf(appended)));
        return Collections.unmodifiableMap(result);
    }

    /**
     * One multi-row INSERT per {@link Chunks chunk}, numbering each event's decisions from 0 in the order given: the
     * port hands all of an event's decisions over in one call, from the transaction that recorded the event, so
     * there is nothing stored to continue from (a second call for one event runs into the primary key). No read
     * first: a read of the highest ordinal so far cost more than the rest of the batch on PostgreSQL.
     */
    @Override
    public void appendDecisions(String source, List<EventDecision> decisions) {
        Objects.requireNonNull(source, "source");
        if (decisions.isEmpty()) {
            return;
        }
        Map<String, Integer> next = new HashMap<>();
        jdbi.useHandle(handle -> {
            for (List<EventDecision> chunk : Chunks.of(decisions)) {
                Update insert = handle.createUpdate(
                        "INSERT INTO event_decision (source, event_id, ordinal, survey_id, reason) VALUES "
                                + Chunks.rowsOfParameters(chunk.size(), 5));
                int position = 0;
                for (EventDecision decision : chunk) {
                    int ordinal = next.merge(decision.eventId(), 1, Integer::sum) - 1;
                    insert.bind(position++, source)
                            .bind(position++, decision.eventId())
                            .bind(position++, ordinal)
                            .bind(position++, decision.decision().surveyId().value())
                            .bind(position++, decision.decision().reason().name());
                }
                insert.execute();
            }
        });
    }

    /** A row of {@code event_decision}, less the source asked for and the ordinal it is sorted by. */
    public record DecisionRow(String eventId, String surveyId, String reason) {

        SurveyDecision toDomain() {
            return new SurveyDecision(new SurveyId(surveyId), DecisionReason.valueOf(reason));
        }
    }
}

package fi.palaute.adapters.persistence;

import fi.palaute.adapters.persistence.JdbiProhibitionRepository.ActorColumns;
import fi.palaute.application.port.out.ProhibitionHistoryRepository;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.consent.ProhibitionAction;
import fi.palaute.domain.consent.ProhibitionChange;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/** The append-only history; the database itself refuses UPDATE and DELETE on it (see the V1 migration). */
public final class JdbiProhibitionHistoryRepository implements ProhibitionHistoryRepository {

    private static final RowMapper<ProhibitionChangeRow> ROW = ConstructorMapper.of(ProhibitionChangeRow.class);

    private final Jdbi jdbi;

    JdbiProhibitionHistoryRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public void append(ProhibitionChange change) {
        ProhibitionChangeRow row = ProhibitionChangeRow.of(change);
        jdbi.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO prohibition_history
                            (change_id, customer_id, action, source, agent_id, profile_channel, changed_at)
                        VALUES (:changeId, :customerId, :action, :source, :agentId, :profileChannel, :changedAt)""")
                .bindMethods(row)
                .execute());
    }

    /**
     * In the order of appending ({@code seq}, numbered by the database at insert). Appends for one customer are
     * serialized by the prohibition row they follow (see package-info), so this is the order the changes took
     * effect, on every node; wall-clock times could disagree with it by a lock wait or by clock skew.
     */
    @Override
    public List<ProhibitionChange> findByCustomer(CustomerId customerId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT change_id, customer_id, action, source, agent_id, profile_channel, changed_at
                        FROM prohibition_history
                        WHERE customer_id = :customerId
                        ORDER BY seq""")
                .bind("customerId", customerId.value())
                .map(ROW)
                .map(ProhibitionChangeRow::toDomain)
                .list());
    }

    /** A row of {@code prohibition_history}. */
    public record ProhibitionChangeRow(
            String changeId,
            String customerId,
            String action,
            String source,
            String agentId,
            String profileChannel,
            long changedAt) {

        static ProhibitionChangeRow of(ProhibitionChange change) {
            ActorColumns actor = ActorColumns.of(change.actor());
            return new ProhibitionChangeRow(
                    change.changeId(),
                    change.customerId().value(),
                    change.action().name(),
                    actor.source(),
                    actor.agentId(),
                    actor.profileChannel(),
                    change.at().toEpochMilli());
        }

        ProhibitionChange toDomain() {
            return new ProhibitionChange(
                    changeId,
                    new CustomerId(customerId),
                    ProhibitionAction.valueOf(action),
                    new ActorColumns(source, agentId, profileChannel).toActor(),
                    Instant.ofEpochMilli(changedAt));
        }
    }
}

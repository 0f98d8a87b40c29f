package fi.palaute.adapters.persistence;

import fi.palaute.application.port.out.ProhibitionRepository;
import fi.palaute.domain.consent.AgentId;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.consent.ProfileChannel;
import fi.palaute.domain.consent.Prohibition;
import fi.palaute.domain.consent.ProhibitionActor;
import fi.palaute.domain.consent.ProhibitionSource;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * The prohibitions in force, one row per customer. Both writes are single statements whose result says who won, so
 * two concurrent requests for one customer cannot both change it, whatever the isolation level.
 */
public final class JdbiProhibitionRepository implements ProhibitionRepository {

    private static final RowMapper<ProhibitionRow> ROW = ConstructorMapper.of(ProhibitionRow.class);

    private final Jdbi jdbi;

    JdbiProhibitionRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public Optional<Prohibition> find(CustomerId customerId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT customer_id, source, agent_id, profile_channel, since
                        FROM prohibition
                        WHERE customer_id = :customerId""")
                .bind("customerId", customerId.value())
                .map(ROW)
                .findOne()
                .map(ProhibitionRow::toDomain));
    }

    /**
     * One statement decides: it inserts, or finds a prohibition in force and changes nothing ({@code WHERE false}
     * updates no row). Unlike {@code DO NOTHING}, {@code DO UPDATE} also locks the row it ran into until the caller's
     * transaction ends, so the prohibition that refused this one cannot be lifted by another transaction before the
     * caller reads it (on PostgreSQL at READ COMMITTED; on SQLite the write lock already covers it). Same SQL on both.
     */
    @Override
    public boolean insertIfAbsent(Prohibition prohibition) {
        ProhibitionRow row = ProhibitionRow.of(prohibition);
        int inserted = jdbi.withHandle(handle -> handle.createUpdate("""
                        INSERT INTO prohibition (customer_id, source, agent_id, profile_channel, since)
                        VALUES (:customerId, :source, :agentId, :profileChannel, :since)
                        ON CONFLICT (customer_id) DO UPDATE SET since = prohibition.since WHERE false""")
                .bindMethods(row)
                .execute());
        return inserted == 1;
    }

    @Override
    public Optional<Prohibition> remove(CustomerId customerId) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        DELETE FROM prohibition
                        WHERE customer_id = :customerId
                        RETURNING customer_id, source, agent_id, profile_channel, since""")
                .bind("customerId", customerId.value())
                .map(ROW)
                .findOne()
                .map(ProhibitionRow::toDomain));
    }

    /** One SELECT per {@link Chunks chunk} of ids, by the primary key. */
    @Override
    public Set<CustomerId> findProhibited(Collection<CustomerId> customers) {
        Map<String, CustomerId> byId = new HashMap<>();
        customers.forEach(customer -> byId.put(customer.value(), customer));
        Set<CustomerId> prohibited = new HashSet<>();
        jdbi.useHandle(handle -> {
            for (List<String> chunk : Chunks.of(byId.keySet())) {
                handle.createQuery("SELECT customer_id FROM prohibition WHERE customer_id IN (<ids>)")
                        .bindList("ids", chunk)
                        .mapTo(String.class)
                        .forEach(id -> prohibited.add(byId.get(id)));
            }
        });
        return Set.copyOf(prohibited);
    }

    /** A row of {@code prohibition}; instants as epoch milliseconds, the actor as its three parts. */
    public record ProhibitionRow(
            String customerId, String source, String agentId, String profileChannel, long since) {

        static ProhibitionRow of(Prohibition prohibition) {
            ActorColumns actor = ActorColumns.of(prohibition.setBy());
            return new ProhibitionRow(
                    prohibition.customerId().value(),
                    actor.source(),
                    actor.agentId(),
                    actor.profileChannel(),
                    prohibition.since().toEpochMilli());
        }

        Prohibition toDomain() {
            return new Prohibition(
                    new CustomerId(customerId),
                    new ActorColumns(source, agentId, profileChannel).toActor(),
                    Instant.ofEpochMilli(since));
        }
    }

    /** A {@link ProhibitionActor} as the columns source, agent_id and profile_channel; shared with the history. */
    record ActorColumns(String source, String agentId, String profileChannel) {

        static ActorColumns of(ProhibitionActor actor) {
            return new ActorColumns(
                    actor.source().name(),
                    actor.agent().map(AgentId::value).orElse(null),
                    actor.profileChannel().map(ProfileChannel::name).orElse(null));
        }

        ProhibitionActor toActor() {
            return ProhibitionActor.of(
                    ProhibitionSource.valueOf(source),
                    Optional.ofNullable(agentId).map(AgentId::new),
                    Optional.ofNullable(profileChannel).map(ProfileChannel::valueOf));
        }
    }
}

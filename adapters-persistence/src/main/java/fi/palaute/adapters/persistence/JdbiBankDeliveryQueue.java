package fi.palaute.adapters.persistence;

import fi.palaute.application.port.out.BankDeliveryQueue;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Update;

/**
 * The bank sender's outbox, a row per invitation waiting; written in the transaction that makes the invitations.
 * A withdrawn invitation keeps its row: the sender must check the invitation's state before it sends.
 */
public final class JdbiBankDeliveryQueue implements BankDeliveryQueue {

    private final Jdbi jdbi;

    JdbiBankDeliveryQueue(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /**
     * One multi-row INSERT per {@link Chunks chunk}, ids sorted (so two transactions never wait on each other's keys
     * in opposite orders). An invitation already waiting keeps its first time.
     */
    @Override
    public void markReady(Collection<String> invitationIds, Instant readyAt) {
        long at = readyAt.toEpochMilli();
        List<String> ids = invitationIds.stream().distinct().sorted().toList();
        jdbi.useHandle(handle -> {
            for (List<String> chunk : Chunks.of(ids)) {
                Update insert = handle.createUpdate("INSERT INTO bank_delivery_queue (invitation_id, ready_at) VALUES "
                        + Chunks.rowsOfParameters(chunk.size(), 2) + " ON CONFLICT (invitation_id) DO NOTHING");
                int position = 0;
                for (String id : chunk) {
                    insert.bind(position++, id).bind(position++, at);
                }
                insert.execute();
            }
        });
    }

    @Override
    public long countReady() {
        return jdbi.withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM bank_delivery_queue")
                .mapTo(long.class)
                .one());
    }
}

package fi.palaute.adapters.persistence;

import fi.palaute.application.port.out.CustomerLocks;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.shared.Sha256;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/**
 * Locks customers until the caller's transaction ends, on every node; {@link Database.Vendor#customerLocks} says
 * how. On PostgreSQL: one transaction-scoped advisory lock per distinct customer, taken in ascending key order in one
 * statement, so two callers with overlapping customers wait for each other in one direction only and never
 * deadlock. On SQLite nothing is taken: every transaction begins with BEGIN IMMEDIATE and holds the database's only
 * write lock, which already serializes all the work these locks would. Either way it refuses to run outside a
 * transaction, where no lock would outlive the statement.
 */
public final class JdbiCustomerLocks implements CustomerLocks {

    private static final String KEY_PREFIX = "customer:";

    private final Jdbi jdbi;
    private final Optional<String> lockStatement;

    JdbiCustomerLocks(Jdbi jdbi, Database.Vendor vendor) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.lockStatement = vendor.customerLocks;
    }

    @Override
    public void lock(Collection<CustomerId> customers) {
        Objects.requireNonNull(customers, "customers");
        jdbi.useHandle(handle -> {
            if (!handle.isInTransaction()) {
                throw new IllegalStateException("customers can only be locked inside a transaction");
            }
            Long[] keys = customers.stream().map(JdbiCustomerLocks::keyOf).distinct().sorted().toArray(Long[]::new);
            if (keys.length == 0) {
                return;
            }
            lockStatement.ifPresent(sql -> handle.createQuery(sql).bind("keys", keys).mapToMap().list());
        });
    }

    /**
     * The lock's key: the first 64 bits of SHA-256("customer:" + id), as a signed big-endian long (PostgreSQL's
     * bigint). A collision would only make two customers share a lock.
     */
    static long keyOf(CustomerId customer) {
        byte[] digest = Sha256.digest((KEY_PREFIX + customer.value()).getBytes(StandardCharsets.UTF_8));
        return ByteBuffer.wrap(digest).getLong();
    }
}

package fi.palaute.adapters.persistence;

import static fi.palaute.adapters.persistence.TestData.newCustomer;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.domain.consent.CustomerId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The contract on PostgreSQL, and what only PostgreSQL promises: a lock per customer, taken in key order. */
class PostgresCustomerLocksContractTest extends AbstractCustomerLocksContractTest {

    private String url;

    @Override
    protected Database openDatabase() {
        url = PostgresTestDatabases.createSchema();
        return PostgresTestDatabases.open(url);
    }

    @Override
    protected Database openAnotherNode() {
        return PostgresTestDatabases.open(url);
    }

    @Test
    void anotherCustomerDoesNotWait() throws Exception {
        CustomerId held = newCustomer();
        CustomerId other = newCustomer();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Database otherNode = openAnotherNode()) {
            database.transactions().inTransaction(() -> {
                locks.lock(List.of(held));
                Future<Boolean> elsewhere = pool.submit(() -> otherNode.transactions().inTransaction(() -> {
                    otherNode.customerLocks().lock(List.of(other));
                    return true;
                }));
                assertTrue(assertDoesNotThrow(() -> elsewhere.get(5, TimeUnit.SECONDS)),
                        "a lock on another customer waited for this transaction");
                return null;
            });
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * One call locks 21 customers, given in descending key order, while another transaction holds the one in the
     * middle: it must hold exactly the ten with smaller keys and wait for the middle one, never having reached the
     * larger ones. That is what keeps callers with overlapping sets from deadlocking.
     */
    @Test
    void oneCallTakesItsLocksInAscendingKeyOrder() throws Exception {
        List<CustomerId> byKey = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            byKey.add(newCustomer());
        }
        byKey.sort(Comparator.comparingLong(JdbiCustomerLocks::keyOf));
        CustomerId middle = byKey.get(10);
        List<CustomerId> descending = new ArrayList<>(byKey);
        descending.sort(Comparator.comparingLong(JdbiCustomerLocks::keyOf).reversed());
        Set<Long> ours = byKey.stream().map(JdbiCustomerLocks::keyOf).collect(Collectors.toSet());
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (Database otherNode = openAnotherNode()) {
            Future<?> holder = pool.submit(() -> database.transactions().inTransaction(() -> {
                locks.lock(List.of(middle));
                holding.countDown();
                return assertDoesNotThrow(() -> release.await(30, TimeUnit.SECONDS));
            }));
            assertTrue(holding.await(10, TimeUnit.SECONDS));
            Future<?> locker = pool.submit(() -> otherNode.transactions().inTransaction(() -> {
                otherNode.customerLocks().lock(descending);
                return null;
            }));

            List<AdvisoryLock> seen = List.of();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (seen.stream().allMatch(AdvisoryLock::granted) && System.nanoTime() < deadline) {
                Thread.sleep(20);
                seen = advisoryLocks().stream().filter(lock -> ours.contains(lock.key())).toList();
            }
            release.countDown();
            holder.get(10, TimeUnit.SECONDS);
            locker.get(10, TimeUnit.SECONDS);

            long middleKey = JdbiCustomerLocks.keyOf(middle);
            List<Long> expectedGranted = new ArrayList<>();
            byKey.subList(0, 10).forEach(customer -> expectedGranted.add(JdbiCustomerLocks.keyOf(customer)));
            expectedGranted.add(middleKey);
            assertEquals(List.of(middleKey),
                    seen.stream().filter(lock -> !lock.granted()).map(AdvisoryLock::key).toList(), seen::toString);
            assertEquals(expectedGranted.stream().sorted().toList(),
                    seen.stream().filter(AdvisoryLock::granted).map(AdvisoryLock::key).sorted().toList());
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    private record AdvisoryLock(long key, boolean granted) {
    }

    /** Every advisory lock on the server, held or awaited, with its 64-bit key put back together. */
    private List<AdvisoryLock> advisoryLocks() {
        return database.jdbi().withHandle(handle -> handle.createQuery("""
                        SELECT classid::bigint AS high, objid::bigint AS low, granted FROM pg_locks
                        WHERE locktype = 'advisory' AND objsubid = 1""")
                .map((rs, ctx) -> new AdvisoryLock(rs.getLong("high") << 32 | rs.getLong("low"),
                        rs.getBoolean("granted")))
                .list());
    }
}

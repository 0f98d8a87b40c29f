package fi.palaute.adapters.persistence;

import static fi.palaute.adapters.persistence.TestData.ACME;
import static fi.palaute.adapters.persistence.TestData.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.domain.partner.AuditEntry;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract on PostgreSQL, which also has TRUNCATE, and refuses it too; and where another node's transaction can
 * run beside a removal, which must not open the log to it.
 */
class PostgresAuditLogContractTest extends AbstractAuditLogContractTest {

    private String url;

    @Override
    protected Database openDatabase() {
        url = PostgresTestDatabases.createSchema();
        return PostgresTestDatabases.open(url);
    }

    @Override
    protected String emptyDatabaseUrl() {
        return PostgresTestDatabases.createSchema();
    }

    @Test
    void theDatabaseRefusesToTruncateTheLog() {
        AuditEntry entry = entry(70, ACME, AuditEntry.Action.READ_CHANGES, List.of(), at(0));
        audit.append(entry);

        RuntimeException refused = assertThrows(RuntimeException.class, () -> database.jdbi().useHandle(handle ->
                handle.execute("TRUNCATE audit_entry")));

        assertTrue(String.valueOf(refused.getMessage()).contains("append-only"), refused::getMessage);
        assertEquals(List.of(entry), audit.find(Optional.empty(), at(0), at(1), Optional.empty(), 10));
    }

    @Test
    void truncateIsRefusedEvenWhileACutoffIsInForce() {
        AuditEntry entry = entry(71, ACME, AuditEntry.Action.READ_CHANGES, List.of(), at(0));
        audit.append(entry);

        RuntimeException refused = assertThrows(RuntimeException.class, () -> database.transactions().inTransaction(
                () -> database.jdbi().withHandle(handle -> {
                    handle.execute("INSERT INTO audit_removal_cutoff (cutoff) VALUES (?)", at(50).toEpochMilli());
                    return handle.execute("TRUNCATE audit_entry");
                })));

        assertTrue(String.valueOf(refused.getMessage()).contains("append-only"), refused::getMessage);
        assertEquals(List.of(entry), audit.find(Optional.empty(), at(0), at(1), Optional.empty(), 10));
    }

    /**
     * While one node's removal holds its cutoff, not yet committed, another node's plain DELETE of an old entry does
     * not see that cutoff and is refused at once (it does not wait: the removal locks no row the DELETE reads).
     */
    @Test
    void aRemovalInProgressOnOneNodeOpensNothingToAnother() throws Exception {
        AuditEntry old = entry(72, ACME, AuditEntry.Action.SHOW_INVITATION, List.of(), at(0));
        audit.append(old);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        CountDownLatch holding = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (Database otherNode = PostgresTestDatabases.open(url)) {
            Future<Integer> removal = pool.submit(() -> database.transactions().inTransaction(
                    () -> database.jdbi().withHandle(handle -> {
                        handle.execute("INSERT INTO audit_removal_cutoff (cutoff) VALUES (?)", at(50).toEpochMilli());
                        holding.countDown();
                        awaitQuietly(release);
                        handle.execute("DELETE FROM audit_removal_cutoff");
                        return 0;
                    })));
            assertTrue(holding.await(10, TimeUnit.SECONDS));

            RuntimeException refused = assertThrows(RuntimeException.class, () -> otherNode.jdbi().useHandle(
                    handle -> handle.execute("DELETE FROM audit_entry WHERE at < ?", at(50).toEpochMilli())));

            assertTrue(String.valueOf(refused.getMessage()).contains("append-only"), refused::getMessage);
            release.countDown();
            assertEquals(0, removal.get(10, TimeUnit.SECONDS));
            assertEquals(List.of(old), audit.find(Optional.empty(), at(0), at(1), Optional.empty(), 10));
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    /** Removals on two nodes at once remove each entry once, and leave no cutoff behind. */
    @Test
    void removalsOnTwoNodesAtOnceRemoveEachEntryOnce() throws Exception {
        for (int i = 0; i < 200; i++) {
            audit.append(entry(1_000 + i, ACME, AuditEntry.Action.LIST_INVITATIONS, List.of(), at(i)));
        }
        try (Database otherNode = PostgresTestDatabases.open(url)) {
            List<Integer> removed = Races.onTwoNodes(database, otherNode, 6, (node, thread) ->
                    node.transactions().inTransaction(() -> node.auditLog().removeBefore(at(150))));

            assertEquals(150, removed.stream().mapToInt(Integer::intValue).sum(), removed::toString);
            assertEquals(50, audit.find(Optional.empty(), at(0), at(1_000), Optional.empty(), 1_000).size());
            long cutoffs = database.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT COUNT(*) FROM audit_removal_cutoff").mapTo(long.class).one());
            assertEquals(0, cutoffs);
        }
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

package fi.palaute.adapters.persistence;

import static fi.palaute.adapters.persistence.TestData.ACME;
import static fi.palaute.adapters.persistence.TestData.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.domain.invitation.Invitation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The contract on PostgreSQL, and what only PostgreSQL promises: a claim never waits for another claim. */
class PostgresInvitationRepositoryContractTest extends AbstractInvitationRepositoryContractTest {

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

    /**
     * While one node's claim holds the first two ready invitations, another node's claim passes over them (SKIP
     * LOCKED) and takes the next two at once, without waiting for the first to end.
     */
    @Test
    void aClaimPassesOverWhatAnotherClaimHoldsWithoutWaiting() throws Exception {
        List<Invitation> ready = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ready.add(forPartner(ACME, at(i), at(5_000)));
        }
        invitations.insertAll(ready);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        CountDownLatch release = new CountDownLatch(1);
        try (Database otherNode = openAnotherNode()) {
            CountDownLatch holding = new CountDownLatch(1);
            Future<List<Invitation>> first = pool.submit(() -> database.transactions().inTransaction(() -> {
                List<Invitation> locked = invitations.lockReadyForPartner(ACME, at(10), 2);
                holding.countDown();
                awaitQuietly(release);
                return locked;
            }));
            assertTrue(holding.await(10, TimeUnit.SECONDS));

            List<Invitation> second = otherNode.transactions().inTransaction(
                    () -> otherNode.invitations().lockReadyForPartner(ACME, at(10), 2));

            assertEquals(ready.subList(2, 4), second);
            release.countDown();
            assertEquals(ready.subList(0, 2), first.get(10, TimeUnit.SECONDS));
        } finally {
            release.countDown();
            pool.shutdownNow();
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

package fi.palaute.adapters.persistence;

import static fi.palaute.adapters.persistence.TestData.ACME;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.domain.partner.FeedCursor;
import fi.palaute.domain.partner.FeedEntry;
import fi.palaute.domain.partner.PartnerChange;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract on PostgreSQL, where transactions append to the feed at the same time and commit in another order
 * than the database numbered their entries: the late-commit rule staged step by step.
 */
class PostgresPartnerChangeFeedContractTest extends AbstractPartnerChangeFeedContractTest {

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
     * Transaction A appends first (the older transaction, the smaller seq) and stays open; transaction B, on another
     * node, appends after it and commits. This design does NOT let a reader see B's entry yet: had it handed out B's
     * position as the cursor, A's entry, committed later and ordered before it, would be skipped. Once A commits, the
     * reader, polling on from the cursor it already had, gets A's entry and then B's, each once.
     */
    @Test
    void anEntryCommittedLateIsHeldBackForAndNeverSkipped() throws Exception {
        PartnerChange before = change(ACME, PartnerChange.Kind.EXPIRED, 0);
        PartnerChange early = change(ACME, PartnerChange.Kind.WITHDRAWN, 1);
        PartnerChange late = change(ACME, PartnerChange.Kind.ANSWERED, 2);
        feed.append(List.of(before));
        FeedCursor cursor = feed.after(ACME, FeedCursor.START, 10).get(0).position();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        try (Database otherNode = openAnotherNode()) {
            Future<?> transactionA = pool.submit(() -> database.transactions().inTransaction(() -> {
                feed.append(List.of(early));
                appended.countDown();
                awaitQuietly(commit);
                return null;
            }));
            assertTrue(appended.await(10, TimeUnit.SECONDS));
            otherNode.transactions().inTransaction(() -> {
                otherNode.partnerChanges().append(List.of(late));
                return null;
            });

            assertEquals(List.of(), feed.after(ACME, cursor, 10),
                    "B's entry was readable while A, older, could still commit an entry before it");
            assertEquals(List.of(before), changesOf(feed.after(ACME, FeedCursor.START, 10)));

            commit.countDown();
            transactionA.get(10, TimeUnit.SECONDS);
            List<FeedEntry> rest = pollUntilAny(cursor);

            assertEquals(List.of(early, late), changesOf(rest));
            assertTrue(rest.get(0).position().transaction() < rest.get(1).position().transaction(),
                    "A is the older transaction: " + rest);
            assertTrue(rest.get(0).position().sequence() < rest.get(1).position().sequence(), rest::toString);
            assertEquals(List.of(), feed.after(ACME, rest.get(1).position(), 10));
        } finally {
            commit.countDown();
            pool.shutdownNow();
        }
    }

    /**
     * The price of the rule: a transaction on the server that has written anything (here a bare transaction id) and
     * is still running holds back every entry of younger transactions, on any table, until it ends. Keep
     * transactions short; an idle one left open stalls every partner's feed.
     */
    @Test
    void anOlderTransactionStillRunningHoldsYoungerEntriesBackUntilItEnds() throws Exception {
        PartnerChange entry = change(ACME, PartnerChange.Kind.EXPIRED, 0);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch end = new CountDownLatch(1);
        try (Database otherNode = openAnotherNode()) {
            Future<?> older = pool.submit(() -> database.transactions().inTransaction(() -> {
                database.jdbi().useHandle(handle -> handle.createQuery("SELECT pg_current_xact_id()")
                        .mapTo(String.class).one());
                started.countDown();
                awaitQuietly(end);
                return null;
            }));
            assertTrue(started.await(10, TimeUnit.SECONDS));
            otherNode.partnerChanges().append(List.of(entry));

            assertEquals(List.of(), feed.after(ACME, FeedCursor.START, 10));

            end.countDown();
            older.get(10, TimeUnit.SECONDS);
            assertEquals(List.of(entry), changesOf(pollUntilAny(FeedCursor.START)));
        } finally {
            end.countDown();
            pool.shutdownNow();
        }
    }

    /** The cursor's transaction goes to the database as text and is cast to xid8, whatever its size. */
    @Test
    void aCursorBeyondEveryTransactionReadsNothing() {
        feed.append(List.of(change(ACME, PartnerChange.Kind.EXPIRED, 0)));

        assertEquals(List.of(), feed.after(ACME, new FeedCursor(Long.MAX_VALUE, 0), 10));
        assertEquals(1, feed.after(ACME, new FeedCursor(0, Long.MAX_VALUE), 10).size(),
                "any entry's transaction is after transaction 0, whatever the sequence");
    }

    /** Polls for up to ten seconds: an unrelated transaction on the shared test server may hold entries back. */
    private List<FeedEntry> pollUntilAny(FeedCursor cursor) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        List<FeedEntry> page = feed.after(ACME, cursor, 10);
        while (page.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(20);
            page = feed.after(ACME, cursor, 10);
        }
        return page;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

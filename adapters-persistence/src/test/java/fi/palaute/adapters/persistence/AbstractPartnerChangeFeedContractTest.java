package fi.palaute.adapters.persistence;

import static fi.palaute.adapters.persistence.TestData.ACME;
import static fi.palaute.adapters.persistence.TestData.BETA;
import static fi.palaute.adapters.persistence.TestData.at;
import static fi.palaute.adapters.persistence.TestData.newInvitationId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.application.port.out.PartnerChangeFeed;
import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.partner.FeedCursor;
import fi.palaute.domain.partner.FeedEntry;
import fi.palaute.domain.partner.PartnerChange;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link PartnerChangeFeed}, on two nodes (two pools) of one database; a subclass supplies them. That
 * an entry committed late is never skipped is checked here under load on both databases; the PostgreSQL subclass also
 * stages it step by step, since only there do transactions write the feed at the same time.
 */
public abstract class AbstractPartnerChangeFeedContractTest {

    protected static final int THREADS = 8;

    protected Database database;
    protected PartnerChangeFeed feed;

    /** A freshly migrated database; the test closes it. */
    protected abstract Database openDatabase();

    /** Another {@link Database}, with its own pool, on the database {@link #openDatabase()} last made. */
    protected abstract Database openAnotherNode();

    @BeforeEach
    void openTheDatabase() {
        database = openDatabase();
        feed = database.partnerChanges();
    }

    @AfterEach
    void closeTheDatabase() {
        database.close();
    }

    protected static PartnerChange change(PartnerId partner, PartnerChange.Kind kind, long secondsAfterT0) {
        return new PartnerChange(partner, newInvitationId(), kind, at(secondsAfterT0));
    }

    protected static List<PartnerChange> changesOf(List<FeedEntry> entries) {
        return entries.stream().map(FeedEntry::change).toList();
    }

    /** Reads the whole feed of the partner from {@code cursor}, a page of {@code pageSize} at a time. */
    protected static List<FeedEntry> readAll(PartnerChangeFeed feed, PartnerId partner, FeedCursor cursor,
            int pageSize) {
        List<FeedEntry> all = new ArrayList<>();
        List<FeedEntry> page;
        do {
            page = feed.after(partner, cursor, pageSize);
            all.addAll(page);
            if (!page.isEmpty()) {
                cursor = page.get(page.size() - 1).position();
            }
        } while (page.size() == pageSize);
        return all;
    }

    @Test
    void anEmptyFeedHasNothingAfterTheStart() {
        assertEquals(List.of(), feed.after(ACME, FeedCursor.START, 10));
    }

    @Test
    void entriesComeInTheOrderAppendedAndEachPositionIsTheCursorToTheRest() {
        PartnerChange first = change(ACME, PartnerChange.Kind.WITHDRAWN, 30);
        PartnerChange second = change(ACME, PartnerChange.Kind.ANSWERED, 10);
        PartnerChange third = change(ACME, PartnerChange.Kind.EXPIRED, 20);
        feed.append(List.of(first, second));
        feed.append(List.of(third));

        List<FeedEntry> all = feed.after(ACME, FeedCursor.START, 10);

        assertEquals(List.of(first, second, third), changesOf(all), "in the order appended, whatever the times");
        Comparator<FeedCursor> order = Comparator.comparingLong(FeedCursor::transaction)
                .thenComparingLong(FeedCursor::sequence);
        assertTrue(order.compare(FeedCursor.START, all.get(0).position()) < 0);
        assertTrue(order.compare(all.get(0).position(), all.get(1).position()) < 0);
        assertTrue(order.compare(all.get(1).position(), all.get(2).position()) < 0);
        assertEquals(List.of(first, second), changesOf(feed.after(ACME, FeedCursor.START, 2)));
        assertEquals(List.of(second, third), changesOf(feed.after(ACME, all.get(0).position(), 10)));
        assertEquals(List.of(third), changesOf(feed.after(ACME, all.get(1).position(), 1)));
        assertEquals(List.of(), feed.after(ACME, all.get(2).position(), 10));
        assertEquals(all, feed.after(ACME, FeedCursor.START, 10), "reading again gives the same positions");
    }

    @Test
    void aPartnerReadsOnlyItsOwnEntries() {
        PartnerChange acmes = change(ACME, PartnerChange.Kind.WITHDRAWN, 0);
        PartnerChange betas = change(BETA, PartnerChange.Kind.WITHDRAWN, 1);
        PartnerChange acmesToo = change(ACME, PartnerChange.Kind.EXPIRED, 2);
        feed.append(List.of(acmes, betas));
        feed.append(List.of(acmesToo));

        assertEquals(List.of(acmes, acmesToo), changesOf(feed.after(ACME, FeedCursor.START, 10)));
        assertEquals(List.of(betas), changesOf(feed.after(BETA, FeedCursor.START, 10)));
        assertEquals(List.of(), feed.after(new PartnerId("gamma"), FeedCursor.START, 10));
    }

    @Test
    void everyKindIsStoredExactly() {
        List<PartnerChange> changes = new ArrayList<>();
        for (PartnerChange.Kind kind : PartnerChange.Kind.values()) {
            changes.add(change(ACME, kind, kind.ordinal()));
        }
        feed.append(changes);

        assertEquals(changes, changesOf(feed.after(ACME, FeedCursor.START, 10)));
    }

    @Test
    void entriesAppendedInATransactionThatFailsAreNeverRead() {
        PartnerChange before = change(ACME, PartnerChange.Kind.EXPIRED, 0);
        PartnerChange rolledBack = change(ACME, PartnerChange.Kind.WITHDRAWN, 1);
        PartnerChange after = change(ACME, PartnerChange.Kind.ANSWERED, 2);
        feed.append(List.of(before));
        FeedCursor cursor = feed.after(ACME, FeedCursor.START, 10).get(0).position();

        assertThrows(IllegalStateException.class, () -> database.transactions().inTransaction(() -> {
            feed.append(List.of(rolledBack));
            throw new IllegalStateException("the use case failed");
        }));
        feed.append(List.of(after));

        assertEquals(List.of(after), changesOf(feed.after(ACME, cursor, 10)));
    }

    @Test
    void aLongAppendIsReadWholeAndInOrderBeyondOneChunk() {
        List<PartnerChange> changes = new ArrayList<>();
        for (int i = 0; i < 2 * Chunks.SIZE + 300; i++) {
            changes.add(change(i % 3 == 0 ? BETA : ACME, PartnerChange.Kind.EXPIRED, i));
        }
        database.transactions().inTransaction(() -> {
            feed.append(changes);
            return null;
        });

        assertEquals(changes.stream().filter(c -> c.partnerId().equals(ACME)).toList(),
                changesOf(readAll(feed, ACME, FeedCursor.START, 500)));
    }

    @Test
    void aLimitBelowOneIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> feed.after(ACME, FeedCursor.START, 0));
    }

    /**
     * Threads on two nodes append entries, each transaction holding them a moment before it commits, so that on
     * PostgreSQL they commit in another order than they were numbered; meanwhile a reader polls from its last
     * cursor. When the writers are done and the reader has caught up, it has read every entry exactly once, in
     * increasing positions.
     */
    @RepeatedTest(3)
    void aReaderPollingFromItsCursorWhileNodesAppendReadsEveryEntryExactlyOnce() throws Exception {
        AtomicBoolean writing = new AtomicBoolean(true);
        List<FeedEntry> read = Collections.synchronizedList(new ArrayList<>());
        ExecutorService readerThread = Executors.newSingleThreadExecutor();
        try (Database otherNode = openAnotherNode()) {
            Future<FeedCursor> reader = readerThread.submit(() -> {
                FeedCursor cursor = FeedCursor.START;
                while (writing.get()) {
                    cursor = readOn(cursor, read);
                }
                return cursor;
            });
            List<List<PartnerChange>> written;
            try {
                written = Races.onTwoNodes(database, otherNode, THREADS, (node, thread) -> {
                    Random random = new Random(thread);
                    List<PartnerChange> mine = new ArrayList<>();
                    for (int round = 0; round < 20; round++) {
                        List<PartnerChange> batch = new ArrayList<>();
                        for (int i = random.nextInt(3); i >= 0; i--) {
                            batch.add(change(random.nextInt(4) == 0 ? BETA : ACME, PartnerChange.Kind.WITHDRAWN,
                                    round));
                        }
                        int holdMillis = random.nextInt(10);
                        node.transactions().inTransaction(() -> {
                            node.partnerChanges().append(batch);
                            sleep(holdMillis);
                            return null;
                        });
                        mine.addAll(batch);
                    }
                    return mine;
                });
            } finally {
                writing.set(false);
            }
            FeedCursor cursor = reader.get(30, TimeUnit.SECONDS);
            Set<String> expected = new HashSet<>();
            written.stream().flatMap(List::stream).filter(c -> c.partnerId().equals(ACME))
                    .forEach(c -> expected.add(c.invitationId()));
            // Catch up from the reader's last cursor. (On PostgreSQL an unrelated transaction still running on the
            // server would hold the newest entries back a moment; hence a deadline rather than a single read.)
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (read.size() < expected.size() && System.nanoTime() < deadline) {
                cursor = readOn(cursor, read);
            }
            Set<String> seen = new HashSet<>();
            Set<String> seenTwice = new TreeSet<>();
            read.forEach(entry -> {
                if (!seen.add(entry.change().invitationId())) {
                    seenTwice.add(entry.change().invitationId());
                }
            });
            assertEquals(Set.of(), seenTwice, "entries read twice");
            Set<String> missed = new TreeSet<>(expected);
            missed.removeAll(seen);
            assertEquals(Set.of(), missed, "entries skipped by the reader's cursor");
            assertEquals(expected, seen);
            assertEquals(readAll(feed, ACME, FeedCursor.START, 1_000), read, "in the feed's order");
        } finally {
            readerThread.shutdownNow();
        }
    }

    /** Reads pages from the cursor until one comes back empty, adding the entries to {@code read}; the new cursor. */
    private FeedCursor readOn(FeedCursor cursor, List<FeedEntry> read) {
        List<FeedEntry> page;
        do {
            page = feed.after(ACME, cursor, 7);
            read.addAll(page);
            if (!page.isEmpty()) {
                cursor = page.get(page.size() - 1).position();
            }
        } while (!page.isEmpty());
        return cursor;
    }

    private static void sleep(int millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

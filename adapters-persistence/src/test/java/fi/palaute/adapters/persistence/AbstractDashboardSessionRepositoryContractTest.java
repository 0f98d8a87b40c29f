package fi.palaute.adapters.persistence;

import static fi.palaute.adapters.persistence.TestData.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import fi.palaute.application.port.out.DashboardSessionRepository;
import fi.palaute.application.port.out.DashboardSessionRepository.StoredSession;
import fi.palaute.domain.access.SessionHash;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link DashboardSessionRepository}; a subclass supplies the database and a second node on it. */
public abstract class AbstractDashboardSessionRepositoryContractTest {

    private static final AtomicInteger HASHES = new AtomicInteger();

    private Database database;
    private DashboardSessionRepository sessions;

    /** A freshly migrated database; the test closes it. */
    protected abstract Database openDatabase();

    /** Another node: a second pool on the same database. The test closes it. */
    protected abstract Database openAnotherNode();

    @BeforeEach
    void openTheDatabase() {
        database = openDatabase();
        sessions = database.dashboardSessions();
    }

    @AfterEach
    void closeTheDatabase() {
        database.close();
    }

    private static SessionHash newHash() {
        return new SessionHash(String.format("%064x", 0xabcdefL * 1_000_000 + HASHES.incrementAndGet()));
    }

    @Test
    void aSessionIsFoundByItsHashWithItsKeyAndExpiry() {
        SessionHash hash = newHash();
        sessions.insert(hash, "key-analyst-1", at(0), at(3_600).plusMillis(5));

        assertEquals(Optional.of(new StoredSession("key-analyst-1", at(3_600).plusMillis(5))), sessions.find(hash));
        assertEquals(Optional.empty(), sessions.find(newHash()));
    }

    @Test
    void aSessionOpenedOnOneNodeIsFoundOnAnother() {
        SessionHash hash = newHash();
        sessions.insert(hash, "key-analyst-1", at(0), at(60));

        try (Database otherNode = openAnotherNode()) {
            assertEquals(Optional.of(new StoredSession("key-analyst-1", at(60))),
                    otherNode.dashboardSessions().find(hash));
            otherNode.dashboardSessions().delete(hash);
        }
        assertEquals(Optional.empty(), sessions.find(hash), "ended on the other node");
    }

    @Test
    void deletingASessionRemovesThatOneOnly() {
        SessionHash mine = newHash();
        SessionHash theirs = newHash();
        sessions.insert(mine, "key-analyst-1", at(0), at(60));
        sessions.insert(theirs, "key-analyst-2", at(0), at(60));

        sessions.delete(mine);
        sessions.delete(mine);

        assertEquals(Optional.empty(), sessions.find(mine));
        assertEquals(Optional.of(new StoredSession("key-analyst-2", at(60))), sessions.find(theirs));
    }

    @Test
    void deletingExpiredSessionsRemovesThoseExpiredAtThatTimeAndCountsThem() {
        SessionHash expiredBefore = newHash();
        SessionHash expiringNow = newHash();
        SessionHash stillOpen = newHash();
        sessions.insert(expiredBefore, "key-analyst-1", at(0), at(10));
        sessions.insert(expiringNow, "key-analyst-1", at(0), at(20));
        sessions.insert(stillOpen, "key-analyst-2", at(0), at(20).plusMillis(1));

        assertEquals(2, sessions.deleteExpired(at(20)));

        assertEquals(Optional.empty(), sessions.find(expiredBefore));
        assertEquals(Optional.empty(), sessions.find(expiringNow));
        assertEquals(Optional.of(new StoredSession("key-analyst-2", at(20).plusMillis(1))), sessions.find(stillOpen));
        assertEquals(0, sessions.deleteExpired(at(20)), "nothing is left to remove");
    }

    @Test
    void aHashIsStoredOnceAndASessionMustExpireAfterItOpens() {
        SessionHash hash = newHash();
        sessions.insert(hash, "key-analyst-1", at(0), at(60));

        assertThrows(RuntimeException.class, () -> sessions.insert(hash, "key-analyst-2", at(0), at(60)));
        assertThrows(IllegalArgumentException.class, () -> sessions.insert(newHash(), "key-analyst-1", at(60), at(60)));
        assertEquals(Optional.of(new StoredSession("key-analyst-1", at(60))), sessions.find(hash));
    }

    @Test
    void aSessionInsertedInATransactionThatFailsIsRolledBackWithIt() {
        SessionHash hash = newHash();

        assertThrows(IllegalStateException.class, () -> database.transactions().inTransaction(() -> {
            sessions.insert(hash, "key-analyst-1", at(0), at(60));
            throw new IllegalStateException("the use case failed");
        }));

        assertEquals(Optional.empty(), sessions.find(hash));
    }
}

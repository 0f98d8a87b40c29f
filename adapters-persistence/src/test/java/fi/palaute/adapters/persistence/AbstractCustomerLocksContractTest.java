package fi.palaute.adapters.persistence;

import static fi.palaute.adapters.persistence.TestData.at;
import static fi.palaute.adapters.persistence.TestData.invitation;
import static fi.palaute.adapters.persistence.TestData.newCustomer;
import static fi.palaute.adapters.persistence.TestData.survey;
import static fi.palaute.adapters.persistence.TestData.transactionalDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.application.port.out.CustomerLocks;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.survey.Survey;
import fi.palaute.domain.survey.SurveyState;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link CustomerLocks}, on two nodes (two pools) of one database; a subclass supplies them. What
 * holds on every database is here; that other customers do not wait holds on PostgreSQL only (SQLite serializes every
 * writing transaction) and is in its subclass.
 */
public abstract class AbstractCustomerLocksContractTest {

    protected static final int THREADS = 8;

    protected Database database;
    protected CustomerLocks locks;

    /** A freshly migrated database; the test closes it. */
    protected abstract Database openDatabase();

    /** Another {@link Database}, with its own pool, on the database {@link #openDatabase()} last made. */
    protected abstract Database openAnotherNode();

    @BeforeEach
    void openTheDatabase() {
        database = openDatabase();
        locks = database.customerLocks();
    }

    @AfterEach
    void closeTheDatabase() {
        database.close();
    }

    @Test
    void lockingOutsideATransactionIsRefused() {
        assertThrows(IllegalStateException.class, () -> locks.lock(List.of(newCustomer())));
        assertThrows(IllegalStateException.class, () -> locks.lock(List.of()));
    }

    @Test
    void lockingInsideATransactionTakesAnySetOfCustomers() {
        CustomerId customer = newCustomer();

        database.transactions().inTransaction(() -> {
            locks.lock(List.of());
            locks.lock(List.of(customer, newCustomer(), customer));
            locks.lock(List.of(customer)); // again, in the same transaction
            return null;
        });
    }

    /**
     * While one node's transaction holds a customer, another node's lock of that customer waits until the first
     * commits, and then sees what it committed: here, the invitation that a prohibition racing with an event must
     * withdraw rather than leave behind.
     */
    @Test
    void aLockedCustomerWaitsForTheHolderToCommitAndThenSeesItsWork() throws Exception {
        Survey survey = survey(transactionalDefinition("Chat"), SurveyState.ACTIVE, at(0));
        database.surveys().insert(survey);
        CustomerId customer = newCustomer();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Database otherNode = openAnotherNode()) {
            CountDownLatch locked = new CountDownLatch(1);
            Future<Integer> withdrawn = database.transactions().inTransaction(() -> {
                locks.lock(List.of(customer));
                database.invitations().insertAll(List.of(invitation(survey.id(), customer, at(1))));
                Future<Integer> prohibition = pool.submit(() -> otherNode.transactions().inTransaction(() -> {
                    otherNode.customerLocks().lock(List.of(customer));
                    locked.countDown();
                    return otherNode.invitations().withdrawOpen(customer, at(2)).size();
                }));
                assertThrows(TimeoutException.class, () -> prohibition.get(500, TimeUnit.MILLISECONDS),
                        "the other node went on while this transaction still held the customer");
                assertEquals(1, locked.getCount());
                return prohibition;
            });

            assertEquals(1, withdrawn.get(10, TimeUnit.SECONDS), "it saw the invitation committed meanwhile");
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aRolledBackTransactionReleasesItsCustomers() throws Exception {
        CustomerId customer = newCustomer();
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Database otherNode = openAnotherNode()) {
            List<Future<Boolean>> waiting = new ArrayList<>();
            assertThrows(IllegalStateException.class, () -> database.transactions().inTransaction(() -> {
                locks.lock(List.of(customer));
                waiting.add(pool.submit(() -> otherNode.transactions().inTransaction(() -> {
                    otherNode.customerLocks().lock(List.of(customer));
                    return true;
                })));
                assertThrows(TimeoutException.class, () -> waiting.get(0).get(300, TimeUnit.MILLISECONDS));
                throw new IllegalStateException("roll back");
            }));

            assertTrue(waiting.get(0).get(10, TimeUnit.SECONDS));
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Transactions on two nodes lock overlapping sets of customers, each given in its own order, and hold them while
     * they work: all of them finish, none is chosen as a deadlock victim.
     */
    @RepeatedTest(3)
    void overlappingSetsInDifferentOrdersNeverDeadlock() throws Exception {
        List<CustomerId> shared = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            shared.add(newCustomer());
        }
        List<Integer> done = Races.onTwoNodes(database, openAnotherNodeClosedAfter(), THREADS, (node, thread) -> {
            Random random = new Random(thread);
            int transactions = 0;
            for (int round = 0; round < 5; round++) {
                List<CustomerId> mine = new ArrayList<>(shared.subList(0, 30 + random.nextInt(10)));
                Collections.shuffle(mine, random);
                if (thread % 2 == 0) {
                    Collections.reverse(mine);
                }
                node.transactions().inTransaction(() -> {
                    node.customerLocks().lock(mine);
                    node.prohibitions().findProhibited(mine); // some work while the locks are held
                    return null;
                });
                transactions++;
            }
            return transactions;
        });

        assertEquals(Collections.nCopies(THREADS, 5), done);
    }

    private final List<Database> otherNodes = new ArrayList<>();

    /** A second node that the test closes after it ends. */
    private Database openAnotherNodeClosedAfter() {
        Database node = openAnotherNode();
        otherNodes.add(node);
        return node;
    }

    @AfterEach
    void closeOtherNodes() {
        otherNodes.forEach(Database::close);
        otherNodes.clear();
    }
}

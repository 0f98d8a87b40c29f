package fi.palaute.adapters.persistence;

import static fi.palaute.adapters.persistence.TestData.AGENT;
import static fi.palaute.adapters.persistence.TestData.PROFILE_WEB;
import static fi.palaute.adapters.persistence.TestData.SURVEY_LINK;
import static fi.palaute.adapters.persistence.TestData.T0;
import static fi.palaute.adapters.persistence.TestData.at;
import static fi.palaute.adapters.persistence.TestData.newCustomer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.application.port.in.consent.LiftProhibitionCommand;
import fi.palaute.application.port.in.consent.LiftProhibitionResult;
import fi.palaute.application.port.in.consent.SetProhibitionCommand;
import fi.palaute.application.port.in.consent.SetProhibitionResult;
import fi.palaute.application.port.out.ProhibitionHistoryRepository;
import fi.palaute.application.port.out.ProhibitionRepository;
import fi.palaute.application.port.out.TransactionRunner;
import fi.palaute.application.service.consent.LiftProhibitionService;
import fi.palaute.application.service.consent.SetProhibitionService;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.consent.Prohibition;
import fi.palaute.domain.consent.ProhibitionAction;
import fi.palaute.domain.consent.ProhibitionChange;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link TransactionRunner}: the work commits together or not at all, and repositories on the same
 * thread join it. Runs the real consent services over the real repositories; a subclass supplies the database.
 */
public abstract class AbstractTransactionRunnerContractTest {

    private static final Clock CLOCK = Clock.fixed(T0, ZoneOffset.UTC);

    private Database database;
    private TransactionRunner transactions;
    private ProhibitionRepository prohibitions;
    private ProhibitionHistoryRepository history;

    /** A freshly migrated database; the test closes it. */
    protected abstract Database openDatabase();

    @BeforeEach
    void openTheDatabase() {
        database = openDatabase();
        transactions = database.transactions();
        prohibitions = database.prohibitions();
        history = database.prohibitionHistory();
    }

    @AfterEach
    void closeTheDatabase() {
        database.close();
    }

    /** Writes the entry through the real repository, then fails, as a connection lost mid-transaction would. */
    private ProhibitionHistoryRepository historyThatFailsAfterWriting() {
        return new ProhibitionHistoryRepository() {
            @Override
            public void append(ProhibitionChange change) {
                history.append(change);
                throw new IllegalStateException("history write failed");
            }

            @Override
            public List<ProhibitionChange> findByCustomer(CustomerId customerId) {
                return history.findByCustomer(customerId);
            }
        };
    }

    @Test
    void workThatReturnsIsCommittedAndItsValueReturned() {
        CustomerId customer = newCustomer();
        Prohibition prohibition = new Prohibition(customer, AGENT, at(0));

        String result = transactions.inTransaction(() -> prohibitions.insertIfAbsent(prohibition) ? "stored" : "not");

        assertEquals("stored", result);
        assertEquals(Optional.of(prohibition), prohibitions.find(customer));
    }

    @Test
    void workThatThrowsLeavesNothingBehindAndItsExceptionComesOutUnchanged() {
        CustomerId customer = newCustomer();
        RuntimeException failure = new IllegalStateException("the use case failed");

        RuntimeException thrown = assertThrows(RuntimeException.class, () -> transactions.inTransaction(() -> {
            prohibitions.insertIfAbsent(new Prohibition(customer, AGENT, at(0)));
            history.append(ProhibitionChange.set("0195f3a0-0000-7000-8000-000000000001",
                    new Prohibition(customer, AGENT, at(0))));
            throw failure;
        }));

        assertSame(failure, thrown);
        assertEquals(Optional.empty(), prohibitions.find(customer));
        assertEquals(List.of(), history.findByCustomer(customer));
    }

    @Test
    void aNestedTransactionJoinsTheOuterOne() {
        CustomerId outer = newCustomer();
        CustomerId inner = newCustomer();
        Prohibition outerProhibition = new Prohibition(outer, AGENT, at(0));
        RuntimeException failure = new IllegalStateException("outer work failed after the inner returned");

        assertThrows(IllegalStateException.class, () -> transactions.inTransaction(() -> {
            prohibitions.insertIfAbsent(outerProhibition);
            Optional<Prohibition> seenInside = transactions.inTransaction(() -> {
                prohibitions.insertIfAbsent(new Prohibition(inner, SURVEY_LINK, at(1)));
                return prohibitions.find(outer);
            });
            assertEquals(Optional.of(outerProhibition), seenInside, "the inner work sees the outer's writes");
            throw failure;
        }));

        assertEquals(Optional.empty(), prohibitions.find(outer));
        assertEquals(Optional.empty(), prohibitions.find(inner), "the inner work was rolled back with the outer");
    }

    /**
     * Works that queue while another runs (on SQLite: share the next transaction): the one that throws in between
     * fails alone with its own exception, and the works before and after it commit, each with its own result.
     */
    @Test
    void aWorkThatThrowsAmongQueuedWorksFailsAloneAndTheOthersCommit() throws Exception {
        java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        Thread holder = new Thread(() -> transactions.inTransaction(() -> {
            running.countDown();
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return null;
        }));
        holder.start();
        assertTrue(running.await(30, TimeUnit.SECONDS));
        List<CustomerId> customers = List.of(newCustomer(), newCustomer(), newCustomer());
        List<CompletableFuture<String>> outcomes = new java.util.ArrayList<>();
        List<Thread> queued = new java.util.ArrayList<>();
        for (int i = 0; i < customers.size(); i++) {
            CustomerId customer = customers.get(i);
            String name = "caller-" + i;
            boolean fails = i == 1;
            CompletableFuture<String> outcome = new CompletableFuture<>();
            outcomes.add(outcome);
            Thread caller = new Thread(() -> {
                try {
                    outcome.complete(transactions.inTransaction(() -> {
                        prohibitions.insertIfAbsent(new Prohibition(customer, AGENT, at(0)));
                        if (fails) {
                            throw new IllegalStateException(name);
                        }
                        return name;
                    }));
                } catch (IllegalStateException failed) {
                    outcome.complete("failed:" + failed.getMessage());
                }
            });
            caller.start();
            // one after another, so they queue in this order (on PostgreSQL each simply runs)
            while (caller.getState() != Thread.State.WAITING && caller.getState() != Thread.State.TERMINATED) {
                Thread.sleep(1);
            }
            queued.add(caller);
        }
        release.countDown();
        holder.join(30_000);

        assertEquals(List.of("caller-0", "failed:caller-1", "caller-2"),
                List.of(outcomes.get(0).get(30, TimeUnit.SECONDS), outcomes.get(1).get(30, TimeUnit.SECONDS),
                        outcomes.get(2).get(30, TimeUnit.SECONDS)));
        assertEquals(List.of(true, false, true),
                customers.stream().map(customer -> prohibitions.find(customer).isPresent()).toList());
        for (Thread caller : queued) {
            caller.join(30_000);
        }
    }

    /**
     * Many callers at once (on SQLite they share one commit): each gets its own result or its own exception, and a
     * work that throws leaves nothing behind while the others' writes stay.
     */
    @Test
    void concurrentWorksEachCommitOrFailOnTheirOwn() throws Exception {
        int callers = 48;
        List<CustomerId> customers = new java.util.ArrayList<>();
        List<CompletableFuture<String>> outcomes = new java.util.ArrayList<>();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(16);
        try {
            for (int i = 0; i < callers; i++) {
                CustomerId customer = newCustomer();
                customers.add(customer);
                boolean fails = i % 3 == 0;
                String name = "caller-" + i;
                outcomes.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return transactions.inTransaction(() -> {
                            prohibitions.insertIfAbsent(new Prohibition(customer, AGENT, at(0)));
                            if (fails) {
                                throw new IllegalStateException(name);
                            }
                            return name;
                        });
                    } catch (IllegalStateException failed) {
                        return "failed:" + failed.getMessage();
                    }
                }, pool));
            }
            for (int i = 0; i < callers; i++) {
                boolean failed = i % 3 == 0;
                assertEquals(failed ? "failed:caller-" + i : "caller-" + i, outcomes.get(i).get(30, TimeUnit.SECONDS));
                assertEquals(!failed, prohibitions.find(customers.get(i)).isPresent(), "caller " + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void otherThreadsDoNotSeeUncommittedWork() throws Exception {
        CustomerId customer = newCustomer();

        Optional<Prohibition> seenMeanwhile = transactions.inTransaction(() -> {
            prohibitions.insertIfAbsent(new Prohibition(customer, AGENT, at(0)));
            try {
                return CompletableFuture.supplyAsync(() -> prohibitions.find(customer)).get(5, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });

        assertEquals(Optional.empty(), seenMeanwhile);
        assertTrue(prohibitions.find(customer).isPresent(), "visible once committed");
    }

    @Test
    void settingAProhibitionStoresItAndItsHistoryTogether() {
        SetProhibitionService service = new SetProhibitionService(transactions, prohibitions, history,
                database.customerLocks(), database.invitations(), database.partnerChanges(), database.followUps(), CLOCK);
        CustomerId customer = newCustomer();
        Prohibition expected = new Prohibition(customer, SURVEY_LINK, T0);

        SetProhibitionResult first = service.set(new SetProhibitionCommand(customer, SURVEY_LINK));
        SetProhibitionResult again = service.set(new SetProhibitionCommand(customer, AGENT));

        assertEquals(new SetProhibitionResult.NewlySet(expected), first);
        assertEquals(new SetProhibitionResult.AlreadySet(expected), again);
        assertEquals(Optional.of(expected), prohibitions.find(customer));
        List<ProhibitionChange> changes = history.findByCustomer(customer);
        assertEquals(1, changes.size(), changes::toString);
        assertEquals(ProhibitionAction.SET, changes.get(0).action());
        assertEquals(SURVEY_LINK, changes.get(0).actor());
        assertEquals(T0, changes.get(0).at());
    }

    @Test
    void aFailedHistoryWriteLeavesNoHalfSetProhibition() {
        SetProhibitionService service =
                new SetProhibitionService(transactions, prohibitions, historyThatFailsAfterWriting(),
                        database.customerLocks(), database.invitations(), database.partnerChanges(), database.followUps(), CLOCK);
        CustomerId customer = newCustomer();

        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> service.set(new SetProhibitionCommand(customer, PROFILE_WEB)));

        assertEquals("history write failed", thrown.getMessage());
        assertEquals(Optional.empty(), prohibitions.find(customer));
        assertEquals(List.of(), history.findByCustomer(customer));
    }

    @Test
    void aFailedHistoryWriteLeavesTheProhibitionInForce() {
        CustomerId customer = newCustomer();
        new SetProhibitionService(transactions, prohibitions, history, database.customerLocks(),
                database.invitations(), database.partnerChanges(), database.followUps(), CLOCK)
                .set(new SetProhibitionCommand(customer, SURVEY_LINK));
        LiftProhibitionService failingLift =
                new LiftProhibitionService(transactions, prohibitions, historyThatFailsAfterWriting(), CLOCK);

        assertThrows(IllegalStateException.class, () -> failingLift.lift(new LiftProhibitionCommand(customer, AGENT)));

        assertEquals(Optional.of(new Prohibition(customer, SURVEY_LINK, T0)), prohibitions.find(customer));
        assertEquals(List.of(ProhibitionAction.SET),
                history.findByCustomer(customer).stream().map(ProhibitionChange::action).toList());

        LiftProhibitionResult lifted = new LiftProhibitionService(transactions, prohibitions, history, CLOCK)
                .lift(new LiftProhibitionCommand(customer, AGENT));
        assertInstanceOf(LiftProhibitionResult.Lifted.class, lifted);
        assertEquals(List.of(ProhibitionAction.SET, ProhibitionAction.LIFTED),
                history.findByCustomer(customer).stream().map(ProhibitionChange::action).toList());
    }
}

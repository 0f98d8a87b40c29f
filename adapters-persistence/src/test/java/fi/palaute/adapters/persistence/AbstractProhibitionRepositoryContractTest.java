package fi.palaute.adapters.persistence;

import static fi.palaute.adapters.persistence.TestData.AGENT;
import static fi.palaute.adapters.persistence.TestData.PROFILE_MOBILE;
import static fi.palaute.adapters.persistence.TestData.PROFILE_NO_CHANNEL;
import static fi.palaute.adapters.persistence.TestData.PROFILE_WEB;
import static fi.palaute.adapters.persistence.TestData.SURVEY_LINK;
import static fi.palaute.adapters.persistence.TestData.at;
import static fi.palaute.adapters.persistence.TestData.newCustomer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.application.port.out.ProhibitionRepository;
import fi.palaute.application.port.out.TransactionRunner;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.consent.Prohibition;
import fi.palaute.domain.consent.ProhibitionActor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The contract of {@link ProhibitionRepository}; a subclass supplies the database. */
public abstract class AbstractProhibitionRepositoryContractTest {

    private static final int THREADS = 8;

    private Database database;
    private ProhibitionRepository prohibitions;
    private TransactionRunner transactions;

    /** A freshly migrated database; the test closes it. */
    protected abstract Database openDatabase();

    @BeforeEach
    void openTheDatabase() {
        database = openDatabase();
        prohibitions = database.prohibitions();
        transactions = database.transactions();
    }

    @AfterEach
    void closeTheDatabase() {
        database.close();
    }

    @Test
    void aCustomerWithoutProhibitionHasNone() {
        assertEquals(Optional.empty(), prohibitions.find(newCustomer()));
    }

    @Test
    void theFirstProhibitionIsKeptAndASecondIsRefused() {
        CustomerId customer = newCustomer();
        Prohibition first = new Prohibition(customer, SURVEY_LINK, at(0));

        assertTrue(prohibitions.insertIfAbsent(first));
        assertFalse(prohibitions.insertIfAbsent(new Prohibition(customer, AGENT, at(60))));

        assertEquals(Optional.of(first), prohibitions.find(customer));
    }

    @Test
    void removeReturnsTheProhibitionInForceOnceAndThenNothing() {
        CustomerId customer = newCustomer();
        Prohibition prohibition = new Prohibition(customer, AGENT, at(5));
        prohibitions.insertIfAbsent(prohibition);

        assertEquals(Optional.of(prohibition), prohibitions.remove(customer));
        assertEquals(Optional.empty(), prohibitions.remove(customer));
        assertEquals(Optional.empty(), prohibitions.find(customer));
        assertTrue(prohibitions.insertIfAbsent(new Prohibition(customer, PROFILE_WEB, at(10))),
                "after a lift the customer can prohibit again");
    }

    @Test
    void eachCustomerHasTheirOwnProhibition() {
        CustomerId lifting = newCustomer();
        CustomerId keeping = newCustomer();
        Prohibition kept = new Prohibition(keeping, PROFILE_MOBILE, at(1));
        prohibitions.insertIfAbsent(new Prohibition(lifting, AGENT, at(0)));
        prohibitions.insertIfAbsent(kept);

        prohibitions.remove(lifting);

        assertEquals(Optional.empty(), prohibitions.find(lifting));
        assertEquals(Optional.of(kept), prohibitions.find(keeping));
    }

    static Stream<ProhibitionActor> everyKindOfActor() {
        return Stream.of(AGENT, PROFILE_MOBILE, PROFILE_WEB, PROFILE_NO_CHANNEL, SURVEY_LINK);
    }

    @ParameterizedTest
    @MethodSource("everyKindOfActor")
    void whoSetTheProhibitionIsStoredExactly(ProhibitionActor actor) {
        CustomerId customer = newCustomer();
        Prohibition prohibition = new Prohibition(customer, actor, at(42));

        prohibitions.insertIfAbsent(prohibition);

        assertEquals(Optional.of(prohibition), prohibitions.find(customer));
        assertEquals(Optional.of(prohibition), prohibitions.remove(customer));
    }

    @RepeatedTest(20)
    void ofConcurrentSetsForOneCustomerExactlyOneWins() throws Exception {
        CustomerId customer = newCustomer();

        List<Boolean> outcomes = raceInTransactions(i -> prohibitions.insertIfAbsent(
                new Prohibition(customer, AGENT, at(i))));

        assertEquals(1, outcomes.stream().filter(Boolean::booleanValue).count(), outcomes::toString);
        assertTrue(prohibitions.find(customer).isPresent());
    }

    @RepeatedTest(20)
    void ofConcurrentLiftsForOneCustomerExactlyOneGetsTheProhibition() throws Exception {
        CustomerId customer = newCustomer();
        Prohibition prohibition = new Prohibition(customer, PROFILE_WEB, at(0));
        prohibitions.insertIfAbsent(prohibition);

        List<Optional<Prohibition>> outcomes = raceInTransactions(i -> prohibitions.remove(customer));

        assertEquals(List.of(prohibition), outcomes.stream().flatMap(Optional::stream).toList());
        assertEquals(Optional.empty(), prohibitions.find(customer));
    }

    private interface Attempt<T> {
        T run(int thread);
    }

    /** Runs the attempt on {@value #THREADS} threads, released together, each in its own transaction. */
    private <T> List<T> raceInTransactions(Attempt<T> attempt) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            CountDownLatch ready = new CountDownLatch(THREADS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < THREADS; i++) {
                int thread = i;
                Callable<T> task = () -> {
                    ready.countDown();
                    go.await();
                    return transactions.inTransaction(() -> attempt.run(thread));
                };
                futures.add(pool.submit(task));
            }
            assertTrue(ready.await(10, TimeUnit.SECONDS));
            go.countDown();
            List<T> outcomes = new ArrayList<>();
            for (Future<T> future : futures) {
                outcomes.add(future.get(30, TimeUnit.SECONDS));
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }
}

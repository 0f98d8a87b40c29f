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
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.application.port.out.ProhibitionRepository;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.consent.Prohibition;
import fi.palaute.domain.consent.ProhibitionActor;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract of {@link ProhibitionRepository}; a subclass supplies the database. The races run on two
 * {@link Database} instances, each with its own pool, on the same database, as two nodes of the service would.
 */
public abstract class AbstractProhibitionRepositoryContractTest {

    private static final int THREADS = 8;

    private Database database;
    private ProhibitionRepository prohibitions;

    /** A freshly migrated database; the test closes it. */
    protected abstract Database openDatabase();

    /**
     * Another {@link Database}, with its own pool, on the database {@link #openDatabase()} last made: a second node.
     * The test closes it.
     */
    protected abstract Database openAnotherNode();

    @BeforeEach
    void openTheDatabase() {
        database = openDatabase();
        prohibitions = database.prohibitions();
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

    @Test
    void findProhibitedReturnsExactlyThoseWithAProhibitionInForce() {
        CustomerId prohibited = newCustomer();
        CustomerId lifted = newCustomer();
        CustomerId never = newCustomer();
        prohibitions.insertIfAbsent(new Prohibition(prohibited, AGENT, at(0)));
        prohibitions.insertIfAbsent(new Prohibition(lifted, AGENT, at(0)));
        prohibitions.remove(lifted);

        assertEquals(Set.of(prohibited), prohibitions.findProhibited(List.of(never, prohibited, lifted, prohibited)));
        assertEquals(Set.of(), prohibitions.findProhibited(List.of(never)));
        assertEquals(Set.of(), prohibitions.findProhibited(List.of()));
    }

    /** More ids than one statement takes: every chunk is asked, and the first and last of each are not lost. */
    @Test
    void findProhibitedAsksAboutEveryIdBeyondOneChunk() {
        List<CustomerId> asked = new ArrayList<>();
        Set<CustomerId> expected = new HashSet<>();
        for (int i = 0; i < 2 * Chunks.SIZE + 500; i++) {
            CustomerId customer = newCustomer();
            asked.add(customer);
            if (i % 250 == 0 || i % Chunks.SIZE == Chunks.SIZE - 1) {
                expected.add(customer);
            }
        }
        database.transactions().inTransaction(() -> {
            expected.forEach(customer -> prohibitions.insertIfAbsent(new Prohibition(customer, SURVEY_LINK, at(0))));
            return null;
        });

        assertEquals(expected, prohibitions.findProhibited(asked));
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

        List<Boolean> outcomes = raceOnTwoNodes((node, i) -> node.prohibitions().insertIfAbsent(
                new Prohibition(customer, AGENT, at(i))));

        assertEquals(1, outcomes.stream().filter(Boolean::booleanValue).count(), outcomes::toString);
        assertTrue(prohibitions.find(customer).isPresent());
    }

    @RepeatedTest(20)
    void ofConcurrentLiftsForOneCustomerExactlyOneGetsTheProhibition() throws Exception {
        CustomerId customer = newCustomer();
        Prohibition prohibition = new Prohibition(customer, PROFILE_WEB, at(0));
        prohibitions.insertIfAbsent(prohibition);

        List<Optional<Prohibition>> outcomes = raceOnTwoNodes((node, i) -> node.prohibitions().remove(customer));

        assertEquals(List.of(prohibition), outcomes.stream().flatMap(Optional::stream).toList());
        assertEquals(Optional.empty(), prohibitions.find(customer));
    }

    /**
     * The set use case, refused, reads the prohibition that refused it; no other node may lift it in between. So a
     * refused insert keeps the prohibition in force until the refused caller's transaction ends.
     */
    @Test
    void aRefusedInsertKeepsTheProhibitionInForceUntilItsTransactionEnds() throws Exception {
        CustomerId customer = newCustomer();
        Prohibition inForce = new Prohibition(customer, SURVEY_LINK, at(0));
        assertTrue(prohibitions.insertIfAbsent(inForce));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Database otherNode = openAnotherNode()) {
            Future<Optional<Prohibition>> liftElsewhere = database.transactions().inTransaction(() -> {
                assertFalse(prohibitions.insertIfAbsent(new Prohibition(customer, AGENT, at(1))));
                Future<Optional<Prohibition>> lift = pool.submit(() ->
                        otherNode.transactions().inTransaction(() -> otherNode.prohibitions().remove(customer)));
                assertThrows(TimeoutException.class, () -> lift.get(500, TimeUnit.MILLISECONDS),
                        "another node lifted the prohibition while a refused set still relied on it");
                assertEquals(Optional.of(inForce), prohibitions.find(customer));
                return lift;
            });
            assertEquals(Optional.of(inForce), liftElsewhere.get(10, TimeUnit.SECONDS), "and lifted it afterwards");
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Runs the attempt on {@value #THREADS} threads, released together, each in its own transaction; the even threads
     * on this test's {@link Database}, the odd ones on a second one on the same database.
     */
    private <T> List<T> raceOnTwoNodes(Attempt<T> attempt) throws Exception {
        try (Database otherNode = openAnotherNode()) {
            return Races.onTwoNodes(database, otherNode, THREADS,
                    (node, thread) -> node.transactions().inTransaction(() -> attempt.run(node, thread)));
        }
    }

    private interface Attempt<T> {
        T run(Database node, int thread);
    }
}

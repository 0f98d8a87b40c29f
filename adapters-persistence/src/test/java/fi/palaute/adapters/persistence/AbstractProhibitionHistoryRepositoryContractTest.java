package fi.palaute.adapters.persistence;

import static fi.palaute.adapters.persistence.TestData.AGENT;
import static fi.palaute.adapters.persistence.TestData.PROFILE_MOBILE;
import static fi.palaute.adapters.persistence.TestData.PROFILE_NO_CHANNEL;
import static fi.palaute.adapters.persistence.TestData.SURVEY_LINK;
import static fi.palaute.adapters.persistence.TestData.at;
import static fi.palaute.adapters.persistence.TestData.newCustomer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.application.port.out.ProhibitionHistoryRepository;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.consent.ProhibitionAction;
import fi.palaute.domain.consent.ProhibitionActor;
import fi.palaute.domain.consent.ProhibitionChange;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link ProhibitionHistoryRepository}; a subclass supplies the database. */
public abstract class AbstractProhibitionHistoryRepositoryContractTest {

    private Database database;
    private ProhibitionHistoryRepository history;

    /** A freshly migrated database; the test closes it. */
    protected abstract Database openDatabase();

    @BeforeEach
    void openTheDatabase() {
        database = openDatabase();
        history = database.prohibitionHistory();
    }

    @AfterEach
    void closeTheDatabase() {
        database.close();
    }

    /** A UUIDv7-shaped id whose order is the order of {@code n}. */
    private static String changeId(int n) {
        return String.format("0195f3a0-0000-7000-8000-%012d", n);
    }

    private static ProhibitionChange set(int id, CustomerId customer, ProhibitionActor by, Instant at) {
        return new ProhibitionChange(changeId(id), customer, ProhibitionAction.SET, by, at);
    }

    private static ProhibitionChange lifted(int id, CustomerId customer, ProhibitionActor.LiftingActor by, Instant at) {
        return ProhibitionChange.lifted(changeId(id), customer, by, at);
    }

    @Test
    void aCustomerWithoutChangesHasAnEmptyHistory() {
        assertEquals(List.of(), history.findByCustomer(newCustomer()));
    }

    /**
     * The order is the order in which changes took effect (were appended), never the times they carry: two nodes'
     * clocks differ, and a request that waited for another customer's change to commit carries the earlier time.
     */
    @Test
    void historyIsInTheOrderOfAppendingWhateverTheTimes() {
        CustomerId customer = newCustomer();
        ProhibitionChange first = set(3, customer, SURVEY_LINK, at(120));
        ProhibitionChange second = lifted(1, customer, PROFILE_NO_CHANNEL, at(60));
        ProhibitionChange third = set(2, customer, AGENT, at(0));

        history.append(first);
        history.append(second);
        history.append(third);

        assertEquals(List.of(first, second, third), history.findByCustomer(customer));
    }

    @Test
    void aCustomerSeesOnlyTheirOwnChanges() {
        CustomerId mine = newCustomer();
        CustomerId theirs = newCustomer();
        ProhibitionChange mySet = set(20, mine, AGENT, at(0));
        ProhibitionChange theirSet = set(21, theirs, SURVEY_LINK, at(1));
        ProhibitionChange myLift = lifted(22, mine, PROFILE_MOBILE, at(2));
        history.append(mySet);
        history.append(theirSet);
        history.append(myLift);

        assertEquals(List.of(mySet, myLift), history.findByCustomer(mine));
        assertEquals(List.of(theirSet), history.findByCustomer(theirs));
    }

    @Test
    void theDatabaseRefusesToEditAnEntry() {
        CustomerId customer = newCustomer();
        ProhibitionChange change = set(30, customer, AGENT, at(0));
        history.append(change);

        RuntimeException refused = assertThrows(RuntimeException.class, () -> database.jdbi().useHandle(handle ->
                handle.execute("UPDATE prohibition_history SET changed_at = changed_at + 1000, source = 'SURVEY_LINK'"
                        + ", agent_id = NULL")));

        assertTrue(String.valueOf(refused.getMessage()).contains("append-only"), refused::getMessage);
        assertEquals(List.of(change), history.findByCustomer(customer));
    }

    @Test
    void theDatabaseRefusesToDeleteAnEntry() {
        CustomerId customer = newCustomer();
        ProhibitionChange change = set(40, customer, SURVEY_LINK, at(0));
        history.append(change);

        RuntimeException refused = assertThrows(RuntimeException.class, () -> database.jdbi().useHandle(handle ->
                handle.execute("DELETE FROM prohibition_history WHERE customer_id = ?", customer.value())));

        assertTrue(String.valueOf(refused.getMessage()).contains("append-only"), refused::getMessage);
        assertEquals(List.of(change), history.findByCustomer(customer));
    }
}

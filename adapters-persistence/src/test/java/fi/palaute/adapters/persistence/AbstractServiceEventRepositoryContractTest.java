package fi.palaute.adapters.persistence;

import static fi.palaute.adapters.persistence.TestData.at;
import static fi.palaute.adapters.persistence.TestData.storedActiveSurvey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.application.port.out.ServiceEventRepository;
import fi.palaute.application.port.out.ServiceEventRepository.EventDecision;
import fi.palaute.domain.invitation.DecisionReason;
import fi.palaute.domain.invitation.SurveyDecision;
import fi.palaute.domain.survey.SurveyId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The contract of {@link ServiceEventRepository}; a subclass supplies the database and a second node on it. */
public abstract class AbstractServiceEventRepositoryContractTest {

    private static final String SOURCE = "k-channel-1";
    private static final int THREADS = 8;

    private Database database;
    private ServiceEventRepository events;
    private SurveyId chat;
    private SurveyId branch;

    /** A freshly migrated database; the test closes it. */
    protected abstract Database openDatabase();

    /** Another {@link Database}, with its own pool, on the database {@link #openDatabase()} last made. */
    protected abstract Database openAnotherNode();

    @BeforeEach
    void openTheDatabase() {
        database = openDatabase();
        events = database.serviceEvents();
        chat = storedActiveSurvey(database, "Chat", at(0));
        branch = storedActiveSurvey(database, "Konttori", at(1));
    }

    @AfterEach
    void closeTheDatabase() {
        database.close();
    }

    private static List<String> ids(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> String.format("%s-%05d", prefix, i)).toList();
    }

    @Test
    void onlyEventsNotSeenBeforeFromTheSameSourceAreNew() {
        assertEquals(Set.of("e-1", "e-2"), events.insertNew(SOURCE, List.of("e-2", "e-1", "e-2"), at(0)));

        assertEquals(Set.of(), events.insertNew(SOURCE, List.of("e-1", "e-2"), at(1)));
        assertEquals(Set.of("e-3"), events.insertNew(SOURCE, List.of("e-1", "e-3"), at(2)));
        assertEquals(Set.of("e-1"), events.insertNew("k-channel-2", List.of("e-1"), at(3)),
                "an event id is unique per source only");
        assertEquals(Set.of(), events.insertNew(SOURCE, List.of(), at(4)));
    }

    @Test
    void newEventsAreFoundBeyondOneChunk() {
        List<String> seen = ids("e", 2 * Chunks.SIZE + 500).stream().filter(id -> id.hashCode() % 3 == 0).toList();
        events.insertNew(SOURCE, seen, at(0));
        List<String> all = new ArrayList<>(ids("e", 2 * Chunks.SIZE + 500));
        Collections.shuffle(all, new Random(7));

        Set<String> fresh = events.insertNew(SOURCE, all, at(1));

        Set<String> expected = new HashSet<>(all);
        seen.forEach(expected::remove);
        assertEquals(expected, fresh);
        assertTrue(fresh.size() > Chunks.SIZE, "the test must reach past one chunk");
    }

    @Test
    void decisionsComeBackPerEventInTheOrderTheyWereAppended() {
        events.insertNew(SOURCE, List.of("e-1", "e-2", "e-3"), at(0));
        events.insertNew("k-other", List.of("e-1"), at(0));
        SurveyDecision branchInvited = new SurveyDecision(branch, DecisionReason.INVITED);
        SurveyDecision chatResting = new SurveyDecision(chat, DecisionReason.RESTING);
        SurveyDecision chatStale = new SurveyDecision(chat, DecisionReason.STALE);
        SurveyDecision chatNotSampled = new SurveyDecision(chat, DecisionReason.NOT_SAMPLED);

        events.appendDecisions(SOURCE, List.of(
                new EventDecision("e-2", chatStale),
                new EventDecision("e-1", branchInvited),
                new EventDecision("e-1", chatResting),
                new EventDecision("e-1", chatNotSampled)));
        events.appendDecisions("k-other", List.of(new EventDecision("e-1", chatStale)));

        assertEquals(Map.of(
                        "e-1", List.of(branchInvited, chatResting, chatNotSampled),
                        "e-2", List.of(chatStale)),
                events.decisionsOf(SOURCE, List.of("e-1", "e-2", "e-3", "never-seen")));
        assertEquals(Map.of("e-1", List.of(chatStale)), events.decisionsOf("k-other", List.of("e-1", "e-2")));
        assertEquals(Map.of(), events.decisionsOf(SOURCE, List.of()));
    }

    @Test
    void everyReasonIsStoredExactly() {
        List<String> ids = ids("e", DecisionReason.values().length);
        events.insertNew(SOURCE, ids, at(0));
        List<EventDecision> decisions = new ArrayList<>();
        for (DecisionReason reason : DecisionReason.values()) {
            decisions.add(new EventDecision(ids.get(reason.ordinal()), new SurveyDecision(chat, reason)));
        }

        events.appendDecisions(SOURCE, decisions);

        Map<String, List<SurveyDecision>> expected = new HashMap<>();
        decisions.forEach(decision -> expected.put(decision.eventId(), List.of(decision.decision())));
        assertEquals(expected, events.decisionsOf(SOURCE, ids));
    }

    @Test
    void decisionsOfManyEventsAreFoundBeyondOneChunk() {
        List<String> ids = ids("e", Chunks.SIZE + 300);
        events.insertNew(SOURCE, ids, at(0));
        List<EventDecision> decisions = new ArrayList<>();
        for (String id : ids) {
            decisions.add(new EventDecision(id, new SurveyDecision(branch, DecisionReason.NOT_SAMPLED)));
            decisions.add(new EventDecision(id, new SurveyDecision(chat, DecisionReason.INVITED)));
        }
        database.transactions().inTransaction(() -> {
            events.appendDecisions(SOURCE, decisions);
            return null;
        });

        Map<String, List<SurveyDecision>> found = events.decisionsOf(SOURCE, ids);

        assertEquals(ids.size(), found.size());
        for (String id : ids) {
            assertEquals(List.of(new SurveyDecision(branch, DecisionReason.NOT_SAMPLED),
                    new SurveyDecision(chat, DecisionReason.INVITED)), found.get(id), id);
        }
    }

    /**
     * Every thread records an overlapping set of the same ids, in its own order and its own transaction, half of
     * them on another node: each id is new to exactly one of them, and nobody deadlocks.
     */
    @RepeatedTest(5)
    void ofConcurrentRecordingsOfOneEventExactlyOneGetsIt() throws Exception {
        List<String> all = ids("race", 60);
        try (Database otherNode = openAnotherNode()) {
            List<Set<String>> outcomes = Races.onTwoNodes(database, otherNode, THREADS, (node, thread) -> {
                List<String> mine = new ArrayList<>(all.subList(thread * 5, thread * 5 + 25));
                mine.add("race-00000"); // one id that every thread records
                Collections.shuffle(mine, new Random(thread));
                return node.transactions().inTransaction(() -> node.serviceEvents().insertNew(SOURCE, mine, at(0)));
            });

            Set<String> returned = new HashSet<>();
            Set<String> returnedTwice = new TreeSet<>();
            outcomes.stream().flatMap(Set::stream).filter(id -> !returned.add(id)).forEach(returnedTwice::add);
            assertEquals(Set.of(), returnedTwice, "ids new to more than one recorder");
            assertEquals(new HashSet<>(all.subList(0, (THREADS - 1) * 5 + 25)), returned, "ids new to none");
        }
    }

    @Test
    void aRecordingWaitsForAnotherNodesUncommittedOneAndGetsTheEventIfThatRollsBack() throws Exception {
        Set<String> afterRollback = recordWhileAnotherNodeHolds(true);

        assertEquals(Set.of("e-1"), afterRollback);
    }

    @Test
    void aRecordingWaitsForAnotherNodesUncommittedOneAndGetsNothingIfThatCommits() throws Exception {
        Set<String> afterCommit = recordWhileAnotherNodeHolds(false);

        assertEquals(Set.of(), afterCommit);
    }

    private Set<String> recordWhileAnotherNodeHolds(boolean rollBack) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Database otherNode = openAnotherNode()) {
            List<Future<Set<String>>> recorded = new ArrayList<>();
            Runnable holdTheEvent = () -> database.transactions().inTransaction(() -> {
                assertEquals(Set.of("e-1"), events.insertNew(SOURCE, List.of("e-1"), at(0)));
                Future<Set<String>> second = pool.submit(() -> otherNode.transactions().inTransaction(() ->
                        otherNode.serviceEvents().insertNew(SOURCE, List.of("e-1"), at(1))));
                recorded.add(second);
                assertThrows(TimeoutException.class, () -> second.get(500, TimeUnit.MILLISECONDS),
                        "the other node decided on the event before this transaction ended");
                if (rollBack) {
                    throw new IllegalStateException("roll back");
                }
                return null;
            });
            if (rollBack) {
                assertThrows(IllegalStateException.class, holdTheEvent::run);
            } else {
                holdTheEvent.run();
            }
            return recorded.get(0).get(10, TimeUnit.SECONDS);
        } finally {
            pool.shutdownNow();
        }
    }
}

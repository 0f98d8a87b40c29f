package fi.palaute.adapters.persistence;

import static fi.palaute.adapters.persistence.TestData.at;
import static fi.palaute.adapters.persistence.TestData.newCustomer;
import static fi.palaute.adapters.persistence.TestData.newSurveyId;
import static fi.palaute.adapters.persistence.TestData.newTokenHash;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.domain.invitation.Invitation;
import fi.palaute.domain.response.StoredAnswer;
import fi.palaute.domain.shared.IsoWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The contract on PostgreSQL, and what only PostgreSQL needs saying: the system column xmin, which no catalogue view
 * of user columns lists, must not join a published anonymous answer to its invitation; a batch keeps no order of
 * arrival in the heap; and releases on two nodes take turns, so a batch never comes out below the minimum.
 */
class PostgresAnswerRepositoryContractTest extends AbstractAnswerRepositoryContractTest {

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

    /** The user columns, as information_schema lists them (system columns such as xmin are not among them). */
    @Override
    protected List<String> columnsOf(String table) {
        return database.jdbi().withHandle(handle -> handle.createQuery("""
                        SELECT column_name FROM information_schema.columns
                        WHERE table_schema = current_schema() AND table_name = :table
                        ORDER BY ordinal_position""")
                .bind("table", table)
                .mapTo(String.class)
                .list());
    }

    /** Each column (name, type, nullability, collation) in order, then each constraint as PostgreSQL prints it. */
    @Override
    protected List<String> definitionOf(String table) {
        List<String> definition = new ArrayList<>(database.jdbi().withHandle(handle -> handle.createQuery("""
                        SELECT column_name || ' ' || data_type || ' ' || is_nullable || ' '
                               || COALESCE(collation_name, '-')
                        FROM information_schema.columns
                        WHERE table_schema = current_schema() AND table_name = :table
                        ORDER BY ordinal_position""")
                .bind("table", table)
                .mapTo(String.class)
                .list()));
        definition.addAll(database.jdbi().withHandle(handle -> handle.createQuery("""
                        SELECT CAST(contype AS text) || ' ' || pg_get_constraintdef(c.oid) FROM pg_constraint c
                        WHERE c.conrelid = CAST(:table AS regclass)
                        ORDER BY 1""")
                .bind("table", table)
                .mapTo(String.class)
                .list()));
        return definition;
    }

    private String xminOf(String table, String keyColumn, String key) {
        return database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT xmin::text FROM " + table + " WHERE " + keyColumn + " = :key")
                .bind("key", key)
                .mapTo(String.class)
                .one());
    }

    /**
     * The anonymous answer is held in the transaction that marks its invitation answered, as the use case does, so
     * the held row's xmin is the invitation row's: the join R-ANON forbids, and what the hold keeps out of
     * anonymous_answer (and what shows this check can fail). Released with others by another transaction, no
     * published row carries the invitation's xmin.
     */
    @Test
    void aReleasedAnonymousAnswerSharesNoTransactionIdWithItsInvitation() {
        Invitation invitation = TestData.invitation(newSurveyId(), newCustomer(), at(0));
        Instant answeredAt = at(3_600);
        IsoWeek week = IsoWeek.containing(answeredAt);
        database.transactions().inTransaction(() -> {
            database.invitations().insertAll(List.of(invitation));
            database.invitations().handOver(Map.of(invitation.id(), newTokenHash()), at(60));
            return null;
        });
        Set<String> others = hold(anonymousAnswer(week), anonymousAnswer(week));
        StoredAnswer.AnonymousAnswer answer = anonymousAnswer(week);

        assertTrue(database.transactions().inTransaction(() -> {
            boolean marked = database.invitations().markAnswered(invitation.id(), answeredAt, invitation.createdAt());
            answers.insert(answer);
            return marked;
        }));

        String invitationXmin = xminOf("invitation", "invitation_id", invitation.id());
        assertEquals(invitationXmin, xminOf("anonymous_answer_held", "answer_id", answer.answerId()),
                "held in the invitation's transaction, the row carries its id");

        assertEquals(3, release(3, week));

        assertEquals(invitationXmin, xminOf("invitation", "invitation_id", invitation.id()),
                "the invitation is as it was");
        List<String> published = database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT xmin::text FROM anonymous_answer")
                .mapTo(String.class)
                .list());
        assertEquals(3, published.size());
        assertFalse(published.contains(invitationXmin), "a published answer carries its invitation's xmin");
        assertEquals(1, Set.copyOf(published).size(), "one batch, one transaction: " + published);
        assertTrue(idsIn("anonymous_answer").containsAll(others));
        assertTrue(idsIn("anonymous_answer").contains(answer.answerId()));
    }

    /**
     * A new row's place in the heap (ctid) follows insertion order, and the order answers were held in is the order
     * their invitations were answered in. A batch is written in the order of its random ids instead.
     */
    @Test
    void aBatchIsStoredInTheOrderOfItsRandomIdsNotTheOrderItWasHeldIn() {
        List<StoredAnswer.AnonymousAnswer> inOrderOfArrival = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            inOrderOfArrival.add(anonymousAnswer(THIS_WEEK));
        }
        hold(database, inOrderOfArrival);

        assertEquals(12, release(12, THIS_WEEK));

        List<String> byPlace = database.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT answer_id FROM anonymous_answer ORDER BY ctid").mapTo(String.class).list());
        List<String> byId = database.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT answer_id FROM anonymous_answer ORDER BY answer_id").mapTo(String.class).list());
        assertEquals(byId, byPlace);
    }

    /**
     * A release moves three held answers and has not committed when another answer is held (which does not wait for
     * it) and a release on another node starts. That one must wait, and then count what the first left: one answer,
     * below the batch of three, so it moves nothing. Had it counted without waiting, it would have seen four, and
     * its DELETE, after waiting for the first's row locks, would have moved the one alone.
     */
    @Test
    void aReleaseWaitsForOneInProgressAndThenCountsWhatItLeft() throws Exception {
        hold(anonymousAnswer(THIS_WEEK), anonymousAnswer(THIS_WEEK), anonymousAnswer(THIS_WEEK));
        StoredAnswer.AnonymousAnswer late = anonymousAnswer(THIS_WEEK);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        CountDownLatch moved = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        try (Database otherNode = openAnotherNode()) {
            Future<Integer> first = pool.submit(() -> database.transactions().inTransaction(() -> {
                int count = answers.releaseHeldAnonymousAnswers(3, THIS_WEEK);
                moved.countDown();
                assertTrue(assertDoesNotThrow(() -> commit.await(30, TimeUnit.SECONDS)));
                return count;
            }));
            assertTrue(moved.await(10, TimeUnit.SECONDS));

            Future<?> holding = pool.submit(() -> hold(otherNode, List.of(late)));
            assertDoesNotThrow(() -> holding.get(5, TimeUnit.SECONDS), "holding an answer waited for a release");
            Future<Integer> second = pool.submit(() -> otherNode.transactions().inTransaction(() ->
                    otherNode.answers().releaseHeldAnonymousAnswers(3, THIS_WEEK)));
            assertThrows(TimeoutException.class, () -> second.get(500, TimeUnit.MILLISECONDS),
                    "the second release did not wait for the first");
            commit.countDown();

            assertEquals(3, first.get(10, TimeUnit.SECONDS));
            assertEquals(0, second.get(10, TimeUnit.SECONDS), "a batch below the minimum came out");
            assertEquals(Set.of(late.answerId()), idsIn("anonymous_answer_held"));
            assertEquals(3, rowsIn("anonymous_answer"));
        } finally {
            commit.countDown();
            pool.shutdownNow();
        }
    }
}

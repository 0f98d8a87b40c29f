package fi.palaute.adapters.persistence;

import static fi.palaute.adapters.persistence.TestData.CONTROLLER;
import static fi.palaute.adapters.persistence.TestData.allMessages;
import static fi.palaute.adapters.persistence.TestData.at;
import static fi.palaute.adapters.persistence.TestData.comment;
import static fi.palaute.adapters.persistence.TestData.identifiedAnswer;
import static fi.palaute.adapters.persistence.TestData.newCustomer;
import static fi.palaute.adapters.persistence.TestData.newInvitationId;
import static fi.palaute.adapters.persistence.TestData.newSurveyId;
import static fi.palaute.adapters.persistence.TestData.newTokenHash;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.application.port.out.AnswerRepository;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.invitation.Controller;
import fi.palaute.domain.invitation.Invitation;
import fi.palaute.domain.invitation.TokenHash;
import fi.palaute.domain.response.AnswerContext;
import fi.palaute.domain.response.NpsScore;
import fi.palaute.domain.response.StoredAnswer;
import fi.palaute.domain.shared.Ids;
import fi.palaute.domain.shared.IsoWeek;
import fi.palaute.domain.survey.Channel;
import fi.palaute.domain.survey.Language;
import fi.palaute.domain.survey.SurveyId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link AnswerRepository}, read back with SQL since the port reads nothing back; a subclass supplies
 * the database and reads its catalogue.
 */
public abstract class AbstractAnswerRepositoryContractTest {

    /** The week the releases below take as the current one; the held answers' weeks are set against it. */
    protected static final IsoWeek THIS_WEEK = IsoWeek.parse("2027-W01");
    /** The week before {@link #THIS_WEEK}, in the year before: 'YYYY-Www' must compare across years. */
    protected static final IsoWeek LAST_WEEK = IsoWeek.parse("2026-W53");

    protected Database database;
    protected AnswerRepository answers;
    private SurveyId survey;

    /** A freshly migrated database; the test closes it. */
    protected abstract Database openDatabase();

    /** Another node: a second pool on the same database. The test closes it. */
    protected abstract Database openAnotherNode();

    /** The columns of the table, as the database's catalogue lists them, in their order. */
    protected abstract List<String> columnsOf(String table);

    /**
     * The table's definition as the database keeps it, without its name: columns with their types, nullability and
     * collations, the primary key and the CHECKs (and on SQLite, WITHOUT ROWID).
     */
    protected abstract List<String> definitionOf(String table);

    @BeforeEach
    void openTheDatabase() {
        database = openDatabase();
        answers = database.answers();
        survey = newSurveyId();
    }

    @AfterEach
    void closeTheDatabase() {
        database.close();
    }

    /** The stored row of the answer, every column as text (NULL as null), by lower-case column name. */
    protected Map<String, String> storedRow(String table, String answerId) {
        Map<String, Object> row = database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT * FROM " + table + " WHERE answer_id = :answerId")
                .bind("answerId", answerId)
                .mapToMap()
                .one());
        Map<String, String> asText = new HashMap<>();
        row.forEach((column, value) -> asText.put(column.toLowerCase(), value == null ? null : value.toString()));
        return asText;
    }

    private static Map<String, String> columns(Object... namesAndValues) {
        Map<String, String> columns = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            columns.put((String) namesAndValues[i], value == null ? null : value.toString());
        }
        return columns;
    }

    /** The answer ids in the table, sorted. */
    protected Set<String> idsIn(String table) {
        List<String> ids = database.jdbi().withHandle(handle -> handle.createQuery("SELECT answer_id FROM " + table)
                .mapTo(String.class)
                .list());
        return new TreeSet<>(ids);
    }

    protected long rowsIn(String table) {
        return database.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM " + table)
                .mapTo(long.class)
                .one());
    }

    /** An anonymous answer to this test's survey, given in the week. */
    protected StoredAnswer.AnonymousAnswer anonymousAnswer(IsoWeek week) {
        return new StoredAnswer.AnonymousAnswer(Ids.newRandomId(),
                new AnswerContext(survey, Optional.of(Channel.CHAT), CONTROLLER, Language.FI), new NpsScore(8),
                Optional.empty(), week);
    }

    /** Holds each answer in a transaction of its own, as answering does; returns their ids. */
    protected Set<String> hold(Database node, List<StoredAnswer.AnonymousAnswer> held) {
        for (StoredAnswer.AnonymousAnswer answer : held) {
            node.transactions().inTransaction(() -> {
                node.answers().insert(answer);
                return null;
            });
        }
        return held.stream().map(StoredAnswer.AnonymousAnswer::answerId).collect(Collectors.toCollection(TreeSet::new));
    }

    protected Set<String> hold(StoredAnswer.AnonymousAnswer... held) {
        return hold(database, List.of(held));
    }

    /** A release in a transaction of its own, as the job runs it. */
    protected int release(int minimumBatch, IsoWeek currentWeek) {
        return database.transactions().inTransaction(() -> answers.releaseHeldAnonymousAnswers(minimumBatch,
                currentWeek));
    }

    private Optional<String> customerOf(StoredAnswer.IdentifiedAnswer answer) {
        return Optional.ofNullable(storedRow("identified_answer", answer.answerId()).get("customer_id"));
    }

    @Test
    void anIdentifiedAnswerIsStoredWithItsContextCustomerAndInvitation() {
        CustomerId customer = newCustomer();
        StoredAnswer.IdentifiedAnswer fromChat = identifiedAnswer(survey, customer, newInvitationId(), 4,
                Optional.of(comment("Jonotin puoli tuntia [puhelinnumero poistettu]")), at(10).plusMillis(7));
        StoredAnswer.IdentifiedAnswer ofStudy = new StoredAnswer.IdentifiedAnswer(TestData.newAnswerId(),
                new AnswerContext(survey, Optional.empty(), new Controller("op.pohjola-vakuutus"), Language.EN),
                customer, newInvitationId(), new NpsScore(10), Optional.empty(), false, at(20));

        answers.insert(fromChat);
        answers.insert(ofStudy);

        assertEquals(columns("answer_id", fromChat.answerId(), "survey_id", survey.value(), "channel", "CHAT",
                        "controller", CONTROLLER.value(), "language", "fi", "score", 4,
                        "comment", "Jonotin puoli tuntia [puhelinnumero poistettu]", "contact_allowed", 1,
                        "answered_at", at(10).plusMillis(7).toEpochMilli(), "customer_id", customer.value(),
                        "invitation_id", fromChat.invitationId()),
                storedRow("identified_answer", fromChat.answerId()));
        assertEquals(columns("answer_id", ofStudy.answerId(), "survey_id", survey.value(), "channel", null,
                        "controller", "op.pohjola-vakuutus", "language", "en", "score", 10, "comment", null,
                        "contact_allowed", 0, "answered_at", at(20).toEpochMilli(), "customer_id", customer.value(),
                        "invitation_id", ofStudy.invitationId()),
                storedRow("identified_answer", ofStudy.answerId()));
    }

    @Test
    void anAnonymousAnswerIsHeldWithItsContextAndWeekOnlyAndReleasedUnchanged() {
        StoredAnswer.AnonymousAnswer answer = new StoredAnswer.AnonymousAnswer(Ids.newRandomId(),
                new AnswerContext(survey, Optional.of(Channel.BRANCH), CONTROLLER, Language.SV), new NpsScore(0),
                Optional.of(comment("Ingen ringde tillbaka")), THIS_WEEK);
        StoredAnswer.AnonymousAnswer bare = new StoredAnswer.AnonymousAnswer(Ids.newRandomId(),
                new AnswerContext(survey, Optional.empty(), CONTROLLER, Language.FI), new NpsScore(7),
                Optional.empty(), THIS_WEEK);
        Map<String, String> answerRow = columns("answer_id", answer.answerId(), "survey_id", survey.value(),
                "channel", "BRANCH", "controller", CONTROLLER.value(), "language", "sv", "score", 0,
                "comment", "Ingen ringde tillbaka", "iso_week", "2027-W01");
        Map<String, String> bareRow = columns("answer_id", bare.answerId(), "survey_id", survey.value(),
                "channel", null, "controller", CONTROLLER.value(), "language", "fi", "score", 7, "comment", null,
                "iso_week", "2027-W01");

        answers.insert(answer);
        answers.insert(bare);

        assertEquals(answerRow, storedRow("anonymous_answer_held", answer.answerId()));
        assertEquals(bareRow, storedRow("anonymous_answer_held", bare.answerId()));
        assertEquals(Set.of(), idsIn("anonymous_answer"), "published before its release");

        assertEquals(2, release(2, THIS_WEEK));

        assertEquals(answerRow, storedRow("anonymous_answer", answer.answerId()));
        assertEquals(bareRow, storedRow("anonymous_answer", bare.answerId()));
        assertEquals(Set.of(), idsIn("anonymous_answer_held"));
    }

    @Test
    void theHeldTableIsDefinedExactlyAsThePublishedOne() {
        List<String> published = definitionOf("anonymous_answer");

        assertFalse(published.isEmpty());
        assertEquals(published, definitionOf("anonymous_answer_held"));
    }

    @Test
    void heldAnswersWaitForAFullBatchAndThenMoveAllAtOnceAndOnce() {
        Set<String> first = hold(anonymousAnswer(THIS_WEEK), anonymousAnswer(THIS_WEEK), anonymousAnswer(THIS_WEEK),
                anonymousAnswer(THIS_WEEK));

        assertEquals(0, release(5, THIS_WEEK), "four of this week's answers are below a batch of five");
        assertEquals(first, idsIn("anonymous_answer_held"));
        assertEquals(Set.of(), idsIn("anonymous_answer"));

        Set<String> all = new TreeSet<>(first);
        all.addAll(hold(anonymousAnswer(THIS_WEEK)));
        assertEquals(5, release(5, THIS_WEEK), "the fifth makes a batch");
        assertEquals(all, idsIn("anonymous_answer"));
        assertEquals(5, rowsIn("anonymous_answer"));
        assertEquals(Set.of(), idsIn("anonymous_answer_held"));

        assertEquals(0, release(1, THIS_WEEK), "nothing is left to move");
        assertEquals(5, rowsIn("anonymous_answer"));
    }

    @Test
    void anAnswerFromAWeekThatHasEndedReleasesEveryHeldAnswerBelowTheBatch() {
        Set<String> held = hold(anonymousAnswer(THIS_WEEK), anonymousAnswer(LAST_WEEK), anonymousAnswer(THIS_WEEK));

        assertEquals(3, release(10, THIS_WEEK));

        assertEquals(held, idsIn("anonymous_answer"));
        assertEquals(Set.of(), idsIn("anonymous_answer_held"));
        assertEquals(0, release(10, THIS_WEEK));
    }

    @Test
    void answersBelowTheBatchStayHeldWhileTheirWeekIsTheCurrentOne() {
        Set<String> held = hold(anonymousAnswer(LAST_WEEK), anonymousAnswer(LAST_WEEK));

        assertEquals(0, release(3, LAST_WEEK), "last week was the current one then");

        assertEquals(held, idsIn("anonymous_answer_held"));
        assertEquals(2, release(3, THIS_WEEK), "and once it has ended they move");
    }

    @Test
    void aReleaseIsRefusedOutsideATransactionAndBelowABatchOfOne() {
        hold(anonymousAnswer(LAST_WEEK));

        assertThrows(IllegalStateException.class, () -> answers.releaseHeldAnonymousAnswers(1, THIS_WEEK));
        assertThrows(IllegalArgumentException.class, () -> release(0, THIS_WEEK));
        assertEquals(1, rowsIn("anonymous_answer_held"));
        assertEquals(0, rowsIn("anonymous_answer"));
    }

    @Test
    void aReleaseInATransactionThatFailsLeavesTheAnswersHeld() {
        Set<String> held = hold(anonymousAnswer(THIS_WEEK), anonymousAnswer(THIS_WEEK));

        assertThrows(IllegalStateException.class, () -> database.transactions().inTransaction(() -> {
            assertEquals(2, answers.releaseHeldAnonymousAnswers(2, THIS_WEEK));
            throw new IllegalStateException("the job failed");
        }));

        assertEquals(held, idsIn("anonymous_answer_held"));
        assertEquals(Set.of(), idsIn("anonymous_answer"));
    }

    /**
     * Every thread holds five answers, one transaction each, and then releases with a batch of three, half of them on
     * another node, all at once, so holds and releases overlap: together they move each answer exactly once, and
     * every release that moves anything moves at least a batch.
     */
    @RepeatedTest(3)
    void releasesOnTwoNodesAtOnceMoveEachAnswerOnce() throws Exception {
        int threads = 8;
        Set<String> held = new TreeSet<>();
        try (Database otherNode = openAnotherNode()) {
            List<List<StoredAnswer.AnonymousAnswer>> answersByThread = new ArrayList<>();
            for (int thread = 0; thread < threads; thread++) {
                List<StoredAnswer.AnonymousAnswer> mine = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    mine.add(anonymousAnswer(THIS_WEEK));
                }
                answersByThread.add(mine);
            }
            List<Integer> moved = Races.onTwoNodes(database, otherNode, threads, (node, thread) -> {
                hold(node, answersByThread.get(thread));
                return node.transactions().inTransaction(() ->
                        node.answers().releaseHeldAnonymousAnswers(3, THIS_WEEK));
            });
            answersByThread.forEach(mine -> mine.forEach(answer -> held.add(answer.answerId())));
            int rest = release(1, THIS_WEEK);

            assertEquals(held.size(), moved.stream().mapToInt(Integer::intValue).sum() + rest, moved::toString);
            moved.forEach(count -> assertTrue(count == 0 || count >= 3, "a release below the batch: " + moved));
            assertEquals(held, idsIn("anonymous_answer"));
            assertEquals(held.size(), rowsIn("anonymous_answer"), "an answer stored twice");
            assertEquals(Set.of(), idsIn("anonymous_answer_held"));
        }
    }

    /**
     * R-ANON, checked on what is stored. An answer to an anonymous survey is held in the transaction that uses its
     * invitation (handed over, then answered), and later released into anonymous_answer. Joining either to the
     * invitation would need a column they share (the invitation id, the customer id, the token hash) or a time fine
     * enough to match the invitation's times (when it was made, handed over, answered, or expires). Neither table has
     * such a column, as the database's own catalogue lists them, and no stored value, held or released, is any of
     * those. (What the catalogue does not list, PostgreSQL's system columns, is the PostgreSQL subclass's to check.)
     */
    @Test
    void anAnonymousAnswerStoresNothingThatLeadsBackToItsInvitationOrCustomer() {
        CustomerId customer = newCustomer();
        Invitation invitation = TestData.invitation(survey, customer, at(0));
        TokenHash token = newTokenHash();
        Instant handedOverAt = at(60);
        Instant answeredAt = at(3_600).plusMillis(123);
        database.transactions().inTransaction(() -> {
            database.invitations().insertAll(List.of(invitation));
            database.invitations().handOver(Map.of(invitation.id(), token), handedOverAt);
            return null;
        });
        StoredAnswer.AnonymousAnswer answer = new StoredAnswer.AnonymousAnswer(Ids.newRandomId(),
                AnswerContext.of(invitation, Language.FI), new NpsScore(2), Optional.of(comment("Liian hidasta")),
                IsoWeek.containing(answeredAt));

        boolean used = database.transactions().inTransaction(() -> {
            // As the use case does: an anonymous survey's invitation keeps its creation time as its state time.
            boolean marked = database.invitations().markAnswered(invitation.id(), answeredAt, invitation.createdAt());
            answers.insert(answer);
            return marked;
        });

        assertTrue(used);
        List<String> onlyThese = List.of("answer_id", "survey_id", "channel", "controller", "language", "score",
                "comment", "iso_week");
        for (String table : List.of("anonymous_answer_held", "anonymous_answer")) {
            assertEquals(onlyThese, columnsOf(table), table + ": no column for a customer, invitation, token or time");
        }
        Map<String, String> expected = columns("answer_id", answer.answerId(), "survey_id", survey.value(),
                "channel", "CHAT", "controller", CONTROLLER.value(), "language", "fi", "score", 2,
                "comment", "Liian hidasta", "iso_week", IsoWeek.containing(answeredAt).toString());
        List<String> leads = new ArrayList<>(List.of(invitation.id(), customer.value(), token.hex()));
        for (Instant time : List.of(invitation.createdAt(), invitation.expiresAt(), handedOverAt, answeredAt)) {
            leads.add(Long.toString(time.toEpochMilli()));
            leads.add(time.toString());
        }
        Map<String, String> held = storedRow("anonymous_answer_held", answer.answerId());
        assertEquals(expected, held);
        assertLeadsNowhere(held, leads);

        assertEquals(1, release(1, IsoWeek.containing(answeredAt)));

        Map<String, String> released = storedRow("anonymous_answer", answer.answerId());
        assertEquals(expected, released);
        assertLeadsNowhere(released, leads);
    }

    private static void assertLeadsNowhere(Map<String, String> stored, List<String> leads) {
        stored.forEach((column, value) -> leads.forEach(lead -> assertFalse(value != null && value.contains(lead),
                column + " holds a value that leads back: " + lead)));
    }

    @Test
    void deidentifyingByAgeRemovesTheLinkOfOlderLinkedAnswersOnly() {
        CustomerId customer = newCustomer();
        StoredAnswer.IdentifiedAnswer oldest = identifiedAnswer(survey, newCustomer(), newInvitationId(), 9,
                Optional.empty(), at(0));
        StoredAnswer.IdentifiedAnswer older = identifiedAnswer(survey, newCustomer(), newInvitationId(), 3,
                Optional.of(comment("Huono")), at(10));
        StoredAnswer.IdentifiedAnswer atTheCutoff = identifiedAnswer(survey, customer, newInvitationId(), 8,
                Optional.empty(), at(20));
        StoredAnswer.IdentifiedAnswer newer = identifiedAnswer(survey, newCustomer(), newInvitationId(), 6,
                Optional.empty(), at(30));
        List.of(oldest, older, atTheCutoff, newer).forEach(answers::insert);
        answers.deidentifyCustomer(oldest.customerId()); // already de-identified: not counted again

        int deidentified = database.transactions().inTransaction(() -> answers.deidentifyAnsweredBefore(at(20)));

        assertEquals(1, deidentified, "only the older answer still linked");
        assertEquals(columns("answer_id", older.answerId(), "survey_id", survey.value(), "channel", "CHAT",
                        "controller", CONTROLLER.value(), "language", "fi", "score", 3, "comment", "Huono",
                        "contact_allowed", 1, "answered_at", at(10).toEpochMilli(), "customer_id", null,
                        "invitation_id", null),
                storedRow("identified_answer", older.answerId()), "the answer stays, without its link");
        assertEquals(Optional.of(customer.value()), customerOf(atTheCutoff));
        assertEquals(Optional.of(newer.customerId().value()), customerOf(newer));
        assertEquals(0, answers.deidentifyAnsweredBefore(at(20)), "nothing is left to do");
    }

    @Test
    void deidentifyingACustomerRemovesTheLinkOfTheirAnswersOnly() {
        CustomerId customer = newCustomer();
        CustomerId other = newCustomer();
        StoredAnswer.IdentifiedAnswer first = identifiedAnswer(survey, customer, newInvitationId(), 1,
                Optional.empty(), at(0));
        StoredAnswer.IdentifiedAnswer second = identifiedAnswer(survey, customer, newInvitationId(), 10,
                Optional.empty(), at(100));
        StoredAnswer.IdentifiedAnswer theirs = identifiedAnswer(survey, other, newInvitationId(), 5,
                Optional.empty(), at(50));
        List.of(first, second, theirs).forEach(answers::insert);

        assertEquals(2, answers.deidentifyCustomer(customer));

        for (StoredAnswer.IdentifiedAnswer answer : List.of(first, second)) {
            Map<String, String> stored = storedRow("identified_answer", answer.answerId());
            assertEquals(null, stored.get("customer_id"));
            assertEquals(null, stored.get("invitation_id"));
            assertEquals(Integer.toString(answer.score().value()), stored.get("score"), "the answer stays");
        }
        assertEquals(Optional.of(other.value()), customerOf(theirs));
        assertEquals(theirs.invitationId(), storedRow("identified_answer", theirs.answerId()).get("invitation_id"));
        assertEquals(0, answers.deidentifyCustomer(customer));
    }

    @Test
    void anAnswerIsLinkedToBothItsCustomerAndItsInvitationOrToNeither() {
        StoredAnswer.IdentifiedAnswer answer = identifiedAnswer(survey, newCustomer(), newInvitationId(), 5,
                Optional.empty(), at(0));
        answers.insert(answer);

        assertThrows(RuntimeException.class, () -> database.jdbi().useHandle(handle -> handle.execute(
                "UPDATE identified_answer SET customer_id = NULL WHERE answer_id = ?", answer.answerId())));
        assertThrows(RuntimeException.class, () -> database.jdbi().useHandle(handle -> handle.execute(
                "UPDATE identified_answer SET invitation_id = NULL WHERE answer_id = ?", answer.answerId())));
        assertEquals(Optional.of(answer.customerId().value()), customerOf(answer));
    }

    @Test
    void aFailedInsertNamesNeitherTheCommentNorTheCustomer() {
        CustomerId customer = newCustomer();
        StoredAnswer.IdentifiedAnswer answer = identifiedAnswer(survey, customer, newInvitationId(), 2,
                Optional.of(comment("Salainen kommentti")), at(0));
        answers.insert(answer);
        StoredAnswer.AnonymousAnswer anonymous = new StoredAnswer.AnonymousAnswer(Ids.newRandomId(),
                new AnswerContext(survey, Optional.empty(), CONTROLLER, Language.FI), new NpsScore(1),
                Optional.of(comment("Toinen salainen kommentti")), IsoWeek.parse("2026-W45"));
        answers.insert(anonymous);

        RuntimeException identifiedAgain = assertThrows(RuntimeException.class, () -> answers.insert(answer));
        RuntimeException anonymousAgain = assertThrows(RuntimeException.class, () -> answers.insert(anonymous));

        for (RuntimeException failure : List.of(identifiedAgain, anonymousAgain)) {
            String messages = allMessages(failure);
            assertTrue(messages.contains("_answer"), messages);
            for (String personal : List.of("salainen kommentti", customer.value())) {
                assertFalse(messages.toLowerCase().contains(personal.toLowerCase()),
                        "the failure repeats a bound value: " + messages);
            }
        }
    }

    @Test
    void answersInsertedInBulkAreStoredAsOneByOne() {
        List<StoredAnswer.IdentifiedAnswer> bulk = new ArrayList<>();
        for (int i = 0; i < 2_345; i++) {
            bulk.add(identifiedAnswer(survey, newCustomer(), newInvitationId(), i % 11,
                    i % 3 == 0 ? Optional.of(comment("Kommentti " + i)) : Optional.empty(), at(i)));
        }

        database.transactions().inTransaction(() -> {
            answers.insertAll(bulk);
            return null;
        });

        assertEquals(bulk.size(), rowsIn("identified_answer"));
        for (StoredAnswer.IdentifiedAnswer answer : List.of(bulk.get(0), bulk.get(999), bulk.get(1_000),
                bulk.get(2_344))) {
            assertEquals(columns("answer_id", answer.answerId(), "survey_id", survey.value(), "channel", "CHAT",
                            "controller", CONTROLLER.value(), "language", "fi", "score", answer.score().value(),
                            "comment", answer.comment().map(c -> c.text()).orElse(null), "contact_allowed", 1,
                            "answered_at", answer.answeredAt().toEpochMilli(), "customer_id",
                            answer.customerId().value(), "invitation_id", answer.invitationId()),
                    storedRow("identified_answer", answer.answerId()));
        }
        answers.insertAll(List.of());
        assertEquals(bulk.size(), rowsIn("identified_answer"));
    }

    @Test
    void aFailedBulkInsertStoresNoneAndNamesNeitherTheCommentNorTheCustomer() {
        CustomerId customer = newCustomer();
        StoredAnswer.IdentifiedAnswer stored = identifiedAnswer(survey, customer, newInvitationId(), 2,
                Optional.of(comment("Salainen kommentti")), at(0));
        answers.insert(stored);
        List<StoredAnswer.IdentifiedAnswer> bulk = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            bulk.add(identifiedAnswer(survey, newCustomer(), newInvitationId(), 5, Optional.empty(), at(i)));
        }
        bulk.add(stored);

        RuntimeException failure = assertThrows(RuntimeException.class, () -> answers.insertAll(bulk));

        String messages = allMessages(failure);
        assertTrue(messages.contains("identified_answer"), messages);
        for (String personal : List.of("salainen kommentti", customer.value(), stored.answerId())) {
            assertFalse(messages.toLowerCase().contains(personal.toLowerCase()),
                    "the failure repeats a bound value: " + messages);
        }
        assertEquals(1, rowsIn("identified_answer"), "the chunk before the failing one is rolled back too");
    }

    @Test
    void answersInsertedInATransactionThatFailsAreRolledBackWithIt() {
        StoredAnswer.IdentifiedAnswer answer = identifiedAnswer(survey, newCustomer(), newInvitationId(), 5,
                Optional.empty(), at(0));

        assertThrows(IllegalStateException.class, () -> database.transactions().inTransaction(() -> {
            answers.insert(answer);
            throw new IllegalStateException("the use case failed");
        }));

        long stored = database.jdbi().withHandle(handle -> handle.createQuery(
                "SELECT COUNT(*) FROM identified_answer").mapTo(long.class).one());
        assertEquals(0, stored);
    }
}

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link AnswerRepository}, read back with SQL since the port reads nothing back; a subclass supplies
 * the database and reads its catalogue.
 */
public abstract class AbstractAnswerRepositoryContractTest {

    protected Database database;
    protected AnswerRepository answers;
    private SurveyId survey;

    /** A freshly migrated database; the test closes it. */
    protected abstract Database openDatabase();

    /** The columns of the table, as the database's catalogue lists them, in their order. */
    protected abstract List<String> columnsOf(String table);

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
    void anAnonymousAnswerIsStoredWithItsContextAndWeekOnly() {
        StoredAnswer.AnonymousAnswer answer = new StoredAnswer.AnonymousAnswer(Ids.newRandomId(),
                new AnswerContext(survey, Optional.of(Channel.BRANCH), CONTROLLER, Language.SV), new NpsScore(0),
                Optional.of(comment("Ingen ringde tillbaka")), IsoWeek.parse("2026-W53"));
        StoredAnswer.AnonymousAnswer bare = new StoredAnswer.AnonymousAnswer(Ids.newRandomId(),
                new AnswerContext(survey, Optional.empty(), CONTROLLER, Language.FI), new NpsScore(7),
                Optional.empty(), IsoWeek.parse("2027-W01"));

        answers.insert(answer);
        answers.insert(bare);

        assertEquals(columns("answer_id", answer.answerId(), "survey_id", survey.value(), "channel", "BRANCH",
                        "controller", CONTROLLER.value(), "language", "sv", "score", 0,
                        "comment", "Ingen ringde tillbaka", "iso_week", "2026-W53"),
                storedRow("anonymous_answer", answer.answerId()));
        assertEquals(columns("answer_id", bare.answerId(), "survey_id", survey.value(), "channel", null,
                        "controller", CONTROLLER.value(), "language", "fi", "score", 7, "comment", null,
                        "iso_week", "2027-W01"),
                storedRow("anonymous_answer", bare.answerId()));
    }

    /**
     * R-ANON, checked on what is stored. An answer to an anonymous survey is stored in the transaction that uses its
     * invitation (handed over, then answered). Joining the two would need a column they share (the invitation id, the
     * customer id, the token hash) or a time fine enough to match the invitation's times (when it was made, handed
     * over, answered, or expires). The table has no such column, as the database's own catalogue lists it, and no
     * stored value is any of those.
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
        assertEquals(List.of("answer_id", "survey_id", "channel", "controller", "language", "score", "comment",
                "iso_week"), columnsOf("anonymous_answer"), "no column for a customer, invitation, token or time");
        Map<String, String> stored = storedRow("anonymous_answer", answer.answerId());
        assertEquals(columns("answer_id", answer.answerId(), "survey_id", survey.value(), "channel", "CHAT",
                "controller", CONTROLLER.value(), "language", "fi", "score", 2, "comment", "Liian hidasta",
                "iso_week", IsoWeek.containing(answeredAt).toString()), stored);
        List<String> leads = new ArrayList<>(List.of(invitation.id(), customer.value(), token.hex()));
        for (Instant time : List.of(invitation.createdAt(), invitation.expiresAt(), handedOverAt, answeredAt)) {
            leads.add(Long.toString(time.toEpochMilli()));
            leads.add(time.toString());
        }
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

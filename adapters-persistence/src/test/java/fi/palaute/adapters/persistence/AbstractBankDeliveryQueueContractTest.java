package fi.palaute.adapters.persistence;

import static fi.palaute.adapters.persistence.TestData.at;
import static fi.palaute.adapters.persistence.TestData.invitation;
import static fi.palaute.adapters.persistence.TestData.newCustomer;
import static fi.palaute.adapters.persistence.TestData.survey;
import static fi.palaute.adapters.persistence.TestData.transactionalDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.palaute.application.port.out.BankDeliveryQueue;
import fi.palaute.domain.invitation.Invitation;
import fi.palaute.domain.survey.Survey;
import fi.palaute.domain.survey.SurveyState;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link BankDeliveryQueue}; a subclass supplies the database. */
public abstract class AbstractBankDeliveryQueueContractTest {

    private Database database;
    private BankDeliveryQueue queue;
    private Survey survey;

    /** A freshly migrated database; the test closes it. */
    protected abstract Database openDatabase();

    @BeforeEach
    void openTheDatabase() {
        database = openDatabase();
        queue = database.bankDeliveryQueue();
        survey = survey(transactionalDefinition("Chat"), SurveyState.ACTIVE, at(0));
        database.surveys().insert(survey);
    }

    @AfterEach
    void closeTheDatabase() {
        database.close();
    }

    private List<String> invitations(int count) {
        List<Invitation> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            made.add(invitation(survey.id(), newCustomer(), at(i)));
        }
        database.invitations().insertAll(made);
        return made.stream().map(Invitation::id).toList();
    }

    @Test
    void anEmptyQueueHasNothingReady() {
        assertEquals(0, queue.countReady());
    }

    @Test
    void markedInvitationsAreCountedOnceEach() {
        List<String> ids = invitations(250);

        queue.markReady(ids.subList(0, 200), at(60));
        queue.markReady(ids.subList(150, 250), at(120));
        queue.markReady(List.of(), at(180));

        assertEquals(250, queue.countReady());
        long keptFirstTime = database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT ready_at FROM bank_delivery_queue WHERE invitation_id = :id")
                .bind("id", ids.get(150))
                .mapTo(long.class)
                .one());
        assertEquals(at(60).toEpochMilli(), keptFirstTime, "marked twice, it keeps its first time");
    }

}

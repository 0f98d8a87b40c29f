package fi.palaute.adapters.persistence;

import static fi.palaute.adapters.persistence.TestData.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.application.port.out.PartnerRepository;
import fi.palaute.domain.access.PartnerId;
import fi.palaute.domain.partner.Partner;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The contract of {@link PartnerRepository}; a subclass supplies the database and a second node on it. */
public abstract class AbstractPartnerRepositoryContractTest {

    private Database database;
    private PartnerRepository partners;

    /** A freshly migrated database; the test closes it. */
    protected abstract Database openDatabase();

    /** Another {@link Database}, with its own pool, on the database {@link #openDatabase()} last made. */
    protected abstract Database openAnotherNode();

    @BeforeEach
    void openTheDatabase() {
        database = openDatabase();
        partners = database.partners();
    }

    @AfterEach
    void closeTheDatabase() {
        database.close();
    }

    @Test
    void aNewDatabaseHasNoPartners() {
        assertEquals(List.of(), partners.findAll());
        assertEquals(Optional.empty(), partners.find(new PartnerId("acme_surveys")));
    }

    @Test
    void theFirstPartnerWithAnIdIsKeptAndASecondIsRefused() {
        Partner acme = new Partner(new PartnerId("acme_surveys"), "Acme Surveys Oy", at(0));

        assertTrue(partners.insertIfAbsent(acme));
        assertFalse(partners.insertIfAbsent(new Partner(acme.id(), "Someone Else Ab", at(60))));

        assertEquals(Optional.of(acme), partners.find(acme.id()));
        assertEquals(List.of(acme), partners.findAll());
    }

    /** By id, byte by byte: upper case before lower case, '-' before digits, whatever the database's locale. */
    @Test
    void allPartnersComeByIdInByteOrder() {
        Partner lower = new Partner(new PartnerId("alpha"), "Alpha Oy", at(0));
        Partner upper = new Partner(new PartnerId("Zeta"), "Zeta Oy", at(1));
        Partner dash = new Partner(new PartnerId("a-1"), "A-yksi Oy", at(2));
        Partner digit = new Partner(new PartnerId("a1"), "A1 Oy", at(3));
        partners.insertIfAbsent(lower);
        partners.insertIfAbsent(upper);
        partners.insertIfAbsent(digit);
        partners.insertIfAbsent(dash);

        assertEquals(List.of(upper, dash, digit, lower), partners.findAll());
    }

    @RepeatedTest(3)
    void ofConcurrentInsertsOfOnePartnerExactlyOneWins() throws Exception {
        PartnerId id = new PartnerId("acme_surveys");
        try (Database otherNode = openAnotherNode()) {
            List<Boolean> outcomes = Races.onTwoNodes(database, otherNode, 8, (node, thread) ->
                    node.transactions().inTransaction(() ->
                            node.partners().insertIfAbsent(new Partner(id, "Partner " + thread, at(thread)))));

            assertEquals(1, outcomes.stream().filter(Boolean::booleanValue).count(), outcomes::toString);
            assertEquals(1, partners.findAll().size());
        }
    }
}

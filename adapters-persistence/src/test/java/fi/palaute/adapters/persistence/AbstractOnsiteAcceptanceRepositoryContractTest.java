package fi.palaute.adapters.persistence;

import static fi.palaute.adapters.persistence.TestData.allMessages;
import static fi.palaute.adapters.persistence.TestData.at;
import static fi.palaute.adapters.persistence.TestData.newInvitationId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.application.port.out.OnsiteAcceptanceRepository;
import fi.palaute.domain.response.OnsiteAcceptance;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The contract of {@link OnsiteAcceptanceRepository}, read back with SQL; a subclass supplies the database. */
public abstract class AbstractOnsiteAcceptanceRepositoryContractTest {

    protected Database database;
    protected OnsiteAcceptanceRepository acceptances;

    /** A freshly migrated database; the test closes it. */
    protected abstract Database openDatabase();

    @BeforeEach
    void openTheDatabase() {
        database = openDatabase();
        acceptances = database.onsiteAcceptances();
    }

    @AfterEach
    void closeTheDatabase() {
        database.close();
    }

    /** What is stored for an invitation: accepted, meeting time, place, recorded time. */
    private record StoredAcceptance(int accepted, Long meetingAt, String place, long recordedAt) {
    }

    private Optional<StoredAcceptance> stored(String invitationId) {
        return database.jdbi().withHandle(handle -> handle.createQuery("""
                        SELECT accepted, meeting_at, place, recorded_at FROM onsite_acceptance
                        WHERE invitation_id = :id""")
                .bind("id", invitationId)
                .map((rs, ctx) -> new StoredAcceptance(rs.getInt("accepted"),
                        rs.getObject("meeting_at") == null ? null : rs.getLong("meeting_at"),
                        rs.getString("place"), rs.getLong("recorded_at")))
                .findOne());
    }

    @Test
    void aYesIsStoredWithItsTimeAndPlaceAndANoWithNeither() {
        String yes = newInvitationId();
        String no = newInvitationId();

        acceptances.insert(yes, new OnsiteAcceptance.Accepted(at(86_400).plusMillis(5), "Konttori, Vaasankatu 2"),
                at(10));
        acceptances.insert(no, new OnsiteAcceptance.Declined(), at(20));

        assertEquals(Optional.of(new StoredAcceptance(1, at(86_400).plusMillis(5).toEpochMilli(),
                "Konttori, Vaasankatu 2", at(10).toEpochMilli())), stored(yes));
        assertEquals(Optional.of(new StoredAcceptance(0, null, null, at(20).toEpochMilli())), stored(no));
    }

    @Test
    void anInvitationIsAnsweredOnceAndTheFailureNamesNoPlace() {
        String invitation = newInvitationId();
        acceptances.insert(invitation, new OnsiteAcceptance.Accepted(at(3_600), "Kotikatu 1 B 7"), at(0));

        RuntimeException again = assertThrows(RuntimeException.class, () -> acceptances.insert(invitation,
                new OnsiteAcceptance.Accepted(at(7_200), "Toinen osoite 9"), at(1)));

        assertTrue(allMessages(again).contains("onsite_acceptance"), allMessages(again));
        assertFalse(allMessages(again).contains("osoite"), allMessages(again));
        assertEquals(Optional.of(new StoredAcceptance(1, at(3_600).toEpochMilli(), "Kotikatu 1 B 7",
                at(0).toEpochMilli())), stored(invitation));
    }

    /** The CHECKs pair "accepted" with a time and a place, and "declined" with neither. */
    @Test
    void theDatabaseRefusesAYesWithoutTimeAndPlaceAndANoWithThem() {
        for (String values : List.of("1, NULL, 'Konttori'", "1, 1000, NULL", "0, 1000, NULL", "0, NULL, 'Konttori'",
                "1, 1000, ''")) {
            String invitation = newInvitationId();
            assertThrows(RuntimeException.class, () -> database.jdbi().useHandle(handle -> handle.execute(
                    "INSERT INTO onsite_acceptance (invitation_id, accepted, meeting_at, place, recorded_at)"
                            + " VALUES (?, " + values + ", 0)", invitation)), values);
            assertEquals(Optional.empty(), stored(invitation));
        }
    }

    @Test
    void anErasureRemovesTheAcceptancesOfTheListedInvitationsOnly() {
        List<String> erased = new ArrayList<>();
        database.transactions().inTransaction(() -> {
            for (int i = 0; i < Chunks.SIZE + 10; i++) {
                String invitation = newInvitationId();
                erased.add(invitation);
                acceptances.insert(invitation, new OnsiteAcceptance.Declined(), at(i));
            }
            return null;
        });
        String kept = newInvitationId();
        acceptances.insert(kept, new OnsiteAcceptance.Accepted(at(3_600), "Konttori"), at(0));
        List<String> asked = new ArrayList<>(erased);
        asked.add(newInvitationId()); // an interview invitation never answered

        int removed = database.transactions().inTransaction(() -> acceptances.deleteForInvitations(asked));

        assertEquals(erased.size(), removed);
        assertEquals(Optional.empty(), stored(erased.get(0)));
        assertEquals(Optional.empty(), stored(erased.get(erased.size() - 1)));
        assertTrue(stored(kept).isPresent());
        assertEquals(0, acceptances.deleteForInvitations(List.of()));
        assertEquals(0, acceptances.deleteForInvitations(erased));
    }
}

package fi.palaute.adapters.persistence;

import static fi.palaute.adapters.persistence.TestData.ACME;
import static fi.palaute.adapters.persistence.TestData.at;
import static fi.palaute.adapters.persistence.TestData.studyDefinition;
import static fi.palaute.adapters.persistence.TestData.survey;
import static fi.palaute.adapters.persistence.TestData.transactionalDefinition;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.application.port.out.SurveyRepository;
import fi.palaute.domain.invitation.SamplingRate;
import fi.palaute.domain.survey.Channel;
import fi.palaute.domain.survey.Deliverer;
import fi.palaute.domain.survey.DeliveryChannel;
import fi.palaute.domain.survey.Language;
import fi.palaute.domain.survey.Survey;
import fi.palaute.domain.survey.SurveyDefinition;
import fi.palaute.domain.survey.SurveyId;
import fi.palaute.domain.survey.SurveyKind;
import fi.palaute.domain.survey.SurveyState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The contract of {@link SurveyRepository}; a subclass supplies the database and a second node on it. */
public abstract class AbstractSurveyRepositoryContractTest {

    private Database database;
    private SurveyRepository surveys;

    /** A freshly migrated database; the test closes it. */
    protected abstract Database openDatabase();

    /** Another {@link Database}, with its own pool, on the database {@link #openDatabase()} last made. */
    protected abstract Database openAnotherNode();

    @BeforeEach
    void openTheDatabase() {
        database = openDatabase();
        surveys = database.surveys();
    }

    @AfterEach
    void closeTheDatabase() {
        database.close();
    }

    /** Every field away from the defaults: five channels with rates a float would not keep, three languages. */
    private static SurveyDefinition everyChannel() {
        return new SurveyDefinition("Kaikki kanavat", SurveyKind.TRANSACTIONAL,
                Map.of(Channel.BRANCH, SamplingRate.ALL, Channel.PHONE_SERVICE, new SamplingRate(1.0 / 3),
                        Channel.CHAT, new SamplingRate(0.0001), Channel.ONLINE_BANK, SamplingRate.NONE,
                        Channel.MOBILE_APP, new SamplingRate(0.123456789012345)),
                DeliveryChannel.SMS, new Deliverer.Partner(ACME), true, List.of(Language.SV, Language.EN, Language.FI),
                Duration.ofDays(90), true);
    }

    @Test
    void aStoredSurveyIsFoundExactlyAsStored() {
        Survey transactional = survey(everyChannel(), SurveyState.ACTIVE, at(0));
        Survey study = new Survey(TestData.newSurveyId(), studyDefinition("Haastattelut"), SurveyState.DRAFT, at(10),
                at(20));

        surveys.insert(transactional);
        surveys.insert(study);

        assertEquals(Optional.of(transactional), surveys.find(transactional.id()));
        assertEquals(Optional.of(study), surveys.find(study.id()));
        assertEquals(Optional.empty(), surveys.find(new SurveyId("no-such-survey")));
    }

    @Test
    void allSurveysComeOldestFirstThenById() {
        Survey newest =
                new Survey(new SurveyId("a"), transactionalDefinition("C"), SurveyState.DRAFT, at(300), at(300));
        Survey oldest = new Survey(new SurveyId("z"), studyDefinition("A"), SurveyState.ACTIVE, at(100), at(100));
        Survey tiedLater = new Survey(new SurveyId("b-2"), everyChannel(), SurveyState.PAUSED, at(200), at(200));
        Survey tiedFirst = new Survey(new SurveyId("B-1"), transactionalDefinition("B"), SurveyState.CLOSED, at(200),
                at(250));
        surveys.insert(newest);
        surveys.insert(tiedLater);
        surveys.insert(oldest);
        surveys.insert(tiedFirst);

        assertEquals(List.of(oldest, tiedFirst, tiedLater, newest), surveys.findAll());
    }

    @Test
    void anUpdateReplacesDefinitionStateTimeAndChannelsButNotTheCreationTime() {
        Survey original = survey(transactionalDefinition("Chat"), SurveyState.DRAFT, at(0));
        Survey other = survey(transactionalDefinition("Muu"), SurveyState.ACTIVE, at(1));
        surveys.insert(original);
        surveys.insert(other);
        SurveyDefinition next = new SurveyDefinition("Sovellus", SurveyKind.TRANSACTIONAL,
                Map.of(Channel.MOBILE_APP, new SamplingRate(0.5), Channel.CHAT, new SamplingRate(0.75)),
                DeliveryChannel.EMAIL, new Deliverer.Bank(), false, List.of(Language.EN), Duration.ofDays(3), false);
        Survey changed = new Survey(original.id(), next, SurveyState.ACTIVE, at(999), at(60));

        assertTrue(surveys.update(changed));

        assertEquals(Optional.of(new Survey(original.id(), next, SurveyState.ACTIVE, at(0), at(60))),
                surveys.find(original.id()));
        assertEquals(Optional.of(other), surveys.find(other.id()));
    }

    @Test
    void aTransactionalSurveyCanBecomeAStudyAndLoseItsChannels() {
        Survey original = survey(transactionalDefinition("Chat"), SurveyState.DRAFT, at(0));
        surveys.insert(original);
        Survey study = new Survey(original.id(), studyDefinition("Nyt tutkimus"), SurveyState.DRAFT, at(0), at(5));

        assertTrue(surveys.update(study));

        assertEquals(Optional.of(study), surveys.find(original.id()));
    }

    @Test
    void anUpdateOfAnUnknownSurveyStoresNothing() {
        Survey unknown = survey(transactionalDefinition("Ei ole"), SurveyState.ACTIVE, at(0));

        assertFalse(surveys.update(unknown));

        assertEquals(List.of(), surveys.findAll());
        long channels = database.jdbi().withHandle(handle ->
                handle.createQuery("SELECT COUNT(*) FROM survey_channel").mapTo(long.class).one());
        assertEquals(0, channels);
    }

    @Test
    void aSecondSurveyWithTheSameIdIsRefusedAndTheFirstKeptWhole() {
        Survey first = survey(transactionalDefinition("Eka"), SurveyState.DRAFT, at(0));
        surveys.insert(first);
        Survey again = new Survey(first.id(), everyChannel(), SurveyState.ACTIVE, at(1), at(1));

        assertThrows(RuntimeException.class, () -> surveys.insert(again));

        assertEquals(List.of(first), surveys.findAll());
    }

    /** Insert and update join the caller's transaction: if the use case fails afterwards, neither is kept. */
    @Test
    void writesInATransactionThatFailsAreRolledBackWithIt() {
        Survey kept = survey(transactionalDefinition("Pysyy"), SurveyState.DRAFT, at(0));
        surveys.insert(kept);
        Survey fresh = survey(transactionalDefinition("Uusi"), SurveyState.DRAFT, at(1));

        assertThrows(IllegalStateException.class, () -> database.transactions().inTransaction(() -> {
            surveys.insert(fresh);
            surveys.update(new Survey(kept.id(), studyDefinition("Muutettu"), SurveyState.ACTIVE, at(0), at(9)));
            throw new IllegalStateException("the use case failed");
        }));

        assertEquals(List.of(kept), surveys.findAll());
    }

    @Test
    void theSurveysThatDecideOnEventsAreTheActiveTransactionalOnesOldestFirst() {
        Survey activeLater = survey(transactionalDefinition("Myöhempi"), SurveyState.ACTIVE, at(20));
        Survey activeEarlier = survey(everyChannel(), SurveyState.ACTIVE, at(10));
        surveys.insert(activeLater);
        surveys.insert(survey(transactionalDefinition("Luonnos"), SurveyState.DRAFT, at(0)));
        surveys.insert(survey(transactionalDefinition("Tauolla"), SurveyState.PAUSED, at(1)));
        surveys.insert(survey(transactionalDefinition("Suljettu"), SurveyState.CLOSED, at(2)));
        surveys.insert(survey(studyDefinition("Tutkimus"), SurveyState.ACTIVE, at(3)));
        surveys.insert(activeEarlier);

        assertEquals(List.of(activeEarlier, activeLater), surveys.findActiveTransactional());
    }

    @Test
    void theDatabaseRefusesWhatTheDomainCannotBuild() {
        Survey survey = survey(transactionalDefinition("Tarkistukset"), SurveyState.ACTIVE, at(0));
        surveys.insert(survey);
        String id = survey.id().value();

        for (String change : List.of("deliverer = 'PARTNER'", "partner_id = 'acme'", "state = 'ARCHIVED'",
                "kind = 'OTHER'", "anonymous = 2", "window_millis = 0", "delivery_channel = 'FAX'")) {
            assertThrows(RuntimeException.class, () -> database.jdbi().useHandle(handle -> handle.execute(
                    "UPDATE survey SET " + change + " WHERE survey_id = ?", id)), change);
        }
        assertThrows(RuntimeException.class, () -> database.jdbi().useHandle(handle -> handle.execute(
                "UPDATE survey_channel SET sampling_rate = 1.5 WHERE survey_id = ?", id)));
        assertThrows(RuntimeException.class, () -> database.jdbi().useHandle(handle -> handle.execute(
                "INSERT INTO survey_channel (survey_id, channel, sampling_rate) VALUES ('no-such', 'CHAT', 1)")));
        assertEquals(Optional.of(survey), surveys.find(survey.id()));
    }

    /**
     * Two nodes change one survey at once, each to a whole different definition: the survey ends up as one of them,
     * never a mix of one's row and the other's channels, and no update fails.
     */
    @RepeatedTest(3)
    void concurrentUpdatesOnTwoNodesLeaveOneWholeDefinition() throws Exception {
        Survey original = survey(transactionalDefinition("Alku"), SurveyState.DRAFT, at(0));
        surveys.insert(original);
        List<Survey> versions = List.of(
                new Survey(original.id(), new SurveyDefinition("Konttori", SurveyKind.TRANSACTIONAL,
                        Map.of(Channel.BRANCH, new SamplingRate(0.1)), DeliveryChannel.EMAIL, new Deliverer.Bank(),
                        false, List.of(Language.FI), Duration.ofDays(7), false), SurveyState.DRAFT, at(0), at(1)),
                new Survey(original.id(), new SurveyDefinition("Verkko", SurveyKind.TRANSACTIONAL,
                        Map.of(Channel.ONLINE_BANK, new SamplingRate(0.2), Channel.MOBILE_APP, new SamplingRate(0.3)),
                        DeliveryChannel.SMS, new Deliverer.Bank(), false, List.of(Language.SV), Duration.ofDays(2),
                        true), SurveyState.ACTIVE, at(0), at(2)));
        try (Database otherNode = openAnotherNode()) {
            List<Boolean> outcomes = Races.onTwoNodes(database, otherNode, 8, (node, thread) ->
                    node.transactions().inTransaction(() -> node.surveys().update(versions.get(thread % 2))));

            assertEquals(List.of(true), outcomes.stream().distinct().toList());
            Survey stored = surveys.find(original.id()).orElseThrow();
            assertTrue(Set.copyOf(versions).contains(stored), stored::toString);
        }
    }
}

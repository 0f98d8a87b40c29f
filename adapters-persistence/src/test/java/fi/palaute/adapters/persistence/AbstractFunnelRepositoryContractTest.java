package fi.palaute.adapters.persistence;

import static fi.palaute.adapters.persistence.TestData.at;
import static fi.palaute.adapters.persistence.TestData.storedActiveSurvey;
import static org.junit.jupiter.api.Assertions.assertEquals;

import fi.palaute.application.port.out.FunnelRepository;
import fi.palaute.domain.invitation.FunnelCount;
import fi.palaute.domain.invitation.FunnelStep;
import fi.palaute.domain.survey.SurveyId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** The contract of {@link FunnelRepository}; a subclass supplies the database and a second node on it. */
public abstract class AbstractFunnelRepositoryContractTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 2);

    private Database database;
    private FunnelRepository funnel;
    private SurveyId chat;
    private SurveyId branch;

    /** A freshly migrated database; the test closes it. */
    protected abstract Database openDatabase();

    /** Another {@link Database}, with its own pool, on the database {@link #openDatabase()} last made. */
    protected abstract Database openAnotherNode();

    @BeforeEach
    void openTheDatabase() {
        database = openDatabase();
        funnel = database.funnel();
        chat = storedActiveSurvey(database, "Chat", at(0));
        branch = storedActiveSurvey(database, "Konttori", at(1));
    }

    @AfterEach
    void closeTheDatabase() {
        database.close();
    }

    private FunnelCount count(SurveyId survey, LocalDate day, FunnelStep step, long count) {
        return new FunnelCount(survey, day, step, count);
    }

    @Test
    void aSurveyWithoutCountsHasNone() {
        assertEquals(List.of(), funnel.find(chat, DAY, DAY));
    }

    @Test
    void countsForOneKeyAreAddedWithinACallAndAcrossCalls() {
        funnel.add(List.of(
                count(chat, DAY, FunnelStep.INVITED, 2),
                count(chat, DAY, FunnelStep.INVITED, 3),
                count(chat, DAY, FunnelStep.RESTING, 1)));
        funnel.add(List.of(count(chat, DAY, FunnelStep.INVITED, 10)));
        funnel.add(List.of());

        assertEquals(List.of(count(chat, DAY, FunnelStep.RESTING, 1), count(chat, DAY, FunnelStep.INVITED, 15)),
                funnel.find(chat, DAY, DAY));
    }

    @Test
    void theSurveysCountsInTheRangeComeByDayThenStepInTheirEnumOrder() {
        List<FunnelCount> added = new ArrayList<>();
        for (int day = -1; day <= 3; day++) {
            for (FunnelStep step : FunnelStep.values()) {
                added.add(count(chat, DAY.plusDays(day), step, 1 + step.ordinal()));
                added.add(count(branch, DAY.plusDays(day), step, 100));
            }
        }
        Collections.shuffle(added, new Random(3));
        funnel.add(added);

        List<FunnelCount> expected = new ArrayList<>();
        for (int day = 0; day <= 2; day++) {
            for (FunnelStep step : FunnelStep.values()) {
                expected.add(count(chat, DAY.plusDays(day), step, 1 + step.ordinal()));
            }
        }
        assertEquals(expected, funnel.find(chat, DAY, DAY.plusDays(2)));
        assertEquals(List.of(), funnel.find(chat, DAY.plusDays(2), DAY), "an empty range");
    }

    /** Days across a year's end and of different lengths compare as dates, not as free text. */
    @Test
    void theRangeIsByDateAcrossMonthsAndYears() {
        LocalDate newYearsEve = LocalDate.of(2026, 12, 31);
        funnel.add(List.of(
                count(chat, LocalDate.of(2026, 9, 30), FunnelStep.INVITED, 1),
                count(chat, newYearsEve, FunnelStep.INVITED, 2),
                count(chat, LocalDate.of(2027, 1, 1), FunnelStep.INVITED, 3),
                count(chat, LocalDate.of(2027, 10, 1), FunnelStep.INVITED, 4)));

        assertEquals(List.of(count(chat, newYearsEve, FunnelStep.INVITED, 2),
                        count(chat, LocalDate.of(2027, 1, 1), FunnelStep.INVITED, 3)),
                funnel.find(chat, LocalDate.of(2026, 10, 1), LocalDate.of(2027, 9, 30)));
    }

    @Test
    void moreKeysThanOneChunkAreAllAdded() {
        List<FunnelCount> added = new ArrayList<>();
        for (int day = 0; day < 200; day++) {
            for (FunnelStep step : FunnelStep.values()) {
                added.add(count(chat, DAY.plusDays(day), step, 1));
            }
        }

        funnel.add(added);
        funnel.add(added);

        List<FunnelCount> found = funnel.find(chat, DAY, DAY.plusDays(199));
        assertEquals(200 * FunnelStep.values().length, found.size());
        assertEquals(List.of(2L), found.stream().map(FunnelCount::count).distinct().toList());
    }

    /**
     * Eight threads on two nodes add to the same counters at once, each in its own order and its own transactions:
     * every addition counts, and no transaction deadlocks.
     */
    @RepeatedTest(3)
    void concurrentAddsOnTwoNodesSumExactly() throws Exception {
        int rounds = 10;
        List<FunnelCount> oneRound = new ArrayList<>();
        for (FunnelStep step : FunnelStep.values()) {
            oneRound.add(count(chat, DAY, step, 1));
            oneRound.add(count(branch, DAY, step, 2));
            oneRound.add(count(chat, DAY.plusDays(1), step, 3));
        }
        oneRound.add(count(chat, DAY, FunnelStep.INVITED, 1)); // a key twice in one call
        try (Database otherNode = openAnotherNode()) {
            Races.onTwoNodes(database, otherNode, 8, (node, thread) -> {
                Random random = new Random(thread);
                for (int round = 0; round < rounds; round++) {
                    List<FunnelCount> counts = new ArrayList<>(oneRound);
                    Collections.shuffle(counts, random);
                    node.transactions().inTransaction(() -> {
                        node.funnel().add(counts);
                        return null;
                    });
                }
                return null;
            });
        }

        long additions = 8L * rounds;
        for (FunnelCount count : funnel.find(chat, DAY, DAY.plusDays(1))) {
            long perRound = count.day().equals(DAY) ? (count.step() == FunnelStep.INVITED ? 2 : 1) : 3;
            assertEquals(additions * perRound, count.count(), count::toString);
        }
        assertEquals(2 * FunnelStep.values().length, funnel.find(chat, DAY, DAY.plusDays(1)).size());
        assertEquals(List.of(additions * 2),
                funnel.find(branch, DAY, DAY).stream().map(FunnelCount::count).distinct().toList());
    }
}

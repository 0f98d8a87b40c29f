package fi.palaute.adapters.persistence;

import static fi.palaute.adapters.persistence.TestData.CONTROLLER;
import static fi.palaute.adapters.persistence.TestData.newAnswerId;
import static fi.palaute.adapters.persistence.TestData.newCustomer;
import static fi.palaute.adapters.persistence.TestData.newInvitationId;
import static fi.palaute.adapters.persistence.TestData.newSurveyId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import fi.palaute.application.port.out.AnswerCountRepository;
import fi.palaute.domain.invitation.Controller;
import fi.palaute.domain.report.AnswerBuckets;
import fi.palaute.domain.report.CountCell;
import fi.palaute.domain.report.CountGrain;
import fi.palaute.domain.report.Dimension;
import fi.palaute.domain.report.Period;
import fi.palaute.domain.report.PeriodKind;
import fi.palaute.domain.response.AnswerContext;
import fi.palaute.domain.response.NpsCounts;
import fi.palaute.domain.response.NpsScore;
import fi.palaute.domain.response.StoredAnswer;
import fi.palaute.domain.shared.Ids;
import fi.palaute.domain.shared.IsoWeek;
import fi.palaute.domain.survey.Channel;
import fi.palaute.domain.survey.Language;
import fi.palaute.domain.survey.SurveyId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/**
 * The contract of {@link AnswerCountRepository}, and of the counting that {@code AnswerRepository} does as it stores
 * and releases answers: every report cell must equal a brute-force count of the answers stored, grouped the same way.
 * A subclass supplies the database, a second node on it, and the database's plan for a statement.
 */
public abstract class AbstractAnswerCountRepositoryContractTest {

    /** After every week the answers below are given in, so that a release moves every held answer. */
    private static final IsoWeek LATER = IsoWeek.parse("2026-W20");
    private static final Controller INSURANCE = new Controller("op.pohjola-vakuutus");

    protected Database database;
    protected AnswerCountRepository counts;

    /** A freshly migrated database; the test closes it. */
    protected abstract Database openDatabase();

    /** Another node: a second pool on the same database. The test closes it. */
    protected abstract Database openAnotherNode();

    /** How many counter rows one combination may be spread over on this database. */
    protected abstract int shards();

    /**
     * The database's plan for the statement with its named parameters bound, one line per element, as the test that
     * checks what {@code counts} reads can assert on it and print it.
     */
    protected abstract List<String> planOf(String sql, Map<String, Object> parameters);

    /**
     * Asserts that the database can read the statement's range of one grain's period keys through answer_count's
     * primary key (given its plan as {@link #planOf} made it).
     */
    protected abstract void assertThePrimaryKeyServesTheRange(List<String> plan, String sql,
            Map<String, Object> parameters);

    @BeforeEach
    void openTheDatabase() {
        database = openDatabase();
        counts = database.answerCounts();
    }

    @AfterEach
    void closeTheDatabase() {
        database.close();
    }

    // ---- answers -------------------------------------------------------------------------------------------------

    private static StoredAnswer.IdentifiedAnswer identified(AnswerContext context, int score, Instant answeredAt) {
        return new StoredAnswer.IdentifiedAnswer(newAnswerId(), context, newCustomer(), newInvitationId(),
                new NpsScore(score), Optional.empty(), false, answeredAt);
    }

    private static StoredAnswer.AnonymousAnswer anonymous(AnswerContext context, int score, IsoWeek week) {
        return new StoredAnswer.AnonymousAnswer(Ids.newRandomId(), context, new NpsScore(score), Optional.empty(),
                week);
    }

    private static AnswerContext context(SurveyId survey, Optional<Channel> channel) {
        return new AnswerContext(survey, channel, CONTROLLER, Language.FI);
    }

    /** A time in Finnish local time (EET in winter, +02:00). */
    private static Instant finnish(String localDateTime) {
        return OffsetDateTime.parse(localDateTime + "+02:00").toInstant();
    }

    /** Holds each answer in a transaction of its own, as answering does. */
    private void hold(Database node, List<StoredAnswer.AnonymousAnswer> held) {
        for (StoredAnswer.AnonymousAnswer answer : held) {
            node.transactions().inTransaction(() -> {
                node.answers().insert(answer);
                return null;
            });
        }
    }

    /** A release of everything held, in a transaction of its own, as the job runs it. */
    private int releaseAll() {
        return database.transactions().inTransaction(() -> database.answers().releaseHeldAnonymousAnswers(1, LATER));
    }

    private NpsCounts total(CountGrain grain, String key) {
        List<CountCell> cells = counts.counts(grain, key, key, List.of());
        assertTrue(cells.size() <= 1, cells::toString);
        return cells.isEmpty() ? NpsCounts.NONE : cells.get(0).counts();
    }

    // ---- the brute-force comparison ------------------------------------------------------------------------------

    /** A stored answer as reports see it: where it counts, its values in every dimension, and its score. */
    private record Counted(AnswerBuckets buckets, Map<Dimension, String> values, NpsScore score) {

        Period period(CountGrain grain) {
            return grain == CountGrain.WEEK ? buckets.week() : buckets.month();
        }
    }

    private record Cell(Period period, Map<Dimension, String> values) {
    }

    private static Map<Dimension, String> values(String surveyId, String channel, String controller,
            String language) {
        Map<Dimension, String> values = new EnumMap<>(Dimension.class);
        values.put(Dimension.SURVEY, surveyId);
        values.put(Dimension.CHANNEL, channel == null ? "NONE" : channel);
        values.put(Dimension.CONTROLLER, controller);
        values.put(Dimension.LANGUAGE, language);
        return values;
    }

    /** Every published answer, read from the answer tables themselves (held answers are not published). */
    private List<Counted> storedAnswers() {
        List<Counted> stored = new ArrayList<>(database.jdbi().withHandle(handle -> handle.createQuery("""
                        SELECT survey_id, channel, controller, language, score, answered_at FROM identified_answer""")
                .map((rs, ctx) -> new Counted(AnswerBuckets.ofIdentified(Instant.ofEpochMilli(rs.getLong("answered_at"))),
                        values(rs.getString("survey_id"), rs.getString("channel"), rs.getString("controller"),
                                rs.getString("language")),
                        new NpsScore(rs.getInt("score"))))
                .list()));
        stored.addAll(database.jdbi().withHandle(handle -> handle.createQuery("""
                        SELECT survey_id, channel, controller, language, score, iso_week FROM anonymous_answer""")
                .map((rs, ctx) -> new Counted(AnswerBuckets.ofAnonymous(IsoWeek.parse(rs.getString("iso_week"))),
                        values(rs.getString("survey_id"), rs.getString("channel"), rs.getString("controller"),
                                rs.getString("language")),
                        new NpsScore(rs.getInt("score"))))
                .list()));
        return stored;
    }

    private static Map<Cell, NpsCounts> bruteForce(List<Counted> stored, CountGrain grain, Period from, Period to,
            List<Dimension> by) {
        Map<Cell, NpsCounts> expected = new HashMap<>();
        for (Counted answer : stored) {
            Period period = answer.period(grain);
            if (period.compareTo(from) < 0 || period.compareTo(to) > 0) {
                continue;
            }
            Map<Dimension, String> values = new EnumMap<>(Dimension.class);
            by.forEach(dimension -> values.put(dimension, answer.values().get(dimension)));
            expected.merge(new Cell(period, Map.copyOf(values)), NpsCounts.NONE.plus(answer.score()),
                    NpsCounts::plus);
        }
        return expected;
    }

    private Map<Cell, NpsCounts> reported(CountGrain grain, Period from, Period to, List<Dimension> by) {
        List<CountCell> cells = counts.counts(grain, from.key(), to.key(), by);
        Map<Cell, NpsCounts> reported = new HashMap<>();
        Period previous = null;
        for (CountCell cell : cells) {
            assertEquals(by.size(), cell.values().size(), cell::toString);
            assertTrue(cell.counts().n() > 0, "a cell without answers: " + cell);
            assertTrue(previous == null || previous.compareTo(cell.period()) <= 0, "cells out of period order");
            previous = cell.period();
            NpsCounts before = reported.put(new Cell(cell.period(), cell.values()), cell.counts());
            assertEquals(null, before, "a cell reported twice: " + cell);
        }
        return reported;
    }

    /** No dimension, each one, and each ordered pair of two. */
    private static List<List<Dimension>> everyBreakdownUpToTwo() {
        List<List<Dimension>> breakdowns = new ArrayList<>();
        breakdowns.add(List.of());
        for (Dimension first : Dimension.values()) {
            breakdowns.add(List.of(first));
            for (Dimension second : Dimension.values()) {
                if (second != first) {
                    breakdowns.add(List.of(first, second));
                }
            }
        }
        return breakdowns;
    }

    private void assertCountsMatchTheStoredAnswers() {
        List<Counted> stored = storedAnswers();
        assertFalse(stored.isEmpty());
        for (CountGrain grain : CountGrain.values()) {
            Period first = stored.stream().map(answer -> answer.period(grain)).min(Period::compareTo).orElseThrow();
            Period last = stored.stream().map(answer -> answer.period(grain)).max(Period::compareTo).orElseThrow();
            Period inner = first.next();
            Period innerLast = first.next().next();
            for (List<Dimension> by : everyBreakdownUpToTwo()) {
                assertEquals(bruteForce(stored, grain, first, last, by), reported(grain, first, last, by),
                        grain + " by " + by);
                assertEquals(bruteForce(stored, grain, inner, innerLast, by), reported(grain, inner, innerLast, by),
                        grain + " by " + by + " from " + inner + " to " + innerLast);
            }
        }
    }

    /**
     * Answers of three surveys, every channel and none, two controllers and three languages, spread over three
     * months around a new year, stored each way there is: one by one, in bulk (more than a chunk), and held and
     * released in two batches; a few held answers are never released and must not count.
     */
    @Test
    void countsAfterInsertInsertAllAndReleaseMatchABruteForceCountOfTheStoredAnswers() {
        Random random = new Random(20251229);
        List<SurveyId> surveys = List.of(newSurveyId(), newSurveyId(), newSurveyId());
        List<Optional<Channel>> channels = new ArrayList<>();
        channels.add(Optional.empty());
        for (Channel channel : Channel.values()) {
            channels.add(Optional.of(channel));
        }
        List<Controller> controllers = List.of(CONTROLLER, INSURANCE);
        Instant start = finnish("2025-12-01T00:00:00");
        long spanMillis = 80L * 24 * 3_600_000;
        java.util.function.Supplier<AnswerContext> someContext = () -> new AnswerContext(
                surveys.get(random.nextInt(surveys.size())), channels.get(random.nextInt(channels.size())),
                controllers.get(random.nextInt(controllers.size())),
                Language.values()[random.nextInt(Language.values().length)]);
        java.util.function.Supplier<Instant> someTime = () -> start.plusMillis((long) (random.nextDouble() * spanMillis));

        for (int i = 0; i < 60; i++) {
            database.answers().insert(identified(someContext.get(), random.nextInt(11), someTime.get()));
        }
        List<StoredAnswer.IdentifiedAnswer> bulk = new ArrayList<>();
        for (int i = 0; i < 2_500; i++) {
            bulk.add(identified(someContext.get(), random.nextInt(11), someTime.get()));
        }
        database.transactions().inTransaction(() -> {
            database.answers().insertAll(bulk);
            return null;
        });
        for (int batch = 0; batch < 2; batch++) {
            List<StoredAnswer.AnonymousAnswer> held = new ArrayList<>();
            for (int i = 0; i < 80; i++) {
                held.add(anonymous(someContext.get(), random.nextInt(11), IsoWeek.containing(someTime.get())));
            }
            hold(database, held);
            assertEquals(80, releaseAll());
        }
        hold(database, List.of(anonymous(someContext.get(), 10, IsoWeek.parse("2026-W02")),
                anonymous(someContext.get(), 0, IsoWeek.parse("2026-W03"))));

        assertCountsMatchTheStoredAnswers();
    }

    /**
     * Monday 29 December 2025 is in ISO week 2026-W01 but in month 2025-12; 00:30 on 1 January in Finland is still
     * 31 December in UTC, and counts in January; 00:30 on Monday 5 January in Finland is Sunday in UTC, and counts in
     * 2026-W02.
     */
    @Test
    void anIdentifiedAnswerCountsInTheWeekAndMonthOfItsFinnishDay() {
        SurveyId survey = newSurveyId();
        database.answers().insert(identified(context(survey, Optional.of(Channel.CHAT)), 10,
                finnish("2025-12-29T09:00:00")));
        database.answers().insert(identified(context(survey, Optional.of(Channel.CHAT)), 7,
                finnish("2026-01-01T00:30:00")));
        database.answers().insert(identified(context(survey, Optional.of(Channel.CHAT)), 3,
                finnish("2026-01-05T00:30:00")));

        assertEquals(new NpsCounts(1, 1, 0), total(CountGrain.WEEK, "2026-W01"));
        assertEquals(new NpsCounts(0, 0, 1), total(CountGrain.WEEK, "2026-W02"));
        assertEquals(NpsCounts.NONE, total(CountGrain.WEEK, "2025-W52"));
        assertEquals(new NpsCounts(1, 0, 0), total(CountGrain.MONTH, "2025-12"));
        assertEquals(new NpsCounts(0, 1, 1), total(CountGrain.MONTH, "2026-01"));
    }

    /** 2026-W01 runs from Monday 29 December 2025 to Sunday 4 January 2026; its Thursday is 1 January. */
    @Test
    void anAnonymousAnswerCountsInItsWeekAndInTheMonthOfItsThursday() {
        SurveyId survey = newSurveyId();
        hold(database, List.of(anonymous(context(survey, Optional.of(Channel.BRANCH)), 9, IsoWeek.parse("2026-W01")),
                anonymous(context(survey, Optional.of(Channel.BRANCH)), 2, IsoWeek.parse("2025-W01"))));

        assertEquals(NpsCounts.NONE, total(CountGrain.WEEK, "2026-W01"), "counted before its release");
        assertEquals(2, releaseAll());

        assertEquals(new NpsCounts(1, 0, 0), total(CountGrain.WEEK, "2026-W01"));
        assertEquals(new NpsCounts(1, 0, 0), total(CountGrain.MONTH, "2026-01"));
        assertEquals(NpsCounts.NONE, total(CountGrain.MONTH, "2025-12"));
        // 2025-W01 runs from Monday 30 December 2024; its Thursday is 2 January 2025.
        assertEquals(new NpsCounts(0, 0, 1), total(CountGrain.MONTH, "2025-01"));
        assertEquals(NpsCounts.NONE, total(CountGrain.MONTH, "2024-12"));
    }

    @Test
    void aStudysAnswersCountUnderTheChannelNone() {
        SurveyId study = newSurveyId();
        database.answers().insert(identified(context(study, Optional.empty()), 8, finnish("2026-03-03T12:00:00")));
        hold(database, List.of(anonymous(context(study, Optional.empty()), 1, IsoWeek.parse("2026-W10"))));
        releaseAll();

        List<CountCell> cells = counts.counts(CountGrain.WEEK, "2026-W10", "2026-W10",
                List.of(Dimension.CHANNEL, Dimension.SURVEY));

        assertEquals(List.of(new CountCell(Period.parse(PeriodKind.ISO_WEEK, "2026-W10"),
                Map.of(Dimension.CHANNEL, "NONE", Dimension.SURVEY, study.value()), new NpsCounts(0, 1, 1))), cells);
    }

    @Test
    void cellsCarryTheValuesOfTheDimensionsAskedForAndSumTheRest() {
        SurveyId survey = newSurveyId();
        Instant day = finnish("2026-11-24T10:00:00");
        database.answers().insert(identified(new AnswerContext(survey, Optional.of(Channel.CHAT), CONTROLLER,
                Language.FI), 10, day));
        database.answers().insert(identified(new AnswerContext(survey, Optional.of(Channel.CHAT), INSURANCE,
                Language.SV), 9, day));
        database.answers().insert(identified(new AnswerContext(survey, Optional.of(Channel.PHONE_SERVICE),
                CONTROLLER, Language.EN), 0, day));
        Period november = Period.parse(PeriodKind.MONTH, "2026-11");

        assertEquals(List.of(new CountCell(november, Map.of(), new NpsCounts(2, 0, 1))),
                counts.counts(CountGrain.MONTH, "2026-11", "2026-11", List.of()));
        assertEquals(List.of(
                        new CountCell(november, Map.of(Dimension.CHANNEL, "CHAT"), new NpsCounts(2, 0, 0)),
                        new CountCell(november, Map.of(Dimension.CHANNEL, "PHONE_SERVICE"), new NpsCounts(0, 0, 1))),
                counts.counts(CountGrain.MONTH, "2026-10", "2026-12", List.of(Dimension.CHANNEL)));
        assertEquals(List.of(
                        new CountCell(november, Map.of(Dimension.LANGUAGE, "en", Dimension.CONTROLLER,
                                CONTROLLER.value()), new NpsCounts(0, 0, 1)),
                        new CountCell(november, Map.of(Dimension.LANGUAGE, "fi", Dimension.CONTROLLER,
                                CONTROLLER.value()), new NpsCounts(1, 0, 0)),
                        new CountCell(november, Map.of(Dimension.LANGUAGE, "sv", Dimension.CONTROLLER,
                                INSURANCE.value()), new NpsCounts(1, 0, 0))),
                counts.counts(CountGrain.MONTH, "2026-11", "2026-11", List.of(Dimension.LANGUAGE,
                        Dimension.CONTROLLER)));
        assertEquals(List.of(), counts.counts(CountGrain.WEEK, "2026-W49", "2026-W52", List.of()));
    }

    @Test
    void keysOfAnotherGrainAndRepeatedDimensionsAreRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> counts.counts(CountGrain.WEEK, "2026-11", "2026-12", List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> counts.counts(CountGrain.MONTH, "2026-W01", "2026-W02", List.of()));
        assertThrows(IllegalArgumentException.class,
                () -> counts.counts(CountGrain.MONTH, "2026-01", "2026-02'; DROP TABLE answer_count; --", List.of()));
        assertThrows(IllegalArgumentException.class, () -> counts.counts(CountGrain.MONTH, "2026-01", "2026-02",
                List.of(Dimension.SURVEY, Dimension.SURVEY)));
    }

    @Test
    void countsAreWrittenInTheAnswersTransactionAndRolledBackWithIt() {
        SurveyId survey = newSurveyId();
        assertThrows(IllegalStateException.class, () -> database.transactions().inTransaction(() -> {
            database.answers().insert(identified(context(survey, Optional.of(Channel.CHAT)), 10,
                    finnish("2026-11-24T10:00:00")));
            database.answers().insertAll(List.of(identified(context(survey, Optional.of(Channel.CHAT)), 1,
                    finnish("2026-11-24T10:00:00"))));
            throw new IllegalStateException("the use case failed");
        }));
        hold(database, List.of(anonymous(context(survey, Optional.of(Channel.CHAT)), 9, IsoWeek.parse("2026-W48"))));
        assertThrows(IllegalStateException.class, () -> database.transactions().inTransaction(() -> {
            assertEquals(1, database.answers().releaseHeldAnonymousAnswers(1, LATER));
            throw new IllegalStateException("the job failed");
        }));

        assertEquals(NpsCounts.NONE, total(CountGrain.WEEK, "2026-W48"));
        assertEquals(NpsCounts.NONE, total(CountGrain.MONTH, "2026-11"));

        // and a second answer with the id of a stored one fails whole, counts and all
        StoredAnswer.IdentifiedAnswer stored = identified(context(survey, Optional.of(Channel.CHAT)), 10,
                finnish("2026-11-24T10:00:00"));
        database.answers().insert(stored);
        assertThrows(RuntimeException.class, () -> database.answers().insert(stored));
        assertThrows(RuntimeException.class, () -> database.answers().insertAll(List.of(
                identified(context(survey, Optional.of(Channel.CHAT)), 10, finnish("2026-11-24T10:00:00")), stored)));
        assertEquals(new NpsCounts(1, 0, 0), total(CountGrain.WEEK, "2026-W48"));
        assertEquals(new NpsCounts(1, 0, 0), total(CountGrain.MONTH, "2026-11"));
    }

    /**
     * Sixteen threads on two nodes store answers of one survey, channel, controller, language and week at once, each
     * in transactions of their own, some one by one and some in bulk: no count is lost. On PostgreSQL the counts of
     * the one combination end up spread over shards; on SQLite in one row.
     */
    @RepeatedTest(2)
    void answersOfOneCombinationStoredAtOnceOnTwoNodesLoseNoCount() throws Exception {
        int threads = 16;
        int perThread = 20;
        SurveyId survey = newSurveyId();
        AnswerContext hot = context(survey, Optional.of(Channel.MOBILE_APP));
        Instant when = finnish("2026-11-24T10:00:00");
        try (Database otherNode = openAnotherNode()) {
            List<NpsCounts> stored = Races.onTwoNodes(database, otherNode, threads, (node, thread) -> {
                NpsCounts mine = NpsCounts.NONE;
                List<StoredAnswer.IdentifiedAnswer> bulk = new ArrayList<>();
                for (int i = 0; i < perThread; i++) {
                    StoredAnswer.IdentifiedAnswer answer = identified(hot, (thread + i) % 11, when);
                    mine = mine.plus(answer.score());
                    if (thread % 4 == 3) {
                        bulk.add(answer);
                    } else {
                        node.transactions().inTransaction(() -> {
                            node.answers().insert(answer);
                            return null;
                        });
                    }
                }
                if (!bulk.isEmpty()) {
                    node.transactions().inTransaction(() -> {
                        node.answers().insertAll(bulk);
                        return null;
                    });
                }
                return mine;
            });
            NpsCounts expected = stored.stream().reduce(NpsCounts.NONE, NpsCounts::plus);

            assertEquals(threads * perThread, expected.n());
            assertEquals(expected, total(CountGrain.WEEK, "2026-W48"));
            assertEquals(expected, total(CountGrain.MONTH, "2026-11"));
            assertEquals(expected, otherNode.answerCounts().counts(CountGrain.MONTH, "2026-11", "2026-11", List.of())
                    .get(0).counts(), "the other node reads the same");
            long rows = database.jdbi().withHandle(handle -> handle.createQuery(
                            "SELECT COUNT(*) FROM answer_count WHERE grain = 'WEEK' AND survey_id = :survey")
                    .bind("survey", survey.value())
                    .mapTo(long.class)
                    .one());
            if (shards() == 1) {
                assertEquals(1, rows);
            } else {
                assertTrue(rows > 1 && rows <= shards(), "counter rows of the one combination: " + rows);
            }
        }
    }

    /**
     * What {@code counts} reads: the database's plan for its statement, after a bulk of answers over three years,
     * reads answer_count alone, through the primary key's range of one grain's period keys. Prints the plan and how
     * many counter rows stand for how many answers. No timing is asserted.
     */
    @Test
    void countsReadOnlyCounterRowsThroughThePrimaryKey() {
        Random random = new Random(7);
        List<SurveyId> surveys = List.of(newSurveyId(), newSurveyId(), newSurveyId());
        Instant start = finnish("2024-01-01T00:00:00");
        long spanMillis = 3L * 365 * 24 * 3_600_000;
        List<StoredAnswer.IdentifiedAnswer> bulk = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            bulk.add(identified(new AnswerContext(surveys.get(random.nextInt(3)),
                            Optional.of(Channel.values()[random.nextInt(Channel.values().length)]), CONTROLLER,
                            Language.values()[random.nextInt(3)]),
                    random.nextInt(11), start.plusMillis((long) (random.nextDouble() * spanMillis))));
        }
        database.transactions().inTransaction(() -> {
            database.answers().insertAll(bulk);
            return null;
        });
        database.jdbi().useHandle(handle -> handle.execute("ANALYZE answer_count"));

        List<Dimension> by = List.of(Dimension.CHANNEL, Dimension.LANGUAGE);
        String sql = JdbiAnswerCountRepository.countsSql(by);
        Map<String, Object> quarter = Map.of("grain", "WEEK", "from", "2025-W14", "to", "2025-W26");
        List<String> plan = planOf(sql, quarter);

        assertThePrimaryKeyServesTheRange(plan, sql, quarter);
        String whole = String.join("\n", plan);
        for (String answerTable : List.of("identified_answer", "anonymous_answer")) {
            assertFalse(whole.contains(answerTable), whole);
        }
        long counterRows = database.jdbi().withHandle(handle -> handle.createQuery("SELECT COUNT(*) FROM answer_count")
                .mapTo(long.class).one());
        long inRange = database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM answer_count WHERE grain = :grain AND period_key BETWEEN :from AND :to")
                .bindMap(quarter).mapTo(long.class).one());
        long answersInRange = bulk.stream().filter(answer -> {
            String week = AnswerBuckets.ofIdentified(answer.answeredAt()).week().key();
            return week.compareTo("2025-W14") >= 0 && week.compareTo("2025-W26") <= 0;
        }).count();
        System.out.printf("%s: %d answers are %d counter rows; weeks 2025-W14..W26 by %s: %d answers, %d counter rows"
                        + " read, %d cells; plan:%n  %s%n", getClass().getSimpleName(), bulk.size(), counterRows, by,
                answersInRange, inRange,
                counts.counts(CountGrain.WEEK, "2025-W14", "2025-W26", by).size(), String.join("\n  ", plan));
        assertTrue(inRange < answersInRange, "more counter rows than answers in the range");
    }

    /** The week keys of one year and the next sort as text; so do months across a year's end. */
    @Test
    void aRangeAcrossTheYearsEndIsARangeOfKeys() {
        SurveyId survey = newSurveyId();
        for (LocalDate day = LocalDate.of(2025, 12, 15); day.isBefore(LocalDate.of(2026, 1, 20));
                day = day.plusDays(1)) {
            database.answers().insert(identified(context(survey, Optional.of(Channel.CHAT)), 9,
                    finnish(day + "T12:00:00")));
        }

        Map<String, Long> byWeek = new TreeMap<>();
        counts.counts(CountGrain.WEEK, "2025-W52", "2026-W02", List.of())
                .forEach(cell -> byWeek.put(cell.period().key(), cell.counts().n()));
        Map<String, Long> byMonth = new TreeMap<>();
        counts.counts(CountGrain.MONTH, "2025-12", "2026-01", List.of())
                .forEach(cell -> byMonth.put(cell.period().key(), cell.counts().n()));

        assertEquals(Map.of("2025-W52", 7L, "2026-W01", 7L, "2026-W02", 7L), byWeek);
        assertEquals(Map.of("2025-12", 17L, "2026-01", 19L), byMonth);
    }
}

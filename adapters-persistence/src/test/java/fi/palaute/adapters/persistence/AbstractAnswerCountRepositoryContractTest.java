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
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
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
 * and releases answers: every report cell, one per week part, must equal a brute-force count of the answers stored,
 * grouped the same way; and migration V7 must count the answers of a database made before it just as the service
 * would have. A subclass supplies the database, a second node on it, an empty database, and the database's plan for
 * a statement.
 */
public abstract class AbstractAnswerCountRepositoryContractTest {

    /** After every week the answers below are given in, so that a release moves every held answer. */
    private static final IsoWeek LATER = IsoWeek.parse("2027-W20");
    private static final Controller INSURANCE = new Controller("op.pohjola-vakuutus");

    protected Database database;
    protected AnswerCountRepository counts;

    /** A freshly migrated database; the test closes it. */
    protected abstract Database openDatabase();

    /** Another node: a second pool on the same database. The test closes it. */
    protected abstract Database openAnotherNode();

    /** The URL of an empty database, not migrated at all, whose schema the test builds itself. */
    protected abstract String emptyDatabaseUrl();

    /** The user for {@link #emptyDatabaseUrl()}; null when the database has none. */
    protected abstract String user();

    /** The password for {@link #emptyDatabaseUrl()}; null when the database has none. */
    protected abstract String password();

    /** How many counter rows one combination may be spread over on this database. */
    protected abstract int shards();

    /**
     * The database's plan for the statement with its named parameters bound, one line per element, as the test that
     * checks what {@code counts} reads can assert on it and print it.
     */
    protected abstract List<String> planOf(String sql, Map<String, Object> parameters);

    /**
     * Asserts that the database can read the statement's range of week keys through answer_part_count's primary key
     * (given its plan as {@link #planOf} made it).
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

    /** A time in Finnish local time, at the offset of its day ({@code +02:00} in winter, {@code +03:00} in summer). */
    private static Instant finnish(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZoneId.of("Europe/Helsinki")).toInstant();
    }

    private static Period week(String key) {
        return Period.parse(PeriodKind.ISO_WEEK, key);
    }

    private static AnswerBuckets part(String weekKey, String monthKey) {
        return new AnswerBuckets(week(weekKey), Period.parse(PeriodKind.MONTH, monthKey));
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
        return releaseAll(database);
    }

    private static int releaseAll(Database node) {
        return node.transactions().inTransaction(() -> node.answers().releaseHeldAnonymousAnswers(1, LATER));
    }

    /** The totals of every week part of one week, by part. */
    private static Map<AnswerBuckets, NpsCounts> partsOf(AnswerCountRepository counts, String weekKey) {
        Map<AnswerBuckets, NpsCounts> parts = new HashMap<>();
        for (CountCell cell : counts.counts(week(weekKey), week(weekKey), List.of())) {
            assertEquals(week(weekKey), cell.part().week(), cell::toString);
            assertEquals(null, parts.put(cell.part(), cell.counts()), "a part reported twice: " + cell);
        }
        return parts;
    }

    private Map<AnswerBuckets, NpsCounts> partsOf(String weekKey) {
        return partsOf(counts, weekKey);
    }

    /** The counts of one week part; none when it has no cell. */
    private NpsCounts total(String weekKey, String monthKey) {
        return partsOf(weekKey).getOrDefault(part(weekKey, monthKey), NpsCounts.NONE);
    }

    // ---- the brute-force comparison ------------------------------------------------------------------------------

    /** A stored answer as reports see it: the week part it counts in, its values in every dimension, its score. */
    private record Counted(AnswerBuckets part, Map<Dimension, String> values, NpsScore score) {
    }

    private record Cell(AnswerBuckets part, Map<Dimension, String> values) {
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
    private static List<Counted> storedAnswers(Database node) {
        List<Counted> stored = new ArrayList<>(node.jdbi().withHandle(handle -> handle.createQuery("""
                        SELECT survey_id, channel, controller, language, score, answered_at FROM identified_answer""")
                .map((rs, ctx) -> new Counted(
                        AnswerBuckets.ofIdentified(Instant.ofEpochMilli(rs.getLong("answered_at"))),
                        values(rs.getString("survey_id"), rs.getString("channel"), rs.getString("controller"),
                                rs.getString("language")),
                        new NpsScore(rs.getInt("score"))))
                .list()));
        stored.addAll(node.jdbi().withHandle(handle -> handle.createQuery("""
                        SELECT survey_id, channel, controller, language, score, iso_week FROM anonymous_answer""")
                .map((rs, ctx) -> new Counted(AnswerBuckets.ofAnonymous(IsoWeek.parse(rs.getString("iso_week"))),
                        values(rs.getString("survey_id"), rs.getString("channel"), rs.getString("controller"),
                                rs.getString("language")),
                        new NpsScore(rs.getInt("score"))))
                .list()));
        return stored;
    }

    private static Map<Cell, NpsCounts> bruteForce(List<Counted> stored, Period fromWeek, Period toWeek,
            List<Dimension> by) {
        Map<Cell, NpsCounts> expected = new HashMap<>();
        for (Counted answer : stored) {
            Period week = answer.part().week();
            if (week.compareTo(fromWeek) < 0 || week.compareTo(toWeek) > 0) {
                continue;
            }
            Map<Dimension, String> values = new EnumMap<>(Dimension.class);
            by.forEach(dimension -> values.put(dimension, answer.values().get(dimension)));
            expected.merge(new Cell(answer.part(), Map.copyOf(values)), NpsCounts.NONE.plus(answer.score()),
                    NpsCounts::plus);
        }
        return expected;
    }

    private static final Comparator<AnswerBuckets> PART_ORDER = Comparator.comparing(AnswerBuckets::week)
            .thenComparing(AnswerBuckets::month);

    private static Map<Cell, NpsCounts> reported(AnswerCountRepository counts, Period fromWeek, Period toWeek,
            List<Dimension> by) {
        List<CountCell> cells = counts.counts(fromWeek, toWeek, by);
        Map<Cell, NpsCounts> reported = new HashMap<>();
        AnswerBuckets previous = null;
        for (CountCell cell : cells) {
            assertEquals(by.size(), cell.values().size(), cell::toString);
            assertTrue(cell.counts().n() > 0, "a cell without answers: " + cell);
            assertTrue(previous == null || PART_ORDER.compare(previous, cell.part()) <= 0,
                    "cells out of the order of week, then month: " + previous + " before " + cell);
            previous = cell.part();
            NpsCounts before = reported.put(new Cell(cell.part(), cell.values()), cell.counts());
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

    private static void assertCountsMatchTheStoredAnswers(Database node) {
        List<Counted> stored = storedAnswers(node);
        assertFalse(stored.isEmpty());
        Period first = stored.stream().map(answer -> answer.part().week()).min(Period::compareTo).orElseThrow();
        Period last = stored.stream().map(answer -> answer.part().week()).max(Period::compareTo).orElseThrow();
        Period inner = first.next();
        Period innerLast = first.next().next();
        AnswerCountRepository counts = node.answerCounts();
        for (List<Dimension> by : everyBreakdownUpToTwo()) {
            assertEquals(bruteForce(stored, first, last, by), reported(counts, first, last, by), "by " + by);
            assertEquals(bruteForce(stored, inner, innerLast, by), reported(counts, inner, innerLast, by),
                    "by " + by + " from " + inner + " to " + innerLast);
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
        java.util.function.Supplier<Instant> someTime =
                () -> start.plusMillis((long) (random.nextDouble() * spanMillis));

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

        assertCountsMatchTheStoredAnswers(database);
    }


    /**
     * 2026-W49 runs from Monday 30 November to Sunday 6 December 2026: its parts are (W49, November) and
     * (W49, December). The month is the Finnish day's: 00:30 on 1 December in Finland is still 30 November in UTC.
     * Monday 29 December 2025 is in 2026-W01 but in 2025-12; 00:30 on Monday 5 January in Finland is Sunday in UTC,
     * and counts in 2026-W02.
     */
    @Test
    void anIdentifiedAnswerCountsInTheWeekPartOfItsFinnishDay() {
        SurveyId survey = newSurveyId();
        AnswerContext chat = context(survey, Optional.of(Channel.CHAT));
        database.answers().insert(identified(chat, 10, finnish("2026-11-30T09:00:00")));
        database.answers().insert(identified(chat, 8, finnish("2026-11-30T23:30:00")));
        database.answers().insert(identified(chat, 3, finnish("2026-12-01T00:30:00")));
        database.answers().insert(identified(chat, 9, finnish("2026-12-06T23:59:59")));
        database.answers().insert(identified(chat, 10, finnish("2025-12-29T09:00:00")));
        database.answers().insert(identified(chat, 7, finnish("2026-01-01T00:30:00")));
        database.answers().insert(identified(chat, 3, finnish("2026-01-05T00:30:00")));

        assertEquals(Map.of(part("2026-W49", "2026-11"), new NpsCounts(1, 1, 0),
                part("2026-W49", "2026-12"), new NpsCounts(1, 0, 1)), partsOf("2026-W49"));
        assertEquals(Map.of(part("2026-W01", "2025-12"), new NpsCounts(1, 0, 0),
                part("2026-W01", "2026-01"), new NpsCounts(0, 1, 0)), partsOf("2026-W01"));
        assertEquals(Map.of(part("2026-W02", "2026-01"), new NpsCounts(0, 0, 1)), partsOf("2026-W02"));
        assertEquals(Map.of(), partsOf("2025-W52"));
        assertEquals(Map.of(), partsOf("2026-W50"));
    }

    /**
     * An anonymous answer is kept only to its week, and counts in the part of the month of the week's Thursday:
     * 2026-W49's is 3 December; 2026-W01's is 1 January 2026 (the week begins on 29 December 2025); 2025-W01's is
     * 2 January 2025 (the week begins on 30 December 2024). Nothing counts before its release.
     */
    @Test
    void anAnonymousAnswerCountsInItsWeekAndTheMonthOfItsThursday() {
        SurveyId survey = newSurveyId();
        AnswerContext branch = context(survey, Optional.of(Channel.BRANCH));
        hold(database, List.of(anonymous(branch, 9, IsoWeek.parse("2026-W49")),
                anonymous(branch, 10, IsoWeek.parse("2026-W01")),
                anonymous(branch, 2, IsoWeek.parse("2025-W01"))));

        assertEquals(Map.of(), partsOf("2026-W49"), "counted before its release");
        assertEquals(3, releaseAll());

        assertEquals(Map.of(part("2026-W49", "2026-12"), new NpsCounts(1, 0, 0)), partsOf("2026-W49"));
        assertEquals(Map.of(part("2026-W01", "2026-01"), new NpsCounts(1, 0, 0)), partsOf("2026-W01"));
        assertEquals(Map.of(part("2025-W01", "2025-01"), new NpsCounts(0, 0, 1)), partsOf("2025-W01"));
    }

    @Test
    void aStudysAnswersCountUnderTheChannelNone() {
        SurveyId study = newSurveyId();
        database.answers().insert(identified(context(study, Optional.empty()), 8, finnish("2026-03-03T12:00:00")));
        hold(database, List.of(anonymous(context(study, Optional.empty()), 1, IsoWeek.parse("2026-W10"))));
        releaseAll();

        List<CountCell> cells = counts.counts(week("2026-W10"), week("2026-W10"),
                List.of(Dimension.CHANNEL, Dimension.SURVEY));

        assertEquals(List.of(new CountCell(part("2026-W10", "2026-03"),
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
        AnswerBuckets w48 = part("2026-W48", "2026-11");

        assertEquals(List.of(new CountCell(w48, Map.of(), new NpsCounts(2, 0, 1))),
                counts.counts(week("2026-W48"), week("2026-W48"), List.of()));
        assertEquals(List.of(
                        new CountCell(w48, Map.of(Dimension.CHANNEL, "CHAT"), new NpsCounts(2, 0, 0)),
                        new CountCell(w48, Map.of(Dimension.CHANNEL, "PHONE_SERVICE"), new NpsCounts(0, 0, 1))),
                counts.counts(week("2026-W45"), week("2026-W52"), List.of(Dimension.CHANNEL)));
        assertEquals(List.of(
                        new CountCell(w48, Map.of(Dimension.LANGUAGE, "en", Dimension.CONTROLLER,
                                CONTROLLER.value()), new NpsCounts(0, 0, 1)),
                        new CountCell(w48, Map.of(Dimension.LANGUAGE, "fi", Dimension.CONTROLLER,
                                CONTROLLER.value()), new NpsCounts(1, 0, 0)),
                        new CountCell(w48, Map.of(Dimension.LANGUAGE, "sv", Dimension.CONTROLLER,
                                INSURANCE.value()), new NpsCounts(1, 0, 0))),
                counts.counts(week("2026-W48"), week("2026-W48"), List.of(Dimension.LANGUAGE,
                        Dimension.CONTROLLER)));
        assertEquals(List.of(), counts.counts(week("2026-W49"), week("2026-W52"), List.of()));
    }

    /**
     * A range holds every part of its weeks, both ends included, in order of week and then month, and nothing of the
     * weeks around it, even when a month it touches goes on beyond it.
     */
    @Test
    void aRangeHoldsEveryPartOfItsWeeksAndNothingElse() {
        SurveyId survey = newSurveyId();
        AnswerContext chat = context(survey, Optional.of(Channel.CHAT));
        for (String day : List.of("2026-11-22", "2026-11-26", "2026-11-30", "2026-12-02", "2026-12-03",
                "2026-12-07")) {
            database.answers().insert(identified(chat, 10, finnish(day + "T12:00:00")));
        }

        assertEquals(List.of(part("2026-W49", "2026-11"), part("2026-W49", "2026-12")),
                counts.counts(week("2026-W49"), week("2026-W49"), List.of()).stream().map(CountCell::part).toList());
        assertEquals(List.of(new NpsCounts(1, 0, 0), new NpsCounts(1, 0, 0), new NpsCounts(2, 0, 0)),
                counts.counts(week("2026-W48"), week("2026-W49"), List.of()).stream().map(CountCell::counts)
                        .toList());
        assertEquals(List.of(part("2026-W47", "2026-11"), part("2026-W48", "2026-11"), part("2026-W49", "2026-11"),
                        part("2026-W49", "2026-12"), part("2026-W50", "2026-12")),
                counts.counts(week("2026-W01"), week("2026-W53"), List.of()).stream().map(CountCell::part).toList());
        assertEquals(List.of(), counts.counts(week("2026-W50"), week("2026-W49"), List.of()), "a reversed range");
    }

    @Test
    void periodsOtherThanWeeksAndRepeatedDimensionsAreRefused() {
        Period november = Period.parse(PeriodKind.MONTH, "2026-11");
        assertThrows(IllegalArgumentException.class, () -> counts.counts(november, week("2026-W49"), List.of()));
        assertThrows(IllegalArgumentException.class, () -> counts.counts(week("2026-W44"), november, List.of()));
        assertThrows(IllegalArgumentException.class, () -> counts.counts(Period.parse(PeriodKind.YEAR, "2026"),
                Period.parse(PeriodKind.YEAR, "2026"), List.of()));
        assertThrows(IllegalArgumentException.class, () -> counts.counts(week("2026-W01"), week("2026-W02"),
                List.of(Dimension.SURVEY, Dimension.SURVEY)));
        assertThrows(NullPointerException.class, () -> counts.counts(null, week("2026-W02"), List.of()));
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

        assertEquals(Map.of(), partsOf("2026-W48"));

        // and a second answer with the id of a stored one fails whole, counts and all
        StoredAnswer.IdentifiedAnswer stored = identified(context(survey, Optional.of(Channel.CHAT)), 10,
                finnish("2026-11-24T10:00:00"));
        database.answers().insert(stored);
        assertThrows(RuntimeException.class, () -> database.answers().insert(stored));
        assertThrows(RuntimeException.class, () -> database.answers().insertAll(List.of(
                identified(context(survey, Optional.of(Channel.CHAT)), 10, finnish("2026-11-24T10:00:00")), stored)));
        assertEquals(Map.of(part("2026-W48", "2026-11"), new NpsCounts(1, 0, 0)), partsOf("2026-W48"));
    }

    /**
     * Sixteen threads on two nodes store answers of one survey, channel, controller, language and week part at once,
     * each in transactions of their own, some one by one and some in bulk: no count is lost. On PostgreSQL the counts
     * of the one combination end up spread over shards; on SQLite in one row.
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
            assertEquals(expected, total("2026-W48", "2026-11"));
            assertEquals(Map.of(part("2026-W48", "2026-11"), expected), partsOf(otherNode.answerCounts(), "2026-W48"),
                    "the other node reads the same");
            long rows = database.jdbi().withHandle(handle -> handle.createQuery(
                            "SELECT COUNT(*) FROM answer_part_count WHERE week_key = '2026-W48'"
                                    + " AND survey_id = :survey")
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
     * reads answer_part_count alone, through the primary key's range of week keys. Prints the plan and how many
     * counter rows stand for how many answers. No timing is asserted.
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
        database.jdbi().useHandle(handle -> handle.execute("ANALYZE answer_part_count"));

        // What every report reads: every dimension (asked in an order other than the key's, which must not matter).
        List<Dimension> by = List.of(Dimension.LANGUAGE, Dimension.CHANNEL, Dimension.CONTROLLER, Dimension.SURVEY);
        String sql = JdbiAnswerCountRepository.countsSql(by);
        Map<String, Object> quarter = Map.of("from", "2025-W14", "to", "2025-W26");
        List<String> plan = planOf(sql, quarter);

        assertThePrimaryKeyServesTheRange(plan, sql, quarter);
        String whole = String.join("\n", plan);
        for (String answerTable : List.of("identified_answer", "anonymous_answer")) {
            assertFalse(whole.contains(answerTable), whole);
        }
        long counterRows = database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM answer_part_count").mapTo(long.class).one());
        long inRange = database.jdbi().withHandle(handle -> handle.createQuery(
                        "SELECT COUNT(*) FROM answer_part_count WHERE week_key BETWEEN :from AND :to")
                .bindMap(quarter).mapTo(long.class).one());
        long answersInRange = bulk.stream().filter(answer -> {
            String week = AnswerBuckets.ofIdentified(answer.answeredAt()).week().key();
            return week.compareTo("2025-W14") >= 0 && week.compareTo("2025-W26") <= 0;
        }).count();
        System.out.printf("%s: %d answers are %d counter rows; weeks 2025-W14..W26 by %s: %d answers, %d counter rows"
                        + " read, %d cells; plan:%n  %s%n", getClass().getSimpleName(), bulk.size(), counterRows, by,
                answersInRange, inRange,
                counts.counts(week("2025-W14"), week("2025-W26"), by).size(), String.join("\n  ", plan));
        assertTrue(inRange < answersInRange, "more counter rows than answers in the range");
    }

    /**
     * The week keys of one ISO year and the next sort as text, and the week that straddles the new year has a part
     * in each calendar year: 2026-W01 is 29-31 December 2025 and 1-4 January 2026.
     */
    @Test
    void aRangeAcrossTheYearsEndIsARangeOfKeys() {
        SurveyId survey = newSurveyId();
        for (LocalDate day = LocalDate.of(2025, 12, 15); day.isBefore(LocalDate.of(2026, 1, 20));
                day = day.plusDays(1)) {
            database.answers().insert(identified(context(survey, Optional.of(Channel.CHAT)), 9,
                    finnish(day + "T12:00:00")));
        }

        Map<String, Long> byPart = new TreeMap<>();
        counts.counts(week("2025-W52"), week("2026-W02"), List.of()).forEach(cell -> byPart.put(
                cell.part().week() + " " + cell.part().month(), cell.counts().n()));

        assertEquals(Map.of("2025-W52 2025-12", 7L, "2026-W01 2025-12", 3L, "2026-W01 2026-01", 4L,
                "2026-W02 2026-01", 7L), byPart);
    }

    // ---- migration V7 ----------------------------------------------------------------------------------------------

    /** An identified answer as V4 stores it, before any counter by part existed. */
    private record V5IdentifiedAnswer(String surveyId, String channel, String controller, String language, int score,
            Instant answeredAt, boolean deidentified) {
    }

    /** An anonymous answer as V4 stores it: only its week. */
    private record V5AnonymousAnswer(String surveyId, String channel, String controller, String language, int score,
            String isoWeek) {
    }

    /**
     * A database built and filled as the service did up to V5 (answers and their week and month counters in
     * answer_count, spread over shards) is counted by part once migrated: each identified answer in the part of its
     * Finnish day, each released anonymous answer in the part of its week's Thursday, the held ones not until their
     * release; the weeks' and months' totals are what answer_count held, and answer_count is gone.
     */
    @Test
    void aDatabaseCountedByWeekAndMonthIsCountedByPartOnceMigrated() throws SQLException {
        String url = emptyDatabaseUrl();
        Database.migrations(Database.Vendor.of(url)).dataSource(url, user(), password()).target("5").load().migrate();

        Random random = new Random(20261130);
        List<String> surveys = List.of(newSurveyId().value(), newSurveyId().value());
        String straddling = newSurveyId().value();
        List<String> channels = new ArrayList<>();
        channels.add(null);
        for (Channel channel : Channel.values()) {
            channels.add(channel.name());
        }
        List<String> controllers = List.of(CONTROLLER.value(), INSURANCE.value());
        List<String> languages = List.of("fi", "sv", "en");
        List<V5IdentifiedAnswer> identified = new ArrayList<>();
        // the days of 2026-W49 around the turn of the month, in Finnish time, at its edges too
        for (String time : List.of("2026-11-30T00:00:00", "2026-11-30T23:59:59", "2026-12-01T00:00:00",
                "2026-12-01T00:30:00", "2026-12-06T23:59:59")) {
            identified.add(new V5IdentifiedAnswer(straddling, "CHAT", CONTROLLER.value(), "fi", 10,
                    finnish(time), false));
        }
        Instant start = finnish("2025-11-20T00:00:00");
        long spanMillis = 400L * 24 * 3_600_000;
        for (int i = 0; i < 400; i++) {
            identified.add(new V5IdentifiedAnswer(surveys.get(random.nextInt(2)),
                    channels.get(random.nextInt(channels.size())), controllers.get(random.nextInt(2)),
                    languages.get(random.nextInt(3)), random.nextInt(11),
                    start.plusMillis((long) (random.nextDouble() * spanMillis)), random.nextInt(4) == 0));
        }
        List<V5AnonymousAnswer> released = new ArrayList<>();
        for (String week : List.of("2026-W49", "2026-W01", "2025-W01", "2026-W53")) {
            released.add(new V5AnonymousAnswer(straddling, null, CONTROLLER.value(), "sv", 3, week));
        }
        for (int i = 0; i < 150; i++) {
            released.add(new V5AnonymousAnswer(surveys.get(random.nextInt(2)),
                    channels.get(random.nextInt(channels.size())), controllers.get(random.nextInt(2)),
                    languages.get(random.nextInt(3)), random.nextInt(11),
                    IsoWeek.containing(start.plusMillis((long) (random.nextDouble() * spanMillis))).toString()));
        }
        List<V5AnonymousAnswer> held = List.of(
                new V5AnonymousAnswer(surveys.get(0), "BRANCH", CONTROLLER.value(), "fi", 0, "2026-W49"),
                new V5AnonymousAnswer(surveys.get(0), "BRANCH", CONTROLLER.value(), "fi", 9, "2026-W50"));

        // what the parts must hold, by the domain's rule, and what V5's counters held, by grain and period
        Map<Cell, NpsCounts> expected = new HashMap<>();
        Map<String, NpsCounts> v5Counters = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(url, user(), password())) {
            connection.setAutoCommit(false);
            try (PreparedStatement answer = connection.prepareStatement("INSERT INTO identified_answer (answer_id,"
                            + " survey_id, channel, controller, language, score, comment, contact_allowed, answered_at,"
                            + " customer_id, invitation_id) VALUES (?, ?, ?, ?, ?, ?, NULL, 0, ?, ?, ?)");
                    PreparedStatement counter = v5CounterUpsert(connection)) {
                int shard = 0;
                for (V5IdentifiedAnswer a : identified) {
                    answer.setString(1, newAnswerId());
                    answer.setString(2, a.surveyId());
                    answer.setString(3, a.channel());
                    answer.setString(4, a.controller());
                    answer.setString(5, a.language());
                    answer.setInt(6, a.score());
                    answer.setLong(7, a.answeredAt().toEpochMilli());
                    answer.setString(8, a.deidentified() ? null : newCustomer().value());
                    answer.setString(9, a.deidentified() ? null : newInvitationId());
                    answer.executeUpdate();
                    AnswerBuckets buckets = AnswerBuckets.ofIdentified(a.answeredAt());
                    countTheV5Way(counter, buckets, a.surveyId(), a.channel(), a.controller(), a.language(),
                            a.score(), shard++ % 8);
                    expected.merge(new Cell(buckets, values(a.surveyId(), a.channel(), a.controller(),
                            a.language())), NpsCounts.NONE.plus(new NpsScore(a.score())), NpsCounts::plus);
                }
                for (V5AnonymousAnswer a : released) {
                    insertAnonymous(connection, "anonymous_answer", a);
                    AnswerBuckets buckets = AnswerBuckets.ofAnonymous(IsoWeek.parse(a.isoWeek()));
                    countTheV5Way(counter, buckets, a.surveyId(), a.channel(), a.controller(), a.language(),
                            a.score(), shard++ % 8);
                    expected.merge(new Cell(buckets, values(a.surveyId(), a.channel(), a.controller(),
                            a.language())), NpsCounts.NONE.plus(new NpsScore(a.score())), NpsCounts::plus);
                }
                for (V5AnonymousAnswer a : held) {
                    insertAnonymous(connection, "anonymous_answer_held", a);
                }
            }
            connection.commit();
            try (PreparedStatement totals = connection.prepareStatement("SELECT grain, period_key, SUM(promoters),"
                    + " SUM(passives), SUM(detractors) FROM answer_count GROUP BY grain, period_key");
                    ResultSet rs = totals.executeQuery()) {
                while (rs.next()) {
                    v5Counters.put(rs.getString(1) + " " + rs.getString(2),
                            new NpsCounts(rs.getLong(3), rs.getLong(4), rs.getLong(5)));
                }
            }
            connection.commit();
            assertTrue(hasTable(connection, "answer_count"));
        }
        assertFalse(v5Counters.isEmpty());

        try (Database migrated = Database.open(url, user(), password(), 2)) {
            Map<AnswerBuckets, NpsCounts> straddlingParts = new HashMap<>();
            migrated.answerCounts().counts(week("2025-W01"), week("2026-W53"), List.of(Dimension.SURVEY)).stream()
                    .filter(cell -> cell.values().get(Dimension.SURVEY).equals(straddling))
                    .forEach(cell -> straddlingParts.put(cell.part(), cell.counts()));
            assertEquals(Map.of(part("2026-W49", "2026-11"), new NpsCounts(2, 0, 0),
                    part("2026-W49", "2026-12"), new NpsCounts(3, 0, 1),
                    part("2026-W01", "2026-01"), new NpsCounts(0, 0, 1),
                    part("2025-W01", "2025-01"), new NpsCounts(0, 0, 1),
                    part("2026-W53", "2026-12"), new NpsCounts(0, 0, 1)), straddlingParts);
            assertEquals(v5Counters, weekAndMonthTotals(migrated.answerCounts(), week("2025-W01"), week("2026-W53")),
                    "the totals of V5's counters");
            assertEquals(expected, reported(migrated.answerCounts(), week("2025-W01"), week("2026-W53"),
                    List.of(Dimension.values())), "every part, by every dimension");
            assertCountsMatchTheStoredAnswers(migrated);
            assertEquals(List.of(0), migrated.jdbi().withHandle(handle -> handle.createQuery(
                    "SELECT DISTINCT shard FROM answer_part_count").mapTo(int.class).list()), "V7 fills shard 0");
            try (Connection connection = DriverManager.getConnection(url, user(), password())) {
                assertFalse(hasTable(connection, "answer_count"), "answer_count is dropped");
                assertTrue(hasTable(connection, "answer_part_count"));
                assertTrue(hasTable(connection, "dashboard_session"));
            }

            // the held answers count once released, as every answer from now on
            assertEquals(2, releaseAll(migrated));
            migrated.answers().insert(identified(context(new SurveyId(surveys.get(0)), Optional.of(Channel.CHAT)), 0,
                    finnish("2026-12-02T12:00:00")));
            assertCountsMatchTheStoredAnswers(migrated);
        }
    }

    private static PreparedStatement v5CounterUpsert(Connection connection) throws SQLException {
        return connection.prepareStatement("INSERT INTO answer_count (grain, period_key, survey_id, channel,"
                + " controller, language, shard, promoters, passives, detractors) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                + " ON CONFLICT (grain, period_key, survey_id, channel, controller, language, shard)"
                + " DO UPDATE SET promoters = answer_count.promoters + excluded.promoters,"
                + " passives = answer_count.passives + excluded.passives,"
                + " detractors = answer_count.detractors + excluded.detractors");
    }

    /** As V5's service counted an answer: one in its week's row and one in its month's, in some shard. */
    private static void countTheV5Way(PreparedStatement counter, AnswerBuckets buckets, String surveyId,
            String channel, String controller, String language, int score, int shard) throws SQLException {
        NpsCounts one = NpsCounts.NONE.plus(new NpsScore(score));
        for (Period period : List.of(buckets.week(), buckets.month())) {
            counter.setString(1, period.kind() == PeriodKind.ISO_WEEK ? "WEEK" : "MONTH");
            counter.setString(2, period.key());
            counter.setString(3, surveyId);
            counter.setString(4, channel == null ? "NONE" : channel);
            counter.setString(5, controller);
            counter.setString(6, language);
            counter.setInt(7, shard);
            counter.setLong(8, one.promoters());
            counter.setLong(9, one.passives());
            counter.setLong(10, one.detractors());
            counter.executeUpdate();
        }
    }

    private static void insertAnonymous(Connection connection, String table, V5AnonymousAnswer a)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " (answer_id, survey_id,"
                + " channel, controller, language, score, comment, iso_week) VALUES (?, ?, ?, ?, ?, ?, NULL, ?)")) {
            insert.setString(1, Ids.newRandomId());
            insert.setString(2, a.surveyId());
            insert.setString(3, a.channel());
            insert.setString(4, a.controller());
            insert.setString(5, a.language());
            insert.setInt(6, a.score());
            insert.setString(7, a.isoWeek());
            insert.executeUpdate();
        }
    }

    /** The parts' sums by week and by month, named as V5's counters were ("WEEK 2026-W49", "MONTH 2026-11"). */
    private static Map<String, NpsCounts> weekAndMonthTotals(AnswerCountRepository counts, Period fromWeek,
            Period toWeek) {
        Map<String, NpsCounts> totals = new TreeMap<>();
        for (CountCell cell : counts.counts(fromWeek, toWeek, List.of())) {
            totals.merge("WEEK " + cell.part().week(), cell.counts(), NpsCounts::plus);
            totals.merge("MONTH " + cell.part().month(), cell.counts(), NpsCounts::plus);
        }
        return totals;
    }

    /** Whether the database (the connection's schema) has the table, as the driver's catalogue lists it. */
    private static boolean hasTable(Connection connection, String table) throws SQLException {
        try (ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), table,
                new String[] {"TABLE"})) {
            return tables.next();
        }
    }
}

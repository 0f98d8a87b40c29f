package fi.palaute.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import fi.palaute.domain.report.Attacker.Finding;
import fi.palaute.domain.report.Attacker.Key;
import fi.palaute.domain.response.NpsCounts;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * R-KANON as a property over 10,000 random cases. Each case is two adjacent years of answers, identified ones on
 * random days and anonymous ones in random weeks (counted in the month of the week's Thursday), in a random stretch
 * of time that mostly crosses the new year, with k from 5 to 15 and one or two dimensions of one to three values, or
 * three of one or two (and, in a second run of 300 cases, all four of one or two, as the service counts). From them the test asks for everything the reporting API could publish about the two years:
 * ISO_WEEK, MONTH, QUARTER and YEAR reports with every table a report can hold (by nothing, by each dimension and by
 * each pair: with three dimensions, three pairs); every report is given the counts by every dimension, as the
 * service gives them. Then {@link Attacker} plays the attacker on all of them together, with the true week parts of
 * both years by every dimension as unknowns (nothing taken as known because it belongs to the other year). It
 * checks that
 * <ol>
 *   <li>no published cell has fewer than k answers (a period's total with no answers is published as zero);</li>
 *   <li>no suppressed cell with 1 to k − 1 answers can be recovered exactly, as a rational linear combination of
 *       what was published: not from one report, nor from the reports by each of two dimensions together, nor from
 *       the three pairs of three dimensions. Suppressed cells with k or more answers that turn out recoverable
 *       disclose nothing (they could have been published) and are counted;</li>
 *   <li>a cell comes out the same in every report that contains it, published counts are the true counts, and every
 *       combination with answers is in the report, published or suppressed.</li>
 * </ol>
 * The pairs of years are chosen for their boundaries: a week 53 (2020, 2026), a year beginning on a Monday (2024,
 * whose Q1 is weeks 1–13), weeks 1 that begin in December (2025, 2026, 2030), a February of whole weeks (2027).
 * Written as a seeded loop in plain JUnit rather than with jqwik: jqwik 1.10 is built on JUnit Platform 1.x, not the
 * JUnit 6 this project runs, and its authors ask that it not be used by AI coding agents, one of which wrote this
 * test. A failure names its seed; {@link #replay(long, int)} reruns that case alone.
 */
class DisclosureControlPropertyTest {

    private static final int TRIES = 10_000;
    private static final int FOUR_DIMENSION_TRIES = 300;
    private static final long SEED = 0x5EED_2027L;
    private static final int[] FIRST_YEARS = {2020, 2023, 2024, 2025, 2026, 2027, 2029};

    private long reports;
    private long tables;
    private long publishedCells;
    private long suppressedCells;
    private long suppressedUnderK;
    private long secondariesGivenAway;

    @Test
    void tenThousandRandomCasesPublishNothingSmallAndNothingRecoverable() {
        run("", TRIES, SEED, 0);
        assertTrue(publishedCells > 100_000 && suppressedCells > 100_000, "the cases exercise both outcomes");
    }

    /**
     * As the service counts: all four dimensions, of one or two values each, every report by none, one or two of them
     * (eleven breakdowns), against an attacker with the counts by all four as unknowns. Fewer cases: each is eleven
     * times the reports.
     */
    @Test
    void fourDimensionsAsTheServiceCountsThem() {
        run(" (four dimensions)", FOUR_DIMENSION_TRIES, SEED + TRIES, 4);
        assertTrue(publishedCells > 10_000 && suppressedCells > 10_000, "the cases exercise both outcomes");
    }

    private void run(String what, int tries, long firstSeed, int dimensions) {
        long started = System.nanoTime();
        int failures = 0;
        List<String> firstFailures = new ArrayList<>();
        for (int i = 0; i < tries; i++) {
            try {
                replay(firstSeed + i, dimensions);
            } catch (AssertionError failure) {
                failures++;
                if (firstFailures.size() < 3) {
                    firstFailures.add(failure.getMessage());
                }
            }
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf(Locale.ROOT, "DisclosureControl property%s: %d cases (two years each), %d reports, %d tables"
                + " (a period of a report by a set of dimensions), %d published and %d suppressed cells (%d under k),"
                + " %d failing cases; %d suppressed cells of k or more recoverable; in %d ms%n",
                what, tries, reports, tables, publishedCells, suppressedCells, suppressedUnderK, failures,
                secondariesGivenAway, millis);
        int failed = failures;
        assertEquals(0, failed, () -> failed + " of " + tries + " cases fail; the first:\n"
                + String.join("\n", firstFailures));
    }

    /** Checks one case, the one a seed makes (with this many dimensions; 0: one to three, at random). */
    void replay(long seed, int dimensions) {
        Random random = new Random(seed);
        Case data = Case.random(random, dimensions);
        try {
            check(data, random);
        } catch (AssertionError failure) {
            throw new AssertionError("seed " + seed + ", " + data + ": " + failure.getMessage(), failure);
        }
    }

    /**
     * Asks for every report about the case's two years, checks each, then attacks them all together. Every kind is
     * asked by the finest breakdowns, whose reports hold every table (the total, each dimension, each pair); one kind,
     * chosen at random, by every breakdown too, which (3) checks gives the same cells as the margins.
     */
    void check(Case data, Random random) {
        Attacker attacker = data.attacker();
        Map<Key, ReportCell> shown = new HashMap<>();
        List<List<Dimension>> breakdowns = data.breakdowns(random);
        PeriodKind everyBreakdown = PeriodKind.values()[random.nextInt(PeriodKind.values().length)];
        for (PeriodKind kind : PeriodKind.values()) {
            List<Period> periods = periodsOfTwoYears(kind, data.year);
            for (List<Dimension> by : kind == everyBreakdown ? breakdowns : data.finestBreakdowns(breakdowns)) {
                List<ReportCell> report = new DisclosureControl(data.k)
                        .protect(kind, periods, by, data.base(periods, random));
                collect(data, attacker, report, periods, by, shown);
                attacker.see(by, periods, report);
            }
        }
        List<Finding> recovered = new ArrayList<>();
        for (Finding finding : attacker.recoverable()) {
            if (finding.answers() >= data.k) {
                secondariesGivenAway++; // k or more answers: publishable, so nothing is disclosed
            } else {
                recovered.add(finding);
            }
        }
        if (!recovered.isEmpty()) {
            fail("(2) suppressed but recoverable: " + recovered + " (k = " + data.k + ")");
        }
    }

    private static final Map<List<Object>, List<Period>> PERIODS = new java.util.concurrent.ConcurrentHashMap<>();
    private static final Map<List<Period>, List<Period>> READ = new java.util.concurrent.ConcurrentHashMap<>();

    /** Every period of a kind in the two years (weeks: those of the two ISO years). */
    static List<Period> periodsOfTwoYears(PeriodKind kind, int year) {
        return PERIODS.computeIfAbsent(List.of(kind, year), x -> periodsFromCalendar(kind, year));
    }

    private static List<Period> periodsFromCalendar(PeriodKind kind, int year) {
        if (kind == PeriodKind.ISO_WEEK) {
            return Period.range(Period.containing(kind, LocalDate.of(year, 1, 4)),
                    Period.containing(kind, LocalDate.of(year + 1, 12, 28)));
        }
        return Period.range(Period.containing(kind, LocalDate.of(year, 1, 1)),
                Period.containing(kind, LocalDate.of(year + 1, 12, 31)));
    }

    /** Checks (1) and (3) on one report. */
    private void collect(Case data, Attacker attacker, List<ReportCell> report, List<Period> periods,
            List<Dimension> by, Map<Key, ReportCell> shown) {
        reports++;
        Map<Key, ReportCell> inReport = new HashMap<>();
        for (ReportCell cell : report) {
            Key key = new Key(cell.period(), cell.values());
            assertNull(inReport.put(key, cell), () -> "a cell twice in one report: " + key);
            NpsCounts truth = data.truth(key);
            if (cell.counts().isPresent()) {
                publishedCells++;
                assertEquals(truth, cell.counts().get(), () -> "published counts must be the true counts: " + key);
                if (truth.n() < data.k) {
                    assertTrue(truth.n() == 0 && cell.values().isEmpty(),
                            () -> "(1) published with " + truth.n() + " answers, k = " + data.k + ": " + key);
                }
            } else {
                suppressedCells++;
                if (truth.n() > 0 && truth.n() < data.k) {
                    suppressedUnderK++;
                }
            }
            ReportCell earlier = shown.putIfAbsent(key, cell);
            if (earlier != null) {
                assertEquals(earlier, cell, () -> "(3) one cell, two answers in two reports: " + key);
            }
        }
        Map<Set<Dimension>, List<Map<Dimension, String>>> valuesOfTables = new LinkedHashMap<>();
        for (Set<Dimension> table : Attacker.tablesOf(by)) {
            valuesOfTables.put(table, attacker.combinations().stream().map(combination -> {
                Map<Dimension, String> values = new HashMap<>(combination);
                values.keySet().retainAll(table);
                return Map.copyOf(values);
            }).distinct().toList());
        }
        for (Period period : periods) {
            valuesOfTables.forEach((table, valuesOfTable) -> {
                tables++;
                for (Map<Dimension, String> values : valuesOfTable) {
                    Key key = new Key(period, values);
                    ReportCell cell = inReport.get(key);
                    if (table.isEmpty() || data.truth(key).n() > 0) {
                        assertNotNull(cell, () -> "missing from the report by " + by + ": " + key);
                    } else if (cell != null) {
                        assertTrue(cell.suppressed(), () -> "a combination with no answers published: " + cell);
                    }
                }
            });
        }
    }

    // ---------------------------------------------------------------------------------------------------------

    /** One random data set: k, the dimensions and their values, and the answers per week part and combination. */
    static final class Case {

        final int k;
        final int year; // the first of the two
        final List<Dimension> dims;
        final List<List<String>> universe;
        final Map<AnswerBuckets, NpsCounts[]> counts = new LinkedHashMap<>(); // per combination of all dimensions
        private final List<Map<Dimension, String>> combinations;
        private final Map<Key, NpsCounts> truths = new HashMap<>();
        private final boolean[] anonymousOnly; // per combination: every answer anonymous, and everyone knows it
        private LocalDate today; // nothing answered after it, and everyone knows it; null: no such day
        private String story = "";

        Case(int k, int year, List<Dimension> dims, List<List<String>> universe) {
            this.k = k;
            this.year = year;
            this.dims = List.copyOf(dims);
            this.universe = List.copyOf(universe);
            this.combinations = new Attacker(dims, universe, Map.of(), (part, c) -> false).combinations();
            this.anonymousOnly = new boolean[combinations.size()];
        }

        /** Adds answers for a combination of all dimensions (an index into {@link Attacker#combinations()}). */
        void add(AnswerBuckets part, int combination, NpsCounts more) {
            NpsCounts[] row = counts.computeIfAbsent(part, p -> {
                NpsCounts[] fresh = new NpsCounts[combinations.size()];
                java.util.Arrays.fill(fresh, NpsCounts.NONE);
                return fresh;
            });
            row[combination] = row[combination].plus(more);
        }

        static Case random(Random random, int dimensions) {
            int k = 5 + random.nextInt(11);
            List<Dimension> all = new ArrayList<>(List.of(Dimension.values()));
            Collections.shuffle(all, random);
            List<Dimension> dims = List.copyOf(all.subList(0, dimensions > 0 ? dimensions : 1 + random.nextInt(3)));
            List<List<String>> universe = new ArrayList<>();
            for (Dimension dimension : dims) {
                List<String> values = new ArrayList<>();
                for (int v = 1 + random.nextInt(dims.size() >= 3 ? 2 : 3); v > 0; v--) {
                    values.add(dimension.name().toLowerCase(Locale.ROOT) + "-" + values.size());
                }
                universe.add(List.copyOf(values));
            }
            int year = FIRST_YEARS[random.nextInt(FIRST_YEARS.length)];
            Case data = new Case(k, year, dims, universe);

            // A stretch of time: mostly across the new year, sometimes early in the second year (its Q1 and
            // February) or late in the first; sometimes with a "today" after which nothing is answered yet.
            LocalDate newYear = LocalDate.of(year + 1, 1, 1);
            LocalDate from;
            LocalDate to;
            switch (random.nextInt(4)) {
                case 0, 1 -> {
                    from = newYear.minusDays(1 + random.nextInt(70));
                    to = newYear.plusDays(random.nextInt(70));
                }
                case 2 -> {
                    from = newYear.plusDays(random.nextInt(40));
                    to = from.plusDays(7 + random.nextInt(70));
                }
                default -> {
                    from = LocalDate.of(year, 10, 1).plusDays(random.nextInt(60));
                    to = from.plusDays(7 + random.nextInt(70));
                }
            }
            if (random.nextInt(3) == 0) {
                to = from.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(from, to) + 1));
                data.today = to;
                data.story = "answers " + from + ".., today " + to + " ";
            } else {
                data.story = "answers " + from + ".." + to + " ";
            }
            // Anonymity belongs to a survey, and everyone knows which surveys are anonymous: by SURVEY, some of its
            // values are anonymous; otherwise either every answer is (an anonymous-only service) or the
            // combinations mix anonymous and identified answers, and nobody can tell how.
            int survey = dims.indexOf(Dimension.SURVEY);
            boolean[] anonymousSurvey = new boolean[survey < 0 ? 0 : universe.get(survey).size()];
            for (int v = 0; v < anonymousSurvey.length; v++) {
                anonymousSurvey[v] = random.nextInt(3) == 0;
            }
            boolean allAnonymous = survey < 0 && random.nextInt(8) == 0;
            double empty = random.nextDouble() * 0.6;
            for (int c = 0; c < data.combinations.size(); c++) {
                if (survey >= 0) {
                    String value = data.combinations.get(c).get(Dimension.SURVEY);
                    data.anonymousOnly[c] = anonymousSurvey[universe.get(survey).indexOf(value)];
                } else {
                    data.anonymousOnly[c] = allAnonymous;
                }
                if (random.nextDouble() < empty) {
                    continue;
                }
                LocalDate start = from;
                LocalDate end = to;
                if (random.nextInt(3) == 0) { // active in part of the stretch only
                    start = from.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(from, to) + 1));
                    end = start.plusDays(random.nextInt((int) ChronoUnit.DAYS.between(start, to) + 1));
                }
                int days = (int) ChronoUnit.DAYS.between(start, end) + 1;
                double anonymous = data.anonymousOnly[c] ? 1 : survey >= 0 ? 0 : new double[] {0, 0.3, 0.7}[random.nextInt(3)];
                int n = switch (random.nextInt(4)) {
                    case 0 -> 1 + random.nextInt(k + 2);
                    case 1 -> 1 + random.nextInt(4 * k);
                    case 2 -> k * days / 7 + random.nextInt(2 * k * days / 7 + 1);
                    default -> 3 * k * days / 7 + random.nextInt(6 * k * days / 7 + 1);
                };
                for (int i = 0; i < n; i++) {
                    LocalDate day = start.plusDays(random.nextInt(days));
                    AnswerBuckets part = random.nextDouble() < anonymous
                            ? Attacker.anonymousPartOf(day)
                            : Attacker.partOf(day);
                    int category = random.nextInt(3);
                    data.add(part, c, new NpsCounts(category == 0 ? 1 : 0, category == 1 ? 1 : 0,
                            category == 2 ? 1 : 0));
                }
            }
            return data;
        }

        Attacker attacker() {
            Map<AnswerBuckets, long[]> answers = new HashMap<>();
            counts.forEach((part, row) -> answers.put(part,
                    java.util.Arrays.stream(row).mapToLong(NpsCounts::n).toArray()));
            return new Attacker(dims, universe, answers, this::publiclyZero);
        }

        /** An anonymous-only combination has nothing outside its weeks' Thursday months; nothing is after today. */
        boolean publiclyZero(AnswerBuckets part, int combination) {
            LocalDate thursday = part.week().firstDay().plusDays(3);
            if (anonymousOnly[combination] && !Period.containing(PeriodKind.MONTH, thursday).equals(part.month())) {
                return true;
            }
            LocalDate firstDay = part.week().firstDay().isAfter(part.month().firstDay())
                    ? part.week().firstDay()
                    : part.month().firstDay();
            return today != null && firstDay.isAfter(today);
        }

        /** The true counts of a cell, from the calendar: the parts of its period, the combinations it holds. */
        NpsCounts truth(Key key) {
            return truths.computeIfAbsent(key, x -> {
                NpsCounts sum = NpsCounts.NONE;
                for (AnswerBuckets part : Attacker.partsOf(key.period())) {
                    NpsCounts[] row = counts.get(part);
                    if (row != null) {
                        for (int c = 0; c < combinations.size(); c++) {
                            if (combinations.get(c).entrySet().containsAll(key.values().entrySet())) {
                                sum = sum.plus(row[c]);
                            }
                        }
                    }
                }
                return sum;
            });
        }

        /**
         * What the service reads for any report: every part between the weeks disclosure control asks for, grouped
         * by every dimension, in a random order (the order must not matter).
         */
        List<CountCell> base(List<Period> periods, Random shuffle) {
            List<Period> range = READ.computeIfAbsent(periods, x -> List.of(DisclosureControl.firstWeekToRead(periods),
                    DisclosureControl.lastWeekToRead(periods)));
            Period first = range.get(0);
            Period last = range.get(1);
            Map<List<Object>, NpsCounts> grouped = new LinkedHashMap<>();
            counts.forEach((part, row) -> {
                if (part.week().compareTo(first) >= 0 && part.week().compareTo(last) <= 0) {
                    for (int c = 0; c < combinations.size(); c++) {
                        if (row[c].n() > 0) {
                            grouped.merge(List.of(part, combinations.get(c)), row[c], NpsCounts::plus);
                        }
                    }
                }
            });
            List<CountCell> base = new ArrayList<>();
            grouped.forEach((key, sum) -> {
                @SuppressWarnings("unchecked")
                Map<Dimension, String> values = (Map<Dimension, String>) key.get(1);
                base.add(new CountCell((AnswerBuckets) key.get(0), values, sum));
            });
            Collections.shuffle(base, shuffle);
            return base;
        }

        /** Every breakdown the API offers: none, each dimension, each pair (in a random order). */
        List<List<Dimension>> breakdowns(Random random) {
            List<List<Dimension>> result = new ArrayList<>();
            result.add(List.of());
            for (Dimension dimension : dims) {
                result.add(List.of(dimension));
            }
            for (int i = 0; i < dims.size(); i++) {
                for (int j = i + 1; j < dims.size(); j++) {
                    result.add(random.nextBoolean() ? List.of(dims.get(i), dims.get(j))
                            : List.of(dims.get(j), dims.get(i)));
                }
            }
            return result;
        }

        /** The breakdowns whose reports hold every table: the pairs, or the one dimension when there is one. */
        List<List<Dimension>> finestBreakdowns(List<List<Dimension>> breakdowns) {
            int finest = Math.min(dims.size(), 2);
            return breakdowns.stream().filter(by -> by.size() == finest).toList();
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("k=" + k + " years " + year + "-" + (year + 1) + " dims=" + dims
                    + " values=" + universe + " " + story + "anonymous " + java.util.Arrays.toString(anonymousOnly)
                    + " parts:");
            counts.forEach((part, row) -> {
                text.append(' ').append(part.week()).append('/').append(part.month()).append('=');
                for (int c = 0; c < row.length; c++) {
                    text.append(c == 0 ? "" : ",").append(row[c].n());
                }
            });
            return text.toString();
        }
    }

    @Test
    void theAttackersEliminationIsExact() {
        Attacker.Echelon echelon = new Attacker.Echelon(3);
        echelon.add(new long[] {1, 1, 0}); // a + b
        echelon.add(new long[] {0, 1, 1}); // b + c
        assertTrue(echelon.contains(new long[] {1, 0, -1})); // a − c
        assertTrue(echelon.contains(new long[] {0, 0, 0}));
        assertFalse(echelon.contains(new long[] {1, 0, 0}));
        assertFalse(echelon.contains(new long[] {0, 0, 1}));
        echelon.add(new long[] {1, 0, 1}); // a + c: now a = ((a + b) − (b + c) + (a + c)) / 2, over the rationals
        assertTrue(echelon.contains(new long[] {1, 0, 0}));
        assertTrue(echelon.contains(new long[] {0, 0, 1}));
    }
}

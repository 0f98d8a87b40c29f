package fi.palaute.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import fi.palaute.domain.response.NpsCounts;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * R-KANON as a property over 10,000 random cases. Each case is one year of monthly counts and one week of counts,
 * with k from 5 to 15 and one or two dimensions of one to four values; from them the test asks for everything the
 * reporting API could publish (for the year: MONTH, QUARTER and YEAR reports; for the week: its ISO_WEEK report;
 * each by nothing, by each dimension and by the pair) and then plays the attacker, who knows every published number
 * and that every combination left out of a report has no answers. It checks that
 * <ol>
 *   <li>no published cell has fewer than k answers (a period's total with no answers is published as zero);</li>
 *   <li>no suppressed cell can be recovered exactly: with the finest cells (month × value × value) as unknowns, every
 *       published cell of every report and every left-out combination is a linear equation, and exact integer
 *       Gaussian elimination decides whether a suppressed cell's row lies in their span;</li>
 *   <li>a cell comes out the same in every report that contains it, published counts are the true counts, and every
 *       combination with answers is in the report, published or suppressed.</li>
 * </ol>
 * Written as a seeded loop in plain JUnit rather than with jqwik: jqwik 1.10 is built on JUnit Platform 1.x, not the
 * JUnit 6 this project runs, and its authors ask that it not be used by AI coding agents, one of which wrote this
 * test. A failure names its seed; {@link #replay(long)} reruns that case alone.
 */
class DisclosureControlPropertyTest {

    private static final int TRIES = 10_000;
    private static final long SEED = 0x5EED_2026L;
    private static final int YEAR = 2026;
    private static final List<PeriodKind> YEAR_KINDS = List.of(PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.YEAR);

    private long reports;
    private long tables;
    private long publishedCells;
    private long suppressedCells;
    private long equations;

    @Test
    void tenThousandRandomTablesPublishNothingSmallAndNothingRecoverable() {
        long started = System.nanoTime();
        for (int i = 0; i < TRIES; i++) {
            replay(SEED + i);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf(Locale.ROOT, "DisclosureControl property: %d cases (a year and a week each), %d reports,"
                + " %d tables (a period of a report by a set of dimensions), %d published and %d suppressed cells"
                + " checked against %d equations, in %d ms%n",
                TRIES, reports, tables, publishedCells, suppressedCells, equations, millis);
        assertTrue(publishedCells > 100_000 && suppressedCells > 100_000, "the cases exercise both outcomes");
    }

    /** The attacks of the issue, through the same attacker: each would succeed without secondary suppression. */
    @Test
    void theKnownAttacksFail() {
        Random random = new Random(1);
        Period week = Period.parse(PeriodKind.ISO_WEEK, "2026-W48");
        // a total of 12 with one group of 11
        checkWeek(Case.of(10, List.of(Dimension.CHANNEL), List.of(List.of("BRANCH", "CHAT")), new long[][] {{11, 1}}),
                week, random);
        // one channel suppressed in a row
        checkWeek(Case.of(10, List.of(Dimension.CHANNEL), List.of(List.of("BRANCH", "CHAT", "MOBILE_APP", "PHONE")),
                new long[][] {{40, 3, 60, 25}}), week, random);
        // a month suppressed within its quarter, and a quarter within its year
        checkYear(Case.of(10, List.of(Dimension.CHANNEL), List.of(List.of("BRANCH")),
                new long[][] {{20}, {20}, {20}, {3}, {5}, {0}, {30}, {30}, {30}, {30}, {4}, {50}}), random);
        // a (channel, language) cell against the by-channel margin, and an empty cell pinning one
        checkWeek(Case.of(10, List.of(Dimension.CHANNEL, Dimension.LANGUAGE),
                List.of(List.of("BRANCH", "PHONE"), List.of("en", "fi", "sv")), new long[][] {{20, 40, 4, 15, 30, 25}}),
                week, random);
        checkWeek(Case.of(10, List.of(Dimension.CHANNEL, Dimension.LANGUAGE),
                List.of(List.of("x", "y"), List.of("a", "b")), new long[][] {{20, 3, 0, 15}}), week, random);
    }

    /** Checks one case, the one a seed makes. */
    void replay(long seed) {
        Random random = new Random(seed);
        Case year = Case.random(random, 12);
        try {
            checkYear(year, random);
        } catch (AssertionError failure) {
            throw new AssertionError("seed " + seed + ", year " + year + ": " + failure.getMessage(), failure);
        }
        Case week = Case.random(random, 1);
        try {
            checkWeek(week, Period.parse(PeriodKind.ISO_WEEK, random.nextBoolean() ? "2026-W53" : "2026-W01"),
                    random);
        } catch (AssertionError failure) {
            throw new AssertionError("seed " + seed + ", week " + week + ": " + failure.getMessage(), failure);
        }
    }

    private void checkYear(Case data, Random random) {
        List<Period> months = Period.range(Period.parse(PeriodKind.MONTH, YEAR + "-01"),
                Period.parse(PeriodKind.MONTH, YEAR + "-12"));
        List<Period> all = new ArrayList<>();
        Map<PeriodKind, List<Period>> byKind = new LinkedHashMap<>();
        for (PeriodKind kind : YEAR_KINDS) {
            List<Period> periods = Period.range(Period.containing(kind, months.get(0).firstDay()),
                    Period.containing(kind, months.get(11).firstDay()));
            byKind.put(kind, periods);
            all.addAll(periods);
        }
        Lattice lattice = new Lattice(data, all, months);
        Map<Key, ReportCell> shown = new HashMap<>();
        byKind.forEach((kind, periods) -> {
            for (List<Dimension> by : data.breakdowns(random)) {
                List<ReportCell> report = new DisclosureControl(data.k)
                        .protect(kind, periods, by, data.base(months, by, random));
                collect(data, lattice, report, periods, by, shown);
            }
        });
        checkNothingRecoverable(data, lattice, shown);
    }

    private void checkWeek(Case data, Period week, Random random) {
        Lattice lattice = new Lattice(data, List.of(week), List.of(week));
        Map<Key, ReportCell> shown = new HashMap<>();
        for (List<Dimension> by : data.breakdowns(random)) {
            List<ReportCell> report = new DisclosureControl(data.k)
                    .protect(PeriodKind.ISO_WEEK, List.of(week), by, data.base(List.of(week), by, random));
            collect(data, lattice, report, List.of(week), by, shown);
        }
        checkNothingRecoverable(data, lattice, shown);
    }

    /** Checks (1) and (3) on one report, and adds its cells to what the attacker has seen. */
    private void collect(Case data, Lattice lattice, List<ReportCell> report, List<Period> periods,
            List<Dimension> by, Map<Key, ReportCell> shown) {
        reports++;
        Map<Key, ReportCell> inReport = new HashMap<>();
        for (ReportCell cell : report) {
            Key key = new Key(cell.period(), cell.values());
            assertNull(inReport.put(key, cell), () -> "a cell twice in one report: " + key);
            NpsCounts truth = lattice.truth.get(key);
            assertNotNull(truth, () -> "a cell no report by " + by + " has: " + key);
            if (cell.counts().isPresent()) {
                publishedCells++;
                assertEquals(truth, cell.counts().get(), () -> "published counts must be the true counts: " + key);
                if (truth.n() < data.k) {
                    assertTrue(truth.n() == 0 && cell.values().isEmpty(),
                            () -> "(1) published with " + truth.n() + " answers, k = " + data.k + ": " + key);
                }
            } else {
                suppressedCells++;
            }
            ReportCell earlier = shown.putIfAbsent(key, cell);
            if (earlier != null) {
                assertEquals(earlier, cell, () -> "(3) one cell, two answers in two reports: " + key);
            }
        }
        List<Integer> masks = new ArrayList<>();
        masks.add(0);
        for (Dimension dimension : by) {
            masks.add(1 << data.dims.indexOf(dimension));
        }
        if (by.size() == 2) {
            masks.add(3);
        }
        for (Period period : periods) {
            for (int mask : masks) {
                tables++;
                for (Map<Dimension, String> values : data.combinationsOf(mask)) {
                    Key key = new Key(period, values);
                    ReportCell cell = inReport.get(key);
                    if (mask == 0 || lattice.truth.get(key).n() > 0) {
                        assertNotNull(cell, () -> "missing from the report by " + by + ": " + key);
                    } else if (cell != null) {
                        assertTrue(cell.suppressed(), () -> "a combination with no answers published: " + cell);
                    }
                }
            }
        }
    }

    /**
     * (2): no suppressed cell is a linear combination of what was shown. The unknowns are the finest cells (finest
     * period × every dimension) shown suppressed; all other finest cells are known (published, or left out and so
     * zero), and every other cell is a sum of finest cells.
     */
    private void checkNothingRecoverable(Case data, Lattice lattice, Map<Key, ReportCell> shown) {
        int full = (1 << data.dims.size()) - 1;
        int[] column = new int[lattice.finest.size() * data.combinations()];
        int width = 0;
        for (int f = 0; f < lattice.finest.size(); f++) {
            for (int c = 0; c < data.combinations(); c++) {
                ReportCell cell = shown.get(new Key(lattice.finest.get(f), data.projection(full, c)));
                column[f * data.combinations() + c] = cell != null && cell.suppressed() ? width++ : -1;
            }
        }
        Echelon published = new Echelon(width);
        Map<Key, long[]> suppressed = new LinkedHashMap<>();
        for (Map.Entry<Key, int[]> entry : lattice.cover.entrySet()) {
            long[] row = new long[width];
            for (int finestCell : entry.getValue()) {
                if (column[finestCell] >= 0) {
                    row[column[finestCell]]++;
                }
            }
            ReportCell cell = shown.get(entry.getKey());
            if (cell != null && cell.suppressed()) {
                suppressed.put(entry.getKey(), row);
            } else {
                published.add(row); // a published number, or a left-out combination: zero
                equations++;
            }
        }
        suppressed.forEach((key, row) -> {
            if (published.contains(row)) {
                fail("(2) suppressed but recoverable: " + key + " with " + lattice.truth.get(key).n()
                        + " answers (k = " + data.k + ")");
            }
        });
    }

    // ---------------------------------------------------------------------------------------------------------

    record Key(Period period, Map<Dimension, String> values) {
    }

    /** One random data set: k, the dimensions and all their possible values, counts per finest period and combination. */
    static final class Case {

        final int k;
        final List<Dimension> dims;
        final List<List<String>> universe;
        final NpsCounts[][] counts; // [finest period][combination of all dims]
        private final List<List<Map<Dimension, String>>> projections; // [mask][combination]

        private Case(int k, List<Dimension> dims, List<List<String>> universe, NpsCounts[][] counts) {
            this.k = k;
            this.dims = dims;
            this.universe = universe;
            this.counts = counts;
            projections = new ArrayList<>();
            for (int mask = 0; mask < 1 << dims.size(); mask++) {
                List<Map<Dimension, String>> byCombination = new ArrayList<>();
                for (int c = 0; c < counts[0].length; c++) {
                    Map<Dimension, String> values = new HashMap<>();
                    int rest = c;
                    for (int d = dims.size() - 1; d >= 0; d--) {
                        List<String> domain = universe.get(d);
                        if ((mask & (1 << d)) != 0) {
                            values.put(dims.get(d), domain.get(rest % domain.size()));
                        }
                        rest /= domain.size();
                    }
                    byCombination.add(Map.copyOf(values));
                }
                projections.add(byCombination);
            }
        }

        /** A hand-made case: counts[finest period][combination], split into categories in a fixed way. */
        static Case of(int k, List<Dimension> dims, List<List<String>> universe, long[][] n) {
            NpsCounts[][] counts = new NpsCounts[n.length][];
            for (int f = 0; f < n.length; f++) {
                counts[f] = new NpsCounts[n[f].length];
                for (int c = 0; c < n[f].length; c++) {
                    counts[f][c] = new NpsCounts(n[f][c] / 2, n[f][c] / 4, n[f][c] - n[f][c] / 2 - n[f][c] / 4);
                }
            }
            return new Case(k, dims, universe, counts);
        }

        static Case random(Random random, int finestPeriods) {
            int k = 5 + random.nextInt(11);
            List<Dimension> all = new ArrayList<>(List.of(Dimension.values()));
            Collections.shuffle(all, random);
            List<Dimension> dims = List.copyOf(all.subList(0, 1 + random.nextInt(2)));
            List<List<String>> universe = new ArrayList<>();
            int combinations = 1;
            for (Dimension dimension : dims) {
                List<String> values = new ArrayList<>();
                for (int v = 1 + random.nextInt(4); v > 0; v--) {
                    values.add(dimension.name().toLowerCase(Locale.ROOT) + "-" + values.size());
                }
                universe.add(List.copyOf(values));
                combinations *= values.size();
            }
            // Each case has its own mix: up to 70 % empty combinations, many cells around k, a few large ones;
            // sometimes only a few months have answers at all.
            double empty = random.nextDouble() * 0.7;
            double small = random.nextDouble();
            double large = random.nextDouble() * 0.3;
            boolean fewMonths = finestPeriods > 1 && random.nextInt(4) == 0;
            NpsCounts[][] counts = new NpsCounts[finestPeriods][combinations];
            for (int f = 0; f < finestPeriods; f++) {
                boolean active = !fewMonths || random.nextInt(3) == 0;
                for (int c = 0; c < combinations; c++) {
                    int n;
                    if (!active || random.nextDouble() < empty) {
                        n = 0;
                    } else if (random.nextDouble() < small) {
                        n = 1 + random.nextInt(k + 2);
                    } else if (random.nextDouble() < large) {
                        n = 50 + random.nextInt(400);
                    } else {
                        n = 1 + random.nextInt(4 * k);
                    }
                    int promoters = random.nextInt(n + 1);
                    int passives = random.nextInt(n - promoters + 1);
                    counts[f][c] = new NpsCounts(promoters, passives, n - promoters - passives);
                }
            }
            return new Case(k, dims, List.copyOf(universe), counts);
        }

        int combinations() {
            return counts[0].length;
        }

        /** The values of combination c of all dimensions, keeping those in the mask. */
        Map<Dimension, String> projection(int mask, int c) {
            return projections.get(mask).get(c);
        }

        int maskOf(List<Dimension> subset) {
            int mask = 0;
            for (Dimension dimension : subset) {
                mask |= 1 << dims.indexOf(dimension);
            }
            return mask;
        }

        List<Map<Dimension, String>> combinationsOf(int mask) {
            return projections.get(mask).stream().distinct().toList();
        }

        /** The counts a report by {@code by} is made of: per finest period, grouped by exactly {@code by}. */
        List<CountCell> base(List<Period> finest, List<Dimension> by, Random shuffle) {
            int mask = maskOf(by);
            Map<Key, NpsCounts> grouped = new LinkedHashMap<>();
            for (int f = 0; f < finest.size(); f++) {
                for (int c = 0; c < combinations(); c++) {
                    if (counts[f][c].n() > 0) {
                        grouped.merge(new Key(finest.get(f), projection(mask, c)), counts[f][c], NpsCounts::plus);
                    }
                }
            }
            List<CountCell> base = new ArrayList<>();
            grouped.forEach((key, sum) -> base.add(new CountCell(key.period(), key.values(), sum)));
            Collections.shuffle(base, shuffle); // the order of the base must not matter
            return base;
        }

        /** Every breakdown the API offers: none, each dimension, the pair (in a random order). */
        List<List<Dimension>> breakdowns(Random random) {
            List<List<Dimension>> result = new ArrayList<>();
            result.add(List.of());
            for (Dimension dimension : dims) {
                result.add(List.of(dimension));
            }
            if (dims.size() == 2) {
                result.add(random.nextBoolean() ? dims : List.of(dims.get(1), dims.get(0)));
            }
            return result;
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder("k=" + k + " dims=" + dims + " values=" + universe + " n=[");
            for (NpsCounts[] row : counts) {
                text.append(text.charAt(text.length() - 1) == '[' ? "" : " | ");
                for (int c = 0; c < row.length; c++) {
                    text.append(c == 0 ? "" : " ").append(row[c].n());
                }
            }
            return text.append(']').toString();
        }
    }

    /** Per cell of every table (period × combination of a subset of the dimensions): its truth and its finest cells. */
    static final class Lattice {

        final List<Period> finest;
        final Map<Key, NpsCounts> truth = new HashMap<>();
        final Map<Key, int[]> cover = new LinkedHashMap<>();

        Lattice(Case data, List<Period> periods, List<Period> finest) {
            this.finest = finest;
            int masks = 1 << data.dims.size();
            for (Period period : periods) {
                List<Integer> inPeriod = new ArrayList<>();
                for (int f = 0; f < finest.size(); f++) {
                    if (contains(period, finest.get(f))) {
                        inPeriod.add(f);
                    }
                }
                for (int mask = 0; mask < masks; mask++) {
                    Map<Map<Dimension, String>, List<Integer>> cells = new LinkedHashMap<>();
                    Map<Map<Dimension, String>, NpsCounts> sums = new HashMap<>();
                    for (int c = 0; c < data.combinations(); c++) {
                        Map<Dimension, String> values = data.projection(mask, c);
                        List<Integer> cellCover = cells.computeIfAbsent(values, x -> new ArrayList<>());
                        for (int f : inPeriod) {
                            sums.merge(values, data.counts[f][c], NpsCounts::plus);
                            cellCover.add(f * data.combinations() + c);
                        }
                    }
                    cells.forEach((values, list) -> {
                        Key key = new Key(period, values);
                        truth.put(key, sums.getOrDefault(values, NpsCounts.NONE));
                        cover.put(key, list.stream().mapToInt(Integer::intValue).toArray());
                    });
                }
            }
        }

        /** Whether a finest period (a month, or the week) is part of a period (itself, or its quarter or year). */
        private static boolean contains(Period period, Period finest) {
            if (period.kind() == finest.kind()) {
                return period.equals(finest);
            }
            String month = finest.key(); // yyyy-MM
            int number = Integer.parseInt(month.substring(5));
            return switch (period.kind()) {
                case QUARTER -> period.key().equals(month.substring(0, 4) + "-Q" + ((number - 1) / 3 + 1));
                case YEAR -> period.key().equals(month.substring(0, 4));
                default -> throw new IllegalArgumentException(period + " holds no " + finest.kind());
            };
        }
    }

    /**
     * Exact Gaussian elimination over the integers, separate from the production code's: rows are combined as
     * {@code b·r − a·basis} and divided by their content, never into fractions; overflow throws.
     */
    static final class Echelon {

        private final int width;
        private final long[][] rowAtPivot; // the basis row whose first non-zero column is this one, or null

        Echelon(int width) {
            this.width = width;
            rowAtPivot = new long[width][];
        }

        void add(long[] row) {
            long[] reduced = reduce(row);
            for (int j = 0; j < width; j++) {
                if (reduced[j] != 0) {
                    rowAtPivot[j] = reduced;
                    return;
                }
            }
        }

        boolean contains(long[] row) {
            for (long x : reduce(row)) {
                if (x != 0) {
                    return false;
                }
            }
            return true;
        }

        /** Clears every column that has a basis row, left to right; basis rows are zero left of their pivot. */
        private long[] reduce(long[] row) {
            long[] r = row.clone();
            for (int pivot = 0; pivot < width; pivot++) {
                long[] basis = rowAtPivot[pivot];
                long a = r[pivot];
                if (basis == null || a == 0) {
                    continue;
                }
                long b = basis[pivot];
                long content = 0;
                for (int j = 0; j < width; j++) {
                    r[j] = Math.subtractExact(Math.multiplyExact(r[j], b), Math.multiplyExact(basis[j], a));
                    content = gcd(content, Math.abs(r[j]));
                }
                if (content > 1) {
                    for (int j = 0; j < width; j++) {
                        r[j] /= content;
                    }
                }
            }
            return r;
        }

        private static long gcd(long a, long b) {
            return b == 0 ? a : gcd(b, a % b);
        }
    }

    @Test
    void theAttackersEliminationIsExact() {
        Echelon echelon = new Echelon(3);
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

package fi.palaute.domain.report;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * R-KANON: which cells of an NPS report may be shown, and which show only that they are suppressed. A suppressed cell
 * hides its whole {@link fi.palaute.domain.response.NpsCounts} (promoters, passives, detractors): each component
 * adds up over the tables exactly as the number of answers does, so protecting the number protects all three.
 *
 * <h2>What is protected</h2>
 * No published cell has fewer than k answers (k defaults to {@value #DEFAULT_K} and is never below {@value #MIN_K}),
 * and no suppressed cell can be worked out exactly as a linear combination (with any rational coefficients, not
 * only sums and differences) of everything the API publishes from the same data: every table of every report the
 * API offers over the same protection unit, that is the totals, each one-dimension table, each two-dimension table
 * and, for months, the quarter and year reports too, together with the fact that a combination left out of a report
 * has no answers. Deciding this is what makes a report by CHANNEL identical whether asked alone or as the margin of
 * a report by (CHANNEL, LANGUAGE), and a month identical in every request that shows it.
 *
 * <h2>Protection units</h2>
 * A cell's fate depends only on the data of its unit, never on the periods asked for or on the other dimension of a
 * pair, so that two requests can never publish conflicting patterns for one cell. Months, quarters and years nest
 * (a year is exactly its 4 quarters and its 12 months, a quarter its 3 months, for every combination of values), so
 * their unit is the calendar year; the caller hands in every month of every year a request touches. ISO weeks do not
 * nest in months, quarters or years (an identified answer counts by its day, and a week straddles month and year
 * boundaries), so each week is its own unit, protected with its dimension lattice only.
 *
 * <h2>The algorithm</h2>
 * The lattice of tables is decided bottom-up, and a decided table is never changed again: the total first, then each
 * one-dimension table (which depends only on its own counts and the decided total), then the two-dimension table
 * (with both one-dimension tables decided). Within a table all periods of the unit are decided together; a table's
 * <em>lines</em> are the equations "sum = parts" it takes part in: each row and column (the sum being a cell of the
 * table below, already decided) and, for months, each year = its 4 quarters and each quarter = its 3 months.
 * <ol>
 *   <li>Primary suppression: a cell with 1 to k − 1 answers. A combination with no answers is empty: left out of the
 *       report, which tells it is zero (zero answers is no individual); a period's total is always shown,
 *       as zero when it has no answers.</li>
 *   <li>The line rule (R-KANON's subtraction rule), repeated over all lines until nothing changes: a line with
 *       exactly one suppressed cell (its sum included) gets its smallest published cell of the table being decided
 *       suppressed too (the fewest answers; ties by period, then values). A line whose sum is suppressed therefore
 *       gives no equation, unless all its parts are published, in which case one of them is suppressed.</li>
 *   <li>The audit, because lines are not enough (a cell can be recovered from several lines together, or be pinned
 *       by empty cells): exact integer Gaussian elimination ({@link ExactSpan}) over the suppressed finest cells of
 *       the table (months, or the week) as unknowns, with every published and empty cell of the table and of the
 *       decided tables below it as an equation. A suppressed cell of a table below, or a primary suppression of
 *       this table, that lies in the span gets a complement: the smallest published cell of this table in a line
 *       through it, or, if that line has none, an empty combination of the line, which is then shown as suppressed
 *       like any other cell (failing both, a line further out). Bottom-up protection needs these: in x/a 20,
 *       x/b 3, y/a 0, y/b 15 with every margin published, x/b = x − a whatever else is suppressed, as long as y/a
 *       is known to be zero. Then back to 2, until the audit finds nothing.</li>
 *   <li>Clean-up: a secondary suppression that the audit still finds recoverable hides nothing, so it is published
 *       again (an empty one is left out again); this adds no information.</li>
 * </ol>
 *
 * <h2>What is not protected</h2>
 * <ul>
 *   <li>Bounds: counts are never negative, so a suppressed cell lies between bounds the published cells imply (two
 *       suppressed cells of a row that leaves 12 are each at most 12). Only exact recovery is prevented, as R-KANON's
 *       subtraction rule asks.</li>
 *   <li>Weeks against months: each week is protected alone, so where weeks happen to tile a month or a quarter
 *       exactly (February 2021 and 2027 are weeks 5–8; Q1 2024 is weeks 1–13, Q2 2024 and Q2 2030 weeks 14–26), a week
 *       cell suppressed in the week report can be the month's or quarter's published cell minus the other weeks.
 *       Elsewhere the days a week shares with the next month are not published apart, so no equation closes.</li>
 *   <li>Two-dimension tables of different pairs against each other: (CHANNEL, SURVEY), (CHANNEL, LANGUAGE) and
 *       (SURVEY, LANGUAGE) are each protected with their own margins, but this class never sees the counts by three
 *       dimensions, so the empty combinations one pair reveals can, rarely, pin a cell of another (under 1 % of random
 *       three-dimension cases in testing). Closing it needs counts by all dimensions at once.</li>
 *   <li>Time: a report on a period still running changes as answers arrive, and two requests a minute apart differ
 *       by the answers between them; so can the pattern of a year change as its later months fill. This class
 *       protects one state of the data; only reporting closed periods (or fixed publication times) stops
 *       differencing over time.</li>
 *   <li>Knowledge from outside the API, such as a survey known to run in one channel only: an empty cell shown as
 *       suppressed is then known to be zero (above, x/b − y/a = 3 is public, so whoever knows that y never answers
 *       in a learns x/b).</li>
 * </ul>
 *
 * <h2>Cost</h2>
 * The elimination grows with the number of suppressed month cells: a year by two dimensions of 20 × 5 values takes
 * some tens of milliseconds, 60 × 5 about half a second, 100 × 5 a few seconds. A unit's result depends only on its
 * data, so a caller may cache it per year (or week) and breakdown until the data changes.
 */
public final class DisclosureControl {

    /** R-KANON's default threshold. */
    public static final int DEFAULT_K = 10;

    /** R-KANON: the threshold is never below this. */
    public static final int MIN_K = 5;

    private final int k;

    public DisclosureControl(int k) {
        if (k < MIN_K) {
            throw new IllegalArgumentException("k must be at least " + MIN_K + ", was " + k);
        }
        this.k = k;
    }

    public int k() {
        return k;
    }

    /**
     * The report's cells, each published with its counts or suppressed.
     *
     * @param kind the kind of every requested period
     * @param periods the periods asked for, each once
     * @param by the dimensions the report breaks down by: none, one or two, distinct
     * @param base counts grouped by exactly {@code by}, at the kind's grain: the requested weeks, or every month of
     *     every calendar year the requested periods touch; a combination absent from it has no answers
     * @return per period in order: its total, then per dimension of {@code by} in that order its one-dimension
     *     table, then (for two) the pairs; each table ordered by value. A combination of values with no answers in
     *     the period is left out, unless it had to be shown as suppressed to protect another cell.
     */
    public List<ReportCell> protect(PeriodKind kind, List<Period> periods, List<Dimension> by, List<CountCell> base) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(periods, "periods");
        Objects.requireNonNull(by, "by");
        Objects.requireNonNull(base, "base");
        Set<Dimension> grouped = EnumSet.noneOf(Dimension.class);
        for (Dimension dimension : by) {
            if (!grouped.add(Objects.requireNonNull(dimension, "by holds null"))) {
                throw new IllegalArgumentException("by names " + dimension + " twice");
            }
        }
        if (grouped.size() > 2) {
            throw new IllegalArgumentException("a report breaks down by at most two dimensions");
        }
        List<Dimension> canonical = List.copyOf(grouped); // EnumSet iterates in declaration order
        TreeSet<Period> requested = new TreeSet<>();
        for (Period period : periods) {
            if (Objects.requireNonNull(period, "periods holds null").kind() != kind) {
                throw new IllegalArgumentException(period + " is not a " + kind + " period");
            }
            if (!requested.add(period)) {
                throw new IllegalArgumentException(period + " is asked for twice");
            }
        }
        PeriodKind baseKind = kind.grain() == CountGrain.WEEK ? PeriodKind.ISO_WEEK : PeriodKind.MONTH;
        Map<Object, List<CountCell>> byUnit = new HashMap<>();
        Set<List<Object>> seen = new HashSet<>();
        for (CountCell cell : base) {
            Objects.requireNonNull(cell, "base holds null");
            if (cell.period().kind() != baseKind) {
                throw new IllegalArgumentException("a " + kind + " report is made of " + baseKind + " counts, not "
                        + cell.period());
            }
            if (!cell.values().keySet().equals(grouped)) {
                throw new IllegalArgumentException("a count grouped by " + cell.values().keySet()
                        + " in a report by " + by);
            }
            if (!seen.add(List.of(cell.period(), cell.values()))) {
                throw new IllegalArgumentException("two counts for " + cell.period() + " " + cell.values());
            }
            byUnit.computeIfAbsent(unitOf(cell.period()), unit -> new ArrayList<>()).add(cell);
        }
        Map<Object, ProtectionUnit> units = new HashMap<>();
        List<ReportCell> result = new ArrayList<>();
        for (Period period : requested) {
            Object key = unitOf(period);
            ProtectionUnit unit = units.computeIfAbsent(key, unitKey -> {
                List<CountCell> cells = byUnit.getOrDefault(unitKey, List.of());
                return unitKey instanceof Period
                        ? ProtectionUnit.ofWeek((Period) unitKey, canonical, cells, k)
                        : ProtectionUnit.ofYear((Integer) unitKey, canonical, cells, k);
            });
            result.addAll(unit.cells(period, by));
        }
        return List.copyOf(result);
    }

    /** What a period is protected with: its week, or its calendar year (the first four digits of its key). */
    private static Object unitOf(Period period) {
        return period.kind() == PeriodKind.ISO_WEEK ? period : Integer.valueOf(period.key().substring(0, 4));
    }
}

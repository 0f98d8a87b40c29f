package fi.palaute.domain.report;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
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
 * and no suppressed cell with answers under k can be worked out exactly as a linear combination (with any rational
 * coefficients, not only sums and differences) of everything the API publishes from the same data: every table of
 * every report the API offers (weeks, months, quarters and years; the total, each one-dimension table, each pair of
 * dimensions, all of them together: by CHANNEL with by LANGUAGE, or the three pairs of three dimensions), together
 * with what that implies or everyone knows: a combination left out of a report, or a total shown as zero, has no
 * answers on any of its days; an anonymous survey has none outside the months of its weeks' Thursdays. A cell is
 * the same in every request that shows it: a report by CHANNEL is identical alone and as the margin of a report by
 * (CHANNEL, LANGUAGE), a week or a month the same whatever range it is asked in.
 *
 * <h2>Week parts</h2>
 * Answers are counted by week part ({@link AnswerBuckets}): the days of one ISO week in one month. A week is its one
 * or two parts, a month the parts of the weeks it touches, a quarter and a year their months. An identified answer
 * counts by its day; an anonymous one, kept only to its week, in the part that holds the week's Thursday.
 *
 * <h2>Protection units</h2>
 * A cell's fate depends only on the data of its unit, never on the periods or the breakdown asked for, so two
 * requests can never publish conflicting patterns for one cell. The data is the counts by every dimension the
 * caller counts by (the service: all four), whatever the report's breakdown, and every table that can be made of
 * them is decided together: the table by CHANNEL knows what the pairs by CHANNEL and LANGUAGE or CHANNEL and SURVEY
 * will show. There is one unit per year Y: the year, its 4 quarters, its 12 months and the 52 or 53 ISO weeks of
 * ISO year Y (a week's unit is the first four characters of its key, its ISO year), all decided together, because
 * weeks and months are sums of the same parts: February 2027 is exactly weeks 5-8, Q1 2024 weeks 1-13, and a month
 * of an anonymous survey is exactly its weeks with a Thursday in it. The caller hands in every part from
 * {@link #firstWeekToRead} to {@link #lastWeekToRead}; parts that count in no unit asked for are ignored.
 * <p>
 * A week that spans a new year shares a part between two units: week 1's days in the previous December, or the last
 * week's days in the next January. So each shared part is first protected on its own, as its <em>boundary
 * table</em> (the part as a period, every table of it, every zero taken as known), which both units compute from
 * the same counts; and each unit makes sure that what it publishes reveals no more about the shared part than that
 * table publishes: the part's counts are unknowns of its audit, and what the table publishes goes into the span
 * before anything else, so that anything more shows up. That is sound for every cell with a part of its own: were
 * such a cell c of unit Y a combination e + f of Y's published equations e and the other unit's f, then f, holding
 * none of Y's own parts, says about the shared parts only what the other unit reveals of them, which lies within
 * what the boundary tables publish; so c is a combination of e and the boundary tables' cells, and Y's audit would
 * have found it. (Other units share nothing with Y, so the same holds for all units together.) A cell made of
 * shared parts only, its own parts known to be zero (asked on 31 December 2025, week 2026-W01 is its December days
 * so far, a part of December 2025 too), is a suppressed cell of a boundary table (two, for a year), which neither
 * unit gives away, nor both together. Before relying on that, a unit tries to give such a cell an unknown of its
 * own, by showing an empty cell that holds one of its zero parts as suppressed.
 *
 * <h2>The algorithm</h2>
 * The tables are decided one after another, and a decided table is never changed again (save that an empty cell may
 * later be shown as suppressed, which tells less): the total first, then each one-dimension table, then each pair,
 * in the order of {@link Dimension}. A table is decided knowing every table before it, and what it publishes, with
 * them, must give away no cell under k of any table, those still to be decided included: a cell of a pair that the
 * tables by each of its dimensions give away together is beyond anything the pair can do, so the second of them
 * protects it. Until a table is decided, its combinations without answers are taken as left out, known to be zero
 * (it leaves them out unless it must hide a zero, which only makes the reader know less); so when the last table is
 * decided, nothing any of them publishes gives a cell away, and at every step a way out exists (suppressing every
 * cell with answers of the table being decided adds nothing to what was safe before it). Within a table all periods
 * of the unit are decided together; a table's <em>lines</em> are the equations "sum = parts" it takes part in: each
 * row and column of each period (the sum being a cell of the table below, already decided), each year = its 4
 * quarters, each quarter = its 3 months, and a month or quarter that is exactly whole weeks = those weeks.
 * <ol>
 *   <li>Primary suppression: a cell with 1 to k − 1 answers. A combination with no answers is empty: left out of the
 *       report, which tells it is zero (zero answers is no individual); a period's total is always shown,
 *       as zero when it has no answers.</li>
 *   <li>The line rule (R-KANON's subtraction rule), repeated over all lines until nothing changes: a line with
 *       exactly one suppressed cell (its sum included) gets its smallest published cell of the table being decided
 *       suppressed too (the fewest answers; ties by period, then values).</li>
 *   <li>The audit, because lines are not enough (a cell can be recovered from several lines together, from weeks
 *       against months, from other tables, or be pinned by empty cells). The unknowns are the week parts ×
 *       combinations of every dimension that have answers, and the zero ones a reader cannot know: in no cell left
 *       out (or, of a table still to come, without answers), and not a week's part outside its Thursday's month for
 *       a survey that may be anonymous (one with no answers there all year; without SURVEY among the dimensions,
 *       any survey when no answer of the year is outside those months). Shared parts with answers are unknowns too,
 *       after what their boundary tables publish. Every published cell of the tables decided so far is an equation,
 *       shortened to its line's suppressed members (a published cell less its published parts), and exact integer
 *       elimination ({@link ExactSpan}) decides what lies in their span. A cell under k of any table (decided or
 *       not) whose own parts lie in the span gets a complement in this table, as does a secondary suppression of an
 *       earlier table that became recoverable, and anything the table reveals about a shared part beyond its
 *       boundary table: for a cell of another table, first the cells of this one that overlap it in its period; the
 *       smallest published cell in a line through it or sharing a week part with it (the months a week touches, the
 *       other weeks of those months, the weeks of a month), or, failing that, an empty cell that would hide a zero,
 *       shown as suppressed with the other empty cells of the table that hold the same part (failing both, further
 *       out). In x/a 20, x/b 3, y/a 0, y/b 15 with every margin published, x/b = x − a whatever else is
 *       suppressed, as long as y/a is known to be zero: the table by the second dimension protects it. Then back
 *       to 2, until the audit finds nothing.</li>
 *   <li>Clean-up: a secondary suppression that the audit finds recoverable hides nothing, so it is published again
 *       (an empty one is left out again if none of its zeros was hidden); this adds no information.</li>
 * </ol>
 *
 * <h2>What is not protected</h2>
 * <ul>
 *   <li>Bounds: counts are never negative, so a suppressed cell lies between bounds the published cells imply (two
 *       suppressed cells of a row that leaves 12 are each at most 12). Only exact recovery is prevented, as R-KANON's
 *       subtraction rule asks.</li>
 *   <li>Time: a report on a period still running changes as answers arrive, and two requests a minute apart differ
 *       by the answers between them; so can the pattern of a year change as its later weeks fill. This class
 *       protects one state of the data; only reporting closed periods (or fixed publication times) stops
 *       differencing over time.</li>
 *   <li>Knowledge from outside the API, such as a survey known to run in one channel only, or a branch known to be
 *       closed on Mondays: an empty cell shown as suppressed, or a zero part, is then known to be zero (above,
 *       x/b − y/a = 3 is public, so whoever knows that y never answers in a learns x/b). Which surveys are anonymous
 *       is taken as public (see the audit).</li>
 * </ul>
 *
 * <h2>Cost</h2>
 * Every report decides its year whole: eleven tables from the counts by every dimension, whatever it asks for. The
 * span of the tables decided so far is kept from table to table; each audit adds the current table's equations
 * and takes them back (rolled back, not rebuilt), and a cell found out of the span is not tested again within the
 * table, since the span only loses equations there. Measured with JMH ({@code bash
 * bootstrap/bench/protection-bench.sh}), one core, a year: the shape of {@code generate-answers} (5 channels, one
 * survey, 2 controllers, 3 languages) about 11 ms; a programme of 20 surveys in 1 to 3 of 6 channels, 3
 * controllers, 3 languages, 1 to 60 answers a day each, about 0.4 s (50 such surveys: 1.4 s). What grows it is
 * the combinations of every dimension with answers (about 120 in the programme, 30 in the generated shape) times
 * the 65 or so week parts. A boundary table is one period and costs next to nothing. A unit's result depends only
 * on its counts, so {@link #DisclosureControl(int, int)} remembers the last years decided with the counts they were
 * decided from.
 */
public final class DisclosureControl {

    /** R-KANON's default threshold. */
    public static final int DEFAULT_K = 10;

    /** R-KANON: the threshold is never below this. */
    public static final int MIN_K = 5;

    private final int k;
    private final int unitsRemembered;
    private final Map<UnitKey, ProtectionUnit> remembered;

    /** A year decided from these counts: the same counts give the same cells. */
    private record UnitKey(int year, List<Dimension> dims, Set<CountCell> cells) {
    }

    /** Decides every report afresh. */
    public DisclosureControl(int k) {
        this(k, 0);
    }

    /**
     * Remembers the last {@code unitsRemembered} years decided, with the counts they were decided from: a report on
     * counts that have not changed since (a past year, a quiet hour) reuses them instead of deciding again, which
     * gives the same cells, since a year's cells depend on its counts alone.
     */
    public DisclosureControl(int k, int unitsRemembered) {
        if (k < MIN_K) {
            throw new IllegalArgumentException("k must be at least " + MIN_K + ", was " + k);
        }
        if (unitsRemembered < 0) {
            throw new IllegalArgumentException("unitsRemembered must not be negative, was " + unitsRemembered);
        }
        this.k = k;
        this.unitsRemembered = unitsRemembered;
        this.remembered = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UnitKey, ProtectionUnit> eldest) {
                return size() > unitsRemembered;
            }
        };
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
     * @param base counts by week part, every one grouped by the same dimensions, those of {@code by} among them: every
     *     part of every week from {@link #firstWeekToRead} to {@link #lastWeekToRead} of these periods, each part and
     *     combination once (other parts are ignored); a combination absent from it has no answers. Every table is
     *     decided from these counts, so a cell is the same in two reports only if both were given counts grouped
     *     alike: the service always groups by every dimension.
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
        Set<Dimension> counted = base.isEmpty()
                ? grouped
                : EnumSet.noneOf(Dimension.class);
        if (!base.isEmpty()) {
            counted.addAll(Objects.requireNonNull(base.get(0), "base holds null").values().keySet());
        }
        if (!counted.containsAll(grouped)) {
            throw new IllegalArgumentException("a report by " + by + " of counts grouped by " + counted);
        }
        List<Dimension> canonical = List.copyOf(counted); // EnumSet iterates in declaration order
        TreeSet<Period> requested = new TreeSet<>();
        for (Period period : periods) {
            if (Objects.requireNonNull(period, "periods holds null").kind() != kind) {
                throw new IllegalArgumentException(period + " is not a " + kind + " period");
            }
            if (!requested.add(period)) {
                throw new IllegalArgumentException(period + " is asked for twice");
            }
        }
        Set<Integer> years = new TreeSet<>();
        for (Period period : requested) {
            years.add(UnitCalendar.yearOf(period));
        }
        Map<Integer, List<CountCell>> cellsOfYear = new HashMap<>();
        Set<List<Object>> seen = new HashSet<>();
        for (CountCell cell : base) {
            Objects.requireNonNull(cell, "base holds null");
            if (!cell.values().keySet().equals(counted)) {
                throw new IllegalArgumentException("a count grouped by " + cell.values().keySet()
                        + " among counts grouped by " + counted);
            }
            if (!seen.add(List.of(cell.part(), cell.values()))) {
                throw new IllegalArgumentException("two counts for " + cell.part() + " " + cell.values());
            }
            // A part counts in the year of its week's ISO year and in the year of its month: one or two units.
            int weekYear = UnitCalendar.yearOf(cell.part().week());
            int monthYear = UnitCalendar.yearOf(cell.part().month());
            for (int year : weekYear == monthYear ? List.of(weekYear) : List.of(weekYear, monthYear)) {
                if (years.contains(year)) {
                    cellsOfYear.computeIfAbsent(year, y -> new ArrayList<>()).add(cell);
                }
            }
        }
        Map<Integer, ProtectionUnit> units = new HashMap<>();
        List<ReportCell> result = new ArrayList<>();
        for (Period period : requested) {
            ProtectionUnit unit = units.computeIfAbsent(UnitCalendar.yearOf(period), year ->
                    unit(year, canonical, cellsOfYear.getOrDefault(year, List.of())));
            result.addAll(unit.cells(period, by));
        }
        return List.copyOf(result);
    }

    private ProtectionUnit unit(int year, List<Dimension> dims, List<CountCell> cells) {
        if (unitsRemembered == 0) {
            return ProtectionUnit.ofYear(year, dims, cells, k);
        }
        UnitKey key = new UnitKey(year, dims, Set.copyOf(cells));
        synchronized (remembered) {
            ProtectionUnit known = remembered.get(key);
            if (known != null) {
                return known;
            }
        }
        ProtectionUnit decided = ProtectionUnit.ofYear(year, dims, cells, k); // outside the lock: it takes a while
        synchronized (remembered) {
            remembered.put(key, decided);
        }
        return decided;
    }

    /**
     * The first week whose parts {@link #protect} needs for these periods: the last week of the ISO year before the
     * first unit's, whose days may fall in the first unit's January.
     */
    public static Period firstWeekToRead(List<Period> periods) {
        int first = periods.stream().mapToInt(UnitCalendar::yearOf).min()
                .orElseThrow(() -> new IllegalArgumentException("no periods"));
        return Period.containing(PeriodKind.ISO_WEEK, java.time.LocalDate.of(first - 1, 12, 28));
    }

    /**
     * The last week whose parts {@link #protect} needs for these periods: the first week of the ISO year after the
     * last unit's, whose days may fall in the last unit's December.
     */
    public static Period lastWeekToRead(List<Period> periods) {
        int last = periods.stream().mapToInt(UnitCalendar::yearOf).max()
                .orElseThrow(() -> new IllegalArgumentException("no periods"));
        return Period.containing(PeriodKind.ISO_WEEK, java.time.LocalDate.of(last + 1, 1, 4));
    }
}

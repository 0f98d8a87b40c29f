package fi.palaute.domain.report;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Plays the attacker against published reports, independently of the production code: it works out each cell from
 * the calendar itself (days, ISO weeks, months), not from {@link UnitCalendar}, and takes nothing as known that the
 * reports do not give away, whichever years the parts belong to.
 * <p>
 * The unknowns are the true week parts × combinations of all dimensions. The attacker knows every number published;
 * that a combination left out of a report, or a total published as zero, has nothing in any of its parts (counts
 * are never negative); and what everyone knows to be zero without a report ({@link PubliclyZero}: the parts of an
 * anonymous survey outside its weeks' Thursday months, days still to come). Any other zero part is an unknown like
 * the rest: nobody can tell a quiet Monday in one channel from outside. (Taking every zero part as known cannot be
 * met by any protection that decides the tables bottom-up: the total table alone can pin a week part's total, and
 * a channel with nothing in that part then gives away the other channels' share of it.)
 * A suppressed cell is recoverable when its row of unknowns is a rational linear combination of the published rows,
 * decided by exact Gaussian elimination ({@link Echelon}) after peeling (a published row with one unknown left makes
 * it known).
 */
final class Attacker {

    /** A cell of a report: a period and the values of the dimensions of its table. */
    record Key(Period period, Map<Dimension, String> values) {
    }

    /** A suppressed cell with answers whose count follows from what was published. */
    record Finding(Key cell, long answers) {
    }

    private final List<Dimension> dims;
    private final List<List<String>> universe; // per dimension, the values
    private final List<Map<Dimension, String>> combinations; // every combination of all dimensions
    private final Map<AnswerBuckets, long[]> answers; // part -> answers per combination
    private final PubliclyZero publiclyZero;
    private final Map<AnswerBuckets, Integer> partIndex = new HashMap<>();
    private final List<AnswerBuckets> partList = new ArrayList<>();
    private final Map<Key, Boolean> shown = new LinkedHashMap<>(); // true: suppressed
    private final Set<Key> zeroRevealed = new HashSet<>(); // left out, or published as zero
    private final Map<Key, Long> truths = new HashMap<>();
    private final Map<Key, int[]> finests = new HashMap<>();

    /** What everyone knows to be zero without any report: a part of an anonymous survey outside its Thursday's month. */
    interface PubliclyZero {
        boolean test(AnswerBuckets part, int combination);
    }

    Attacker(List<Dimension> dims, List<List<String>> universe, Map<AnswerBuckets, long[]> answers,
            PubliclyZero publiclyZero) {
        this.dims = List.copyOf(dims);
        this.universe = List.copyOf(universe);
        this.answers = answers;
        this.publiclyZero = publiclyZero;
        List<Map<Dimension, String>> all = new ArrayList<>();
        all.add(Map.of());
        for (int d = 0; d < dims.size(); d++) {
            List<Map<Dimension, String>> longer = new ArrayList<>();
            for (Map<Dimension, String> prefix : all) {
                for (String value : universe.get(d)) {
                    Map<Dimension, String> values = new HashMap<>(prefix);
                    values.put(dims.get(d), value);
                    longer.add(Map.copyOf(values));
                }
            }
            all = longer;
        }
        combinations = List.copyOf(all);
    }

    /** Every combination of all dimensions; answers are counted per combination in this order. */
    List<Map<Dimension, String>> combinations() {
        return combinations;
    }

    /** The true number of answers of a cell. */
    long truth(Key key) {
        return truths.computeIfAbsent(key, this::count);
    }

    private long count(Key key) {
        long n = 0;
        for (int finest : finest(key)) {
            long[] counts = answers.get(partList.get(finest / combinations.size()));
            n += counts == null ? 0 : counts[finest % combinations.size()];
        }
        return n;
    }

    /** Takes in one report: its cells, and every combination of its tables it leaves out. */
    void see(List<Dimension> by, List<Period> periods, List<ReportCell> report) {
        system = null;
        Set<Key> inReport = new HashSet<>();
        for (ReportCell cell : report) {
            Key key = new Key(cell.period(), cell.values());
            inReport.add(key);
            shown.put(key, cell.suppressed());
            if (cell.counts().isPresent() && cell.counts().get().n() == 0) {
                zeroRevealed.add(key);
            }
        }
        List<Map<Dimension, String>> valuesOfTables = new ArrayList<>();
        for (Set<Dimension> table : tablesOf(by)) {
            combinations.stream().map(combination -> restrict(combination, table)).distinct()
                    .forEach(valuesOfTables::add);
        }
        for (Period period : periods) {
            for (Map<Dimension, String> values : valuesOfTables) {
                Key key = new Key(period, values);
                if (!inReport.contains(key)) {
                    zeroRevealed.add(key);
                }
            }
        }
    }

    /** Every suppressed cell with answers that the reports seen so far give away. */
    List<Finding> recoverable() {
        List<Finding> findings = new ArrayList<>();
        shown.forEach((key, suppressed) -> {
            if (suppressed && truth(key) > 0 && determines(key)) {
                findings.add(new Finding(key, truth(key)));
            }
        });
        return findings;
    }

    /** Whether the reports seen so far determine a cell's count, whether or not they show the cell. */
    boolean determines(Key key) {
        if (system == null) {
            system = new Solved();
        }
        return system.determines(finest(key));
    }

    private Solved system; // what the reports seen so far say, once solved

    /** The published rows, peeled and eliminated. */
    private final class Solved {

        private final Map<Integer, Integer> column = new HashMap<>();
        private final int[] open;
        private final int openWidth;
        private final Echelon echelon;

        Solved() {
            // The unknowns: every part × combination of the periods shown, except the zeros the attacker knows:
            // those of a combination left out of a report (or of a total published as zero), and those known to
            // everyone.
            int perPart = combinations.size();
            BitSet revealedZero = new BitSet();
            for (Key key : zeroRevealed) {
                for (int finest : finest(key)) {
                    revealedZero.set(finest);
                }
            }
            shown.forEach((key, suppressed) -> {
                for (int finest : finest(key)) {
                    AnswerBuckets part = partList.get(finest / perPart);
                    long[] counts = answers.get(part);
                    boolean zero = counts == null || counts[finest % perPart] == 0;
                    if (!zero || !revealedZero.get(finest) && !publiclyZero.test(part, finest % perPart)) {
                        column.putIfAbsent(finest, column.size());
                    }
                }
            });
            int width = column.size();
            List<int[]> published = new ArrayList<>();
            shown.forEach((key, suppressed) -> {
                int[] row = rowOf(finest(key));
                if (!suppressed && row.length > 0) {
                    published.add(row);
                }
            });
            boolean[] known = peel(published, width);
            open = new int[width];
            int count = 0;
            for (int col = 0; col < width; col++) {
                open[col] = known[col] ? -1 : count++;
            }
            openWidth = count;
            echelon = new Echelon(openWidth);
            for (int[] row : published) {
                echelon.add(restrict(row, open, openWidth));
            }
        }

        private int[] rowOf(int[] finest) {
            return Arrays.stream(finest).filter(column::containsKey).map(column::get).toArray();
        }

        boolean determines(int[] finest) {
            // A part the reports never touch is unknown (unless it is a known zero, which adds nothing).
            int perPart = combinations.size();
            for (int f : finest) {
                long[] counts = answers.get(partList.get(f / perPart));
                if (!column.containsKey(f) && counts != null && counts[f % perPart] > 0) {
                    return false;
                }
            }
            return echelon.contains(restrict(rowOf(finest), open, openWidth));
        }
    }

    /** A row with one unknown left makes that unknown known; until nothing changes. */
    private static boolean[] peel(List<int[]> rows, int width) {
        boolean[] known = new boolean[width];
        List<List<Integer>> rowsOf = new ArrayList<>();
        for (int col = 0; col < width; col++) {
            rowsOf.add(new ArrayList<>());
        }
        int[] left = new int[rows.size()];
        Deque<Integer> single = new ArrayDeque<>();
        for (int r = 0; r < rows.size(); r++) {
            for (int col : rows.get(r)) {
                rowsOf.get(col).add(r);
            }
            left[r] = rows.get(r).length;
            if (left[r] == 1) {
                single.push(r);
            }
        }
        while (!single.isEmpty()) {
            int r = single.pop();
            for (int col : rows.get(r)) {
                if (!known[col]) {
                    known[col] = true;
                    for (int other : rowsOf.get(col)) {
                        if (--left[other] == 1) {
                            single.push(other);
                        }
                    }
                }
            }
        }
        return known;
    }

    private static Map<Dimension, String> restrict(Map<Dimension, String> combination, Set<Dimension> table) {
        Map<Dimension, String> values = new HashMap<>(combination);
        values.keySet().retainAll(table);
        return Map.copyOf(values);
    }

    private static long[] restrict(int[] row, int[] open, int width) {
        long[] dense = new long[width];
        for (int col : row) {
            if (open[col] >= 0) {
                dense[open[col]]++;
            }
        }
        return dense;
    }

    /** The finest unknowns a cell adds up, as part index × combinations + combination. */
    private int[] finest(Key key) {
        return finests.computeIfAbsent(key, this::finestOf);
    }

    private int[] finestOf(Key key) {
        int[] matching = matching(key.values());
        List<AnswerBuckets> parts = partsOf(key.period());
        int[] result = new int[parts.size() * matching.length];
        int i = 0;
        for (AnswerBuckets part : parts) {
            int q = partIndex.computeIfAbsent(part, p -> {
                partList.add(p);
                return partList.size() - 1;
            });
            for (int c : matching) {
                result[i++] = q * combinations.size() + c;
            }
        }
        return result;
    }

    private final Map<Map<Dimension, String>, int[]> matchingOf = new HashMap<>();

    /** The combinations of all dimensions that have these values. */
    private int[] matching(Map<Dimension, String> values) {
        return matchingOf.computeIfAbsent(values, v -> java.util.stream.IntStream.range(0, combinations.size())
                .filter(c -> projects(combinations.get(c), v)).toArray());
    }

    private static boolean projects(Map<Dimension, String> combination, Map<Dimension, String> values) {
        for (Map.Entry<Dimension, String> entry : values.entrySet()) {
            if (!entry.getValue().equals(combination.get(entry.getKey()))) {
                return false;
            }
        }
        return true;
    }

    /** The tables a report by {@code by} holds: the total, each dimension's, and the pair's when there are two. */
    static List<Set<Dimension>> tablesOf(List<Dimension> by) {
        List<Set<Dimension>> tables = new ArrayList<>();
        tables.add(Set.of());
        for (Dimension dimension : by) {
            tables.add(Set.of(dimension));
        }
        if (by.size() == 2) {
            tables.add(Set.copyOf(by));
        }
        return tables;
    }

    private static final Map<Period, List<AnswerBuckets>> PARTS = new ConcurrentHashMap<>();

    /** The week parts of a period, from its days: each day is in one ISO week and one month. */
    static List<AnswerBuckets> partsOf(Period period) {
        return PARTS.computeIfAbsent(period, Attacker::partsFromDays);
    }

    private static List<AnswerBuckets> partsFromDays(Period period) {
        LocalDate first = period.firstDay();
        LocalDate end = switch (period.kind()) {
            case ISO_WEEK -> first.plusDays(7);
            case MONTH -> first.plusMonths(1);
            case QUARTER -> first.plusMonths(3);
            case YEAR -> first.plusYears(1);
        };
        Set<AnswerBuckets> parts = new LinkedHashSet<>();
        for (LocalDate day = first; day.isBefore(end); day = day.plusDays(1)) {
            parts.add(partOf(day));
        }
        return List.copyOf(parts);
    }

    private static final Map<LocalDate, AnswerBuckets> DAYS = new ConcurrentHashMap<>();

    /** Where an identified answer given on the day counts. */
    static AnswerBuckets partOf(LocalDate day) {
        return DAYS.computeIfAbsent(day, Attacker::partFromCalendar);
    }

    private static AnswerBuckets partFromCalendar(LocalDate day) {
        Period week = Period.parse(PeriodKind.ISO_WEEK, String.format("%04d-W%02d",
                day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR)));
        return new AnswerBuckets(week, Period.parse(PeriodKind.MONTH, YearMonth.from(day).toString()));
    }

    /** Where an anonymous answer given on the day counts: its week, in the month of the week's Thursday. */
    static AnswerBuckets anonymousPartOf(LocalDate day) {
        return partOf(day.with(java.time.DayOfWeek.THURSDAY)); // the week's Thursday: its week, in its month
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
                for (int j = 0; j < width; j++) { // the whole row: columns left of the pivot are scaled too
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

}

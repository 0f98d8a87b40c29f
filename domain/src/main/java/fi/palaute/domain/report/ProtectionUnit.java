package fi.palaute.domain.report;

import fi.palaute.domain.response.NpsCounts;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.ToIntFunction;
import java.util.stream.IntStream;

/**
 * The data disclosure control decides together, and nothing else: one calendar year (its year, 4 quarters and 12
 * months) or one ISO week, with every table the API can make of it for up to two dimensions. See
 * {@link DisclosureControl} for the rules; this class carries them out.
 * <p>
 * Cells live in one array across the lattice of tables. A table (a "level") is a set of dimensions, a bit mask over
 * the unit's dimensions in their canonical order; its cells are (period, combination of values), where the values
 * of a dimension are those with answers somewhere in the unit, sorted. Cell index = offset of the level + period
 * index × combinations of the level + combination.
 */
final class ProtectionUnit {

    private static final byte PUBLISHED = 0;
    private static final byte EMPTY = 1; // no answers: shown as nothing (a total: as zero), so known to be zero
    private static final byte SUPPRESSED = 2;

    private final long k;
    private final List<Period> periods;
    private final int[][] finestOf; // period index -> finest periods (months, or the week) it sums
    private final int[] periodOfFinest; // finest period -> its period index
    private final int[][] periodsContaining; // finest period -> period indexes that contain it
    private final int[][] timeLines; // {sum, parts...} as period indexes
    private final List<Dimension> dims; // canonical order: by enum order
    private final List<List<String>> domains;
    private final int levels;
    private final int[] levelOrder;
    private final int[] combos;
    private final int[] offset;
    private final int[][] strides; // [mask][dim] -> stride of that dimension's digit in the level's combination
    private final int[][][][] fibre; // [mask][sub][combination of sub] -> combinations of mask projecting onto it
    private final int cellCount;
    private final byte[] levelOf;
    private final long[] promoters;
    private final long[] passives;
    private final long[] detractors;
    private final long[] answers;
    private final byte[] status;
    private final boolean[] primary;

    private ProtectionUnit(long k, List<Period> periods, int[][] finestOf, int[][] timeLines,
            List<Dimension> dims, List<CountCell> cells, ToIntFunction<Period> finestIndex) {
        this.k = k;
        this.periods = List.copyOf(periods);
        this.finestOf = finestOf;
        this.timeLines = timeLines;
        this.dims = List.copyOf(dims);
        int finestCount = 0;
        for (int[] finest : finestOf) {
            for (int f : finest) {
                finestCount = Math.max(finestCount, f + 1);
            }
        }
        periodOfFinest = new int[finestCount];
        List<List<Integer>> containing = new ArrayList<>();
        for (int f = 0; f < finestCount; f++) {
            containing.add(new ArrayList<>());
        }
        for (int p = 0; p < finestOf.length; p++) {
            for (int f : finestOf[p]) {
                containing.get(f).add(p);
                if (finestOf[p].length == 1) {
                    periodOfFinest[f] = p;
                }
            }
        }
        periodsContaining = new int[finestCount][];
        for (int f = 0; f < finestCount; f++) {
            periodsContaining[f] = containing.get(f).stream().mapToInt(Integer::intValue).toArray();
        }

        domains = valuesWithAnswers(dims, cells);
        List<Map<String, Integer>> valueIndex = new ArrayList<>();
        for (List<String> domain : domains) {
            Map<String, Integer> index = new HashMap<>();
            for (int i = 0; i < domain.size(); i++) {
                index.put(domain.get(i), i);
            }
            valueIndex.add(index);
        }

        levels = 1 << dims.size();
        levelOrder = IntStream.range(0, levels).boxed()
                .sorted(Comparator.comparingInt(Integer::bitCount).thenComparingInt(Integer::intValue))
                .mapToInt(Integer::intValue).toArray();
        combos = new int[levels];
        offset = new int[levels];
        strides = new int[levels][dims.size()];
        int total = 0;
        for (int mask = 0; mask < levels; mask++) {
            int size = 1;
            for (int d = dims.size() - 1; d >= 0; d--) {
                if ((mask & (1 << d)) != 0) {
                    strides[mask][d] = size;
                    size *= domains.get(d).size();
                }
            }
            combos[mask] = size;
            offset[mask] = total;
            total += size * periods.size();
        }
        cellCount = total;
        levelOf = new byte[cellCount];
        for (int mask = 0; mask < levels; mask++) {
            Arrays.fill(levelOf, offset[mask], offset[mask] + combos[mask] * periods.size(), (byte) mask);
        }
        fibre = new int[levels][levels][][];
        for (int mask = 0; mask < levels; mask++) {
            for (int sub = 0; sub < levels; sub++) {
                if ((sub & ~mask) != 0) {
                    continue;
                }
                List<List<Integer>> inverse = new ArrayList<>();
                for (int s = 0; s < combos[sub]; s++) {
                    inverse.add(new ArrayList<>());
                }
                for (int c = 0; c < combos[mask]; c++) {
                    inverse.get(encode(sub, decode(mask, c))).add(c);
                }
                fibre[mask][sub] = inverse.stream()
                        .map(list -> list.stream().mapToInt(Integer::intValue).toArray()).toArray(int[][]::new);
            }
        }

        promoters = new long[cellCount];
        passives = new long[cellCount];
        detractors = new long[cellCount];
        answers = new long[cellCount];
        for (CountCell cell : cells) {
            NpsCounts counts = cell.counts();
            if (counts.n() == 0) {
                continue;
            }
            int f = finestIndex.applyAsInt(cell.period());
            int[] digits = new int[dims.size()];
            for (int d = 0; d < dims.size(); d++) {
                digits[d] = valueIndex.get(d).get(cell.values().get(dims.get(d)));
            }
            for (int mask = 0; mask < levels; mask++) {
                int c = encode(mask, digits);
                for (int p : periodsContaining[f]) {
                    int g = cell(mask, p, c);
                    promoters[g] = Math.addExact(promoters[g], counts.promoters());
                    passives[g] = Math.addExact(passives[g], counts.passives());
                    detractors[g] = Math.addExact(detractors[g], counts.detractors());
                    answers[g] = Math.addExact(answers[g], counts.n());
                }
            }
        }
        status = new byte[cellCount];
        primary = new boolean[cellCount];
        for (int mask : levelOrder) {
            protect(mask);
        }
    }

    /** Per dimension, the values with answers somewhere in the unit, sorted. */
    private static List<List<String>> valuesWithAnswers(List<Dimension> dims, List<CountCell> cells) {
        List<List<String>> domains = new ArrayList<>();
        for (Dimension dimension : dims) {
            TreeSet<String> values = new TreeSet<>();
            for (CountCell cell : cells) {
                if (cell.counts().n() > 0) {
                    values.add(cell.values().get(dimension));
                }
            }
            domains.add(List.copyOf(values));
        }
        return List.copyOf(domains);
    }

    /** A calendar year: periods 0 = the year, 1–4 = its quarters, 5–16 = its months; cells are month counts. */
    static ProtectionUnit ofYear(int year, List<Dimension> dims, List<CountCell> monthCells, long k) {
        List<Period> periods = new ArrayList<>();
        LocalDate newYear = LocalDate.of(year, 1, 1);
        periods.add(Period.containing(PeriodKind.YEAR, newYear));
        for (int q = 0; q < 4; q++) {
            periods.add(Period.containing(PeriodKind.QUARTER, newYear.plusMonths(3L * q)));
        }
        for (int m = 0; m < 12; m++) {
            periods.add(Period.containing(PeriodKind.MONTH, newYear.plusMonths(m)));
        }
        int[][] finestOf = new int[17][];
        finestOf[0] = IntStream.range(0, 12).toArray();
        for (int q = 1; q <= 4; q++) {
            finestOf[q] = new int[] {3 * (q - 1), 3 * (q - 1) + 1, 3 * (q - 1) + 2};
        }
        for (int m = 0; m < 12; m++) {
            finestOf[5 + m] = new int[] {m};
        }
        int[][] timeLines = {
                {0, 1, 2, 3, 4}, // the year is its four quarters
                {1, 5, 6, 7}, {2, 8, 9, 10}, {3, 11, 12, 13}, {4, 14, 15, 16}, // each quarter its three months
        };
        return new ProtectionUnit(k, periods, finestOf, timeLines, dims, monthCells,
                month -> Integer.parseInt(month.key().substring(5, 7)) - 1); // a month's key is yyyy-MM
    }

    /** One ISO week, protected on its own: it nests in nothing the API offers. */
    static ProtectionUnit ofWeek(Period week, List<Dimension> dims, List<CountCell> weekCells, long k) {
        return new ProtectionUnit(k, List.of(week), new int[][] {{0}}, new int[0][], dims, weekCells,
                w -> 0);
    }

    /**
     * The cells of one period of this unit for a report by {@code by} (whose dimensions are this unit's): the
     * total, then each one-dimension table in the order asked, then the pairs; within a table by value.
     */
    List<ReportCell> cells(Period period, List<Dimension> by) {
        int p = periodIndex(period);
        List<ReportCell> result = new ArrayList<>();
        result.add(reportCell(cell(0, p, 0), period));
        List<Integer> masks = new ArrayList<>();
        for (Dimension dimension : by) {
            masks.add(1 << dims.indexOf(dimension));
        }
        if (by.size() == 2) {
            masks.add(levels - 1);
        }
        for (int mask : masks) {
            List<ReportCell> table = new ArrayList<>();
            for (int c = 0; c < combos[mask]; c++) {
                int g = cell(mask, p, c);
                if (status[g] != EMPTY) {
                    table.add(reportCell(g, period));
                }
            }
            table.sort(byValues(by));
            result.addAll(table);
        }
        return result;
    }

    private static Comparator<ReportCell> byValues(List<Dimension> by) {
        Comparator<ReportCell> order = (a, b) -> 0;
        for (Dimension dimension : by) {
            order = order.thenComparing(cell -> cell.values().getOrDefault(dimension, ""));
        }
        return order;
    }

    private ReportCell reportCell(int g, Period period) {
        int mask = levelOf[g];
        int c = (g - offset[mask]) % combos[mask];
        int[] digits = decode(mask, c);
        Map<Dimension, String> values = new HashMap<>();
        for (int d = 0; d < dims.size(); d++) {
            if ((mask & (1 << d)) != 0) {
                values.put(dims.get(d), domains.get(d).get(digits[d]));
            }
        }
        Optional<NpsCounts> counts = status[g] == SUPPRESSED
                ? Optional.empty()
                : Optional.of(new NpsCounts(promoters[g], passives[g], detractors[g]));
        return new ReportCell(period, values, counts);
    }

    private int periodIndex(Period period) {
        int p = periods.indexOf(period);
        if (p < 0) {
            throw new IllegalArgumentException(period + " is not in this unit");
        }
        return p;
    }

    // ---------------------------------------------------------------------------------------------------------
    // The protection of one level (table), the levels below it already decided and never changed again.

    /** Primary suppression, then the line rule and the audit in turn until the audit finds nothing; then clean-up. */
    private void protect(int mask) {
        int first = offset[mask];
        int end = first + combos[mask] * periods.size();
        for (int g = first; g < end; g++) {
            primary[g] = answers[g] > 0 && answers[g] < k;
            status[g] = answers[g] == 0 ? EMPTY : primary[g] ? SUPPRESSED : PUBLISHED;
        }
        List<int[]> lines = lines(mask);
        List<List<int[]>> linesOf = new ArrayList<>(cellCount);
        for (int g = 0; g < cellCount; g++) {
            linesOf.add(null);
        }
        for (int[] line : lines) {
            for (int g : line) {
                if (linesOf.get(g) == null) {
                    linesOf.set(g, new ArrayList<>());
                }
                linesOf.get(g).add(line);
            }
        }
        List<Integer> recoverable;
        while (true) {
            applyLineRule(lines, mask);
            recoverable = recoverable(mask);
            // A recoverable cell below this level, or a recoverable primary suppression, needs a complement here;
            // a recoverable secondary suppression of this level is merely useless, and is dealt with below.
            TreeSet<Integer> complements = new TreeSet<>();
            for (int r : recoverable) {
                if (levelOf[r] != mask || primary[r]) {
                    int complement = complementFor(r, mask, linesOf);
                    if (complement >= 0) {
                        complements.add(complement);
                    }
                }
            }
            if (complements.isEmpty()) {
                break;
            }
            for (int complement : complements) {
                status[complement] = SUPPRESSED;
            }
        }
        // A secondary suppression that turned out recoverable hides nothing: publishing it adds no information.
        for (int r : recoverable) {
            if (levelOf[r] == mask && !primary[r]) {
                status[r] = answers[r] == 0 ? EMPTY : PUBLISHED;
            }
        }
    }

    /** Lines of the level: {sum, parts...}; the sum of a dimension line is a cell of a lower level. */
    private List<int[]> lines(int mask) {
        List<int[]> lines = new ArrayList<>();
        for (int d = 0; d < dims.size(); d++) {
            if ((mask & (1 << d)) == 0) {
                continue;
            }
            int sub = mask & ~(1 << d);
            for (int p = 0; p < periods.size(); p++) {
                for (int s = 0; s < combos[sub]; s++) {
                    int[] parts = fibre[mask][sub][s];
                    if (parts.length == 0) {
                        continue;
                    }
                    int[] line = new int[parts.length + 1];
                    line[0] = cell(sub, p, s);
                    for (int i = 0; i < parts.length; i++) {
                        line[i + 1] = cell(mask, p, parts[i]);
                    }
                    lines.add(line);
                }
            }
        }
        for (int[] timeLine : timeLines) {
            for (int c = 0; c < combos[mask]; c++) {
                int[] line = new int[timeLine.length];
                for (int i = 0; i < timeLine.length; i++) {
                    line[i] = cell(mask, timeLine[i], c);
                }
                lines.add(line);
            }
        }
        return lines;
    }

    /**
     * Until nothing changes: a line with exactly one suppressed cell (its sum included) gets its smallest other
     * published cell of this level suppressed too. Empty cells are left to the audit.
     */
    private void applyLineRule(List<int[]> lines, int mask) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int[] line : lines) {
                int suppressed = -1;
                int count = 0;
                for (int g : line) {
                    if (status[g] == SUPPRESSED) {
                        suppressed = g;
                        count++;
                    }
                }
                if (count != 1) {
                    continue;
                }
                int best = -1;
                for (int g : line) {
                    if (g != suppressed && levelOf[g] == mask && status[g] == PUBLISHED && better(g, best)) {
                        best = g;
                    }
                }
                if (best >= 0) {
                    status[best] = SUPPRESSED;
                    changed = true;
                }
            }
        }
    }

    /**
     * The cell of this level to suppress so that {@code r} may stop being recoverable: the best unsuppressed cell
     * (see {@link #better}) in a line through {@code r}; failing that, in a line through a suppressed cell that
     * shares a line with it, and so on outwards; failing that, the best unsuppressed cell of the level; -1 when
     * every cell of the level is suppressed.
     */
    private int complementFor(int r, int mask, List<List<int[]>> linesOf) {
        TreeSet<Integer> seen = new TreeSet<>();
        seen.add(r);
        List<Integer> frontier = List.of(r);
        while (!frontier.isEmpty()) {
            int best = -1;
            List<Integer> next = new ArrayList<>();
            for (int g : frontier) {
                List<int[]> through = linesOf.get(g);
                if (through == null) {
                    continue;
                }
                for (int[] line : through) {
                    for (int member : line) {
                        if (status[member] != SUPPRESSED) {
                            if (levelOf[member] == mask && better(member, best)) {
                                best = member;
                            }
                        } else if (seen.add(member)) {
                            next.add(member);
                        }
                    }
                }
            }
            if (best >= 0) {
                return best;
            }
            frontier = next;
        }
        int best = -1;
        for (int g = offset[mask]; g < offset[mask] + combos[mask] * periods.size(); g++) {
            if (status[g] != SUPPRESSED && better(g, best)) {
                best = g;
            }
        }
        return best;
    }

    /** Cells with answers before empty ones, then fewer answers first, then the lower index. */
    private boolean better(int candidate, int best) {
        if (best < 0) {
            return true;
        }
        boolean candidateEmpty = status[candidate] == EMPTY;
        boolean bestEmpty = status[best] == EMPTY;
        if (candidateEmpty != bestEmpty) {
            return !candidateEmpty;
        }
        if (answers[candidate] != answers[best]) {
            return answers[candidate] < answers[best];
        }
        return candidate < best;
    }

    /**
     * The suppressed cells of this level and the levels below it that are linear combinations of what those levels
     * show: published cells with their counts, and empty cells as zeros. The unknowns are the suppressed cells of
     * the finest period at this level; every other cell is a sum of them and of known numbers.
     */
    private List<Integer> recoverable(int mask) {
        int perFinest = combos[mask];
        int[] column = new int[periodOfFinest.length * perFinest];
        int width = 0;
        for (int f = 0; f < periodOfFinest.length; f++) {
            for (int c = 0; c < perFinest; c++) {
                column[f * perFinest + c] = status[cell(mask, periodOfFinest[f], c)] == SUPPRESSED ? width++ : -1;
            }
        }
        List<int[]> published = new ArrayList<>();
        List<Integer> suppressed = new ArrayList<>();
        List<int[]> suppressedRows = new ArrayList<>();
        for (int sub : levelOrder) {
            if ((sub & ~mask) != 0) {
                continue;
            }
            for (int g = offset[sub]; g < offset[sub] + combos[sub] * periods.size(); g++) {
                int[] unknowns = unknownsOf(g, mask, column);
                if (status[g] == SUPPRESSED) {
                    suppressed.add(g);
                    suppressedRows.add(unknowns);
                } else if (unknowns.length > 0) {
                    published.add(unknowns);
                }
            }
        }
        // The sparsest rows first: eliminating with them fills in least.
        published.sort(Comparator.comparingInt(unknowns -> unknowns.length));
        ExactSpan span = new ExactSpan(width);
        for (int[] unknowns : published) {
            span.add(dense(unknowns, width));
        }
        List<Integer> recoverable = new ArrayList<>();
        for (int i = 0; i < suppressed.size(); i++) {
            int[] unknowns = suppressedRows.get(i);
            if (unknowns.length == 0 || span.contains(dense(unknowns, width))) {
                recoverable.add(suppressed.get(i));
            }
        }
        return recoverable;
    }

    /** The unknowns (suppressed finest cells of the level, as columns) the cell is the sum of, each once. */
    private int[] unknownsOf(int g, int mask, int[] column) {
        int sub = levelOf[g];
        int p = (g - offset[sub]) / combos[sub];
        int s = (g - offset[sub]) % combos[sub];
        int perFinest = combos[mask];
        int[] fibreOfCell = fibre[mask][sub][s];
        int[] found = new int[finestOf[p].length * fibreOfCell.length];
        int count = 0;
        for (int f : finestOf[p]) {
            for (int c : fibreOfCell) {
                int col = column[f * perFinest + c];
                if (col >= 0) {
                    found[count++] = col;
                }
            }
        }
        return Arrays.copyOf(found, count);
    }

    private static long[] dense(int[] unknowns, int width) {
        long[] row = new long[width];
        for (int col : unknowns) {
            row[col] = 1;
        }
        return row;
    }

    private int cell(int mask, int period, int combination) {
        return offset[mask] + period * combos[mask] + combination;
    }

    private int[] decode(int mask, int combination) {
        int[] digits = new int[dims.size()];
        Arrays.fill(digits, -1);
        for (int d = 0; d < dims.size(); d++) {
            if ((mask & (1 << d)) != 0) {
                digits[d] = (combination / strides[mask][d]) % domains.get(d).size();
            }
        }
        return digits;
    }

    private int encode(int mask, int[] digits) {
        int combination = 0;
        for (int d = 0; d < dims.size(); d++) {
            if ((mask & (1 << d)) != 0) {
                combination += digits[d] * strides[mask][d];
            }
        }
        return combination;
    }
}

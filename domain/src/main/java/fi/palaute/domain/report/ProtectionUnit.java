package fi.palaute.domain.report;

import fi.palaute.domain.response.NpsCounts;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * The data disclosure control decides together, and nothing else: one year (the year, its quarters and months, the
 * ISO weeks of its ISO year), with every table the API can make of it (the total, each dimension, each pair of the
 * dimensions counted by: with all four, eleven tables); or, as the
 * boundary table of a part two years share, that one part alone. See {@link DisclosureControl} for the rules; this
 * class carries them out.
 * <p>
 * A boundary table differs from a year in two things: it has no shared parts (its one part is its own), and it
 * takes every zero as known, since its cells are never shown and so cannot hide one.
 * <p>
 * Cells live in one array across the lattice of tables. A table (a "level") is a set of dimensions, a bit mask over
 * the unit's dimensions in their canonical order; its cells are (period, combination of values), where the values
 * of a dimension are those with answers somewhere in the unit, sorted. Cell index = offset of the level + period
 * index × combinations of the level + combination. Only the levels of at most two dimensions have cells; the level
 * of every dimension ({@code full}) has counts only: the audit's unknowns are its week parts × combinations,
 * addressed by a key: part index × combinations of the full level + combination.
 */
final class ProtectionUnit {

    private static final byte PUBLISHED = 0;
    private static final byte EMPTY = 1; // no answers: left out (a total: shown as zero), so known to be zero
    private static final byte SUPPRESSED = 2;

    private final long k;
    private final UnitCalendar calendar;
    private final int periodCount;
    private final boolean zerosKnown; // a boundary table: every zero part taken as known, nothing hidden
    private final List<Dimension> dims; // canonical order: by enum order
    private final List<List<String>> domains;
    private final int levels;
    private final int full; // the level of every dimension: the audit's unknowns are its week parts
    private final int[] levelOrder; // the levels a report can show (at most two dimensions), in the order decided
    private final boolean[] decided; // the levels decided so far, the one being decided included
    private final int[] combos;
    private final int[] offset;
    private final int[][] strides; // [mask][dim] -> stride of that dimension's digit in the level's combination
    private final int[][][][] fibre; // [mask][sub][combination of sub] -> combinations of mask projecting onto it
    private final int cellCount;
    private final byte[] levelOf;
    private long[][] partAnswers; // [mask][key] -> answers of the part for the combination
    private byte[][][] boundaryFate; // [part][mask][combination] -> its fate in the part's own table; private: null
    private final int surveyDigit; // the index of SURVEY among the dimensions, or -1
    private final boolean maybeAllAnonymous; // no answers at all outside the Thursday months
    private final boolean[] maybeAnonymousSurvey; // per SURVEY value: no answers outside the Thursday months
    private final long[] promoters;
    private final long[] passives;
    private final long[] detractors;
    private final long[] answers;
    private final byte[] status;
    private boolean[] primary;
    private final Map<Integer, List<int[]>> sumLines = new HashMap<>(); // cell -> the lines it is the sum of
    private int[] zeroWitnesses; // [part key of every dimension] -> cells left out (or to be) that hold it
    private int zerosVersion; // counts the times a part may have become an unknown zero (its witnesses gone)
    private final int keyCount; // part keys of the full level; a shared part's column comes after them
    private int[] sharedColumn; // [part key] -> column of a shared part with answers, or -1
    private int[] keyOfShared; // [column − keyCount] -> its part key
    private ExactSpan span; // what the boundary tables and the levels decided before the current one publish
    private boolean[] held; // [column] -> some equation in the span holds it
    private int spanZeros = -1; // zerosVersion when the span was built
    private boolean[] knownAllYear; // [combination of every dimension] -> no column in any part (knownAllYear())
    private int knownAllYearZeros = -1; // zerosVersion then
    private final BitSet outOfSpan = new BitSet(); // cells an audit of this level found not recoverable
    private int outOfSpanZeros = -1; // zerosVersion then

    private ProtectionUnit(long k, UnitCalendar calendar, List<Dimension> dims, List<CountCell> cells,
            boolean zerosKnown, Map<Integer, ProtectionUnit> boundaryTables) {
        this.k = k;
        this.calendar = calendar;
        this.periodCount = calendar.periods.size();
        this.zerosKnown = zerosKnown;
        this.dims = List.copyOf(dims);

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
        full = levels - 1;
        levelOrder = IntStream.range(0, levels).filter(ProtectionUnit::shown).boxed()
                .sorted(Comparator.comparingInt(Integer::bitCount).thenComparingInt(Integer::intValue))
                .mapToInt(Integer::intValue).toArray();
        decided = new boolean[levels];
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
            total += shown(mask) ? size * periodCount : 0; // a finer level has no cells, only unknowns
        }
        cellCount = total;
        levelOf = new byte[cellCount];
        for (int mask : levelOrder) {
            Arrays.fill(levelOf, offset[mask], offset[mask] + combos[mask] * periodCount, (byte) mask);
        }
        fibre = new int[levels][levels][][];
        for (int mask = 0; mask < levels; mask++) {
            if (!shown(mask) && mask != full) {
                continue;
            }
            for (int sub : levelOrder) {
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

        int partCount = calendar.parts.size();
        partAnswers = new long[levels][];
        for (int mask = 0; mask < levels; mask++) {
            partAnswers[mask] = shown(mask) || mask == full ? new long[partCount * combos[mask]] : null;
        }
        promoters = new long[cellCount];
        passives = new long[cellCount];
        detractors = new long[cellCount];
        answers = new long[cellCount];
        for (CountCell cell : cells) {
            NpsCounts counts = cell.counts();
            int q = calendar.partIndex(cell.part());
            if (counts.n() == 0 || q < 0) {
                continue;
            }
            int[] digits = new int[dims.size()];
            for (int d = 0; d < dims.size(); d++) {
                digits[d] = valueIndex.get(d).get(cell.values().get(dims.get(d)));
            }
            for (int mask = 0; mask < levels; mask++) {
                if (partAnswers[mask] == null) {
                    continue;
                }
                int c = encode(mask, digits);
                int key = q * combos[mask] + c;
                partAnswers[mask][key] = Math.addExact(partAnswers[mask][key], counts.n());
                if (!shown(mask)) {
                    continue;
                }
                for (int p : calendar.periodsOf[q]) {
                    int g = cell(mask, p, c);
                    promoters[g] = Math.addExact(promoters[g], counts.promoters());
                    passives[g] = Math.addExact(passives[g], counts.passives());
                    detractors[g] = Math.addExact(detractors[g], counts.detractors());
                    answers[g] = Math.addExact(answers[g], counts.n());
                }
            }
        }

        // Which surveys may be anonymous, as a reader can tell: an answer outside its week's Thursday month is
        // identified, and a survey is anonymous or not as a whole.
        surveyDigit = dims.indexOf(Dimension.SURVEY);
        boolean anyOutside = false;
        maybeAnonymousSurvey = new boolean[surveyDigit < 0 ? 0 : domains.get(surveyDigit).size()];
        Arrays.fill(maybeAnonymousSurvey, true);
        for (int q = 0; q < partCount; q++) {
            if (calendar.holdsThursday[q]) {
                continue;
            }
            anyOutside |= partAnswers[0][q] > 0;
            for (int v = 0; v < maybeAnonymousSurvey.length; v++) {
                if (partAnswers[1 << surveyDigit][q * combos[1 << surveyDigit] + v] > 0) {
                    maybeAnonymousSurvey[v] = false;
                }
            }
        }
        maybeAllAnonymous = !anyOutside;
        boundaryFate = new byte[partCount][][];
        boundaryTables.forEach((q, table) -> {
            boundaryFate[q] = new byte[levels][];
            for (int mask : levelOrder) {
                boundaryFate[q][mask] = new byte[combos[mask]];
                for (int c = 0; c < combos[mask]; c++) {
                    boundaryFate[q][mask][c] = table.fateOfOnlyPeriod(valuesOf(mask, c));
                }
            }
        });

        status = new byte[cellCount];
        primary = new boolean[cellCount];
        // Until its table is decided, a cell without answers is taken as left out, as it will be unless it hides a
        // zero; each such cell is a witness that the parts it holds are zero.
        keyCount = partCount * combos[full];
        zeroWitnesses = new int[keyCount];
        sharedColumn = new int[keyCount];
        Arrays.fill(sharedColumn, -1);
        int shared = 0;
        for (int key = 0; key < keyCount; key++) {
            if (calendar.shared[key / combos[full]] && partAnswers[full][key] > 0) {
                sharedColumn[key] = keyCount + shared++;
            }
        }
        keyOfShared = new int[shared];
        for (int key = 0; key < keyCount; key++) {
            if (sharedColumn[key] >= 0) {
                keyOfShared[sharedColumn[key] - keyCount] = key;
            }
        }
        for (int mask : levelOrder) {
            for (int g = offset[mask]; g < offset[mask] + combos[mask] * periodCount; g++) {
                if (answers[g] == 0) {
                    status[g] = EMPTY;
                    witness(g, 1);
                }
            }
        }
        for (int mask : levelOrder) {
            protect(mask);
        }
        // Needed while deciding only: a remembered year keeps its cells' fates and counts, nothing more.
        sumLines.clear();
        span = null;
        held = null;
        partAnswers = null;
        boundaryFate = null;
        primary = null;
        zeroWitnesses = null;
        sharedColumn = null;
        keyOfShared = null;
        knownAllYear = null;
    }

    /** Whether a report can show the level: at most two dimensions. */
    private static boolean shown(int mask) {
        return Integer.bitCount(mask) <= 2;
    }

    /**
     * Year Y with its cells: every count whose part lies in a period of the year (others are ignored). Each part it
     * shares with a neighbouring year is first protected alone, as its boundary table.
     */
    static ProtectionUnit ofYear(int year, List<Dimension> dims, List<CountCell> cells, long k) {
        UnitCalendar calendar = UnitCalendar.ofYear(year);
        Map<Integer, List<CountCell>> sharedCells = new LinkedHashMap<>();
        List<CountCell> inYear = new ArrayList<>();
        for (CountCell cell : cells) {
            int q = calendar.partIndex(cell.part());
            if (q >= 0) {
                inYear.add(cell);
                if (calendar.shared[q]) {
                    sharedCells.computeIfAbsent(q, x -> new ArrayList<>()).add(cell);
                }
            }
        }
        Map<Integer, ProtectionUnit> boundaryTables = new HashMap<>();
        for (int q = 0; q < calendar.parts.size(); q++) {
            if (calendar.shared[q]) {
                boundaryTables.put(q, new ProtectionUnit(k, UnitCalendar.ofPart(calendar.parts.get(q)), dims,
                        sharedCells.getOrDefault(q, List.of()), true, Map.of()));
            }
        }
        return new ProtectionUnit(k, calendar, dims, inYear, false, boundaryTables);
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

    /**
     * The cells of one period of this unit for a report by {@code by} (whose dimensions are this unit's): the
     * total, then each one-dimension table in the order asked, then the pairs; within a table by value.
     */
    List<ReportCell> cells(Period period, List<Dimension> by) {
        int p = calendar.periodIndex(period);
        List<ReportCell> result = new ArrayList<>();
        result.add(reportCell(cell(0, p, 0), period));
        List<Integer> masks = new ArrayList<>();
        for (Dimension dimension : by) {
            masks.add(1 << dims.indexOf(dimension));
        }
        if (by.size() == 2) {
            masks.add(masks.get(0) | masks.get(1));
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
        Optional<NpsCounts> counts = status[g] == SUPPRESSED
                ? Optional.empty()
                : Optional.of(new NpsCounts(promoters[g], passives[g], detractors[g]));
        return new ReportCell(period, valuesOf(mask, (g - offset[mask]) % combos[mask]), counts);
    }

    private Map<Dimension, String> valuesOf(int mask, int combination) {
        int[] digits = decode(mask, combination);
        Map<Dimension, String> values = new HashMap<>();
        for (int d = 0; d < dims.size(); d++) {
            if ((mask & (1 << d)) != 0) {
                values.put(dims.get(d), domains.get(d).get(digits[d]));
            }
        }
        return values;
    }

    /** For a boundary table: the fate of its one period's cell with these values; EMPTY for values it lacks. */
    private byte fateOfOnlyPeriod(Map<Dimension, String> values) {
        int[] digits = new int[dims.size()];
        int mask = 0;
        for (int d = 0; d < dims.size(); d++) {
            String value = values.get(dims.get(d));
            if (value != null) {
                int digit = Collections.binarySearch(domains.get(d), value);
                if (digit < 0) {
                    return EMPTY;
                }
                digits[d] = digit;
                mask |= 1 << d;
            }
        }
        return status[cell(mask, 0, encode(mask, digits))];
    }

    // ---------------------------------------------------------------------------------------------------------
    // The protection of one level (table), the levels before it already decided and never changed again.

    /**
     * Primary suppression, then the line rule and the audit in turn until the audit finds nothing to fix (or nothing
     * left to suppress); then clean-up.
     */
    private void protect(int mask) {
        int first = offset[mask];
        int end = first + combos[mask] * periodCount;
        for (int g = first; g < end; g++) {
            primary[g] = answers[g] > 0 && answers[g] < k;
            status[g] = answers[g] == 0 ? EMPTY : primary[g] ? SUPPRESSED : PUBLISHED;
        }
        decided[mask] = true;
        outOfSpan.clear();
        List<int[]> lines = lines(mask);
        Map<Integer, List<int[]>> linesOf = new HashMap<>(); // cell -> the lines through it, once complements are due
        for (int[] line : lines) {
            sumLines.computeIfAbsent(line[0], x -> new ArrayList<>()).add(line);
        }
        Findings findings;
        while (true) {
            applyLineRule(lines, mask);
            findings = audit(mask);
            TreeSet<Integer> complements = new TreeSet<>();
            if (linesOf.isEmpty() && (!findings.exposed.isEmpty() || !findings.revealed.isEmpty())) {
                for (int[] line : lines) {
                    for (int g : line) {
                        linesOf.computeIfAbsent(g, x -> new ArrayList<>()).add(line);
                    }
                }
            }
            for (int g : findings.exposed) {
                int complement = complementFor(List.of(g), false, mask, linesOf);
                if (complement >= 0) {
                    complements.add(complement);
                }
            }
            for (int[] keys : findings.revealed) {
                int complement = complementFor(cellsContaining(keys, mask), true, mask, linesOf);
                if (complement >= 0) {
                    complements.add(complement);
                }
            }
            boolean zeroHidden = false;
            for (int g : findings.sharedOnly) {
                zeroHidden |= hideAZeroOf(g, mask);
            }
            if (complements.isEmpty() && !zeroHidden) {
                // Cannot happen: with every cell of this level suppressed, it adds nothing to the levels before,
                // which gave no cell under k away. Were it to, no report is better than a disclosure.
                if (findings.exposed.stream().anyMatch(g -> answers[g] < k)) {
                    throw new IllegalStateException("a cell under k stays recoverable with the table fully suppressed");
                }
                break;
            }
            for (int complement : complements) {
                suppress(complement, mask);
            }
        }
        // A secondary suppression that hides nothing is published again: that adds no information.
        for (int g : findings.useless) {
            setStatus(g, answers[g] == 0 ? EMPTY : PUBLISHED);
        }
        keepEquationsOf(mask);
    }

    /** Sets a cell's status, keeping count of the cells left out that hold each part. */
    private void setStatus(int g, byte next) {
        if (status[g] == EMPTY && next != EMPTY) {
            witness(g, -1);
        } else if (status[g] != EMPTY && next == EMPTY) {
            witness(g, 1);
        }
        status[g] = next;
    }

    private void witness(int g, int delta) {
        int[] inFibre = fibre[full][levelOf[g]][combinationOf(g)];
        for (int q : calendar.partsOf[periodOf(g)]) {
            int base = q * combos[full];
            for (int f : inFibre) {
                zeroWitnesses[base + f] += delta;
                if (zeroWitnesses[base + f] == 0 && canBeUnknownZero(q, f)) {
                    zerosVersion++; // a zero no longer shown: equations that took it as known are too strong
                }
            }
        }
    }

    /**
     * Lines of the level: {sum, parts...}. Each row and column of each period (the sum a cell of a lower level), and
     * for each combination the calendar's sums (a year is its quarters, a quarter its months, a month or quarter
     * made of whole weeks those weeks).
     */
    private List<int[]> lines(int mask) {
        List<int[]> lines = new ArrayList<>();
        for (int d = 0; d < dims.size(); d++) {
            if ((mask & (1 << d)) == 0) {
                continue;
            }
            int sub = mask & ~(1 << d);
            for (int p = 0; p < periodCount; p++) {
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
        for (int[] timeLine : calendar.timeLines) {
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
     * Suppresses a complement. An empty one keeps a zero part unknown only if no cell of the level holding that part
     * is left out, so the empty cells that hold one are shown as suppressed with it.
     */
    private void suppress(int g, int mask) {
        setStatus(g, SUPPRESSED);
        if (answers[g] != 0) {
            return;
        }
        int c = combinationOf(g);
        for (int q : calendar.partsOf[periodOf(g)]) {
            if (hidesAZero(q, mask, c)) {
                for (int other : calendar.periodsOf[q]) {
                    int h = cell(mask, other, c);
                    if (status[h] == EMPTY) {
                        setStatus(h, SUPPRESSED);
                    }
                }
            }
        }
    }

    /**
     * For a suppressed cell made of shared parts and known zeros only, which its boundary tables alone would have
     * to protect: makes one of its own zero parts unknown, if one can be, by showing the empty cells of this level
     * that hold it as suppressed. The cell then has a part of its own, and the audit protects it like any other.
     * Returns whether it did.
     */
    private boolean hideAZeroOf(int g, int mask) {
        for (int q : calendar.partsOf[periodOf(g)]) {
            for (int f : fibre[full][levelOf[g]][combinationOf(g)]) {
                if (partAnswers[full][q * combos[full] + f] == 0 && canBeUnknownZero(q, f)
                        && !zeroShown(q, f, mask)) {
                    int c = encode(mask, decode(full, f));
                    boolean changed = false;
                    for (int p : calendar.periodsOf[q]) {
                        if (status[cell(mask, p, c)] == EMPTY) {
                            setStatus(cell(mask, p, c), SUPPRESSED);
                            changed = true;
                        }
                    }
                    if (changed) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * The cell of this level to suppress so that what the audit found stops being recoverable. Searched in rings:
     * first the cells next to the {@code origins} (in a line with one, or sharing a week part with one: the months
     * a week touches, the other weeks of those months, the weeks of a month), and the origins themselves if
     * {@code originsAreCandidates}; then the cells next to the suppressed cells of that ring, and so on outwards;
     * failing all, the best candidate of the level; -1 when there is none. Within a ring the best by
     * {@link #better}.
     */
    private int complementFor(List<Integer> origins, boolean originsAreCandidates, int mask,
            Map<Integer, List<int[]>> linesOf) {
        Set<Integer> seen = new HashSet<>(origins);
        List<Integer> ring = new ArrayList<>(originsAreCandidates ? origins : List.of());
        for (int g : origins) {
            if (levelOf[g] != mask) { // a cell of another level: first the cells of this one that overlap it
                int common = levelOf[g] & mask;
                for (int c : fibre[mask][common][encode(common, decode(levelOf[g], combinationOf(g)))]) {
                    int h = cell(mask, periodOf(g), c);
                    if (seen.add(h)) {
                        ring.add(h);
                    }
                }
            }
            for (int h : nextTo(g, linesOf)) {
                if (seen.add(h)) {
                    ring.add(h);
                }
            }
        }
        while (!ring.isEmpty()) {
            int best = -1;
            for (int g : ring) {
                if (candidate(g, mask) && better(g, best)) {
                    best = g;
                }
            }
            if (best >= 0) {
                return best;
            }
            List<Integer> next = new ArrayList<>();
            for (int g : ring) {
                if (status[g] == SUPPRESSED) {
                    for (int h : nextTo(g, linesOf)) {
                        if (seen.add(h)) {
                            next.add(h);
                        }
                    }
                }
            }
            ring = next;
        }
        int best = -1;
        for (int g = offset[mask]; g < offset[mask] + combos[mask] * periodCount; g++) {
            if (candidate(g, mask) && better(g, best)) {
                best = g;
            }
        }
        return best;
    }

    /** The cells in a line with the cell, and those of its level and combination whose period shares a part. */
    private List<Integer> nextTo(int g, Map<Integer, List<int[]>> linesOf) {
        List<Integer> near = new ArrayList<>();
        List<int[]> through = linesOf.get(g);
        if (through != null) {
            for (int[] line : through) {
                for (int member : line) {
                    if (member != g) {
                        near.add(member);
                    }
                }
            }
        }
        int mask = levelOf[g];
        int c = combinationOf(g);
        for (int p : calendar.neighbours[periodOf(g)]) {
            near.add(cell(mask, p, c));
        }
        return near;
    }

    /**
     * Whether suppressing the cell could help: a published cell of the level, or an empty one whose zeros would
     * then be unknown ({@link #hidesAZero}).
     */
    private boolean candidate(int g, int mask) {
        if (levelOf[g] != mask || status[g] == SUPPRESSED) {
            return false;
        }
        if (status[g] == PUBLISHED) {
            return true;
        }
        int c = combinationOf(g);
        for (int q : calendar.partsOf[periodOf(g)]) {
            if (hidesAZero(q, mask, c)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether showing the level's empty cells of this combination that hold the part as suppressed would hide a zero:
     * a combination of every dimension within it, with no answers in the part, that can be unknown and that no cell
     * of another level (left out, or to be left out) shows to be zero.
     */
    private boolean hidesAZero(int q, int mask, int c) {
        for (int f : fibre[full][mask][c]) {
            if (partAnswers[full][q * combos[full] + f] == 0 && canBeUnknownZero(q, f)
                    && !zeroShown(q, f, mask)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a zero of the part, for this combination of every dimension, can be unknown to a reader at all: not in
     * a boundary table (which takes every zero as known), not in a shared part (whose zeros are no unknowns: a
     * shared part's columns are those with answers), and not a zero by construction. An anonymous answer counts only
     * in the month of its week's Thursday, and which surveys are anonymous is public; so the part of a week outside
     * its Thursday's month is known to be zero for a survey that may be anonymous (no answers there all year), and
     * for everything if every survey may be (the only test without SURVEY among the dimensions). Elsewhere anonymous
     * answers mix with identified ones, and such a zero says nothing.
     */
    private boolean canBeUnknownZero(int q, int f) {
        if (zerosKnown || calendar.shared[q]) {
            return false;
        }
        if (calendar.holdsThursday[q]) {
            return true;
        }
        return !maybeAllAnonymous && !(surveyDigit >= 0 && maybeAnonymousSurvey[decode(full, f)[surveyDigit]]);
    }

    /** Cells with answers before empty ones, then fewer answers first, then the lower index. */
    private boolean better(int candidate, int best) {
        if (best < 0) {
            return true;
        }
        boolean candidateEmpty = answers[candidate] == 0;
        boolean bestEmpty = answers[best] == 0;
        if (candidateEmpty != bestEmpty) {
            return !candidateEmpty;
        }
        if (answers[candidate] != answers[best]) {
            return answers[candidate] < answers[best];
        }
        return candidate < best;
    }

    /** The cells of this level that hold any of these part keys (of the level of every dimension). */
    private List<Integer> cellsContaining(int[] keys, int mask) {
        List<Integer> cells = new ArrayList<>();
        for (int key : keys) {
            int q = key / combos[full];
            int c = encode(mask, decode(full, key % combos[full]));
            for (int p : calendar.periodsOf[q]) {
                if (!cells.contains(cell(mask, p, c))) {
                    cells.add(cell(mask, p, c));
                }
            }
        }
        return cells;
    }

    // ---------------------------------------------------------------------------------------------------------
    // The audit.

    /** What one audit of a level found. */
    private static final class Findings {
        /** Cells under k (of any level) and secondary suppressions of earlier levels that are recoverable. */
        final List<Integer> exposed = new ArrayList<>();
        /** Primary suppressions made of shared parts and known zeros only. */
        final List<Integer> sharedOnly = new ArrayList<>();
        /** Secondary suppressions of this level that hide nothing. */
        final List<Integer> useless = new ArrayList<>();
        /** Per direction revealed beyond the shared parts' boundary tables: the part keys it involves. */
        final List<int[]> revealed = new ArrayList<>();
    }

    /**
     * Decides what the published cells of the levels decided so far (this one included) give away, about any cell of
     * any level a report can show: a level decided later must find nothing left to protect that only the levels
     * before it could have protected (a channel given away by the tables by CHANNEL and by LANGUAGE together, or a
     * pair by the other pairs of three dimensions). The unknowns (columns) are the unit's own week parts ×
     * combinations of every dimension that have answers, and the zero ones a reader cannot know
     * ({@link #unknownZero}), each numbered by its key; every other part is known (a known zero). After them come the
     * shared parts with answers: what the levels reveal about those must stay within what their boundary tables
     * publish, which go into the span first, so that anything more shows up as a basis row pivoted among them (zero
     * on every own part).
     * <p>
     * The span of the levels decided before this one is kept from level to level; an audit adds this level's
     * equations on top and takes them away again, since the next audit may suppress more of them.
     */
    private Findings audit(int mask) {
        if (span == null || spanZeros != zerosVersion) {
            rebuildSpan(mask);
        }
        // Between two audits of a level the span only loses equations (this level suppresses more), unless a zero
        // was hidden: a cell found out of it stays out.
        if (outOfSpanZeros != zerosVersion) {
            outOfSpan.clear();
            outOfSpanZeros = zerosVersion;
        }
        int mark = span.mark();
        List<Integer> nowHeld = new ArrayList<>();
        Findings findings = new Findings();
        for (int[] row : equationsOf(mask, mask)) {
            int pivot = span.insertOnes(row);
            hold(row, nowHeld);
            if (pivot >= keyCount) {
                findings.revealed.add(Arrays.stream(span.supportAt(pivot)).map(col -> keyOfShared[col - keyCount])
                        .toArray());
            }
        }
        int width = keyCount + keyOfShared.length;
        for (int sub : levelOrder) {
            if (!decided[sub]) {
                // A cell under k of a level still to come is suppressed there whatever it decides: it must not
                // already be given away by the levels decided so far, which no choice in its own level could undo.
                for (int g = offset[sub]; g < offset[sub] + combos[sub] * periodCount; g++) {
                    if (answers[g] > 0 && answers[g] < k && !outOfSpan.get(g)) {
                        int[] row = columnsOf(g);
                        if (ownParts(row) && recoverable(g, row, keyCount)) {
                            findings.exposed.add(g);
                        }
                    }
                }
                continue;
            }
            for (int g = offset[sub]; g < offset[sub] + combos[sub] * periodCount; g++) {
                if (status[g] != SUPPRESSED || outOfSpan.get(g)) {
                    continue;
                }
                int[] row = columnsOf(g);
                // A cell made of shared parts only (its own parts known zeros) cannot be helped here: its boundary
                // tables protect it.
                if (primary[g]) {
                    if (!ownParts(row)) {
                        findings.sharedOnly.add(g);
                    } else if (recoverable(g, row, keyCount)) {
                        findings.exposed.add(g);
                    }
                } else if (sub == mask) {
                    // An empty one is left out again only if that tells nothing new: none of its zeros is hidden.
                    if (answers[g] == 0 ? row.length == 0 : recoverable(g, row, width)) {
                        findings.useless.add(g);
                    }
                } else if (answers[g] > 0 && ownParts(row) && recoverable(g, row, width)) {
                    findings.exposed.add(g); // a secondary suppression before, given away by this level
                }
            }
        }
        span.rollback(mark);
        for (int col : nowHeld) {
            held[col] = false;
        }
        return findings;
    }

    /**
     * Whether the cell's row, on its first {@code columns} columns, is in the span; remembered when it is not, for the
     * level's next audits.
     */
    private boolean recoverable(int g, int[] row, int columns) {
        if (!holdsFree(row, columns) && span.containsOnesOnFirst(row, columns)) {
            return true;
        }
        outOfSpan.set(g);
        return false;
    }

    /** Once a level is decided: its equations join the span the levels after it are audited against. */
    private void keepEquationsOf(int mask) {
        if (span == null || spanZeros != zerosVersion) {
            rebuildSpan(-1);
            return;
        }
        for (int[] row : equationsOf(mask, -1)) {
            span.insertOnes(row);
            hold(row, null);
        }
    }

    /**
     * The span of what the boundary tables publish and what the decided levels but {@code current} publish, from
     * scratch: needed when a zero was hidden, since the equations kept took it as known.
     */
    private void rebuildSpan(int current) {
        int width = keyCount + keyOfShared.length;
        span = new ExactSpan(width);
        held = new boolean[width];
        spanZeros = zerosVersion;
        for (int[] row : boundaryRows()) {
            span.insertOnes(row);
            hold(row, null);
        }
        for (int level : levelOrder) {
            if (decided[level] && level != current) {
                for (int[] row : equationsOf(level, current)) {
                    span.insertOnes(row);
                    hold(row, null);
                }
            }
        }
    }

    /**
     * The equations the published cells of a level add, sparsest first (eliminating with them fills in least). A
     * published cell is the sum of each of its lines: less its published members, it is the sum of the suppressed
     * ones, which spans the same (each cell minus some of its strict parts: a triangular change), with far shorter
     * rows; with none suppressed it adds nothing. Only lines whose members are settled count: of the level itself,
     * or of a decided level other than {@code current} (whose cells may still change).
     */
    private List<int[]> equationsOf(int level, int current) {
        List<int[]> equations = new ArrayList<>();
        Map<Integer, int[]> rows = new HashMap<>();
        for (int g = offset[level]; g < offset[level] + combos[level] * periodCount; g++) {
            if (status[g] != PUBLISHED) {
                continue;
            }
            int[] bestLine = null;
            int bestSize = Integer.MAX_VALUE;
            for (int[] line : sumLines.getOrDefault(g, List.of())) {
                int members = levelOf[line[1]];
                if (members != level && (!decided[members] || members == current)) {
                    continue;
                }
                int size = 0;
                for (int i = 1; i < line.length; i++) {
                    if (status[line[i]] == SUPPRESSED) {
                        size += rows.computeIfAbsent(line[i], this::columnsOf).length;
                    }
                }
                if (size < bestSize) {
                    bestSize = size;
                    bestLine = line;
                }
            }
            if (bestSize == 0) {
                continue;
            }
            int[] shortest = columnsOf(g);
            if (bestLine != null && bestSize < shortest.length) {
                shortest = new int[bestSize];
                int at = 0;
                for (int i = 1; i < bestLine.length; i++) {
                    if (status[bestLine[i]] == SUPPRESSED) {
                        int[] part = rows.get(bestLine[i]);
                        System.arraycopy(part, 0, shortest, at, part.length);
                        at += part.length;
                    }
                }
            }
            if (shortest.length > 0) {
                equations.add(shortest);
            }
        }
        equations.sort(Comparator.comparingInt(row -> row.length));
        return equations;
    }

    /** Marks the row's columns as held by an equation; those newly held go to {@code newly} when it is given. */
    private void hold(int[] row, List<Integer> newly) {
        for (int col : row) {
            if (!held[col]) {
                held[col] = true;
                if (newly != null) {
                    newly.add(col);
                }
            }
        }
    }

    private boolean ownParts(int[] row) {
        for (int col : row) {
            if (col < keyCount) {
                return true;
            }
        }
        return false;
    }

    /** Whether the row holds a column before {@code end} that no equation in the span holds: then it is not in it. */
    private boolean holdsFree(int[] row, int end) {
        for (int col : row) {
            if (col < end && !held[col]) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a part with no answers for this combination of every dimension is unknown to a reader: it can be (see
     * {@link #canBeUnknownZero}), and no cell shows it to be zero ({@link #zeroShown}).
     */
    private boolean unknownZero(int q, int f) {
        return canBeUnknownZero(q, f) && !zeroShown(q, f, -1);
    }

    /**
     * Whether a cell holding the part and these values, of a level other than {@code except}, is left out (or a total
     * shown as zero): counts are never negative, so such a cell says every part of it is zero. A level still to be
     * decided is taken to leave out every cell without answers, as it will unless it hides a zero, which only makes
     * the reader know less. Days still to come are such: a period with none of them has a total of zero.
     */
    private boolean zeroShown(int q, int f, int except) {
        int witnesses = zeroWitnesses[q * combos[full] + f];
        if (except >= 0 && witnesses > 0) {
            int c = encode(except, decode(full, f));
            for (int p : calendar.periodsOf[q]) {
                witnesses -= status[cell(except, p, c)] == EMPTY ? 1 : 0;
            }
        }
        return witnesses > 0;
    }

    /**
     * The cells the shared parts' boundary tables publish, at every level, as rows over the shared columns: what this
     * unit may reveal about a shared part.
     */
    private List<int[]> boundaryRows() {
        List<int[]> rows = new ArrayList<>();
        for (int q = 0; q < calendar.parts.size(); q++) {
            if (boundaryFate[q] == null) {
                continue;
            }
            for (int sub : levelOrder) {
                for (int s = 0; s < combos[sub]; s++) {
                    if (boundaryFate[q][sub][s] != PUBLISHED) {
                        continue;
                    }
                    int base = q * combos[full];
                    int[] row = Arrays.stream(fibre[full][sub][s]).map(f -> columnOf(base + f))
                            .filter(col -> col >= 0).toArray();
                    if (row.length > 0) {
                        rows.add(row);
                    }
                }
            }
        }
        return rows;
    }

    /** The unknowns (columns) the cell adds up, each once. */
    private int[] columnsOf(int g) {
        int[] inFibre = fibre[full][levelOf[g]][combinationOf(g)];
        int[] parts = calendar.partsOf[periodOf(g)];
        int[] found = new int[parts.length * inFibre.length];
        int count = 0;
        for (int f : inFibre) {
            if (knownAllYear(f)) {
                continue;
            }
            for (int q : parts) {
                int col = columnOf(q * combos[full] + f);
                if (col >= 0) {
                    found[count++] = col;
                }
            }
        }
        return Arrays.copyOf(found, count);
    }

    /**
     * Whether a combination of every dimension has no column in any part: no answers all year and every zero known.
     * Most combinations are such (a survey has one controller, a few channels), so rows skip them whole.
     */
    private boolean knownAllYear(int f) {
        if (knownAllYearZeros != zerosVersion) {
            int perPart = combos[full];
            knownAllYear = new boolean[perPart];
            for (int c = 0; c < perPart; c++) {
                boolean known = true;
                for (int q = 0; q < calendar.parts.size() && known; q++) {
                    known = columnOf(q * perPart + c) < 0;
                }
                knownAllYear[c] = known;
            }
            knownAllYearZeros = zerosVersion;
        }
        return knownAllYear[f];
    }

    /**
     * The column of a part key: an own part with answers, or an unknown zero, is its key; a shared part with answers
     * comes after all keys; anything else is known (-1).
     */
    private int columnOf(int key) {
        int q = key / combos[full];
        if (calendar.shared[q]) {
            return sharedColumn[key];
        }
        return partAnswers[full][key] > 0 || unknownZero(q, key % combos[full]) ? key : -1;
    }

    private int cell(int mask, int period, int combination) {
        return offset[mask] + period * combos[mask] + combination;
    }

    private int periodOf(int g) {
        int mask = levelOf[g];
        return (g - offset[mask]) / combos[mask];
    }

    private int combinationOf(int g) {
        int mask = levelOf[g];
        return (g - offset[mask]) % combos[mask];
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

package fi.palaute.domain.report;

import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The time structure of one protection unit: its periods, the week parts ({@link AnswerBuckets}) each of them adds
 * up, and which parts the unit shares with a neighbouring unit. Periods and parts are numbered; everything here is
 * index arithmetic for {@link ProtectionUnit}.
 */
final class UnitCalendar {

    private static final int FIRST_YEAR = 1970; // the range Period accepts
    private static final int LAST_YEAR = 9999;

    /** Calendars depend on nothing but the year and never change. */
    private static final Map<Integer, UnitCalendar> YEARS = new ConcurrentHashMap<>();

    final List<Period> periods;
    final List<AnswerBuckets> parts; // in time order
    final boolean[] shared; // part -> it also counts in a period of a neighbouring unit
    final boolean[] holdsThursday; // part -> it is in the month of its week's Thursday, where anonymous answers go
    final int[][] partsOf; // period -> the parts it adds up
    final int[][] periodsOf; // part -> the periods of this unit it counts in
    final int[][] timeLines; // {sum, parts...} as period indexes: a sum that is exactly these periods
    final int[][] neighbours; // period -> the periods it shares a part with, and for a week the other weeks of its months
    private final Map<Period, Integer> periodIndex = new HashMap<>();
    private final Map<AnswerBuckets, Integer> partIndex = new HashMap<>();

    private UnitCalendar(List<Period> periods, List<AnswerBuckets> parts, boolean[] shared, int[][] partsOf,
            int[][] timeLines, int[][] neighbours) {
        this.periods = List.copyOf(periods);
        this.parts = List.copyOf(parts);
        this.shared = shared;
        this.partsOf = partsOf;
        this.timeLines = timeLines;
        this.neighbours = neighbours;
        holdsThursday = new boolean[parts.size()];
        for (int q = 0; q < parts.size(); q++) {
            AnswerBuckets part = parts.get(q);
            holdsThursday[q] = Period.containing(PeriodKind.MONTH, part.week().firstDay().plusDays(3))
                    .equals(part.month());
        }
        for (int p = 0; p < periods.size(); p++) {
            periodIndex.put(periods.get(p), p);
        }
        for (int q = 0; q < parts.size(); q++) {
            partIndex.put(parts.get(q), q);
        }
        List<List<Integer>> containing = new ArrayList<>();
        for (int q = 0; q < parts.size(); q++) {
            containing.add(new ArrayList<>());
        }
        for (int p = 0; p < partsOf.length; p++) {
            for (int q : partsOf[p]) {
                containing.get(q).add(p);
            }
        }
        periodsOf = containing.stream().map(UnitCalendar::toArray).toArray(int[][]::new);
    }

    /**
     * Year Y: the year, its 4 quarters and 12 months, and the ISO weeks of ISO year Y. Its parts are every part of
     * those periods; a part is shared when its week is not of ISO year Y (the days of the previous ISO year's last
     * week in January, of the next ISO year's first week in December) or its month not of year Y (the days of week 1
     * in the previous December, of the last week in the next January).
     */
    static UnitCalendar ofYear(int year) {
        return YEARS.computeIfAbsent(year, UnitCalendar::buildYear);
    }

    private static UnitCalendar buildYear(int year) {
        List<Period> periods = new ArrayList<>();
        LocalDate newYear = LocalDate.of(year, 1, 1);
        periods.add(Period.containing(PeriodKind.YEAR, newYear));
        for (int q = 0; q < 4; q++) {
            periods.add(Period.containing(PeriodKind.QUARTER, newYear.plusMonths(3L * q)));
        }
        for (int m = 0; m < 12; m++) {
            periods.add(Period.containing(PeriodKind.MONTH, newYear.plusMonths(m)));
        }
        int firstWeek = periods.size();
        LocalDate firstMonday = Period.containing(PeriodKind.ISO_WEEK, LocalDate.of(year, 1, 4)).firstDay();
        LocalDate lastMonday = Period.containing(PeriodKind.ISO_WEEK, LocalDate.of(year, 12, 28)).firstDay();
        for (LocalDate monday = firstMonday; !monday.isAfter(lastMonday); monday = monday.plusWeeks(1)) {
            periods.add(Period.containing(PeriodKind.ISO_WEEK, monday));
        }

        Set<AnswerBuckets> found = new LinkedHashSet<>();
        LocalDate from = firstMonday.isBefore(newYear) ? firstMonday : newYear;
        LocalDate lastSunday = lastMonday.plusDays(6);
        LocalDate newYearsEve = LocalDate.of(year, 12, 31);
        LocalDate to = lastSunday.isAfter(newYearsEve) ? lastSunday : newYearsEve;
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            int weekYear = day.get(IsoFields.WEEK_BASED_YEAR);
            if (day.getYear() >= FIRST_YEAR && day.getYear() <= LAST_YEAR
                    && weekYear >= FIRST_YEAR && weekYear <= LAST_YEAR) {
                found.add(new AnswerBuckets(Period.containing(PeriodKind.ISO_WEEK, day),
                        Period.containing(PeriodKind.MONTH, day)));
            }
        }
        List<AnswerBuckets> parts = new ArrayList<>(found);
        boolean[] shared = new boolean[parts.size()];
        for (int q = 0; q < parts.size(); q++) {
            shared[q] = yearOf(parts.get(q).week()) != year || yearOf(parts.get(q).month()) != year;
        }

        int[][] partsOf = new int[periods.size()][];
        for (int p = 0; p < periods.size(); p++) {
            Period period = periods.get(p);
            List<Integer> sum = new ArrayList<>();
            for (int q = 0; q < parts.size(); q++) {
                if (adds(period, parts.get(q))) {
                    sum.add(q);
                }
            }
            partsOf[p] = toArray(sum);
        }

        List<int[]> timeLines = new ArrayList<>();
        timeLines.add(new int[] {0, 1, 2, 3, 4}); // the year is its four quarters
        for (int q = 1; q <= 4; q++) {
            timeLines.add(new int[] {q, 5 + 3 * (q - 1), 6 + 3 * (q - 1), 7 + 3 * (q - 1)}); // a quarter its months
        }
        // A month or quarter that is exactly whole weeks (February 2027, Q1 2024) is also the sum of those weeks.
        for (int p = 1; p < firstWeek; p++) {
            List<Integer> weeks = wholeWeeksOf(p, firstWeek, partsOf, periods.size());
            if (!weeks.isEmpty()) {
                int[] line = new int[weeks.size() + 1];
                line[0] = p;
                for (int i = 0; i < weeks.size(); i++) {
                    line[i + 1] = weeks.get(i);
                }
                timeLines.add(line);
            }
        }

        int[][] neighbours = new int[periods.size()][];
        for (int p = 0; p < periods.size(); p++) {
            Set<Integer> near = new LinkedHashSet<>();
            if (p < 5) { // a year or a quarter: its lines are its neighbours
                neighbours[p] = new int[0];
                continue;
            }
            boolean week = p >= firstWeek;
            for (int q : partsOf[p]) {
                for (int other = 5; other < periods.size(); other++) { // months and weeks only
                    boolean otherWeek = other >= firstWeek;
                    if (other != p && week != otherWeek && contains(partsOf[other], q)) {
                        near.add(other);
                        if (week) { // the other weeks of the month, whose counts pin this week's part in it
                            for (int q2 : partsOf[other]) {
                                for (int w = firstWeek; w < periods.size(); w++) {
                                    if (w != p && contains(partsOf[w], q2)) {
                                        near.add(w);
                                    }
                                }
                            }
                        }
                    }
                }
            }
            neighbours[p] = toArray(new ArrayList<>(near));
        }
        return new UnitCalendar(periods, parts, shared, partsOf, timeLines.toArray(int[][]::new), neighbours);
    }

    /**
     * One shared part alone, as a period of its own (named by its week, a name nothing shows): the table that both
     * units sharing it protect it by.
     */
    static UnitCalendar ofPart(AnswerBuckets part) {
        return new UnitCalendar(List.of(part.week()), List.of(part), new boolean[1], new int[][] {{0}}, new int[0][],
                new int[][] {{}});
    }

    int periodIndex(Period period) {
        Integer p = periodIndex.get(period);
        if (p == null) {
            throw new IllegalArgumentException(period + " is not in this unit");
        }
        return p;
    }

    /** The index of a part of this unit, or -1 for a part that counts in none of its periods. */
    int partIndex(AnswerBuckets part) {
        return partIndex.getOrDefault(part, -1);
    }

    /** The unit a period is protected in: the first four digits of its key (a week's ISO year, or the year). */
    static int yearOf(Period period) {
        return Integer.parseInt(period.key().substring(0, 4));
    }

    private static boolean adds(Period period, AnswerBuckets part) {
        switch (period.kind()) {
            case ISO_WEEK:
                return part.week().equals(period);
            case MONTH:
                return part.month().equals(period);
            case QUARTER:
                return Period.containing(PeriodKind.QUARTER, part.month().firstDay()).equals(period);
            case YEAR:
                return part.month().key().startsWith(period.key());
            default:
                throw new IllegalStateException("unknown kind " + period.kind());
        }
    }

    /** The weeks that make up the period exactly, each whole and nothing else; empty if they do not. */
    private static List<Integer> wholeWeeksOf(int p, int firstWeek, int[][] partsOf, int periodCount) {
        List<Integer> weeks = new ArrayList<>();
        Set<Integer> covered = new LinkedHashSet<>();
        for (int w = firstWeek; w < periodCount; w++) {
            boolean inside = false;
            boolean outside = false;
            for (int q : partsOf[w]) {
                if (contains(partsOf[p], q)) {
                    inside = true;
                } else {
                    outside = true;
                }
            }
            if (inside && outside) {
                return List.of();
            }
            if (inside) {
                weeks.add(w);
                for (int q : partsOf[w]) {
                    covered.add(q);
                }
            }
        }
        return covered.size() == partsOf[p].length ? weeks : List.of();
    }

    private static boolean contains(int[] values, int value) {
        for (int v : values) {
            if (v == value) {
                return true;
            }
        }
        return false;
    }

    private static int[] toArray(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }
}

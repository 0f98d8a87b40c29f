package fi.palaute.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The periods and week parts of a year's protection unit. */
class UnitCalendarTest {

    @Test
    void aYearHoldsItsMonthsAndTheWeeksOfItsIsoYear() {
        UnitCalendar year2026 = UnitCalendar.ofYear(2026);
        assertEquals(1 + 4 + 12 + 53, year2026.periods.size()); // 2026 has a week 53
        assertEquals(1 + 4 + 12 + 52, UnitCalendar.ofYear(2025).periods.size());
        assertTrue(year2026.periods.contains(Period.parse(PeriodKind.ISO_WEEK, "2026-W01")));
        assertFalse(year2026.periods.contains(Period.parse(PeriodKind.ISO_WEEK, "2025-W52")));
    }

    @Test
    void theDaysAYearSharesWithItsNeighboursAreSharedParts() {
        // 2026-W01 is 29 December 2025 - 4 January 2026; 2026-W53 is 28 December 2026 - 3 January 2027.
        assertEquals(List.of("2026-W01/2025-12", "2026-W53/2027-01"), shared(UnitCalendar.ofYear(2026)));
        assertEquals(List.of("2025-W01/2024-12", "2026-W01/2025-12"), shared(UnitCalendar.ofYear(2025)));
        // 2024 begins on a Monday; 2024-W01 of 2025 begins on 30 December 2024.
        assertEquals(List.of("2025-W01/2024-12"), shared(UnitCalendar.ofYear(2024)));
    }

    @Test
    void aMonthOrQuarterOfWholeWeeksIsTheSumOfThem() {
        assertTrue(hasLine(UnitCalendar.ofYear(2027), "2027-02", "2027-W05", "2027-W08"));
        assertTrue(hasLine(UnitCalendar.ofYear(2024), "2024-Q1", "2024-W01", "2024-W13"));
        assertTrue(hasLine(UnitCalendar.ofYear(2024), "2024-Q2", "2024-W14", "2024-W26"));
        assertEquals(5 + 0, UnitCalendar.ofYear(2026).timeLines.length); // the year and its quarters only
    }

    @Test
    void aWeekPartHoldsTheThursdayOrNot() {
        UnitCalendar year2026 = UnitCalendar.ofYear(2026);
        // 2026-W49 is 30 November - 6 December: its Thursday is 3 December.
        Period w49 = Period.parse(PeriodKind.ISO_WEEK, "2026-W49");
        int november = year2026.partIndex(new AnswerBuckets(w49, Period.parse(PeriodKind.MONTH, "2026-11")));
        int december = year2026.partIndex(new AnswerBuckets(w49, Period.parse(PeriodKind.MONTH, "2026-12")));
        assertFalse(year2026.holdsThursday[november]);
        assertTrue(year2026.holdsThursday[december]);
        assertEquals(-1, year2026.partIndex(new AnswerBuckets(Period.parse(PeriodKind.ISO_WEEK, "2025-W50"),
                Period.parse(PeriodKind.MONTH, "2025-12"))));
    }

    private static List<String> shared(UnitCalendar calendar) {
        List<String> shared = new ArrayList<>();
        for (int q = 0; q < calendar.parts.size(); q++) {
            if (calendar.shared[q]) {
                shared.add(calendar.parts.get(q).week() + "/" + calendar.parts.get(q).month());
            }
        }
        return shared;
    }

    private static boolean hasLine(UnitCalendar calendar, String sum, String firstWeek, String lastWeek) {
        for (int[] line : calendar.timeLines) {
            List<String> keys = Arrays.stream(line).mapToObj(p -> calendar.periods.get(p).key()).toList();
            if (keys.get(0).equals(sum) && keys.get(1).equals(firstWeek) && keys.get(keys.size() - 1).equals(lastWeek)) {
                return true;
            }
        }
        return false;
    }
}

package fi.palaute.domain.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Report periods: how they are named, which day starts them, what follows them, what a range holds. */
class PeriodTest {

    @ParameterizedTest(name = "{0} {1} starts on {2}")
    @CsvSource({
            "ISO_WEEK, 2026-W48, 2026-11-23",
            // 2026 has 53 ISO weeks: the last starts on Monday 28 December and holds 1–3 January 2027
            "ISO_WEEK, 2026-W53, 2026-12-28",
            // week 1 of 2026 starts in 2025
            "ISO_WEEK, 2026-W01, 2025-12-29",
            "ISO_WEEK, 2020-W53, 2020-12-28",
            "MONTH, 2026-11, 2026-11-01",
            "MONTH, 2026-01, 2026-01-01",
            "QUARTER, 2026-Q4, 2026-10-01",
            "QUARTER, 2026-Q1, 2026-01-01",
            "YEAR, 2026, 2026-01-01",
            "YEAR, 1970, 1970-01-01",
    })
    void aKeyNamesAPeriodAndItsFirstDay(PeriodKind kind, String key, LocalDate firstDay) {
        Period period = Period.parse(kind, key);
        assertEquals(kind, period.kind());
        assertEquals(key, period.key());
        assertEquals(key, period.toString());
        assertEquals(firstDay, period.firstDay());
        assertEquals(period, Period.containing(kind, firstDay));
    }

    @ParameterizedTest(name = "{0} {1} is refused")
    @CsvSource({
            "ISO_WEEK, 2025-W53", // 2025 has 52 weeks
            "ISO_WEEK, 2026-W54",
            "ISO_WEEK, 2026-W00",
            "ISO_WEEK, 2026-w48",
            "ISO_WEEK, 2026W48",
            "ISO_WEEK, 26-W48",
            "ISO_WEEK, 2026-11",
            "ISO_WEEK, ''",
            "MONTH, 2026-13",
            "MONTH, 2026-00",
            "MONTH, 2026-1",
            "MONTH, 202611",
            "MONTH, 2026-Q4",
            "MONTH, 1969-12",
            "MONTH, 2026-11-01",
            "QUARTER, 2026-Q0",
            "QUARTER, 2026-Q5",
            "QUARTER, 2026-q4",
            "QUARTER, 2026-4",
            "QUARTER, 2026-10",
            "YEAR, 26",
            "YEAR, 20266",
            "YEAR, 1969",
            "YEAR, 2026-01",
            "YEAR, ' 2026'",
    })
    void aKeyThatNamesNoPeriodOfTheKindIsRefused(PeriodKind kind, String key) {
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Period.parse(kind, key));
        assertTrue(refused.getMessage().contains("looks like"), refused.getMessage());
    }

    @Test
    void nullsAreRefused() {
        assertThrows(NullPointerException.class, () -> Period.parse(null, "2026"));
        assertThrows(NullPointerException.class, () -> Period.parse(PeriodKind.YEAR, null));
        assertThrows(NullPointerException.class, () -> Period.containing(PeriodKind.YEAR, null));
    }

    @ParameterizedTest(name = "after {0} {1} comes {2}")
    @CsvSource({
            "ISO_WEEK, 2026-W48, 2026-W49",
            "ISO_WEEK, 2026-W52, 2026-W53",
            "ISO_WEEK, 2026-W53, 2027-W01",
            "ISO_WEEK, 2025-W52, 2026-W01",
            "MONTH, 2026-11, 2026-12",
            "MONTH, 2026-12, 2027-01",
            "QUARTER, 2026-Q3, 2026-Q4",
            "QUARTER, 2026-Q4, 2027-Q1",
            "YEAR, 2026, 2027",
    })
    void eachPeriodHasANext(PeriodKind kind, String key, String next) {
        assertEquals(Period.parse(kind, next), Period.parse(kind, key).next());
    }

    @ParameterizedTest(name = "{1} is in {0} {2}")
    @CsvSource({
            "ISO_WEEK, 2027-01-01, 2026-W53", // a Friday: the week of its Thursday, 31 December 2026
            "ISO_WEEK, 2027-01-03, 2026-W53",
            "ISO_WEEK, 2027-01-04, 2027-W01",
            "ISO_WEEK, 2025-12-29, 2026-W01",
            "ISO_WEEK, 2026-11-29, 2026-W48", // a Sunday
            "MONTH, 2026-11-30, 2026-11",
            "MONTH, 2024-02-29, 2024-02",
            "QUARTER, 2026-03-31, 2026-Q1",
            "QUARTER, 2026-04-01, 2026-Q2",
            "QUARTER, 2026-12-31, 2026-Q4",
            "YEAR, 2027-01-01, 2027", // the calendar year, not the ISO week's year
            "YEAR, 2026-12-31, 2026",
    })
    void aDayIsInOnePeriodOfEachKind(PeriodKind kind, LocalDate day, String key) {
        assertEquals(Period.parse(kind, key), Period.containing(kind, day));
    }

    @Test
    void aRangeHoldsEveryPeriodFromFirstToLastAcrossYearEnds() {
        assertEquals(List.of(week("2026-W52"), week("2026-W53"), week("2027-W01"), week("2027-W02")),
                Period.range(week("2026-W52"), week("2027-W02")));
        assertEquals(List.of(Period.parse(PeriodKind.QUARTER, "2026-Q4"), Period.parse(PeriodKind.QUARTER, "2027-Q1")),
                Period.range(Period.parse(PeriodKind.QUARTER, "2026-Q4"), Period.parse(PeriodKind.QUARTER, "2027-Q1")));
        assertEquals(List.of(week("2026-W48")), Period.range(week("2026-W48"), week("2026-W48")));
        assertEquals(12, Period.range(month("2026-01"), month("2026-12")).size());
    }

    @Test
    void aRangeIsOfOneKindForwardsAndAtMostTenYearsOfWeeks() {
        assertThrows(IllegalArgumentException.class, () -> Period.range(week("2026-W49"), week("2026-W48")));
        assertThrows(IllegalArgumentException.class, () -> Period.range(week("2026-W01"), month("2026-12")));
        // 530 periods are allowed, 531 are not: 1980-01 to 2024-02 is 44 years and 2 months
        assertEquals(Period.MAX_RANGE, Period.range(month("1980-01"), month("2024-02")).size());
        assertThrows(IllegalArgumentException.class, () -> Period.range(month("1980-01"), month("2024-03")));
        assertEquals(Period.MAX_RANGE, Period.range(week("2016-W01"), week("2026-W09")).size());
    }

    @Test
    void periodsOfOneKindSortByTimeAndOfTwoKindsDoNotCompare() {
        assertTrue(week("2026-W53").compareTo(week("2027-W01")) < 0);
        assertTrue(month("2026-12").compareTo(month("2026-02")) > 0);
        assertEquals(0, month("2026-12").compareTo(Period.parse(PeriodKind.MONTH, "2026-12")));
        assertThrows(IllegalArgumentException.class, () -> week("2026-W48").compareTo(month("2026-11")));
    }

    private static Period week(String key) {
        return Period.parse(PeriodKind.ISO_WEEK, key);
    }

    private static Period month(String key) {
        return Period.parse(PeriodKind.MONTH, key);
    }
}

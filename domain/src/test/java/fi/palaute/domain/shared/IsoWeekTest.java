package fi.palaute.domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IsoWeekTest {

    @ParameterizedTest(name = "{0} is in {1}")
    @CsvSource({
            // Finnish time decides: Sunday 23:30 in Helsinki is still that week, though UTC says so too here
            "2026-11-29T21:30:00Z, 2026-W48",
            // Monday 00:30 in Helsinki is the next week while UTC still says Sunday
            "2026-11-29T22:30:00Z, 2026-W49",
            // 1 January 2027 is a Friday: it belongs to the last week of 2026, which has 53 weeks
            "2027-01-01T10:00:00Z, 2026-W53",
            // 29 December 2025 is a Monday of week 1 of 2026
            "2025-12-29T10:00:00Z, 2026-W01",
    })
    void theWeekOfAnInstantIsTheFinnishIsoWeek(Instant instant, String week) {
        assertEquals(week, IsoWeek.containing(instant).toString());
        assertEquals(IsoWeek.parse(week), IsoWeek.containing(instant));
    }

    @ParameterizedTest(name = "{0} counts in the month of {1}")
    @CsvSource({
            "2026-W53, 2026-12-31",
            "2026-W01, 2026-01-01",
            "2025-W01, 2025-01-02",
            "2026-W48, 2026-11-26",
    })
    void aWeekCountsInTheMonthOfItsThursday(String week, LocalDate thursday) {
        assertEquals(thursday, IsoWeek.parse(week).thursday());
        assertEquals(thursday.minusDays(3), IsoWeek.parse(week).monday());
    }

    @ParameterizedTest
    @CsvSource({"2025-W53", "2026-W00", "2026-W54", "26-W01", "2026-w01", "2026W01"})
    void impossibleWeeksAreRefused(String text) {
        assertThrows(IllegalArgumentException.class, () -> IsoWeek.parse(text));
    }
}

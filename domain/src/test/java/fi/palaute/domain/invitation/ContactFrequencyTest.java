package fi.palaute.domain.invitation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContactFrequencyTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    /**
     * Previous invitations as ages before now ({@code 30d}, {@code 30d-1ms}; a negative age is after now),
     * separated by spaces, in no particular order.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "never invited                         | 30 | 4 | ''                    | false",
            "invited 29 days ago                   | 30 | 4 | 29d                   | true",
            "invited 30 days less 1 ms ago         | 30 | 4 | 30d-1ms               | true",
            "invited exactly 30 days ago           | 30 | 4 | 30d                   | false",
            "invited 31 days ago                   | 30 | 4 | 31d                   | false",
            "invited a minute from now (clock skew) | 30 | 4 | -1m                  | true",
            "3 within 365 days                     | 30 | 4 | 200d 40d 300d         | false",
            "4 within 365 days                     | 30 | 4 | 200d 40d 300d 364d    | true",
            "4, the oldest 365 days less 1 ms ago  | 30 | 4 | 40d 100d 200d 365d-1ms | true",
            "4, the oldest exactly 365 days ago    | 30 | 4 | 40d 100d 200d 365d    | false",
            "4, the oldest 366 days ago            | 30 | 4 | 40d 100d 200d 366d    | false",
            "5 within 365 days                     | 30 | 4 | 40d 80d 120d 160d 200d | true",
            "many long ago                         | 30 | 4 | 400d 500d 600d 700d 800d | false",
            "rest period of 7 days, 8 days ago     | 7  | 4 | 8d                    | false",
            "rest period of 7 days, 6 days ago     | 7  | 4 | 6d                    | true",
            "cap 1, one 100 days ago               | 30 | 1 | 100d                  | true",
            "cap 2, one 100 days ago               | 30 | 2 | 100d                  | false",
            "no rest period, invited just now      | 0  | 4 | 0d                    | false"})
    void restsWithinTheRestPeriodOrAtTheYearlyCap(
            String description, int restDays, int cap, String ages, boolean resting) {
        ContactFrequency frequency = new ContactFrequency(Duration.ofDays(restDays), cap);
        assertEquals(resting, frequency.isResting(invitedAt(ages), NOW));
    }

    @Test
    void theDefaultsAreThirtyDaysAndFourAYear() {
        assertEquals(new ContactFrequency(Duration.ofDays(30), 4), ContactFrequency.DEFAULT);
    }

    @Test
    void settingsMustMakeSense() {
        assertThrows(IllegalArgumentException.class, () -> new ContactFrequency(Duration.ofDays(-1), 4));
        assertThrows(IllegalArgumentException.class, () -> new ContactFrequency(Duration.ofDays(366), 4));
        assertThrows(IllegalArgumentException.class, () -> new ContactFrequency(Duration.ofDays(30), 0));
        assertThrows(NullPointerException.class, () -> new ContactFrequency(null, 4));
    }

    /** Parses ages such as {@code 30d}, {@code 30d-1ms}, {@code -1m} into instants before (or after) {@link #NOW}. */
    static List<Instant> invitedAt(String ages) {
        List<Instant> instants = new ArrayList<>();
        for (String age : ages.trim().split("\\s+")) {
            if (!age.isEmpty()) {
                instants.add(NOW.minus(age(age)));
            }
        }
        return instants;
    }

    static Duration age(String age) {
        if (age.startsWith("-")) {
            return age(age.substring(1)).negated();
        }
        if (age.endsWith("d-1ms")) {
            return Duration.ofDays(Long.parseLong(age.substring(0, age.length() - 5))).minusMillis(1);
        }
        if (age.endsWith("d")) {
            return Duration.ofDays(Long.parseLong(age.substring(0, age.length() - 1)));
        }
        if (age.endsWith("m")) {
            return Duration.ofMinutes(Long.parseLong(age.substring(0, age.length() - 1)));
        }
        throw new IllegalArgumentException("unreadable age " + age);
    }
}

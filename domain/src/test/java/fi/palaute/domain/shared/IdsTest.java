package fi.palaute.domain.shared;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class IdsTest {

    @Test
    void idsAreVersion7AndStrictlyIncreasingEvenWithinOneMillisecond() {
        Clock frozen = Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC);
        String previous = Ids.newId(frozen);
        for (int i = 0; i < 10_000; i++) {
            String next = Ids.newId(frozen);
            assertTrue(next.compareTo(previous) > 0, previous + " then " + next);
            previous = next;
        }
        UUID uuid = UUID.fromString(previous);
        assertEquals(7, uuid.version());
        assertEquals(2, uuid.variant());
    }

    @Test
    void theTimePartIsTheClockMillis() {
        Instant at = Instant.parse("2030-01-01T00:00:00Z");
        UUID uuid = Ids.newUuid(Clock.fixed(at, ZoneOffset.UTC));
        assertTrue((uuid.getMostSignificantBits() >>> 16) >= at.toEpochMilli());
    }
}

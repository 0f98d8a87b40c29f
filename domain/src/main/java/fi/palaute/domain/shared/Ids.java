package fi.palaute.domain.shared;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * Ids the application makes, not the database: UUIDv7 (RFC 9562), so they sort by creation time on every
 * database and need no sequence. Within one millisecond the random part is incremented, so ids made in one
 * process are strictly increasing.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static long lastMillis;
    private static long lastRandA;

    private Ids() {
    }

    /** An id of 122 random bits (UUIDv4) that tells nothing of when it was made: for anonymous answers (R-ANON). */
    public static String newRandomId() {
        return UUID.randomUUID().toString();
    }

    public static String newId(Clock clock) {
        return newUuid(clock).toString();
    }

    public static synchronized UUID newUuid(Clock clock) {
        long millis = Math.max(clock.millis(), lastMillis);
        long randA;
        if (millis == lastMillis) {
            randA = lastRandA + 1;
            if (randA > 0xFFF) { // 12 bits used up in this millisecond: borrow the next one
                millis++;
                randA = RANDOM.nextInt(0x800);
            }
        } else {
            randA = RANDOM.nextInt(0x800);
        }
        lastMillis = millis;
        lastRandA = randA;
        long high = (millis << 16) | 0x7000L | randA;
        long low = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low);
    }
}

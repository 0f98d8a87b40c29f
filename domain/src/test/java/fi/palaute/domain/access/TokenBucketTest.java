package fi.palaute.domain.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    private static final long MS = 1_000_000L;

    @Test
    void aFullBucketServesItsBurstThenRefusesWithRetryAfter() {
        TokenBucket bucket = new TokenBucket(new RequestBudget(50, 200), 0);
        for (int i = 0; i < 200; i++) {
            assertTrue(bucket.tryTake(0).admitted(), "request " + i);
        }
        TokenBucket.Admission refused = bucket.tryTake(0);
        assertFalse(refused.admitted());
        assertEquals(1, refused.retryAfterSeconds());
    }

    @Test
    void refillsAtTheSteadyRate() {
        TokenBucket bucket = new TokenBucket(new RequestBudget(50, 50), 0);
        for (int i = 0; i < 50; i++) {
            bucket.tryTake(0);
        }
        assertFalse(bucket.tryTake(19 * MS).admitted(), "19 ms is less than one token at 50/s");
        assertTrue(bucket.tryTake(20 * MS).admitted());
        assertFalse(bucket.tryTake(20 * MS).admitted());
        // a long pause refills to the burst and no further
        int served = 0;
        long later = 3_600_000 * MS;
        while (bucket.tryTake(later).admitted()) {
            served++;
        }
        assertEquals(50, served);
    }

    @Test
    void retryAfterRoundsUpToWholeSeconds() {
        TokenBucket bucket = new TokenBucket(new RequestBudget(1, 1), 0);
        assertTrue(bucket.tryTake(0).admitted());
        assertEquals(1, bucket.tryTake(1).retryAfterSeconds());
    }

    @Test
    void budgetsMustMakeSense() {
        assertThrows(IllegalArgumentException.class, () -> new RequestBudget(0, 10));
        assertThrows(IllegalArgumentException.class, () -> new RequestBudget(100, 50));
        assertEquals(new RequestBudget(50, 200), RequestBudget.DEFAULT);
    }
}

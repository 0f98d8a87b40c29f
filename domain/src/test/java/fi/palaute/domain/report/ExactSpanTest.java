package fi.palaute.domain.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The exact row space disclosure control decides recoverability with. */
class ExactSpanTest {

    @Test
    void aRowIsInTheSpanExactlyWhenARationalCombinationMakesIt() {
        ExactSpan span = new ExactSpan(3);
        assertTrue(span.contains(new long[] {0, 0, 0}));
        assertFalse(span.contains(new long[] {1, 0, 0}));
        assertTrue(span.add(new long[] {1, 1, 0})); // a + b
        assertTrue(span.add(new long[] {0, 1, 1})); // b + c
        assertFalse(span.add(new long[] {1, 2, 1})); // their sum adds nothing
        assertEquals(2, span.rank());
        assertTrue(span.contains(new long[] {1, 0, -1})); // a − c
        assertTrue(span.contains(new long[] {3, 5, 2}));
        assertFalse(span.contains(new long[] {1, 0, 0}));
        assertFalse(span.contains(new long[] {0, 1, 0}));
        assertTrue(span.add(new long[] {1, 0, 1})); // a + c: a = ((a + b) − (b + c) + (a + c)) / 2
        assertTrue(span.contains(new long[] {1, 0, 0}));
        assertTrue(span.contains(new long[] {0, 1, 0}));
        assertEquals(3, span.rank());
    }

    @Test
    void aTwoByTwoTableWithAllMarginsLeavesEveryCellOpen() {
        // cells x11 x12 x21 x22; rows, columns and total published
        ExactSpan span = new ExactSpan(4);
        span.add(new long[] {1, 1, 0, 0});
        span.add(new long[] {0, 0, 1, 1});
        span.add(new long[] {1, 0, 1, 0});
        span.add(new long[] {0, 1, 0, 1});
        span.add(new long[] {1, 1, 1, 1});
        assertEquals(3, span.rank());
        for (int cell = 0; cell < 4; cell++) {
            long[] row = new long[4];
            row[cell] = 1;
            assertFalse(span.contains(row));
        }
        assertTrue(span.contains(new long[] {1, 0, 0, -1})); // x11 − x22 = first row − second column
        span.add(new long[] {1, 0, 0, 0}); // publish one cell and the rest follow
        assertTrue(span.contains(new long[] {0, 0, 0, 1}));
    }

    @Test
    void aRollbackForgetsEveryRowSinceItsMarkAndNothingBefore() {
        ExactSpan span = new ExactSpan(4);
        span.insertOnes(new int[] {0, 1}); // a + b
        int mark = span.mark();
        span.insertOnes(new int[] {1, 2}); // b + c
        span.insertOnes(new int[] {0, 2}); // a + c: now a, b and c are each in the span
        span.insertOnes(new int[] {3});
        assertTrue(span.containsOnesOnFirst(new int[] {0}, 4));
        span.rollback(mark);
        assertEquals(1, span.rank());
        assertTrue(span.containsOnesOnFirst(new int[] {0, 1}, 4));
        assertFalse(span.containsOnesOnFirst(new int[] {0}, 4));
        assertFalse(span.containsOnesOnFirst(new int[] {3}, 4));
        // the columns freed take new rows as before
        assertEquals(1, span.insertOnes(new int[] {1, 2}));
        assertEquals(3, span.insertOnes(new int[] {3}));
        assertThrows(IllegalArgumentException.class, () -> span.rollback(5));
        span.rollback(0);
        assertEquals(0, span.rank());
        assertFalse(span.containsOnesOnFirst(new int[] {0, 1}, 4));
    }

    @Test
    void whatOverflowsALongIsWorkedOutWithBigIntegers() {
        long p = 3_037_000_507L; // p² > Long.MAX_VALUE
        ExactSpan span = new ExactSpan(2);
        span.add(new long[] {p, 1});
        assertFalse(span.contains(new long[] {1, 0}));
        assertTrue(span.add(new long[] {p + 2, 1})); // eliminating needs p × (p + 2)
        assertEquals(2, span.rank());
        assertTrue(span.contains(new long[] {1, 0}));
        assertTrue(span.contains(new long[] {Long.MAX_VALUE, Long.MIN_VALUE}));

        ExactSpan dependent = new ExactSpan(3);
        dependent.add(new long[] {p, 1, 0});
        dependent.add(new long[] {p + 2, 0, 1});
        assertFalse(dependent.add(new long[] {2 * p + 2, 1, 1}));
        assertTrue(dependent.contains(new long[] {2, -1, 1}));
        assertFalse(dependent.contains(new long[] {0, 0, 1}));
    }

    @Test
    void aRowIsScaledWholeWhenAPivotDoesNotDivideIt() {
        ExactSpan span = new ExactSpan(3);
        span.add(new long[] {0, 2, 1});
        // 3 at the pivot 2 cannot be cleared in integers without scaling the whole row, its first column included
        assertFalse(span.contains(new long[] {5, 3, 0}));
        assertTrue(span.contains(new long[] {0, 6, 3}));
        assertTrue(span.add(new long[] {5, 3, 0}));
        assertTrue(span.contains(new long[] {10, 0, -3})); // 2 × (5, 3, 0) − 3 × (0, 2, 1)
        assertFalse(span.contains(new long[] {1, 0, 0}));
    }

    @Test
    void rowsMustHaveTheSpansWidth() {
        ExactSpan span = new ExactSpan(2);
        assertThrows(IllegalArgumentException.class, () -> span.add(new long[] {1, 2, 3}));
        assertThrows(IllegalArgumentException.class, () -> span.contains(new long[] {1}));
        assertThrows(IllegalArgumentException.class, () -> new ExactSpan(-1));
    }

    @Test
    void aProjectionAsksOnlyAboutTheFirstColumns() {
        ExactSpan span = new ExactSpan(3);
        span.add(new long[] {1, 0, 1}); // a + c
        assertTrue(span.containsOnFirst(new long[] {1, 0, 0}, 1)); // a, whatever c is: a + c
        assertFalse(span.containsOnFirst(new long[] {1, 0, 0}, 3));
        assertFalse(span.containsOnFirst(new long[] {0, 1, 0}, 2)); // b is in nothing
        assertTrue(span.containsOnFirst(new long[] {0, 0, 5}, 2));
        assertTrue(span.containsOnesOnFirst(new int[] {0}, 1));
        assertFalse(span.containsOnesOnFirst(new int[] {0}, 3));
    }

    @Test
    void aRowOfOnesIsReducedSparselyAsADenseRowIs() {
        Random random = new Random(17);
        for (int trial = 0; trial < 300; trial++) {
            int width = 1 + random.nextInt(12);
            ExactSpan dense = new ExactSpan(width);
            ExactSpan sparse = new ExactSpan(width);
            for (int r = random.nextInt(2 * width); r > 0; r--) {
                int[] ones = randomOnes(random, width);
                int pivot = sparse.insertOnes(ones);
                assertEquals(dense.insert(denseRow(ones, width)), pivot);
                if (pivot >= 0) {
                    assertEquals(pivot, sparse.supportAt(pivot)[0]);
                }
            }
            assertEquals(dense.rank(), sparse.rank());
            for (int t = 0; t < 10; t++) {
                int[] ones = randomOnes(random, width);
                int columns = random.nextInt(width + 1);
                assertEquals(dense.containsOnFirst(denseRow(ones, width), columns),
                        sparse.containsOnesOnFirst(ones, columns));
                assertEquals(dense.contains(denseRow(ones, width)), sparse.containsOnesOnFirst(ones, width));
            }
        }
    }

    @Test
    void theNewPivotIsTheFirstColumnNoBasisRowClears() {
        ExactSpan span = new ExactSpan(4); // columns a, b, c, d
        assertEquals(1, span.insertOnes(new int[] {1, 3})); // b + d
        assertEquals(2, span.insertOnes(new int[] {1, 2})); // b + c, less b + d: c − d, pivoted at c
        assertArrayEquals(new int[] {2, 3}, span.supportAt(2));
        assertEquals(3, span.insertOnes(new int[] {2, 3})); // c + d, less c − d: 2d
        assertEquals(-1, span.insertOnes(new int[] {1})); // b = ((b + d) + (b + c) − (c + d)) / 2
        assertEquals(0, span.insertOnes(new int[] {0}));
        assertArrayEquals(new int[] {1, 3}, span.supportAt(1));
    }

    private static int[] randomOnes(Random random, int width) {
        return IntStream.range(0, width).filter(col -> random.nextInt(3) == 0).toArray();
    }

    private static long[] denseRow(int[] ones, int width) {
        long[] row = new long[width];
        for (int col : ones) {
            row[col] = 1;
        }
        return row;
    }
}

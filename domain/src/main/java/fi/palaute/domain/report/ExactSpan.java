package fi.palaute.domain.report;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * The span of integer row vectors over the rationals, with exact arithmetic: what disclosure control needs to decide
 * whether a suppressed cell is a linear combination of published ones. The rows kept form an echelon basis: each
 * has its own pivot, its first non-zero column. A row is reduced column by column, from the left, by the basis row
 * pivoted there, scaled so that everything stays an integer; it is in the span exactly when nothing is left (a
 * non-zero combination of basis rows is non-zero at the leftmost pivot among them).
 * <p>
 * The work is done in {@code long}; should a product ever overflow, the basis moves to {@link BigInteger} and the
 * work goes on there. No floating point anywhere: a rounding error here would be a disclosure.
 */
final class ExactSpan {

    private final int width;
    private final int[] rowOfPivot; // column -> index of the basis row pivoted there, or -1
    private int[] pivots = new int[8]; // the pivot columns, ascending
    private int rank;
    private int[][] columns = new int[8][]; // basis row -> its non-zero columns, ascending (the pivot first)
    private long[][] values = new long[8][]; // basis row -> the values in those columns
    private BigInteger[][] bigRows; // once a long overflowed: basis row -> dense values

    ExactSpan(int width) {
        if (width < 0) {
            throw new IllegalArgumentException("width must not be negative");
        }
        this.width = width;
        rowOfPivot = new int[width];
        Arrays.fill(rowOfPivot, -1);
    }

    int rank() {
        return rank;
    }

    /** Adds a row to the spanning set; true if it was not already in the span. */
    boolean add(long[] row) {
        return insert(row) >= 0;
    }

    /**
     * Adds a row to the spanning set: the column of the basis row it became, its first non-zero column once reduced
     * by the rows before it, or -1 if it was already in the span. A row pivoted at column j or later is zero before
     * j, so the rows pivoted from column j on span exactly the vectors of the span that are zero before j.
     */
    int insert(long[] row) {
        checkWidth(row);
        if (bigRows == null) {
            try {
                long[] reduced = reduce(row);
                int pivot = firstNonZero(reduced);
                if (pivot >= 0) {
                    keep(pivot, reduced);
                }
                return pivot;
            } catch (ArithmeticException overflow) {
                switchToBig();
            }
        }
        BigInteger[] reduced = reduce(big(row));
        int pivot = firstNonZero(reduced);
        if (pivot < 0) {
            return -1;
        }
        if (rank == bigRows.length) {
            bigRows = Arrays.copyOf(bigRows, 2 * rank);
        }
        bigRows[rank] = reduced;
        rowOfPivot[pivot] = rank++;
        addPivot(pivot);
        return pivot;
    }

    /** A point to come back to with {@link #rollback}: how many basis rows are kept so far. */
    int mark() {
        return rank;
    }

    /**
     * Forgets the basis rows kept since the mark, newest first: the span is again what it was then. Basis rows are
     * never changed once kept, so nothing else needs undoing.
     */
    void rollback(int mark) {
        if (mark < 0 || mark > rank) {
            throw new IllegalArgumentException("no such mark: " + mark + " with " + rank + " rows");
        }
        while (rank > mark) {
            int i = rank - 1;
            int pivot = bigRows == null ? columns[i][0] : firstNonZero(bigRows[i]);
            rowOfPivot[pivot] = -1;
            int at = Arrays.binarySearch(pivots, 0, rank, pivot);
            System.arraycopy(pivots, at + 1, pivots, at, rank - 1 - at);
            if (bigRows == null) {
                columns[i] = null;
                values[i] = null;
            } else {
                bigRows[i] = null;
            }
            rank--;
        }
    }

    /** The non-zero columns of the basis row pivoted at the column, the pivot first. */
    int[] supportAt(int pivot) {
        int i = rowOfPivot[pivot];
        if (i < 0) {
            throw new IllegalArgumentException("no basis row is pivoted at " + pivot);
        }
        if (bigRows == null) {
            return columns[i].clone();
        }
        return IntStream.range(pivot, width).filter(j -> bigRows[i][j].signum() != 0).toArray();
    }

    /** Whether the row is a rational linear combination of the rows added so far (the zero row always is). */
    boolean contains(long[] row) {
        return containsOnFirst(row, width);
    }

    /**
     * Whether the row's first {@code columns} entries are those of some vector of the span, whatever the rest: a
     * projection of the span. Reducing clears pivots left to right, and a basis row touches nothing left of its
     * pivot, so the row qualifies exactly when its reduction is zero on those columns.
     */
    boolean containsOnFirst(long[] row, int columns) {
        checkWidth(row);
        if (bigRows == null) {
            try {
                long[] reduced = reduce(row);
                for (int j = 0; j < columns; j++) {
                    if (reduced[j] != 0) {
                        return false;
                    }
                }
                return true;
            } catch (ArithmeticException overflow) {
                switchToBig();
            }
        }
        int first = firstNonZero(reduce(big(row)));
        return first < 0 || first >= columns;
    }

    // ---------------------------------------------------------------------------------------------------------
    // Sparse rows of ones (the sum of some columns), as disclosure control has them: reduced in a scratch row that
    // only their non-zero columns are visited in, left to right, so that a test costs what it touches, not the
    // width. Reduction stops at the first non-zero column that has no basis row: nothing clears it later (a basis
    // row touches nothing left of its pivot), so it is the reduced row's first non-zero column.

    private long[] scratch; // all zero between uses
    private boolean[] queued;
    private long[] pending; // the columns touched and not yet reduced, as bits
    private int firstPendingWord; // no pending bit before this word
    private int[] touched = new int[16];
    private int touchedCount;

    /** {@link #insert} for the row that is 1 in each of the (distinct) columns and 0 elsewhere. */
    int insertOnes(int[] ones) {
        if (bigRows != null) {
            return insert(dense(ones));
        }
        try {
            int pivot = reduceOnes(ones);
            if (pivot >= 0) {
                keepScratch();
            }
            return pivot;
        } catch (ArithmeticException overflow) {
            switchToBig();
            return insert(dense(ones));
        } finally {
            clearScratch();
        }
    }

    /** {@link #containsOnFirst} for the row that is 1 in each of the (distinct) columns and 0 elsewhere. */
    boolean containsOnesOnFirst(int[] ones, int columns) {
        if (bigRows != null) {
            return containsOnFirst(dense(ones), columns);
        }
        try {
            int first = reduceOnes(ones);
            return first < 0 || first >= columns;
        } catch (ArithmeticException overflow) {
            switchToBig();
            return containsOnFirst(dense(ones), columns);
        } finally {
            clearScratch();
        }
    }

    /** Reduces the row into the scratch row until its first non-zero column without a basis row; that column. */
    private int reduceOnes(int[] ones) {
        if (scratch == null) {
            scratch = new long[width];
            queued = new boolean[width];
            pending = new long[(width + 63) >>> 6];
            firstPendingWord = pending.length;
        }
        for (int col : ones) {
            checkColumn(col);
            scratch[col] = 1;
            touch(col);
        }
        for (int j = nextPending(); j >= 0; j = nextPending()) {
            long a = scratch[j];
            if (a == 0) {
                continue;
            }
            int i = rowOfPivot[j];
            if (i < 0) {
                return j;
            }
            int[] rowColumns = columns[i];
            long[] rowValues = values[i];
            long b = rowValues[0];
            long scaleBasis = a / b;
            if (a % b != 0) {
                long g = gcd(Math.absExact(a), Math.absExact(b));
                long scaleRow = b / g;
                scaleBasis = a / g;
                for (int t = 0; t < touchedCount; t++) {
                    scratch[touched[t]] = Math.multiplyExact(scratch[touched[t]], scaleRow);
                }
            }
            for (int t = 0; t < rowColumns.length; t++) {
                int col = rowColumns[t];
                scratch[col] = Math.subtractExact(scratch[col], Math.multiplyExact(scaleBasis, rowValues[t]));
                touch(col);
            }
        }
        return -1;
    }

    /** Keeps the scratch row (zero left of its pivot, its first non-zero column) as a basis row. */
    private void keepScratch() {
        int[] nonZero = new int[touchedCount];
        int count = 0;
        long content = 0;
        for (int t = 0; t < touchedCount; t++) {
            long x = scratch[touched[t]];
            if (x != 0) {
                nonZero[count++] = touched[t];
                content = gcd(content, Math.absExact(x));
            }
        }
        int[] rowColumns = Arrays.copyOf(nonZero, count);
        Arrays.sort(rowColumns);
        long[] rowValues = new long[count];
        for (int t = 0; t < count; t++) {
            rowValues[t] = scratch[rowColumns[t]] / content;
        }
        if (rank == columns.length) {
            columns = Arrays.copyOf(columns, 2 * rank);
            values = Arrays.copyOf(values, 2 * rank);
        }
        columns[rank] = rowColumns;
        values[rank] = rowValues;
        rowOfPivot[rowColumns[0]] = rank++;
        addPivot(rowColumns[0]);
    }

    private void touch(int col) {
        if (!queued[col]) {
            queued[col] = true;
            if (touchedCount == touched.length) {
                touched = Arrays.copyOf(touched, 2 * touchedCount);
            }
            touched[touchedCount++] = col;
            pending[col >>> 6] |= 1L << col;
            firstPendingWord = Math.min(firstPendingWord, col >>> 6);
        }
    }

    private void clearScratch() {
        for (int t = 0; t < touchedCount; t++) {
            scratch[touched[t]] = 0;
            queued[touched[t]] = false;
        }
        touchedCount = 0;
        for (int t = 0; t < touchedCount; t++) {
            pending[touched[t] >>> 6] = 0;
        }
        firstPendingWord = pending.length;
    }

    /**
     * Takes the leftmost pending column, or -1 when none is left. Reduction only ever touches columns right of the one
     * it is clearing (a basis row is zero left of its pivot), so the search never has to look back.
     */
    private int nextPending() {
        while (firstPendingWord < pending.length) {
            long word = pending[firstPendingWord];
            if (word != 0) {
                int bit = Long.numberOfTrailingZeros(word);
                pending[firstPendingWord] = word & (word - 1);
                return (firstPendingWord << 6) + bit;
            }
            firstPendingWord++;
        }
        return -1;
    }

    private long[] dense(int[] ones) {
        long[] row = new long[width];
        for (int col : ones) {
            checkColumn(col);
            row[col] = 1;
        }
        return row;
    }

    private void checkColumn(int col) {
        if (col < 0 || col >= width) {
            throw new IllegalArgumentException("column " + col + " in a span of " + width);
        }
    }

    private void checkWidth(long[] row) {
        if (row.length != width) {
            throw new IllegalArgumentException("a row of " + row.length + " columns in a span of " + width);
        }
    }

    private void keep(int pivot, long[] reduced) {
        divideByContent(reduced);
        int nonZero = 0;
        for (int j = pivot; j < width; j++) {
            nonZero += reduced[j] == 0 ? 0 : 1;
        }
        int[] rowColumns = new int[nonZero];
        long[] rowValues = new long[nonZero];
        for (int j = pivot, t = 0; j < width; j++) {
            if (reduced[j] != 0) {
                rowColumns[t] = j;
                rowValues[t++] = reduced[j];
            }
        }
        if (rank == columns.length) {
            columns = Arrays.copyOf(columns, 2 * rank);
            values = Arrays.copyOf(values, 2 * rank);
        }
        columns[rank] = rowColumns;
        values[rank] = rowValues;
        rowOfPivot[pivot] = rank++;
        addPivot(pivot);
    }

    private void addPivot(int pivot) {
        if (rank > pivots.length) {
            pivots = Arrays.copyOf(pivots, 2 * pivots.length);
        }
        int at = Arrays.binarySearch(pivots, 0, rank - 1, pivot);
        int insert = -at - 1;
        System.arraycopy(pivots, insert, pivots, insert + 1, rank - 1 - insert);
        pivots[insert] = pivot;
    }

    /**
     * Clears every pivot column of the row, left to right. Where the pivot divides the entry, as it nearly always does
     * for the 0/1 rows of count tables, only the basis row's own non-zero columns are touched.
     */
    private long[] reduce(long[] row) {
        long[] r = row.clone();
        for (int p = 0; p < rank; p++) { // only pivot columns get cleared, left to right
            int j = pivots[p];
            long a = r[j];
            if (a == 0) {
                continue;
            }
            int i = rowOfPivot[j];
            int[] rowColumns = columns[i];
            long[] rowValues = values[i];
            long b = rowValues[0];
            if (a % b == 0) {
                long factor = a / b;
                for (int t = 0; t < rowColumns.length; t++) {
                    r[rowColumns[t]] = Math.subtractExact(r[rowColumns[t]], Math.multiplyExact(factor, rowValues[t]));
                }
            } else {
                long g = gcd(Math.absExact(a), Math.absExact(b));
                long scaleRow = b / g;
                long scaleBasis = a / g;
                for (int c = 0; c < width; c++) { // the whole row, columns left of j included
                    if (r[c] != 0) {
                        r[c] = Math.multiplyExact(r[c], scaleRow);
                    }
                }
                for (int t = 0; t < rowColumns.length; t++) {
                    r[rowColumns[t]] = Math.subtractExact(r[rowColumns[t]],
                            Math.multiplyExact(scaleBasis, rowValues[t]));
                }
                divideByContent(r);
            }
        }
        return r;
    }

    private BigInteger[] reduce(BigInteger[] row) {
        BigInteger[] r = row.clone();
        for (int p = 0; p < rank; p++) {
            int j = pivots[p];
            BigInteger a = r[j];
            if (a.signum() == 0) {
                continue;
            }
            int i = rowOfPivot[j];
            BigInteger[] basis = bigRows[i];
            BigInteger g = a.gcd(basis[j]);
            BigInteger scaleRow = basis[j].divide(g);
            BigInteger scaleBasis = a.divide(g);
            for (int c = 0; c < width; c++) {
                r[c] = r[c].multiply(scaleRow).subtract(basis[c].multiply(scaleBasis));
            }
            divideByContent(r);
        }
        return r;
    }

    private void switchToBig() {
        bigRows = new BigInteger[Math.max(8, columns.length)][];
        for (int i = 0; i < rank; i++) {
            BigInteger[] dense = new BigInteger[width];
            Arrays.fill(dense, BigInteger.ZERO);
            for (int t = 0; t < columns[i].length; t++) {
                dense[columns[i][t]] = BigInteger.valueOf(values[i][t]);
            }
            bigRows[i] = dense;
        }
        columns = null;
        values = null;
    }

    private static BigInteger[] big(long[] row) {
        BigInteger[] result = new BigInteger[row.length];
        for (int j = 0; j < row.length; j++) {
            result[j] = BigInteger.valueOf(row[j]);
        }
        return result;
    }

    private static void divideByContent(long[] row) {
        long g = 0;
        for (long x : row) {
            if (x != 0) {
                g = gcd(g, Math.absExact(x));
                if (g == 1) {
                    return;
                }
            }
        }
        if (g > 1) {
            for (int j = 0; j < row.length; j++) {
                row[j] /= g;
            }
        }
    }

    private static void divideByContent(BigInteger[] row) {
        BigInteger g = BigInteger.ZERO;
        for (BigInteger x : row) {
            g = g.gcd(x);
            if (g.equals(BigInteger.ONE)) {
                return;
            }
        }
        if (g.compareTo(BigInteger.ONE) > 0) {
            for (int j = 0; j < row.length; j++) {
                row[j] = row[j].divide(g);
            }
        }
    }

    private static int firstNonZero(long[] row) {
        for (int j = 0; j < row.length; j++) {
            if (row[j] != 0) {
                return j;
            }
        }
        return -1;
    }

    private static int firstNonZero(BigInteger[] row) {
        for (int j = 0; j < row.length; j++) {
            if (row[j].signum() != 0) {
                return j;
            }
        }
        return -1;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}

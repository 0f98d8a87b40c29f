package fi.palaute.domain.report;

import java.math.BigInteger;
import java.util.Arrays;

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
        checkWidth(row);
        if (bigRows == null) {
            try {
                long[] reduced = reduce(row);
                int pivot = firstNonZero(reduced);
                if (pivot < 0) {
                    return false;
                }
                keep(pivot, reduced);
                return true;
            } catch (ArithmeticException overflow) {
                switchToBig();
            }
        }
        BigInteger[] reduced = reduce(big(row));
        int pivot = firstNonZero(reduced);
        if (pivot < 0) {
            return false;
        }
        if (rank == bigRows.length) {
            bigRows = Arrays.copyOf(bigRows, 2 * rank);
        }
        bigRows[rank] = reduced;
        rowOfPivot[pivot] = rank++;
        return true;
    }

    /** Whether the row is a rational linear combination of the rows added so far (the zero row always is). */
    boolean contains(long[] row) {
        checkWidth(row);
        if (bigRows == null) {
            try {
                return firstNonZero(reduce(row)) < 0;
            } catch (ArithmeticException overflow) {
                switchToBig();
            }
        }
        return firstNonZero(reduce(big(row))) < 0;
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
    }

    /**
     * Clears every pivot column of the row, left to right. Where the pivot divides the entry, as it nearly always does
     * for the 0/1 rows of count tables, only the basis row's own non-zero columns are touched.
     */
    private long[] reduce(long[] row) {
        long[] r = row.clone();
        for (int j = 0; j < width; j++) {
            long a = r[j];
            int i = a == 0 ? -1 : rowOfPivot[j];
            if (i < 0) {
                continue;
            }
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
        for (int j = 0; j < width; j++) {
            BigInteger a = r[j];
            int i = a.signum() == 0 ? -1 : rowOfPivot[j];
            if (i < 0) {
                continue;
            }
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

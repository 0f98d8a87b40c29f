package fi.palaute.adapters.persistence;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Splits the ids (or rows) of one call into statements of at most {@value #SIZE}: few enough bind parameters for
 * either database (SQLite allows 32,766 per statement, PostgreSQL 65,535) even at the invitation's 15 columns a row,
 * many enough that a batch of events is one statement.
 */
final class Chunks {

    static final int SIZE = 1_000;

    private Chunks() {
    }

    static <T> List<List<T>> of(Collection<T> items) {
        return of(items, SIZE);
    }

    static <T> List<List<T>> of(Collection<T> items, int size) {
        List<T> all = List.copyOf(items);
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < all.size(); from += size) {
            chunks.add(all.subList(from, Math.min(all.size(), from + size)));
        }
        return chunks;
    }

    /** Single rows of up to this many columns, written once: an answer writes several single-row statements. */
    private static final String[] SINGLE_ROWS = IntStream.rangeClosed(0, 16)
            .mapToObj(columns -> columns == 0 ? "" : build(1, columns)).toArray(String[]::new);

    /** {@code (?, ?, ?), (?, ?, ?)}: the VALUES of a multi-row INSERT of {@code rows} rows of {@code columns}. */
    static String rowsOfParameters(int rows, int columns) {
        return rows == 1 && columns > 0 && columns < SINGLE_ROWS.length ? SINGLE_ROWS[columns] : build(rows, columns);
    }

    private static String build(int rows, int columns) {
        String row = "(" + String.join(", ", Collections.nCopies(columns, "?")) + ")";
        return String.join(", ", Collections.nCopies(rows, row));
    }
}

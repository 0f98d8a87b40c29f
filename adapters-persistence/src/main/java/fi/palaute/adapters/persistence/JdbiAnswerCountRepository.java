package fi.palaute.adapters.persistence;

import fi.palaute.application.port.out.AnswerCountRepository;
import fi.palaute.domain.report.AnswerBuckets;
import fi.palaute.domain.report.CountCell;
import fi.palaute.domain.report.Dimension;
import fi.palaute.domain.report.Period;
import fi.palaute.domain.report.PeriodKind;
import fi.palaute.domain.response.NpsCounts;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads {@code answer_part_count} (see {@code V6} and {@link AnswerCounters}): one SELECT over a range of week keys,
 * a range of the primary key (week_key, month_key, ...), summing the shards and every dimension not asked for. What
 * it reads is the counter rows of the range, at most one per week part, survey, channel, controller, language and
 * shard that has answers, however many answers they count.
 */
public final class JdbiAnswerCountRepository implements AnswerCountRepository {

    /** The column of each dimension: the only text that goes into the statement besides its own. */
    private static final Map<Dimension, String> COLUMNS = columns();

    /** The dimensions in the order of their columns in answer_part_count's primary key. */
    private static final List<Dimension> KEY_ORDER = List.of(Dimension.SURVEY, Dimension.CHANNEL,
            Dimension.CONTROLLER, Dimension.LANGUAGE);

    private final Jdbi jdbi;

    JdbiAnswerCountRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    private static Map<Dimension, String> columns() {
        Map<Dimension, String> columns = new EnumMap<>(Dimension.class);
        columns.put(Dimension.CHANNEL, "channel");
        columns.put(Dimension.SURVEY, "survey_id");
        columns.put(Dimension.CONTROLLER, "controller");
        columns.put(Dimension.LANGUAGE, "language");
        if (columns.size() != Dimension.values().length) {
            throw new IllegalStateException("a dimension without a column");
        }
        return Map.copyOf(columns);
    }

    /**
     * {@code fromWeek} and {@code toWeek} ISO weeks ({@code 2026-W48}); {@code by} without repeats. Cells come in
     * order of week, then month (a week's November part before its December part), then of {@code by}'s values in
     * the order survey, channel, controller, language.
     * A range whose first week comes after its last holds no parts.
     */
    @Override
    public List<CountCell> counts(Period fromWeek, Period toWeek, List<Dimension> by) {
        requireWeek(fromWeek, "fromWeek");
        requireWeek(toWeek, "toWeek");
        List<Dimension> dimensions = List.copyOf(by);
        if (new HashSet<>(dimensions).size() != dimensions.size()) {
            throw new IllegalArgumentException("a dimension can be asked for once, was " + dimensions);
        }
        // A year by every dimension is a few thousand rows over some 65 parts and a few dozen values: each part is
        // made (and its keys parsed) once and each value's text kept once, so that what reads and compares the
        // cells later hashes each text once.
        Map<String, AnswerBuckets> parts = new HashMap<>();
        Map<String, String> texts = new HashMap<>();
        return jdbi.withHandle(handle -> handle.createQuery(countsSql(dimensions))
                .bind("from", fromWeek.key())
                .bind("to", toWeek.key())
                .map((rs, ctx) -> {
                    Map<Dimension, String> values = new EnumMap<>(Dimension.class);
                    for (Dimension dimension : dimensions) {
                        String value = rs.getString(COLUMNS.get(dimension));
                        values.put(dimension, texts.computeIfAbsent(value, text -> text));
                    }
                    String week = rs.getString("week_key");
                    String month = rs.getString("month_key");
                    AnswerBuckets part = parts.computeIfAbsent(week + month, x -> new AnswerBuckets(
                            new Period(PeriodKind.ISO_WEEK, week), new Period(PeriodKind.MONTH, month)));
                    return new CountCell(part, values,
                            new NpsCounts(rs.getLong("promoters"), rs.getLong("passives"), rs.getLong("detractors")));
                })
                .list());
    }

    private static void requireWeek(Period week, String name) {
        Objects.requireNonNull(week, name);
        if (week.kind() != PeriodKind.ISO_WEEK) {
            throw new IllegalArgumentException(name + " must be an ISO week, was the " + week.kind() + " " + week);
        }
    }

    /**
     * The statement for {@code by} (its columns from {@link #COLUMNS}, never from the caller's text), with the
     * parameters {@code :from} and {@code :to}, week keys; package-private so that the tests can EXPLAIN it. The
     * columns are grouped in the primary key's order, whatever {@code by}'s: grouped by all of them (as every report
     * is), the rows come in key order and are summed as they are read, with no sorting.
     */
    static String countsSql(List<Dimension> by) {
        String columns = KEY_ORDER.stream().filter(by::contains)
                .map(dimension -> ", " + COLUMNS.get(dimension))
                .collect(Collectors.joining());
        return "SELECT week_key, month_key" + columns + ","
                + " SUM(promoters) AS promoters, SUM(passives) AS passives, SUM(detractors) AS detractors"
                + " FROM answer_part_count"
                + " WHERE week_key BETWEEN :from AND :to"
                + " GROUP BY week_key, month_key" + columns
                + " ORDER BY week_key, month_key" + columns;
    }
}

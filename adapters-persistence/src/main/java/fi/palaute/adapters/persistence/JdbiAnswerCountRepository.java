package fi.palaute.adapters.persistence;

import fi.palaute.application.port.out.AnswerCountRepository;
import fi.palaute.domain.report.CountCell;
import fi.palaute.domain.report.CountGrain;
import fi.palaute.domain.report.Dimension;
import fi.palaute.domain.report.Period;
import fi.palaute.domain.report.PeriodKind;
import fi.palaute.domain.response.NpsCounts;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;

/**
 * Reads {@code answer_count} (see {@code V5} and {@link AnswerCounters}): one SELECT over one grain's range of period
 * keys, a range of the primary key (grain, period_key, ...), summing the shards and every dimension not asked for.
 * What it reads is the counter rows of the range, at most one per period, survey, channel, controller, language and
 * shard that has answers, however many answers they count.
 */
public final class JdbiAnswerCountRepository implements AnswerCountRepository {

    /** The column of each dimension: the only text that goes into the statement besides its own. */
    private static final Map<Dimension, String> COLUMNS = columns();

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
     * Keys of the grain's kind only ({@code 2026-W48}, {@code 2026-11}); {@code by} without repeats. Cells come in
     * order of period, then of {@code by}'s values.
     */
    @Override
    public List<CountCell> counts(CountGrain grain, String fromKey, String toKey, List<Dimension> by) {
        Objects.requireNonNull(grain, "grain");
        PeriodKind kind = kindOf(grain);
        Period from = Period.parse(kind, fromKey);
        Period to = Period.parse(kind, toKey);
        List<Dimension> dimensions = List.copyOf(by);
        if (new HashSet<>(dimensions).size() != dimensions.size()) {
            throw new IllegalArgumentException("a dimension can be asked for once, was " + dimensions);
        }
        return jdbi.withHandle(handle -> handle.createQuery(countsSql(dimensions))
                .bind("grain", grain.name())
                .bind("from", from.key())
                .bind("to", to.key())
                .map((rs, ctx) -> {
                    Map<Dimension, String> values = new EnumMap<>(Dimension.class);
                    for (Dimension dimension : dimensions) {
                        values.put(dimension, rs.getString(COLUMNS.get(dimension)));
                    }
                    return new CountCell(new Period(kind, rs.getString("period_key")), values,
                            new NpsCounts(rs.getLong("promoters"), rs.getLong("passives"), rs.getLong("detractors")));
                })
                .list());
    }

    /** The period kind whose keys a grain's counters carry. */
    static PeriodKind kindOf(CountGrain grain) {
        return switch (grain) {
            case WEEK -> PeriodKind.ISO_WEEK;
            case MONTH -> PeriodKind.MONTH;
        };
    }

    /**
     * The statement for {@code by} (its columns from {@link #COLUMNS}, never from the caller's text), with the
     * parameters {@code :grain}, {@code :from} and {@code :to}; package-private so that the tests can EXPLAIN it.
     */
    static String countsSql(List<Dimension> by) {
        String columns = by.stream().map(dimension -> ", " + COLUMNS.get(Objects.requireNonNull(dimension)))
                .collect(Collectors.joining());
        return "SELECT period_key" + columns + ","
                + " SUM(promoters) AS promoters, SUM(passives) AS passives, SUM(detractors) AS detractors"
                + " FROM answer_count"
                + " WHERE grain = :grain AND period_key BETWEEN :from AND :to"
                + " GROUP BY period_key" + columns
                + " ORDER BY period_key" + columns;
    }
}

package fi.palaute.adapters.persistence;

import fi.palaute.application.port.out.FunnelRepository;
import fi.palaute.domain.invitation.FunnelCount;
import fi.palaute.domain.invitation.FunnelStep;
import fi.palaute.domain.survey.SurveyId;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.Update;

/** The funnel's counters, a row per survey, Finnish day ('YYYY-MM-DD') and step. */
public final class JdbiFunnelRepository implements FunnelRepository {

    private static final RowMapper<FunnelRow> ROW = ConstructorMapper.of(FunnelRow.class);
    private static final Comparator<Key> BY_KEY = Comparator.comparing((Key key) -> key.surveyId().value())
            .thenComparing(Key::day)
            .thenComparing(Key::step);
    private static final Comparator<FunnelCount> BY_DAY_AND_STEP = Comparator.comparing(FunnelCount::day)
            .thenComparing(FunnelCount::step);

    private final Jdbi jdbi;

    JdbiFunnelRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /**
     * Counts for one key are summed first (one upsert cannot touch a row twice) and the keys sorted, then one
     * multi-row upsert per {@link Chunks chunk} adds them: {@code ON CONFLICT ... DO UPDATE SET count =
     * funnel_count.count + excluded.count}. The addition reads the row it locks, so concurrent adds on any nodes
     * sum exactly; on PostgreSQL the rows are locked in the sorted order, the same in every transaction, so two
     * intake batches touching the same counters wait for each other but never deadlock.
     */
    @Override
    public void add(List<FunnelCount> counts) {
        Map<Key, Long> merged = new TreeMap<>(BY_KEY);
        for (FunnelCount count : counts) {
            merged.merge(new Key(count.surveyId(), count.day(), count.step()), count.count(), Long::sum);
        }
        if (merged.isEmpty()) {
            return;
        }
        jdbi.useHandle(handle -> {
            for (List<Map.Entry<Key, Long>> chunk : Chunks.of(merged.entrySet())) {
                Update upsert = handle.createUpdate("INSERT INTO funnel_count (survey_id, day, step, count) VALUES "
                        + Chunks.rowsOfParameters(chunk.size(), 4)
                        + " ON CONFLICT (survey_id, day, step)"
                        + " DO UPDATE SET count = funnel_count.count + excluded.count");
                int position = 0;
                for (Map.Entry<Key, Long> entry : chunk) {
                    Key key = entry.getKey();
                    upsert.bind(position++, key.surveyId().value())
                            .bind(position++, key.day().toString())
                            .bind(position++, key.step().name())
                            .bind(position++, entry.getValue().longValue());
                }
                upsert.execute();
            }
        });
    }

    /** By day, then by step in the order of {@link FunnelStep} (which the stored names do not sort in). */
    @Override
    public List<FunnelCount> find(SurveyId surveyId, LocalDate from, LocalDate to) {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        SELECT survey_id, day, step, count FROM funnel_count
                        WHERE survey_id = :surveyId AND day >= :from AND day <= :to""")
                .bind("surveyId", surveyId.value())
                .bind("from", from.toString())
                .bind("to", to.toString())
                .map(ROW)
                .map(FunnelRow::toDomain)
                .list())
                .stream()
                .sorted(BY_DAY_AND_STEP)
                .toList();
    }

    private record Key(SurveyId surveyId, LocalDate day, FunnelStep step) {
    }

    /** A row of {@code funnel_count}. */
    public record FunnelRow(String surveyId, String day, String step, long count) {

        FunnelCount toDomain() {
            return new FunnelCount(new SurveyId(surveyId), LocalDate.parse(day), FunnelStep.valueOf(step), count);
        }
    }
}

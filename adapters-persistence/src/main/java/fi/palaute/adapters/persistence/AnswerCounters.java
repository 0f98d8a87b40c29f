package fi.palaute.adapters.persistence;

import fi.palaute.domain.report.AnswerBuckets;
import fi.palaute.domain.report.CountGrain;
import fi.palaute.domain.response.AnswerContext;
import fi.palaute.domain.response.NpsCategory;
import fi.palaute.domain.survey.Channel;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.Update;

/**
 * The writes to {@code answer_count} (see {@code V5}): answers tallied in memory per counter row, then added with one
 * multi-row upsert per {@link Chunks chunk}, in the caller's transaction. Used by {@link JdbiAnswerRepository} for a
 * stored answer, a bulk of them, and a release of held anonymous ones.
 *
 * <p>Each counter row gets a shard chosen at random (of the vendor's {@code counterShards}: eight on PostgreSQL,
 * one on SQLite), and the rows are written in one fixed order (by key, then shard): a statement locks the rows it
 * adds to in the order of its VALUES, so every transaction takes its counter locks in the same order and two of them
 * wait for each other but never deadlock over counters.
 */
final class AnswerCounters {

    /** The channel value of a study's answers, which have none. */
    static final String NO_CHANNEL = "NONE";

    private static final Comparator<Key> BY_KEY = Comparator.comparing(Key::grain)
            .thenComparing(Key::periodKey)
            .thenComparing(Key::surveyId)
            .thenComparing(Key::channel)
            .thenComparing(Key::controller)
            .thenComparing(Key::language);
    private static final Comparator<Row> ORDER = Comparator.comparing(Row::key, BY_KEY).thenComparingInt(Row::shard);

    private final int shards;

    /** {@code shards}: how many rows one combination may be spread over, 1 to 8 (the table's CHECK). */
    AnswerCounters(int shards) {
        if (shards < 1 || shards > 8) {
            throw new IllegalArgumentException("1 to 8 shards, was " + shards);
        }
        this.shards = shards;
    }

    /** One counter row's key, without its shard. */
    record Key(CountGrain grain, String periodKey, String surveyId, String channel, String controller,
            String language) {
    }

    /** A counter row to add: its key, its shard and the counts to add. */
    record Row(Key key, int shard, long promoters, long passives, long detractors) {
    }

    /** Counts being added up in memory, by counter row. */
    static final class Tally {

        private final Map<Key, long[]> byKey = new TreeMap<>(BY_KEY);

        /** Adds {@code answers} answers of the category to the week's and the month's counters of the context. */
        void add(AnswerBuckets buckets, AnswerContext context, NpsCategory category, long answers) {
            add(buckets, context.surveyId().value(), context.channel().map(Channel::name).orElse(NO_CHANNEL),
                    context.controller().value(), context.language().code(), category, answers);
        }

        /** As above, with the context as its stored columns ({@code channel} NULL for a study). */
        void add(AnswerBuckets buckets, String surveyId, String channel, String controller, String language,
                NpsCategory category, long answers) {
            String channelValue = channel == null ? NO_CHANNEL : channel;
            add(new Key(CountGrain.WEEK, buckets.week().key(), surveyId, channelValue, controller, language),
                    category, answers);
            add(new Key(CountGrain.MONTH, buckets.month().key(), surveyId, channelValue, controller, language),
                    category, answers);
        }

        private void add(Key key, NpsCategory category, long answers) {
            long[] counts = byKey.computeIfAbsent(key, k -> new long[3]);
            counts[category.ordinal()] = Math.addExact(counts[category.ordinal()], answers);
        }

        boolean isEmpty() {
            return byKey.isEmpty();
        }

        /** The total of every week counter: how many answers were added. */
        long answers() {
            return byKey.entrySet().stream()
                    .filter(entry -> entry.getKey().grain() == CountGrain.WEEK)
                    .mapToLong(entry -> entry.getValue()[0] + entry.getValue()[1] + entry.getValue()[2])
                    .sum();
        }
    }

    static {
        // Tally indexes its counts by the category's ordinal.
        if (NpsCategory.PROMOTER.ordinal() != 0 || NpsCategory.PASSIVE.ordinal() != 1
                || NpsCategory.DETRACTOR.ordinal() != 2) {
            throw new IllegalStateException("NpsCategory's order changed");
        }
    }

    /**
     * Adds the tally to the counters in the handle's transaction: each counter row once, with a random shard, in
     * {@link #ORDER}, one upsert per chunk.
     */
    void add(Handle handle, Tally tally) {
        Objects.requireNonNull(handle, "handle");
        if (tally.isEmpty()) {
            return;
        }
        List<Row> rows = new ArrayList<>(tally.byKey.size());
        tally.byKey.forEach((key, counts) -> rows.add(
                new Row(key, ThreadLocalRandom.current().nextInt(shards), counts[0], counts[1], counts[2])));
        rows.sort(ORDER);
        for (List<Row> chunk : Chunks.of(rows)) {
            Update upsert = handle.createUpdate("INSERT INTO answer_count (grain, period_key, survey_id, channel,"
                    + " controller, language, shard, promoters, passives, detractors) VALUES "
                    + Chunks.rowsOfParameters(chunk.size(), 10)
                    + " ON CONFLICT (grain, period_key, survey_id, channel, controller, language, shard)"
                    + " DO UPDATE SET promoters = answer_count.promoters + excluded.promoters,"
                    + " passives = answer_count.passives + excluded.passives,"
                    + " detractors = answer_count.detractors + excluded.detractors");
            int position = 0;
            for (Row row : chunk) {
                Key key = row.key();
                upsert.bind(position++, key.grain().name())
                        .bind(position++, key.periodKey())
                        .bind(position++, key.surveyId())
                        .bind(position++, key.channel())
                        .bind(position++, key.controller())
                        .bind(position++, key.language())
                        .bind(position++, (short) row.shard())
                        .bind(position++, row.promoters())
                        .bind(position++, row.passives())
                        .bind(position++, row.detractors());
            }
            upsert.execute();
        }
    }
}

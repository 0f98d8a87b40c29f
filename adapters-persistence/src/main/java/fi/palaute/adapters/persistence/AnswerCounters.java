package fi.palaute.adapters.persistence;

import fi.palaute.domain.report.AnswerBuckets;
import fi.palaute.domain.response.AnswerContext;
import fi.palaute.domain.response.NpsCategory;
import fi.palaute.domain.survey.Channel;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import org.jdbi.v3.core.Handle;

/**
 * The writes to {@code answer_part_count} (see {@code V6}): answers tallied in memory per counter row, one row per
 * week part ({@link AnswerBuckets}: the answer's week and month) and context, then added with one multi-row upsert
 * per {@link Chunks chunk}, in the caller's transaction. Used by {@link JdbiAnswerRepository} for a stored answer, a
 * bulk of them, and a release of held anonymous ones, and by {@link AnswerPartCountsFromAnswers} (V7) for the answers
 * stored before the counters were kept by part.
 *
 * <p>Each counter row gets a shard chosen at random (of the vendor's {@code counterShards}: eight on PostgreSQL,
 * one on SQLite), and the rows are written in one fixed order (by key, then shard): a statement locks the rows it
 * adds to in the order of its VALUES, so every transaction takes its counter locks in the same order and two of them
 * wait for each other but never deadlock over counters.
 */
final class AnswerCounters {

    /** The channel value of a study's answers, which have none. */
    static final String NO_CHANNEL = "NONE";

    private static final Comparator<Key> BY_KEY = Comparator.comparing(Key::weekKey)
            .thenComparing(Key::monthKey)
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

    /** One counter row's key, without its shard: the week part ('2026-W49', '2026-11') and the context. */
    record Key(String weekKey, String monthKey, String surveyId, String channel, String controller,
            String language) {
    }

    /** A counter row to add: its key, its shard and the counts to add. */
    record Row(Key key, int shard, long promoters, long passives, long detractors) {
    }

    /** Counts being added up in memory, by counter row. */
    static final class Tally {

        private final Map<Key, long[]> byKey = new TreeMap<>(BY_KEY);

        /** Adds {@code answers} answers of the category to the counter of the week part and the context. */
        void add(AnswerBuckets buckets, AnswerContext context, NpsCategory category, long answers) {
            add(buckets, context.surveyId().value(), context.channel().map(Channel::name).orElse(NO_CHANNEL),
                    context.controller().value(), context.language().code(), category, answers);
        }

        /** As above, with the context as its stored columns ({@code channel} NULL for a study). */
        void add(AnswerBuckets buckets, String surveyId, String channel, String controller, String language,
                NpsCategory category, long answers) {
            Key key = new Key(buckets.week().key(), buckets.month().key(), surveyId,
                    channel == null ? NO_CHANNEL : channel, controller, language);
            long[] counts = byKey.computeIfAbsent(key, k -> new long[3]);
            counts[category.ordinal()] = Math.addExact(counts[category.ordinal()], answers);
        }

        boolean isEmpty() {
            return byKey.isEmpty();
        }

        /** The total of every counter: how many answers were added (each counts in exactly one part). */
        long answers() {
            return byKey.values().stream()
                    .mapToLong(counts -> counts[0] + counts[1] + counts[2])
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
     * {@link #ORDER}, one upsert per chunk, through {@link PlainJdbc} (every answer stored runs one).
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
        PlainJdbc.on(handle, "add to the answer counters", connection -> {
            for (List<Row> chunk : Chunks.of(rows)) {
                try (PreparedStatement upsert = connection.prepareStatement(upsert(chunk.size()))) {
                    int position = 1;
                    for (Row row : chunk) {
                        Key key = row.key();
                        upsert.setString(position++, key.weekKey());
                        upsert.setString(position++, key.monthKey());
                        upsert.setString(position++, key.surveyId());
                        upsert.setString(position++, key.channel());
                        upsert.setString(position++, key.controller());
                        upsert.setString(position++, key.language());
                        upsert.setShort(position++, (short) row.shard());
                        upsert.setLong(position++, row.promoters());
                        upsert.setLong(position++, row.passives());
                        upsert.setLong(position++, row.detractors());
                    }
                    upsert.executeUpdate();
                }
            }
            return null;
        });
    }

    private static String upsert(int rows) {
        return "INSERT INTO answer_part_count (week_key, month_key, survey_id, channel, controller, language, shard,"
                + " promoters, passives, detractors) VALUES " + Chunks.rowsOfParameters(rows, 10)
                + " ON CONFLICT (week_key, month_key, survey_id, channel, controller, language, shard)"
                + " DO UPDATE SET promoters = answer_part_count.promoters + excluded.promoters,"
                + " passives = answer_part_count.passives + excluded.passives,"
                + " detractors = answer_part_count.detractors + excluded.detractors";
    }
}

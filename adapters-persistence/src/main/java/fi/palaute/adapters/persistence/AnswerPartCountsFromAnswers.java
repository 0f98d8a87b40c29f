package fi.palaute.adapters.persistence;

import fi.palaute.domain.report.AnswerBuckets;
import fi.palaute.domain.response.NpsScore;
import fi.palaute.domain.shared.IsoWeek;
import java.sql.Connection;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.jdbi.v3.core.ConnectionFactory;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Handles;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementExceptions;

/**
 * Migration V7, the same on both databases: fills {@code answer_part_count} (made empty by V6) from the answers
 * already stored, exactly as the service counts them from V7 on, then drops V5's {@code answer_count}. So a database
 * migrated from V5 reports the same totals per week and per month as before, now by week part.
 *
 * <p>What counts is what counted under V5: every identified answer (linked or de-identified), in the week part of its
 * Finnish day ({@link AnswerBuckets#ofIdentified}), and every released anonymous answer, in its ISO week and the
 * month of that week's Thursday ({@link AnswerBuckets#ofAnonymous}). Held anonymous answers
 * ({@code anonymous_answer_held}) do not count until a release moves them, which then counts them as it always has.
 * Finnish days need the time zone rules of {@code java.time} (SQLite has none), so the identified answers are read
 * one by one, streamed in pages of {@value #FETCH_SIZE} rows, and tallied in memory by counter row; the anonymous
 * ones come already grouped by week and context, since their week alone decides their part. The tally is then written
 * with {@link AnswerCounters}, the service's own writer, with one shard: every row in shard 0.
 *
 * <p>All of it runs in the migration's one transaction (Flyway's), so a failure leaves V6's empty table and
 * {@code answer_count} as they were, and the migration runs again at the next start. Nodes of the service normally
 * migrate before they serve (and Flyway's lock lets one node migrate at a time), but a node still running the
 * version before V7 may store answers meanwhile. On PostgreSQL {@code answersLock}
 * ({@code LOCK TABLE identified_answer, anonymous_answer IN SHARE MODE}, held to the commit) therefore comes first:
 * it waits for the transactions that are writing answers (which, having written an answer, only go on to its
 * counter in {@code answer_count}, and so finish), and makes every later one wait until V7 has committed, so no
 * answer can be stored between the reads that fill the counters and the commit; taken before anything else, it
 * cannot deadlock with those writers. Once V7 has committed such a node fails on the dropped {@code answer_count}
 * and stores nothing: stop the old version's nodes before (or while) starting this one. SQLite needs nothing:
 * BEGIN IMMEDIATE already holds the only write lock.
 */
final class AnswerPartCountsFromAnswers implements JavaMigration {

    /** Rows fetched per round trip while reading the identified answers (a cursor on PostgreSQL). */
    static final int FETCH_SIZE = 10_000;

    private static final MigrationVersion VERSION = MigrationVersion.fromVersion("7");

    private final Optional<String> answersLock;

    /** {@code answersLock}: the vendor's statement that keeps answers from being stored until V7 commits. */
    AnswerPartCountsFromAnswers(Optional<String> answersLock) {
        this.answersLock = Objects.requireNonNull(answersLock, "answersLock");
    }

    @Override
    public MigrationVersion getVersion() {
        return VERSION;
    }

    @Override
    public String getDescription() {
        return "answer part counts from answers";
    }

    /** None, as for any Java migration: Flyway has no text of it to sum, and nothing to compare it with later. */
    @Override
    public Integer getChecksum() {
        return null;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) {
        try (Handle handle = onTheMigrationsConnection(context.getConnection()).open()) {
            answersLock.ifPresent(handle::execute);
            AnswerCounters.Tally tally = new AnswerCounters.Tally();
            countIdentifiedAnswers(handle, tally);
            countReleasedAnonymousAnswers(handle, tally);
            new AnswerCounters(1).add(handle, tally);
            handle.execute("DROP TABLE answer_count");
        }
    }

    /**
     * A Jdbi whose only handle is Flyway's connection, in Flyway's transaction: closing the handle neither closes the
     * connection nor ends the transaction (Flyway commits or rolls back), and a failure names no value, as
     * everywhere in this adapter.
     */
    private static Jdbi onTheMigrationsConnection(Connection connection) {
        Jdbi jdbi = Jdbi.create(new ConnectionFactory() {
            @Override
            public Connection openConnection() {
                return connection;
            }

            @Override
            public void closeConnection(Connection toClose) {
                // Flyway's to close
            }
        });
        jdbi.getConfig(Handles.class).setForceEndTransactions(false);
        jdbi.getConfig(StatementExceptions.class).setMessageRendering(Database::withoutArguments);
        return jdbi;
    }

    /** Every identified answer, one by one: its part is its Finnish day's week and month. */
    private static void countIdentifiedAnswers(Handle handle, AnswerCounters.Tally tally) {
        handle.createQuery("""
                        SELECT survey_id, channel, controller, language, score, answered_at
                        FROM identified_answer""")
                .setFetchSize(FETCH_SIZE)
                .map((rs, ctx) -> new IdentifiedAnswer(rs.getString("survey_id"), rs.getString("channel"),
                        rs.getString("controller"), rs.getString("language"), rs.getInt("score"),
                        rs.getLong("answered_at")))
                .forEach(answer -> tally.add(AnswerBuckets.ofIdentified(Instant.ofEpochMilli(answer.answeredAt())),
                        answer.surveyId(), answer.channel(), answer.controller(), answer.language(),
                        new NpsScore(answer.score()).category(), 1));
    }

    /** The released anonymous answers, counted by week, context and score: the week decides the part. */
    private static void countReleasedAnonymousAnswers(Handle handle, AnswerCounters.Tally tally) {
        Map<String, AnswerBuckets> bucketsByWeek = new HashMap<>();
        handle.createQuery("""
                        SELECT iso_week, survey_id, channel, controller, language, score, COUNT(*) AS answers
                        FROM anonymous_answer
                        GROUP BY iso_week, survey_id, channel, controller, language, score""")
                .map((rs, ctx) -> new AnonymousGroup(rs.getString("iso_week"), rs.getString("survey_id"),
                        rs.getString("channel"), rs.getString("controller"), rs.getString("language"),
                        rs.getInt("score"), rs.getLong("answers")))
                .forEach(group -> tally.add(
                        bucketsByWeek.computeIfAbsent(group.isoWeek(),
                                week -> AnswerBuckets.ofAnonymous(IsoWeek.parse(week))),
                        group.surveyId(), group.channel(), group.controller(), group.language(),
                        new NpsScore(group.score()).category(), group.answers()));
    }

    /** The columns of an identified answer that count ({@code channel} NULL for a study). */
    private record IdentifiedAnswer(String surveyId, String channel, String controller, String language, int score,
            long answeredAt) {
    }

    /** Released anonymous answers of one week, context and score ({@code channel} NULL for a study): how many. */
    private record AnonymousGroup(String isoWeek, String surveyId, String channel, String controller,
            String language, int score, long answers) {
    }
}

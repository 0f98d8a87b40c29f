package fi.palaute.adapters.persistence;

import fi.palaute.application.port.out.AnswerRepository;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.personaldata.ScrubbedComment;
import fi.palaute.domain.report.AnswerBuckets;
import fi.palaute.domain.response.AnswerContext;
import fi.palaute.domain.response.NpsScore;
import fi.palaute.domain.response.StoredAnswer;
import fi.palaute.domain.shared.IsoWeek;
import fi.palaute.domain.survey.Channel;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Answers, in tables that share nothing: {@code identified_answer} (with its customer and invitation until the
 * link is removed) and {@code anonymous_answer} (R-ANON: no customer, invitation, token or time finer than the ISO
 * week), which anonymous answers reach only through {@code anonymous_answer_held}, moved there in batches by
 * {@link #releaseHeldAnonymousAnswers} (see package-info, "R-ANON and PostgreSQL's system columns"). Write-only here:
 * the follow-up team reads identified answers through {@link JdbiFollowUpRepository}, and reports read the counters
 * ({@code answer_part_count}, {@link JdbiAnswerCountRepository}) that the writes here keep in the same transaction: for
 * an identified answer as it is stored, for an anonymous one as it is released ({@link AnswerCounters}). A comment or
 * a customer id never goes into a message (see Database's rendering).
 */
public final class JdbiAnswerRepository implements AnswerRepository {

    private static final String IDENTIFIED_COLUMNS = "answer_id, survey_id, channel, controller, language, score,"
            + " comment, contact_allowed, answered_at, customer_id, invitation_id";
    /** Rows per multi-row INSERT of {@link #insertAll}: 11,000 parameters, within both databases' limits. */
    private static final int BULK_ROWS = Chunks.SIZE;

    private final Jdbi jdbi;
    private final Database.AnonymousRelease release;
    private final AnswerCounters counters;

    JdbiAnswerRepository(Jdbi jdbi, Database.Vendor vendor) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.release = vendor.anonymousRelease;
        this.counters = new AnswerCounters(vendor.counterShards);
    }

    /**
     * One INSERT (as {@link #insertAll} writes them), then one upsert of its week part's counter, in the caller's
     * transaction (or, called
     * outside one, in a transaction of its own: the answer and its counts commit together or not at all).
     */
    @Override
    public void insert(StoredAnswer.IdentifiedAnswer answer) {
        jdbi.useTransaction(handle -> {
            AnswerCounters.Tally tally = new AnswerCounters.Tally();
            PlainJdbc.on(handle, "insert the identified answer", connection -> {
                insertRows(connection, List.of(answer), tally);
                return null;
            });
            counters.add(handle, tally);
        });
    }

    /**
     * One multi-row INSERT per {@link Chunks chunk} of {@value #BULK_ROWS}, the counts tallied in memory meanwhile,
     * then each counter row the answers touch upserted once (one multi-row upsert per chunk of counter rows), all in
     * the caller's transaction (or one of its own): the same rows and counts as inserting the answers one by one.
     *
     * <p>The rows are bound through JDBC directly, one prepared statement reused for every full chunk: a million
     * answers are eleven million values, and Jdbi's binding of each is what cost most. Measured with 300,000 answers
     * on a busy two-CPU machine, three runs in one JVM: SQLite 13.8 s, then 8 s, through Jdbi; 6 s, then 5.5 s, so;
     * PostgreSQL 9.5 s, then 7.7 s, either way within the noise (5.5-9 s). A JDBC batch of single-row INSERTs was
     * slower (SQLite 11 s, PostgreSQL 23 s), and so were chunks of 100 rows; 250 to 2,500 made no clear difference.
     * A failure is reported, as everywhere here, without the values bound (the drivers' messages carry none; see
     * Database).
     */
    @Override
    public void insertAll(List<StoredAnswer.IdentifiedAnswer> answers) {
        if (answers.isEmpty()) {
            return;
        }
        jdbi.useTransaction(handle -> {
            AnswerCounters.Tally tally = new AnswerCounters.Tally();
            PlainJdbc.on(handle, "insert the identified answers", connection -> {
                insertRows(connection, answers, tally);
                return null;
            });
            counters.add(handle, tally);
        });
    }

    private static void insertRows(Connection connection, List<StoredAnswer.IdentifiedAnswer> answers,
            AnswerCounters.Tally tally) throws SQLException {
        PreparedStatement full = null;
        try {
            for (List<StoredAnswer.IdentifiedAnswer> chunk : Chunks.of(answers, BULK_ROWS)) {
                boolean isFull = chunk.size() == BULK_ROWS;
                if (isFull && full == null) {
                    full = connection.prepareStatement(bulkInsert(BULK_ROWS));
                }
                PreparedStatement insert = isFull ? full : connection.prepareStatement(bulkInsert(chunk.size()));
                try {
                    int position = 1;
                    for (StoredAnswer.IdentifiedAnswer answer : chunk) {
                        IdentifiedAnswerRow row = IdentifiedAnswerRow.of(answer);
                        insert.setString(position++, row.answerId());
                        insert.setString(position++, row.surveyId());
                        insert.setString(position++, row.channel());
                        insert.setString(position++, row.controller());
                        insert.setString(position++, row.language());
                        insert.setInt(position++, row.score());
                        insert.setString(position++, row.comment());
                        insert.setInt(position++, row.contactAllowed());
                        insert.setLong(position++, row.answeredAt());
                        insert.setString(position++, row.customerId());
                        insert.setString(position++, row.invitationId());
                        count(tally, answer);
                    }
                    insert.executeUpdate();
                } finally {
                    if (!isFull) {
                        insert.close();
                    }
                }
            }
        } finally {
            if (full != null) {
                full.close();
            }
        }
    }

    private static String bulkInsert(int rows) {
        return "INSERT INTO identified_answer (" + IDENTIFIED_COLUMNS + ") VALUES "
                + Chunks.rowsOfParameters(rows, 11);
    }

    /** The answer's week and month are the domain's to say: by its Finnish day. */
    private static void count(AnswerCounters.Tally tally, StoredAnswer.IdentifiedAnswer answer) {
        tally.add(AnswerBuckets.ofIdentified(answer.answeredAt()), answer.context(), answer.score().category(), 1);
    }

    /**
     * One INSERT into {@code anonymous_answer_held}, in the caller's transaction (the one that used the invitation):
     * the columns are all the table has. The answer stays there, unread, until a release moves it.
     */
    @Override
    public void insert(StoredAnswer.AnonymousAnswer answer) {
        AnonymousAnswerRow row = AnonymousAnswerRow.of(answer);
        jdbi.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO anonymous_answer_held (answer_id, survey_id, channel, controller, language, score,
                                                           comment, iso_week)
                        VALUES (:answerId, :surveyId, :channel, :controller, :language, :score, :comment,
                                :isoWeek)""")
                .bindMethods(row)
                .execute());
    }

    /**
     * In the caller's transaction, which must be open (a job's own, not the one that held an answer): takes the
     * vendor's release lock ({@link Database.AnonymousRelease}), counts the held answers and finds the oldest week
     * among them in one SELECT (MIN of the 'YYYY-Www' text, which sorts as it reads), and, when there are at least
     * {@code minimumBatch} or the oldest week is before {@code currentWeek}, moves them all in the vendor's
     * statements, which also return the moved answers counted by week, survey, channel, controller, language and
     * score; those are added to the counter of their week part (the week, and the month of its Thursday) in the same
     * transaction. Every answer moved is then written by this transaction, so all the rows of a batch share one
     * PostgreSQL xmin, and none shares the xmin of the invitation it answered.
     *
     * <p>Safe on several nodes at once: on PostgreSQL the lock makes releases take turns, each counting what the one
     * before left, and the move deletes exactly the rows it inserts and counts in one statement, so each answer moves
     * and counts once and a batch never falls below the minimum (unless a week has ended); on SQLite the
     * transactions take turns anyway.
     */
    @Override
    public int releaseHeldAnonymousAnswers(int minimumBatch, IsoWeek currentWeek) {
        if (minimumBatch < 1) {
            throw new IllegalArgumentException("a batch holds at least one answer, was " + minimumBatch);
        }
        Objects.requireNonNull(currentWeek, "currentWeek");
        return jdbi.withHandle(handle -> {
            if (!handle.isInTransaction()) {
                throw new IllegalStateException("held anonymous answers can only be released inside a transaction");
            }
            release.lock().ifPresent(handle::execute);
            Held held = handle.createQuery("""
                            SELECT COUNT(*) AS answers, MIN(iso_week) AS oldest_week FROM anonymous_answer_held""")
                    .map((rs, ctx) -> new Held(rs.getLong("answers"), rs.getString("oldest_week")))
                    .one();
            if (!held.due(minimumBatch, currentWeek)) {
                return 0;
            }
            AnswerCounters.Tally tally = movedAndCounted(handle);
            counters.add(handle, tally);
            return Math.toIntExact(tally.answers());
        });
    }

    /** Moves the held answers in the vendor's statements and tallies them by their week part's counter. */
    private AnswerCounters.Tally movedAndCounted(Handle handle) {
        List<MovedGroup> groups = handle.createQuery(release.groups())
                .map((rs, ctx) -> new MovedGroup(rs.getString("iso_week"), rs.getString("survey_id"),
                        rs.getString("channel"), rs.getString("controller"), rs.getString("language"),
                        rs.getInt("score"), rs.getLong("answers")))
                .list();
        AnswerCounters.Tally tally = new AnswerCounters.Tally();
        Map<String, AnswerBuckets> bucketsByWeek = new HashMap<>();
        for (MovedGroup group : groups) {
            AnswerBuckets buckets = bucketsByWeek.computeIfAbsent(group.isoWeek(),
                    week -> AnswerBuckets.ofAnonymous(IsoWeek.parse(week)));
            tally.add(buckets, group.surveyId(), group.channel(), group.controller(), group.language(),
                    new NpsScore(group.score()).category(), group.answers());
        }
        if (release.separately().isPresent()) {
            long counted = tally.answers();
            int copied = handle.createUpdate(release.separately().get().copy()).execute();
            int removed = handle.createUpdate(release.separately().get().emptyHeld()).execute();
            if (copied != counted || removed != counted) {
                throw new IllegalStateException("counted " + counted + " held anonymous answers but moved " + copied
                        + " and removed " + removed + "; rolled back");
            }
        }
        return tally;
    }

    /** Moved answers of one week, survey, channel (NULL for a study), controller, language and score: how many. */
    private record MovedGroup(String isoWeek, String surveyId, String channel, String controller, String language,
            int score, long answers) {
    }

    /** What is held: how many, and the oldest week among them (null when none). */
    private record Held(long answers, String oldestWeek) {

        boolean due(int minimumBatch, IsoWeek currentWeek) {
            return answers > 0
                    && (answers >= minimumBatch || IsoWeek.parse(oldestWeek).compareTo(currentWeek) < 0);
        }
    }

    /**
     * One UPDATE on the partial index of linked answers by time. Safe on several nodes at once: on PostgreSQL a second
     * run that meets a row the first has changed waits, re-checks {@code customer_id IS NOT NULL} on the new version
     * and leaves it, so each answer is counted by one run.
     */
    @Override
    public int deidentifyAnsweredBefore(Instant cutoff) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        UPDATE identified_answer SET customer_id = NULL, invitation_id = NULL
                        WHERE customer_id IS NOT NULL AND answered_at < :cutoff""")
                .bind("cutoff", cutoff.toEpochMilli())
                .execute());
    }

    /** One UPDATE on the index by customer. */
    @Override
    public int deidentifyCustomer(CustomerId customer) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        UPDATE identified_answer SET customer_id = NULL, invitation_id = NULL
                        WHERE customer_id = :customerId""")
                .bind("customerId", customer.value())
                .execute());
    }

    /**
     * A row of {@code identified_answer}: the context as its four columns, the flag as 0/1, the comment's text only
     * (NULL for none). {@code customerId} and {@code invitationId} become NULL when the link is removed.
     */
    public record IdentifiedAnswerRow(
            String answerId,
            String surveyId,
            String channel,
            String controller,
            String language,
            int score,
            String comment,
            int contactAllowed,
            long answeredAt,
            String customerId,
            String invitationId) {

        static IdentifiedAnswerRow of(StoredAnswer.IdentifiedAnswer answer) {
            AnswerContext context = answer.context();
            return new IdentifiedAnswerRow(
                    answer.answerId(),
                    context.surveyId().value(),
                    context.channel().map(Channel::name).orElse(null),
                    context.controller().value(),
                    context.language().code(),
                    answer.score().value(),
                    answer.comment().map(ScrubbedComment::text).orElse(null),
                    answer.contactAllowed() ? 1 : 0,
                    answer.answeredAt().toEpochMilli(),
                    answer.customerId().value(),
                    answer.invitationId());
        }

        /** Hides the comment and the customer, should a row ever be printed. */
        @Override
        public String toString() {
            return "IdentifiedAnswerRow[answerId=" + answerId + ", score=" + score + "]";
        }
    }

    /** A row of {@code anonymous_answer} or {@code anonymous_answer_held} (the same columns): every column it has. */
    public record AnonymousAnswerRow(
            String answerId,
            String surveyId,
            String channel,
            String controller,
            String language,
            int score,
            String comment,
            String isoWeek) {

        static AnonymousAnswerRow of(StoredAnswer.AnonymousAnswer answer) {
            AnswerContext context = answer.context();
            return new AnonymousAnswerRow(
                    answer.answerId(),
                    context.surveyId().value(),
                    context.channel().map(Channel::name).orElse(null),
                    context.controller().value(),
                    context.language().code(),
                    answer.score().value(),
                    answer.comment().map(ScrubbedComment::text).orElse(null),
                    answer.week().toString());
        }

        /** Hides the comment, should a row ever be printed. */
        @Override
        public String toString() {
            return "AnonymousAnswerRow[answerId=" + answerId + ", score=" + score + "]";
        }
    }
}

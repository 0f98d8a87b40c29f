package fi.palaute.adapters.persistence;

import fi.palaute.application.port.out.AnswerRepository;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.personaldata.ScrubbedComment;
import fi.palaute.domain.response.AnswerContext;
import fi.palaute.domain.response.StoredAnswer;
import fi.palaute.domain.shared.IsoWeek;
import fi.palaute.domain.survey.Channel;
import java.time.Instant;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * Answers, in tables that share nothing: {@code identified_answer} (with its customer and invitation until the
 * link is removed) and {@code anonymous_answer} (R-ANON: no customer, invitation, token or time finer than the ISO
 * week), which anonymous answers reach only through {@code anonymous_answer_held}, moved there in batches by
 * {@link #releaseHeldAnonymousAnswers} (see package-info, "R-ANON and PostgreSQL's system columns"). Write-only here:
 * the follow-up team reads identified answers through {@link JdbiFollowUpRepository}, and the summaries will count
 * the identified and the released anonymous ones. A comment or a customer id never goes into a message (see
 * Database's rendering).
 */
public final class JdbiAnswerRepository implements AnswerRepository {

    private final Jdbi jdbi;
    private final Database.AnonymousRelease release;

    JdbiAnswerRepository(Jdbi jdbi, Database.Vendor vendor) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.release = vendor.anonymousRelease;
    }

    /** One INSERT, in the caller's transaction. */
    @Override
    public void insert(StoredAnswer.IdentifiedAnswer answer) {
        IdentifiedAnswerRow row = IdentifiedAnswerRow.of(answer);
        jdbi.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO identified_answer (answer_id, survey_id, channel, controller, language, score,
                                                       comment, contact_allowed, answered_at, customer_id,
                                                       invitation_id)
                        VALUES (:answerId, :surveyId, :channel, :controller, :language, :score, :comment,
                                :contactAllowed, :answeredAt, :customerId, :invitationId)""")
                .bindMethods(row)
                .execute());
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
     * statements. Every answer
     * moved is then written by this transaction, so all the rows of a batch share one PostgreSQL xmin, and none
     * shares the xmin of the invitation it answered.
     *
     * <p>Safe on several nodes at once: on PostgreSQL the lock makes releases take turns, each counting what the one
     * before left, and the move deletes exactly the rows it inserts in one statement, so each answer moves once and
     * a batch never falls below the minimum (unless a week has ended); on SQLite the transactions take turns anyway.
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
            int moved = handle.createUpdate(release.move()).execute();
            if (release.emptyHeld().isPresent()) {
                int removed = handle.createUpdate(release.emptyHeld().get()).execute();
                if (removed != moved) {
                    throw new IllegalStateException("moved " + moved + " held anonymous answers but removed "
                            + removed + "; rolled back");
                }
            }
            return moved;
        });
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

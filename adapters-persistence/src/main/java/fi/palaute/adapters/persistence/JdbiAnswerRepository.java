package fi.palaute.adapters.persistence;

import fi.palaute.application.port.out.AnswerRepository;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.personaldata.ScrubbedComment;
import fi.palaute.domain.response.AnswerContext;
import fi.palaute.domain.response.StoredAnswer;
import fi.palaute.domain.survey.Channel;
import java.time.Instant;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * Answers, in two tables that share nothing: {@code identified_answer} (with its customer and invitation until the
 * link is removed) and {@code anonymous_answer} (R-ANON: no customer, invitation, token or time finer than the ISO
 * week). Write-only here: the follow-up team reads identified answers through {@link JdbiFollowUpRepository}, and the
 * summaries will count both. A comment or a customer id never goes into a message (see Database's rendering).
 */
public final class JdbiAnswerRepository implements AnswerRepository {

    private final Jdbi jdbi;

    JdbiAnswerRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
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

    /** One INSERT, in the caller's transaction: the columns are all the table has. */
    @Override
    public void insert(StoredAnswer.AnonymousAnswer answer) {
        AnonymousAnswerRow row = AnonymousAnswerRow.of(answer);
        jdbi.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO anonymous_answer (answer_id, survey_id, channel, controller, language, score,
                                                      comment, iso_week)
                        VALUES (:answerId, :surveyId, :channel, :controller, :language, :score, :comment,
                                :isoWeek)""")
                .bindMethods(row)
                .execute());
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

    /** A row of {@code anonymous_answer}: every column it has. */
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

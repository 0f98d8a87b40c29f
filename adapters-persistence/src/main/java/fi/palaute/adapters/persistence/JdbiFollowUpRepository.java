package fi.palaute.adapters.persistence;

import fi.palaute.application.port.out.FollowUpRepository;
import fi.palaute.domain.consent.AgentId;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.followup.FollowUp;
import fi.palaute.domain.followup.FollowUpOutcome;
import fi.palaute.domain.followup.FollowUpState;
import fi.palaute.domain.followup.FollowUpView;
import fi.palaute.domain.response.NpsScore;
import fi.palaute.domain.survey.Channel;
import fi.palaute.domain.survey.Language;
import fi.palaute.domain.survey.SurveyId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;
import org.jdbi.v3.core.statement.Query;

/**
 * Follow-ups, read joined with their identified answer for whom to contact, the score, the comment and the language.
 * Every change of state is one conditional UPDATE whose count says whether it happened, so of concurrent takes (or a
 * take and a cancel) on any nodes exactly one changes the row: on PostgreSQL the second waits for the first to
 * commit, then re-checks its condition on the new version and finds it false. See package-info.
 */
public final class JdbiFollowUpRepository implements FollowUpRepository {

    private static final RowMapper<FollowUpViewRow> ROW = ConstructorMapper.of(FollowUpViewRow.class);
    private static final String SELECT = """
            SELECT f.follow_up_id, f.answer_id, f.survey_id, f.channel, f.state, f.taken_by, f.outcome, f.opened_at,
                   f.changed_at, a.customer_id, a.score, a.comment, a.language
            FROM follow_up f JOIN identified_answer a ON a.answer_id = f.answer_id
            """;
    private static final String ACTIVE = "state IN ('OPEN', 'TAKEN')";
    /** The customer's follow-ups, through the customer's answers (on the index by customer, then by answer). */
    private static final String OF_CUSTOMER =
            "answer_id IN (SELECT answer_id FROM identified_answer WHERE customer_id = :customerId)";
    /**
     * The time a change is written with: never before the follow-up opened, which another node, its clock a little
     * ahead, may have stamped; the CHECK (changed_at >= opened_at) would otherwise fail the change.
     */
    private static final String CHANGED_AT = "changed_at = CASE WHEN opened_at > :at THEN opened_at ELSE :at END";

    private final Jdbi jdbi;

    JdbiFollowUpRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    /** One INSERT, in the caller's transaction, after the answer it points at (a foreign key checks that it exists). */
    @Override
    public void insert(FollowUp followUp) {
        FollowUpRow row = FollowUpRow.of(followUp);
        jdbi.useHandle(handle -> handle.createUpdate("""
                        INSERT INTO follow_up (follow_up_id, answer_id, survey_id, channel, state, taken_by, outcome,
                                               opened_at, changed_at)
                        VALUES (:followUpId, :answerId, :surveyId, :channel, :state, :takenBy, :outcome, :openedAt,
                                :changedAt)""")
                .bindMethods(row)
                .execute());
    }

    @Override
    public Optional<FollowUpView> find(String followUpId) {
        return jdbi.withHandle(handle -> handle.createQuery(SELECT + " WHERE f.follow_up_id = :followUpId")
                .bind("followUpId", followUpId)
                .map(ROW)
                .findOne()
                .map(FollowUpViewRow::toDomain));
    }

    /**
     * One SELECT in id order: on the index (channel, state, follow_up_id) for a channel, on the primary key for all;
     * each follow-up joined with its answer by the answer's primary key.
     */
    @Override
    public List<FollowUpView> list(Optional<Channel> channel, Optional<FollowUpState> state, Optional<String> afterId,
            int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        return jdbi.withHandle(handle -> {
            Query query = handle.createQuery(SELECT + " WHERE 1 = 1"
                            + (channel.isPresent() ? " AND f.channel = :channel" : "")
                            + (state.isPresent() ? " AND f.state = :state" : "")
                            + (afterId.isPresent() ? " AND f.follow_up_id > :afterId" : "")
                            + " ORDER BY f.follow_up_id LIMIT :limit")
                    .bind("limit", limit);
            channel.ifPresent(value -> query.bind("channel", value.name()));
            state.ifPresent(value -> query.bind("state", value.name()));
            afterId.ifPresent(value -> query.bind("afterId", value));
            return query.map(ROW).map(FollowUpViewRow::toDomain).list();
        });
    }

    /** One conditional UPDATE on the primary key: only an open follow-up is taken. */
    @Override
    public boolean take(String followUpId, AgentId agent, Instant at) {
        int taken = jdbi.withHandle(handle -> handle.createUpdate("UPDATE follow_up SET state = 'TAKEN',"
                        + " taken_by = :agent, " + CHANGED_AT + " WHERE follow_up_id = :followUpId AND state = 'OPEN'")
                .bind("agent", agent.value())
                .bind("at", at.toEpochMilli())
                .bind("followUpId", followUpId)
                .execute());
        return taken == 1;
    }

    /** One conditional UPDATE on the primary key: only an open or taken follow-up is closed. */
    @Override
    public boolean close(String followUpId, FollowUpOutcome outcome, Instant at) {
        int closed = jdbi.withHandle(handle -> handle.createUpdate("UPDATE follow_up SET state = 'CLOSED',"
                        + " outcome = :outcome, " + CHANGED_AT + " WHERE follow_up_id = :followUpId AND " + ACTIVE)
                .bind("outcome", outcome.name())
                .bind("at", at.toEpochMilli())
                .bind("followUpId", followUpId)
                .execute());
        return closed == 1;
    }

    /** One UPDATE, through the customer's answers; a de-identified answer's follow-up is no longer the customer's. */
    @Override
    public int cancelActiveOfCustomer(CustomerId customer, Instant at) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE follow_up SET state = 'CANCELLED', " + CHANGED_AT
                        + " WHERE " + ACTIVE + " AND " + OF_CUSTOMER)
                .bind("at", at.toEpochMilli())
                .bind("customerId", customer.value())
                .execute());
    }

    /** One UPDATE on the partial index of active follow-ups by opening time. */
    @Override
    public int cancelActiveOpenedBefore(Instant cutoff, Instant at) {
        return jdbi.withHandle(handle -> handle.createUpdate("UPDATE follow_up SET state = 'CANCELLED', " + CHANGED_AT
                        + " WHERE " + ACTIVE + " AND opened_at < :cutoff")
                .bind("at", at.toEpochMilli())
                .bind("cutoff", cutoff.toEpochMilli())
                .execute());
    }

    /**
     * One DELETE, through the customer's answers: call it before the answers are de-identified, which cuts the way
     * from the customer to them.
     */
    @Override
    public int deleteOfCustomer(CustomerId customer) {
        return jdbi.withHandle(handle -> handle.createUpdate("DELETE FROM follow_up WHERE " + OF_CUSTOMER)
                .bind("customerId", customer.value())
                .execute());
    }

    /** A row of {@code follow_up} as it is written; the optional parts are NULL when absent. */
    public record FollowUpRow(
            String followUpId,
            String answerId,
            String surveyId,
            String channel,
            String state,
            String takenBy,
            String outcome,
            long openedAt,
            long changedAt) {

        static FollowUpRow of(FollowUp followUp) {
            return new FollowUpRow(
                    followUp.id(),
                    followUp.answerId(),
                    followUp.surveyId().value(),
                    followUp.channel().map(Channel::name).orElse(null),
                    followUp.state().name(),
                    followUp.takenBy().map(AgentId::value).orElse(null),
                    followUp.outcome().map(FollowUpOutcome::name).orElse(null),
                    followUp.openedAt().toEpochMilli(),
                    followUp.changedAt().toEpochMilli());
        }
    }

    /**
     * A row of {@code follow_up} joined with its answer's customer (NULL once de-identified), score, comment (NULL for
     * none) and language. {@link #toString()} hides the customer and the comment.
     */
    public record FollowUpViewRow(
            String followUpId,
            String answerId,
            String surveyId,
            String channel,
            String state,
            String takenBy,
            String outcome,
            long openedAt,
            long changedAt,
            String customerId,
            int score,
            String comment,
            String language) {

        FollowUpView toDomain() {
            FollowUp followUp = new FollowUp(
                    followUpId,
                    answerId,
                    new SurveyId(surveyId),
                    Optional.ofNullable(channel).map(Channel::valueOf),
                    FollowUpState.valueOf(state),
                    Optional.ofNullable(takenBy).map(AgentId::new),
                    Optional.ofNullable(outcome).map(FollowUpOutcome::valueOf),
                    Instant.ofEpochMilli(openedAt),
                    Instant.ofEpochMilli(changedAt));
            return new FollowUpView(
                    followUp,
                    Optional.ofNullable(customerId).map(CustomerId::new),
                    new NpsScore(score),
                    Optional.ofNullable(comment),
                    Language.ofCode(language));
        }

        @Override
        public String toString() {
            return "FollowUpViewRow[followUpId=" + followUpId + ", state=" + state + "]";
        }
    }
}

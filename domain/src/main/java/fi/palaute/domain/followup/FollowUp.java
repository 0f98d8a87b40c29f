package fi.palaute.domain.followup;

import fi.palaute.domain.consent.AgentId;
import fi.palaute.domain.survey.Channel;
import fi.palaute.domain.survey.SurveyId;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A detractor who allowed contact, waiting for the channel's team (R-FOLLOWUP). It points at the identified answer;
 * the answer holds the customer, the score and the comment, so there is one place where they are erased.
 * {@code channel} is the team's (a study's answer has none). {@code takenBy} is set from taking on, {@code outcome}
 * only when closed.
 */
public record FollowUp(
        String id,
        String answerId,
        SurveyId surveyId,
        Optional<Channel> channel,
        FollowUpState state,
        Optional<AgentId> takenBy,
        Optional<FollowUpOutcome> outcome,
        Instant openedAt,
        Instant changedAt) {

    public FollowUp {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(answerId, "answerId");
        Objects.requireNonNull(surveyId, "surveyId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(takenBy, "takenBy");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(openedAt, "openedAt");
        Objects.requireNonNull(changedAt, "changedAt");
        if (state == FollowUpState.OPEN && takenBy.isPresent()) {
            throw new IllegalArgumentException("an open follow-up is taken by no one");
        }
        if (state == FollowUpState.TAKEN && takenBy.isEmpty()) {
            throw new IllegalArgumentException("a taken follow-up names who took it");
        }
        if ((state == FollowUpState.CLOSED) != outcome.isPresent()) {
            throw new IllegalArgumentException("a closed follow-up, and only a closed one, has an outcome");
        }
        if (changedAt.isBefore(openedAt)) {
            throw new IllegalArgumentException("a follow-up changes after it opens");
        }
    }

    /** A new follow-up for an answer. */
    public static FollowUp open(String id, String answerId, SurveyId surveyId, Optional<Channel> channel, Instant at) {
        return new FollowUp(id, answerId, surveyId, channel, FollowUpState.OPEN, Optional.empty(), Optional.empty(),
                at, at);
    }
}

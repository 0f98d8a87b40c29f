package fi.palaute.adapters.http.followup;

import fi.palaute.domain.followup.FollowUp;
import fi.palaute.domain.followup.FollowUpOutcome;
import fi.palaute.domain.followup.FollowUpState;
import fi.palaute.domain.followup.FollowUpView;
import fi.palaute.domain.survey.Channel;
import java.time.Instant;
import java.util.List;

/** The JSON shapes of the follow-up API (R-FOLLOWUP) and their mapping from the domain. */
final class FollowUpDtos {

    private FollowUpDtos() {
    }

    enum Action {
        TAKE, CLOSE
    }

    /** {@code TAKE} with {@code agentId}, or {@code CLOSE} with {@code outcome}; nothing else can be set. */
    record ActionBody(Action action, String agentId, FollowUpOutcome outcome) {
    }

    /**
     * A follow-up with what the team needs to act on it. Members without a value are left out: {@code channel}
     * for a study's answer, {@code comment} when none was written, {@code customerId} once the answer was
     * de-identified, {@code takenBy} while open, {@code outcome} until closed. The comment is the scrubbed one.
     */
    record FollowUpJson(
            String id, FollowUpState state, String surveyId, Channel channel, int score, String comment,
            String language, String customerId, String takenBy, FollowUpOutcome outcome, Instant openedAt,
            Instant changedAt) {

        static FollowUpJson of(FollowUpView view) {
            FollowUp f = view.followUp();
            return new FollowUpJson(f.id(), f.state(), f.surveyId().value(), f.channel().orElse(null),
                    view.score().value(), view.comment().orElse(null), view.language().code(),
                    view.customerId().map(c -> c.value()).orElse(null),
                    f.takenBy().map(agent -> agent.value()).orElse(null), f.outcome().orElse(null), f.openedAt(),
                    f.changedAt());
        }

        @Override
        public String toString() {
            return "FollowUpJson[id=" + id + ", state=" + state + ", customer and comment hidden]";
        }
    }

    /** {@code next} is left out on the last page. */
    record FollowUpPage(List<FollowUpJson> followUps, String next) {
    }
}

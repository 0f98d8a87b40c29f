package fi.palaute.application.port.in.followup;

import fi.palaute.domain.consent.AgentId;
import fi.palaute.domain.followup.FollowUpState;
import fi.palaute.domain.followup.FollowUpView;

/** An agent of the channel's team takes an open follow-up; two agents taking it at once: one wins. */
@FunctionalInterface
public interface TakeFollowUpUseCase {

    Result take(String followUpId, AgentId agent);

    sealed interface Result {
    }

    record Taken(FollowUpView followUp) implements Result {
    }

    record NotFound() implements Result {
    }

    /** Already taken, closed or cancelled. */
    record NotOpen(FollowUpState state) implements Result {
    }
}

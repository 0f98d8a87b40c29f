package fi.palaute.application.port.in.followup;

import fi.palaute.domain.followup.FollowUpOutcome;
import fi.palaute.domain.followup.FollowUpState;
import fi.palaute.domain.followup.FollowUpView;

/** Closes an open or taken follow-up with its outcome. */
@FunctionalInterface
public interface CloseFollowUpUseCase {

    Result close(String followUpId, FollowUpOutcome outcome);

    sealed interface Result {
    }

    record Closed(FollowUpView followUp) implements Result {
    }

    record NotFound() implements Result {
    }

    /** Already closed or cancelled. */
    record AlreadyEnded(FollowUpState state) implements Result {
    }
}

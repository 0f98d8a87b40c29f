package fi.palaute.domain.followup;

import static org.junit.jupiter.api.Assertions.assertThrows;

import fi.palaute.domain.consent.AgentId;
import fi.palaute.domain.survey.SurveyId;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FollowUpTest {

    private static final Instant T = Instant.parse("2026-11-25T10:00:00Z");
    private static final Optional<AgentId> AGENT = Optional.of(new AgentId("agent-1"));

    private static FollowUp of(FollowUpState state, Optional<AgentId> takenBy, Optional<FollowUpOutcome> outcome,
            Instant changedAt) {
        return new FollowUp("f", "a", new SurveyId("S"), Optional.empty(), state, takenBy, outcome, T, changedAt);
    }

    @Test
    void theLifeCycleHoldsItsInvariants() {
        of(FollowUpState.OPEN, Optional.empty(), Optional.empty(), T);
        of(FollowUpState.TAKEN, AGENT, Optional.empty(), T);
        of(FollowUpState.CLOSED, Optional.empty(), Optional.of(FollowUpOutcome.RESOLVED), T);
        of(FollowUpState.CANCELLED, AGENT, Optional.empty(), T);
        assertThrows(IllegalArgumentException.class, () -> of(FollowUpState.OPEN, AGENT, Optional.empty(), T));
        assertThrows(IllegalArgumentException.class,
                () -> of(FollowUpState.TAKEN, Optional.empty(), Optional.empty(), T));
        assertThrows(IllegalArgumentException.class,
                () -> of(FollowUpState.CLOSED, AGENT, Optional.empty(), T));
        assertThrows(IllegalArgumentException.class,
                () -> of(FollowUpState.CANCELLED, AGENT, Optional.of(FollowUpOutcome.RESOLVED), T));
        assertThrows(IllegalArgumentException.class,
                () -> of(FollowUpState.OPEN, Optional.empty(), Optional.empty(), T.minusSeconds(1)));
    }
}

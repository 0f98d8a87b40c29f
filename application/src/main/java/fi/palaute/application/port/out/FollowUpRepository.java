package fi.palaute.application.port.out;

import fi.palaute.domain.consent.AgentId;
import fi.palaute.domain.consent.CustomerId;
import fi.palaute.domain.followup.FollowUp;
import fi.palaute.domain.followup.FollowUpOutcome;
import fi.palaute.domain.followup.FollowUpState;
import fi.palaute.domain.followup.FollowUpView;
import fi.palaute.domain.survey.Channel;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Follow-ups (R-FOLLOWUP), read together with their answer's customer, score, comment and language. */
public interface FollowUpRepository {

    void insert(FollowUp followUp);

    Optional<FollowUpView> find(String followUpId);

    /** Of one channel and in one state, or all; by id (oldest first), after {@code afterId} when given. */
    List<FollowUpView> list(Optional<Channel> channel, Optional<FollowUpState> state, Optional<String> afterId,
            int limit);

    /** OPEN → TAKEN by {@code agent}, in one conditional statement; false when it was not open. */
    boolean take(String followUpId, AgentId agent, Instant at);

    /** OPEN or TAKEN → CLOSED with the outcome, in one conditional statement; false when it was not. */
    boolean close(String followUpId, FollowUpOutcome outcome, Instant at);

    /** Cancels every open or taken follow-up of the customer's answers (a prohibition); returns how many. */
    int cancelActiveOfCustomer(CustomerId customer, Instant at);

    /** Cancels every open or taken follow-up opened before {@code cutoff} (retention); returns how many. */
    int cancelActiveOpenedBefore(Instant cutoff, Instant at);

    /** Removes every follow-up of the customer's answers (an erasure request); returns how many. */
    int deleteOfCustomer(CustomerId customer);
}
